package platform

import (
	"fmt"
	"strings"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
)

// IP demand has one owner: the platform derives it once from the node
// groups and the one vpc-cni setting (Addons.VpcCni), and hands the same
// values to the network (subnet capacity) and to the vpc-cni add-on.

// vpcCni is the vpc-cni setting the add-on installs, defaults applied.
func (p Props) vpcCni() addon.VpcCniConfig {
	if p.Addons == nil {
		return (*addon.VpcCniConfig)(nil).WithDefaults()
	}
	return p.Addons.VpcCni.WithDefaults()
}

// cni is how that vpc-cni setting hands out addresses.
func (p Props) cni() network.CNI {
	v := p.vpcCni()
	c := network.CNI{PrefixDelegation: *v.PrefixDelegation, WarmENITarget: addon.DefaultWarmENITarget}
	if v.WarmPrefixTarget != nil {
		c.WarmPrefixTarget = *v.WarmPrefixTarget
	}
	return c
}

// groupDemand is one node group as the IP check sees it.
type groupDemand struct {
	path    string // the group's field path, e.g. nodeGroups[system]
	maxSize int
	node    nodegroup.NodeAddresses
}

// groupDemands lists the node groups with a known instance type (unknown
// types are reported by the node group's own rules) and a max size.
func (p Props) groupDemands() []groupDemand {
	var out []groupDemand
	for i, ng := range p.NodeGroups {
		if n, node, ok := ng.IPDemand(); ok && n > 0 {
			out = append(out, groupDemand{path: groupPath(i, ng.Name), maxSize: n, node: node})
		}
	}
	return out
}

// ipDemand is what the node groups (each scaling alone in every AZ up to
// its max size, in every cluster generation) and the interface endpoints
// take from each AZ's subnets.
func (p Props) ipDemand() []network.AZDemand {
	groups := p.groupDemands()
	if len(groups) == 0 {
		return nil
	}
	other := 0
	if p.Network.InterfaceEndpoints != nil && *p.Network.InterfaceEndpoints {
		other = network.InterfaceEndpointENIs
	}
	cni := p.cni()
	var nodes []network.NodeDemand
	for _, gen := range p.generations() { // every generation at max scale at once
		for _, g := range groups {
			nodes = append(nodes, network.NodeDemand{
				Group: gen.label(groupName(g.path)), MaxNodes: g.maxSize, ENIs: g.node.ENIs, IPv4PerENI: g.node.IPv4PerENI,
				MaxPods: g.node.Pods(cni.PrefixDelegation),
			})
		}
	}
	var out []network.AZDemand
	for _, az := range p.Network.AvailabilityZones {
		out = append(out, network.AZDemand{AZ: az, OtherIPs: other, Nodes: nodes})
	}
	return out
}

// IPDemand is what the node groups and interface endpoints take from each
// AZ's subnets at max scale, as the platform hands it to the network (nil
// with an existing VPC or without node groups).
func (p Props) IPDemand() []network.AZDemand { return p.withDefaults().Network.IPDemand }

// capacityProblems re-homes the network's IP capacity problems on the node
// group taking the most addresses, and names what fixes them.
func (p Props) capacityProblems(lines []string) []error {
	groups := p.groupDemands()
	if len(groups) == 0 {
		return nil
	}
	largest := groups[0]
	fix := []string{"network.cidr", "network.podCIDR"}
	for _, g := range groups {
		fix = append(fix, fmt.Sprintf("%s.maxSize=%d", g.path, g.maxSize))
		if g.maxSize*g.node.MaxIPv4() > largest.maxSize*largest.node.MaxIPv4() {
			largest = g
		}
	}
	var errs []error
	for _, line := range lines {
		errs = append(errs, fmt.Errorf("%s.maxSize: %s (change %s)", largest.path, line, strings.Join(fix, ", ")))
	}
	return errs
}

// groupPath is a node group's field path: by name, or by index without one.
func groupPath(i int, name *string) string {
	if name == nil || *name == "" {
		return fmt.Sprintf("nodeGroups[%d]", i)
	}
	return "nodeGroups[" + *name + "]"
}

func groupName(path string) string {
	return strings.TrimSuffix(strings.TrimPrefix(path, "nodeGroups["), "]")
}
