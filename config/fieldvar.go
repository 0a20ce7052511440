package config

// VarOfField returns the variable the platform.Props field path is loaded
// from ("network.natMode" -> BALLAST_NAT_MODE), and whether there is one.
// The warnings catalogue uses it to say which variable changes a warning.
func VarOfField(path string) (string, bool) {
	name, _, ok := varOf(path)
	return name, ok
}
