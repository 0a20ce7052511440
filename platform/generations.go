package platform

import (
	"fmt"
	"regexp"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/stacks"
)

// Generation is one cluster generation of a platform (blue/green): a
// cluster of its own, wired like the others, in the shared network and
// with the shared keys, file system and backup bucket.
type Generation struct {
	// Name suffixes the generation's cluster stack and cluster names, e.g.
	// "blue": <Name>-cluster-blue, <clusterName>-blue. "" keeps the
	// unsuffixed names, for the cluster a platform deployed before it had
	// generations. Default: "".
	Name string
	// Version is the generation's Kubernetes version; its node groups and
	// add-ons follow it. Default: Cluster.Version.
	Version *string
}

// EKS's control-plane ENIs, as the generations check counts them: EKS
// places up to ControlPlaneENIs per cluster in the cluster's subnets and
// needs up to ControlPlaneUpgradeIPs more free during a version upgrade.
const (
	ControlPlaneENIs       = 4
	ControlPlaneUpgradeIPs = 5
)

// maxStackNameLength is CloudFormation's limit.
const maxStackNameLength = 128

var generationNameRe = regexp.MustCompile(`^[a-z][a-z0-9]{0,15}$`)

// generations are the platform's cluster generations: one unnamed
// generation without Generations.
func (p Props) generations() []Generation {
	if len(p.Generations) == 0 {
		return []Generation{{}}
	}
	return p.Generations
}

func (g Generation) suffix() string {
	if g.Name == "" {
		return ""
	}
	return "-" + g.Name
}

// label names a node group of the generation in the IP capacity report.
func (g Generation) label(group string) string {
	if g.Name == "" {
		return group
	}
	return g.Name + "/" + group
}

// ClusterStackName returns the name of generation's cluster stack, e.g.
// "shop-prod-cluster-green" ("" for the unsuffixed one).
func (p Props) ClusterStackName(generation string) string {
	return p.StackName(PartCluster) + Generation{Name: generation}.suffix()
}

// forGeneration is p as generation g's cluster stack sees it: the cluster
// name suffixed, the generation's version.
func (p Props) forGeneration(g Generation) Props {
	out := p
	if p.Cluster.ClusterName != nil {
		out.Cluster.ClusterName = jsii.String(*p.Cluster.ClusterName + g.suffix())
	}
	if g.Version != nil {
		out.Cluster.Version = g.Version
	}
	return out
}

// newClusterStacks builds every generation's cluster stack, each wired to
// the shared network and storage stacks, and lets each generation's EFS
// driver mount the shared file system.
func newClusterStacks(scope constructs.Construct, p *Platform) {
	for _, g := range p.Props.generations() {
		gp := p.Props.forGeneration(g)
		cs := stacks.NewClusterStack(scope, p.Props.ClusterStackName(g.Name), gp.clusterStackProps(p, PartCluster+g.suffix()))
		p.ClusterStacks = append(p.ClusterStacks, cs)
		grantFileSystemToEFSDriver(p, cs)
	}
	p.ClusterStack = p.ClusterStacks[0]
}

// validateGenerations checks the generations' names and each generation's
// cluster, node groups and add-ons as its version sees them (problems the
// platform's own checks, given in found, already report are not repeated),
// and that the control-plane subnets hold every generation's ENIs with
// each one's upgrade margin.
func (d Props) validateGenerations(found []error) []error {
	var errs []error
	seen := map[string]bool{}
	for _, e := range found {
		seen[e.Error()] = true
	}
	names := map[string]bool{}
	for i, g := range d.Generations {
		path := fmt.Sprintf("generations[%d]", i)
		if g.Name != "" && !generationNameRe.MatchString(g.Name) {
			errs = append(errs, fmt.Errorf("%s.name: %q is not a generation name: a lower-case letter, then up to 15 lower-case letters or digits", path, g.Name))
		}
		if names[g.Name] {
			errs = append(errs, fmt.Errorf("%s.name: %q is listed twice; generation names must be unique", path, g.Name))
		}
		names[g.Name] = true
		if n := d.ClusterStackName(g.Name); len(n) > maxStackNameLength {
			errs = append(errs, fmt.Errorf("%s.name: the cluster stack name %s is longer than %d characters", path, n, maxStackNameLength))
		}
		gd := d.forGeneration(g)
		gerrs := append(under("cluster", gd.Cluster.ValidateSettings()), gd.validateCompute()...)
		for _, e := range gerrs {
			if !seen[e.Error()] {
				errs = append(errs, fmt.Errorf("%s (%s): %w", path, g.Name, e))
			}
		}
	}
	return append(errs, d.controlPlaneProblems()...)
}

// controlPlaneProblems: the control-plane subnets of the subnet plan (a
// /28 per AZ) must hold every generation's control-plane ENIs plus each
// one's upgrade margin, since generations overlap and either may upgrade.
// With an existing VPC or EKS Auto Mode (control plane in the private
// subnets, which hold thousands) nothing is checked here.
func (d Props) controlPlaneProblems() []error {
	if d.ExistingNetwork != nil || d.autoMode() || len(d.Generations) < 2 {
		return nil
	}
	azs := len(d.Network.AvailabilityZones)
	usable := azs * (1<<(32-network.ControlPlaneBits) - network.AWSReservedIPs)
	need := len(d.Generations) * (ControlPlaneENIs + ControlPlaneUpgradeIPs)
	if need <= usable {
		return nil
	}
	return []error{fmt.Errorf("generations: %d clusters need up to %d control-plane addresses (%d ENIs + %d for an upgrade each) "+
		"but the %d control-plane /%d subnets hold %d; use fewer generations at once or more availability zones",
		len(d.Generations), need, ControlPlaneENIs, ControlPlaneUpgradeIPs, azs, network.ControlPlaneBits, usable)}
}
