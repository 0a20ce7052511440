package config

import (
	"strings"
)

// Lookup reads one environment variable; os.LookupEnv is the real one.
type Lookup func(name string) (string, bool)

// Load reads every variable in Vars through lookup, applies the profile's
// defaults for unset (or blank) ones, and validates the result. The error,
// if any, lists every problem at once (errors.Join), one per line.
func Load(lookup Lookup) (*Config, error) { return loadNamed(lookup, nil) }

// loadNamed is Load, also rejecting the unknown BALLAST_ variables among names
// (the names the environment sets).
func loadNamed(lookup Lookup, names []string) (*Config, error) {
	c := &Config{}
	profile := ProfileDev
	if raw, ok := lookup(VarEnv); ok && strings.TrimSpace(raw) != "" {
		profile = Profile(strings.TrimSpace(raw))
	}
	var parse problems
	failed := map[string]bool{}
	c.explicit, c.values = map[string]string{}, map[string]string{}
	for _, v := range Vars {
		raw, ok := lookup(v.Name)
		raw = strings.TrimSpace(raw)
		def := v.Default(profile, c, lookup)
		if !ok || raw == "" {
			raw = def
		} else {
			c.explicit[v.Name] = raw
		}
		c.values[v.Name] = raw
		if err := v.Set(c, raw); err != nil {
			parse.add(v.Name, raw, "%v", err)
			failed[v.Name] = true
			_ = v.Set(c, def) // judge the rest against the default, not a zero value
			c.values[v.Name] = def
		}
	}
	validateNames(&parse, names, lookup)
	all := append(parse, c.problems().without(failed)...)
	if len(all) > 0 {
		return nil, all.err()
	}
	return c, nil
}

// Defaults returns the configuration a profile gets with no variables set,
// except the region fallbacks (CDK_DEFAULT_*), which are not consulted.
func Defaults(p Profile) (*Config, error) {
	return Load(func(name string) (string, bool) {
		if name == VarEnv {
			return string(p), true
		}
		return "", false
	})
}
