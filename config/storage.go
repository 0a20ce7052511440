package config

// StorageConfig is the storage room's configuration (keys, EFS, backup).
type StorageConfig struct{}

var storageVars = []Var{}

func (c *Config) validateStorage(p *problems) {}
