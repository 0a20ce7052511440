package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
)

// ClusterStackProps configures ClusterStack. Cluster.Vpc, subnets and keys
// come from the network and storage stacks; NodeGroups' cluster and subnets
// are filled in by the stack.
type ClusterStackProps struct {
	awscdk.StackProps
	Cluster    cluster.ClusterProps
	NodeGroups []nodegroup.NodeGroupSetProps
	// Addons configures the EKS managed add-ons; the stack fills in the
	// cluster and node groups. nil installs none.
	Addons *addon.AddonsProps
}

// ClusterStack holds the control plane and its node groups.
type ClusterStack struct {
	awscdk.Stack
	Cluster    *cluster.Cluster
	NodeGroups []*nodegroup.NodeGroupSet
	// Addons are the managed add-ons (nil when props.Addons is nil).
	Addons *addon.Addons
}

// NewClusterStack creates the cluster stack.
func NewClusterStack(scope constructs.Construct, id string, props *ClusterStackProps) *ClusterStack {
	s := &ClusterStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	s.Cluster = cluster.NewCluster(s.Stack, "Cluster", &props.Cluster)
	for _, ng := range props.NodeGroups {
		ng.Cluster = s.Cluster.Cluster
		s.NodeGroups = append(s.NodeGroups, nodegroup.NewNodeGroupSet(s.Stack, "NodeGroup-"+*ng.Name, &ng))
	}
	if props.Addons != nil {
		s.Addons = s.newAddons(props.Addons)
	}
	return s
}
