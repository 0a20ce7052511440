package config

// AddonsConfig is the add-on room's configuration.
type AddonsConfig struct{}

var addonVars = []Var{}

func (c *Config) validateAddons(p *problems) {}
