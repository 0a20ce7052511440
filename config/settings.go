package config

// Setting is one variable as loaded: its value and whether the environment
// set it (otherwise the profile's default applies; "" is unset).
type Setting struct {
	Name, Value string
	FromEnv     bool
}

// Settings lists every variable of Vars, in table order, with the value the
// configuration was loaded with and where it came from.
func (c *Config) Settings() []Setting {
	out := make([]Setting, len(Vars))
	for i, v := range Vars {
		out[i] = Setting{Name: v.Name, Value: c.values[v.Name], FromEnv: c.IsSet(v.Name)}
	}
	return out
}
