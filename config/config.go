// Package config turns the process environment (variables prefixed
// BALLAST_) into platform.Props: one table of variables (Vars) drives
// loading, per-profile defaults, error texts and the README's variable
// table. The same code serves dev, staging and prod; only the environment
// differs.
//
// Config holds no construct rule: Load parses each variable into the
// construct's own types, builds the props and runs platform.Props.Validate,
// then reports each construct problem under the variable its field path
// comes from (fields.go). Only the rules no construct can know live here:
// a variable a mode ignores, an AZ belonging to the region, subnet IDs
// without the VPC they belong to, CoreDNS replicas outside dev.
//
// Each part of the platform owns one file here: its Config part (embedded
// in Config), its variables and how they become props (core.go,
// network.go, storage.go, cluster.go, nodes.go, addons.go).
package config

import "github.com/ballast-eks/ballast/platform"

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

// Config is the validated configuration of one environment. Each part's
// settings are an embedded struct, so fields read flat (cfg.VPCCIDR).
type Config struct {
	CoreConfig
	NetworkConfig
	StorageConfig
	ClusterConfig
	NodesConfig
	AddonsConfig
	MonitoringConfig
	ZonesConfig
	AcknowledgeConfig
	GitOpsConfig
	KarpenterConfig
	FargateConfig

	// explicit names the variables the environment set (Load fills it), so
	// validation can reject settings a mode would silently ignore.
	explicit map[string]string
	// values is the value each variable was loaded from (set or default),
	// for the messages of construct problems.
	values map[string]string
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
var Vars = concat(coreVars, networkVars, storageVars, clusterVars, nodeVars, addonVars, monitoringVars, zoneVars, gitOpsVars, karpenterVars, fargateVars, environmentVars, acknowledgeVars)

// Validate reports every problem with the configuration at once, each naming
// the environment variable, the bad value and what is accepted: the rules
// of config itself, then every problem platform.Props.Validate finds,
// under its variable. It is pure: no AWS calls, no mutation.
func (c *Config) Validate() error { return c.problems().err() }

func (c *Config) problems() problems {
	var p problems
	c.validateIgnored(&p)
	c.validateNetwork(&p)
	c.validateAddons(&p)
	c.translate(&p, c.Props().Validate())
	return p
}

// Props returns the platform the configuration describes.
func (c *Config) Props() platform.Props {
	return platform.Props{
		Name:            c.ClusterName,
		Profile:         c.Env.policy(),
		Account:         c.Account,
		Region:          c.Region,
		Tags:            c.Tags,
		Acknowledged:    c.Acknowledge,
		Network:         c.networkProps(),
		ExistingNetwork: c.existingNetworkProps(),
		Storage:         c.storageProps(),
		Cluster:         c.clusterProps(),
		NodeGroups:      c.nodeGroups(),
		Addons:          c.addonsProps(),
		Monitoring:      c.monitoringProps(),
		Baseline:        c.baselineProps(),
		Karpenter:       c.karpenterProps(),
		Fargate:         c.fargateProfiles(),
	}
}

// policy is the platform profile a profile name selects (prod for an
// unknown name, which Load has already reported).
func (p Profile) policy() *platform.Profile {
	for _, pr := range platform.Profiles {
		if pr.Name == string(p) {
			return &pr
		}
	}
	return &platform.Prod
}

func concat(tables ...[]Var) []Var {
	var out []Var
	for _, t := range tables {
		out = append(out, t...)
	}
	return out
}
