package platform

import (
	"slices"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
)

// StatefulParts are the stacks a running cluster stands on: deleting the
// network stack removes NAT gateways and endpoints under the nodes, the
// storage stack the keys that decrypt secrets and volumes. Weak cross-stack
// references (Fn::GetStackOutput) no longer make CloudFormation refuse
// such a deletion, so termination protection does.
var StatefulParts = []string{PartNetwork, PartStorage}

// Protects reports whether the profile turns on termination protection
// for the platform's stack part.
func (p Profile) Protects(part string) bool {
	return p.TerminationProtection || slices.Contains(p.ProtectedParts, part)
}

// protectStacks applies the profile's termination protection per part.
func protectStacks(p *Platform) {
	for part, s := range map[string]interface{ SetTerminationProtection(*bool) }{
		PartNetwork: p.NetworkStack.Stack, PartStorage: p.StorageStack.Stack, PartCluster: p.ClusterStack.Stack,
	} {
		s.SetTerminationProtection(jsii.Bool(p.Props.Profile.Protects(part)))
	}
}

// controlPlaneEgress returns the blocks the control plane may reach when
// the props do not say: the planned VPC block and pod CIDR, as literals
// (no cross-stack reference), or an existing VPC's block when given.
func controlPlaneEgress(set []string, net *network.Network, existing *network.ExistingNetworkProps) []string {
	switch {
	case len(set) > 0:
		return set
	case net.Plan != nil && net.Plan.PodCIDR.IsValid():
		return []string{net.Plan.VPC.String(), net.Plan.PodCIDR.String()}
	case net.Plan != nil:
		return []string{net.Plan.VPC.String()}
	case existing != nil && existing.VpcCIDR != nil:
		return []string{*existing.VpcCIDR}
	}
	return nil
}
