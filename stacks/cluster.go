package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
)

// Construct IDs of the cluster stack. Renaming one replaces infrastructure.
const (
	idCluster         = "Cluster"
	idNodeRole        = "NodeRole"
	idNodeGroupPrefix = "NodeGroup-"
)

// ClusterStackProps configures ClusterStack. Cluster.Vpc, subnets and keys
// come from the network and storage stacks; NodeGroups' cluster, version,
// node role and volume key are filled in by the stack.
type ClusterStackProps struct {
	awscdk.StackProps
	Cluster cluster.ClusterProps
	// NodeGroups are the logical node groups, each expanded per AZ.
	NodeGroups []nodegroup.NodeGroupSetProps
	// NodeVolumeKey encrypts node EBS volumes (the storage stack's EBS key).
	NodeVolumeKey awskms.IKey
}

// ClusterStack holds the control plane and its node groups.
type ClusterStack struct {
	awscdk.Stack
	Cluster *cluster.Cluster
	// NodeRole is the one role every node group shares; nil without node
	// groups.
	NodeRole   awsiam.Role
	NodeGroups []*nodegroup.NodeGroupSet
}

// NewClusterStack creates the cluster stack.
func NewClusterStack(scope constructs.Construct, id string, props *ClusterStackProps) *ClusterStack {
	s := &ClusterStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	s.Cluster = cluster.NewCluster(s.Stack, idCluster, &props.Cluster)
	// COMPUTE GATE: with EKS Auto Mode (BALLAST_COMPUTE=auto, cluster room)
	// no managed node groups may be created: pass no NodeGroups (see
	// platform.go, nodeGroups) and this stack creates neither role nor groups.
	s.addNodeGroups(props)
	return s
}

func (s *ClusterStack) addNodeGroups(props *ClusterStackProps) {
	if len(props.NodeGroups) == 0 {
		return
	}
	if err := nodegroup.CheckClusterQuota(props.NodeGroups); err != nil {
		panic(fmt.Errorf("stacks: %w", err))
	}
	s.NodeRole = nodegroup.NewNodeRole(s.Stack, idNodeRole)
	for _, ng := range props.NodeGroups {
		ng.Cluster = s.Cluster.Cluster
		ng.KubernetesVersion = jsii.String(s.Cluster.Version)
		ng.NodeRole = s.NodeRole
		ng.VolumeKey = props.NodeVolumeKey
		s.NodeGroups = append(s.NodeGroups, nodegroup.NewNodeGroupSet(s.Stack, idNodeGroupPrefix+*ng.Name, &ng))
	}
}
