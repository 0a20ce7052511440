package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/internal/ec2types"
)

// CNI is the vpc-cni address management the add-on room configures (prefix
// delegation and warm targets are the add-on's defaults); the IP capacity
// check counts addresses the same way.
func (c *Config) CNI() network.CNI {
	return network.CNI{
		PrefixDelegation: addon.DefaultPrefixDelegation,
		WarmPrefixTarget: addon.DefaultWarmPrefixTarget,
		WarmENITarget:    network.DefaultCNI.WarmENITarget,
	}
}

// groupDemand is one configured node group as the IP check sees it.
type groupDemand struct {
	name    string
	maxVar  string
	maxSize int
	spec    ec2types.Spec
}

// nodeGroupDemands lists the configured node groups with the instance type
// that takes the most addresses per node. Auto Mode has none; a group with
// no known instance type is skipped (its types are reported elsewhere).
func (c *Config) nodeGroupDemands() []groupDemand {
	if c.Compute == ComputeAuto {
		return nil
	}
	groups := []groupDemand{{name: "system", maxVar: VarNodeMaxSize, maxSize: c.NodeMaxSize}}
	types := [][]string{c.NodeInstanceTypes}
	if c.WorkersEnabled {
		groups = append(groups, groupDemand{name: "workers", maxVar: VarWorkersMaxSize, maxSize: c.Workers.MaxSize})
		types = append(types, c.Workers.InstanceTypes)
	}
	var out []groupDemand
	for i, g := range groups {
		known := false
		for _, t := range types[i] {
			if s, err := ec2types.Lookup(t); err == nil && (!known || s.MaxIPv4() > g.spec.MaxIPv4()) {
				g.spec, known = s, true
			}
		}
		if known && g.maxSize > 0 {
			out = append(out, g)
		}
	}
	return out
}

// IPDemand is what the configured node groups (each scaling alone in every
// AZ up to its max size) and the interface endpoints take from each AZ's
// subnets at max scale.
func (c *Config) IPDemand() []network.AZDemand {
	other := 0
	if c.InterfaceEndpointsEnabled() {
		other = network.InterfaceEndpointENIs
	}
	cni := c.CNI()
	var nodes []network.NodeDemand
	for _, g := range c.nodeGroupDemands() {
		nodes = append(nodes, network.NodeDemand{
			Group: g.name, MaxNodes: g.maxSize, ENIs: g.spec.MaxENIs, IPv4PerENI: g.spec.IPv4PerENI,
			MaxPods: g.spec.MaxPods(cni.PrefixDelegation),
		})
	}
	var out []network.AZDemand
	for _, az := range c.AZs {
		out = append(out, network.AZDemand{AZ: az, OtherIPs: other, Nodes: nodes})
	}
	return out
}

// validateIPCapacity fails when a subnet cannot hold the node groups at max
// scale, naming the AZ, the numbers and the variables that fix it.
func (c *Config) validateIPCapacity(p *problems, plan network.Plan) {
	groups := c.nodeGroupDemands()
	if len(groups) == 0 {
		return
	}
	_, err := network.CheckIPCapacity(plan, c.CNI(), c.IPDemand())
	if err == nil {
		return
	}
	var sizes []string
	largest := groups[0] // the group taking the most addresses is named
	for _, g := range groups {
		sizes = append(sizes, fmt.Sprintf("%s=%d", g.maxVar, g.maxSize))
		if g.maxSize*g.spec.MaxIPv4() > largest.maxSize*largest.spec.MaxIPv4() {
			largest = g
		}
	}
	fix := fmt.Sprintf("the variables: %s, %s, %s", VarVPCCIDR, VarPodCIDR, strings.Join(sizes, ", "))
	for _, line := range strings.Split(err.Error(), "\n") {
		p.add(largest.maxVar, strconv.Itoa(largest.maxSize), "%s (%s)", line, fix)
	}
}

// IPCapacity reports, per AZ subnet, the addresses the configured node
// groups need at max scale against what the subnet holds. ok is false with
// an existing VPC (Ballast does not know its subnets' sizes) or Auto Mode.
func (c *Config) IPCapacity() (report network.Report, ok bool) {
	if c.BringYourOwnVPC() || len(c.nodeGroupDemands()) == 0 {
		return network.Report{}, false
	}
	plan, err := c.SubnetPlan()
	if err != nil {
		return network.Report{}, false
	}
	report, _ = network.CheckIPCapacity(plan, c.CNI(), c.IPDemand())
	return report, true
}
