// Package config loads Ballast's per-environment configuration from the
// process environment (variables prefixed BALLAST_), applies per-profile
// defaults and validates the result. The same code serves dev, staging and
// prod; only the environment differs.
//
// Each room of the platform owns one file here: its Config part (embedded
// in Config), its variables and its validation (core.go, network.go,
// storage.go, cluster.go, nodes.go, addons.go).
package config

// Profile names a deployment environment. It selects defaults: dev is cheap
// (one NAT gateway, short log retention); staging and prod are resilient
// (a NAT gateway per AZ, private endpoint, longer retention).
type Profile string

// The profiles BALLAST_ENV accepts.
const (
	ProfileDev     Profile = "dev"
	ProfileStaging Profile = "staging"
	ProfileProd    Profile = "prod"
)

// Profiles lists every accepted profile, in order.
var Profiles = []Profile{ProfileDev, ProfileStaging, ProfileProd}

// Config is the validated configuration of one environment. Each room's
// settings are an embedded struct, so fields read flat (cfg.VPCCIDR).
type Config struct {
	CoreConfig
	NetworkConfig
	StorageConfig
	ClusterConfig
	NodesConfig
	AddonsConfig

	// explicit names the variables the environment set (Load fills it), so
	// validation can reject settings a mode would silently ignore.
	explicit map[string]string
}

// IsSet reports whether the environment set variable name (rather than the
// profile's default applying).
func (c *Config) IsSet(name string) bool { _, ok := c.explicit[name]; return ok }

// rawOf is the value the environment gave variable name.
func (c *Config) rawOf(name string) string { return c.explicit[name] }

// IsProd reports whether the profile is prod.
func (c *Config) IsProd() bool { return c.Env == ProfileProd }

// Vars is the table of every environment variable Ballast reads, in load
// order (a default may depend on values loaded before it).
var Vars = concat(coreVars, networkVars, storageVars, clusterVars, nodeVars, addonVars)

// Validate reports every problem with the configuration at once, each naming
// the environment variable, the bad value and what is accepted. It is pure:
// no AWS calls, no mutation.
func (c *Config) Validate() error { return c.problems().err() }

func (c *Config) problems() problems {
	var p problems
	c.validateIgnored(&p)
	c.validateCore(&p)
	c.validateNetwork(&p)
	c.validateStorage(&p)
	c.validateCluster(&p)
	c.validateNodes(&p)
	c.validateAddons(&p)
	return p
}

func concat(tables ...[]Var) []Var {
	var out []Var
	for _, t := range tables {
		out = append(out, t...)
	}
	return out
}
