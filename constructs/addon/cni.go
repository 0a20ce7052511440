package addon

import "github.com/ballast-eks/ballast/internal/defaults"

// DefaultWarmENITarget is vpc-cni's own WARM_ENI_TARGET, which Ballast
// leaves as it is: with prefix delegation off, each node keeps one spare,
// fully addressed ENI.
const DefaultWarmENITarget = 1

// WithDefaults returns a copy of c with every unset field set to its
// default (a nil c gives the defaults): the vpc-cni settings Ballast
// installs, which IP capacity planning must count with.
func (c *VpcCniConfig) WithDefaults() VpcCniConfig {
	var out VpcCniConfig
	if c != nil {
		out = *c
	}
	defaults.Set(&out.PrefixDelegation, DefaultPrefixDelegation)
	if *out.PrefixDelegation {
		defaults.Set(&out.WarmPrefixTarget, DefaultWarmPrefixTarget)
	}
	defaults.Set(&out.NetworkPolicy, DefaultNetworkPolicy)
	return out
}
