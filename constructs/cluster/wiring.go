package cluster

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// IDNodeRole is the construct ID of the node role AddNodeGroups creates in
// the scope of its first call. Renaming it replaces the role under running
// nodes.
const IDNodeRole = "NodeRole"

// AddNodeGroups adds one logical node group (one managed node group per
// AZ) to the cluster, in the spirit of aws-cdk-lib's addNodegroupCapacity:
// the call sets the cluster, its Kubernetes version and the node role every
// group of the cluster shares (created in scope as IDNodeRole on the first
// call), and orders the groups after the add-ons nodes need to become
// Ready once add-ons exist (and the add-ons that run pods after the
// groups). Leave Cluster, KubernetesVersion and NodeRole unset in props:
// a value there would be ignored, so it is an error. It panics with the
// construct path on invalid props, or under EKS Auto Mode.
func (c *Cluster) AddNodeGroups(scope constructs.Construct, id string, props *nodegroup.NodeGroupSetProps) *nodegroup.NodeGroupSet {
	if props == nil {
		props = &nodegroup.NodeGroupSetProps{}
	}
	propcheck.Must(scope, id, "nodegroup", c.checkAttach(props))
	p := *props
	p.Cluster, p.KubernetesVersion = c.Resource, jsii.String(c.Version)
	if c.nodeRole == nil {
		c.nodeRole = nodegroup.NewNodeRole(scope, IDNodeRole)
	}
	p.NodeRole = c.nodeRole
	set := nodegroup.NewNodeGroupSet(scope, id, &p)
	c.nodeGroups = append(c.nodeGroups, set)
	if c.addons != nil {
		c.orderAfterAddons(set)
		c.addons.WaitFor(set.Dependables()...)
	}
	return set
}

// checkAttach rejects what AddNodeGroups would otherwise ignore or what
// EKS would refuse, before any construct is created.
func (c *Cluster) checkAttach(p *nodegroup.NodeGroupSetProps) error {
	if c.AutoMode {
		return fmt.Errorf("compute: EKS Auto Mode runs the nodes; node groups cannot be added")
	}
	if p.Cluster != nil || p.KubernetesVersion != nil || p.NodeRole != nil {
		return fmt.Errorf("cluster, kubernetesVersion, nodeRole: set by AddNodeGroups; leave them unset")
	}
	n := len(p.Subnets)
	for _, s := range c.nodeGroups {
		n += len(s.NodeGroups)
	}
	return nodegroup.CheckClusterNodeGroups(n)
}

// AddAddons installs the cluster's pinned EKS managed add-ons in one call:
// it sets the cluster and its Kubernetes version, makes the add-ons that
// run pods wait for the node groups added so far (and for those added
// later), and orders those node groups after the add-ons nodes need to
// become Ready (Pod Identity agent, vpc-cni, kube-proxy). Under EKS Auto
// Mode it installs only the add-ons Auto Mode lacks (addon.AutoModeAddons).
// Leave Cluster, KubernetesVersion, NodeGroups and AutoMode unset in
// props. It panics with the construct path on invalid props, or when
// called twice.
func (c *Cluster) AddAddons(scope constructs.Construct, id string, props *addon.AddonsProps) *addon.Addons {
	if props == nil {
		props = &addon.AddonsProps{}
	}
	var err error
	switch {
	case c.addons != nil:
		err = fmt.Errorf("the cluster's add-ons are already installed")
	case props.Cluster != nil || props.KubernetesVersion != nil || len(props.NodeGroups) > 0 || props.AutoMode != nil:
		err = fmt.Errorf("cluster, kubernetesVersion, nodeGroups, autoMode: set by AddAddons; leave them unset")
	}
	propcheck.Must(scope, id, "addon", err)
	p := *props
	p.Cluster, p.KubernetesVersion = c.Resource, jsii.String(c.Version)
	if c.AutoMode {
		p.AutoMode = jsii.Bool(true)
	}
	for _, set := range c.nodeGroups {
		p.NodeGroups = append(p.NodeGroups, set.Dependables()...)
	}
	c.addons = addon.NewAddons(scope, id, &p)
	for _, set := range c.nodeGroups {
		c.orderAfterAddons(set)
	}
	return c.addons
}

// orderAfterAddons starts a set's nodes only once networking and
// credentials are configured.
func (c *Cluster) orderAfterAddons(set *nodegroup.NodeGroupSet) {
	for _, ng := range set.NodeGroups {
		ng.Node().AddDependency(c.addons.BeforeCompute()...)
	}
}

// NodeRole is the role every node group of the cluster shares; nil until
// the first AddNodeGroups call.
func (c *Cluster) NodeRole() awsiam.Role { return c.nodeRole }

// NodeGroups are the node group sets added with AddNodeGroups, in order.
func (c *Cluster) NodeGroups() []*nodegroup.NodeGroupSet { return c.nodeGroups }

// Addons are the add-ons installed with AddAddons; nil before.
func (c *Cluster) Addons() *addon.Addons { return c.addons }
