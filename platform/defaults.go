package platform

import (
	"slices"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/defaults"
)

// DefaultKeyAliasPrefix prefixes the platform's KMS key aliases:
// alias/ballast/<Name>/<purpose>.
const DefaultKeyAliasPrefix = "alias/ballast/"

// withDefaults returns a filled copy of p (p is not modified): the name,
// the profile and what the platform derives. Construct defaults stay the
// constructs' own.
func (p Props) withDefaults() Props {
	out := p
	out.Name = p.name()
	out.Profile = defaults.Or(p.Profile, Prod)
	out.Cluster.RemovalPolicy = defaults.Or(p.Cluster.RemovalPolicy, out.Profile.ClusterRemovalPolicy)
	out.Cluster = out.Cluster.WithDefaults()
	if out.Storage.Keys.AliasPrefix == nil {
		out.Storage.Keys.AliasPrefix = jsii.String(DefaultKeyAliasPrefix + out.Name)
	}
	out.NodeGroups = slices.Clone(p.NodeGroups)
	if p.Addons != nil {
		a := *p.Addons
		if !p.autoMode() { // Auto Mode runs pod networking itself
			cni := p.vpcCni()
			a.VpcCni = &cni
		}
		out.Addons = &a
	}
	if p.ExistingNetwork == nil {
		cni := out.cni()
		out.Network.CNI = &cni
		out.Network.IPDemand = out.ipDemand()
	}
	return out
}

// availabilityZones are the AZs of whichever network the platform uses.
func (p Props) availabilityZones() []string {
	if p.ExistingNetwork != nil {
		return p.ExistingNetwork.AvailabilityZones
	}
	return p.Network.AvailabilityZones
}

func (p Props) autoMode() bool {
	return p.Cluster.Compute != nil && *p.Cluster.Compute == cluster.ComputeAuto
}
