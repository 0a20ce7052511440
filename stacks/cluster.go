package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
)

// Construct IDs of the cluster stack. Renaming one replaces infrastructure.
const (
	idCluster         = "Cluster"
	idNodeGroupPrefix = "NodeGroup-"
	idAddons          = "Addons"
)

// ClusterStackProps configures ClusterStack. Cluster.Vpc, subnets and keys
// come from the network and storage stacks; NodeGroups' cluster, version,
// node role and volume key are filled in by the stack.
type ClusterStackProps struct {
	awscdk.StackProps
	Cluster cluster.ClusterProps
	// NodeGroups are the logical node groups, each expanded per AZ. They
	// are ignored when the cluster runs EKS Auto Mode
	// (Cluster.Compute = cluster.ComputeAuto), which runs the nodes.
	NodeGroups []nodegroup.NodeGroupSetProps
	// NodeVolumeKey encrypts node EBS volumes (the storage stack's EBS key).
	NodeVolumeKey awskms.IKey
	// Addons configures the EKS managed add-ons; the stack fills in the
	// cluster and node groups. nil installs none.
	Addons *addon.AddonsProps
}

// ClusterStack holds the control plane and its node groups.
type ClusterStack struct {
	awscdk.Stack
	Cluster *cluster.Cluster
	// NodeRole is the one role every node group shares; nil without node
	// groups.
	NodeRole   awsiam.Role
	NodeGroups []*nodegroup.NodeGroupSet
	// Addons are the managed add-ons (nil when props.Addons is nil).
	Addons *addon.Addons
}

// Output IDs of the cluster stack (also their names in the template).
const (
	OutputClusterName          = "ClusterName"
	OutputClusterArn           = "ClusterArn"
	OutputClusterEndpoint      = "ClusterEndpoint"
	OutputOIDCIssuer           = "OidcIssuerUrl"
	OutputKubeconfigCommand    = "KubeconfigCommand"
	OutputBreakGlassRoleArn    = "BreakGlassRoleArn"
	OutputBreakGlassKubeconfig = "BreakGlassKubeconfigCommand"
)

// NewClusterStack creates the cluster stack: the control plane, then its
// node groups and add-ons, each added with one call on the cluster (which
// sets the version and node role and orders them).
func NewClusterStack(scope constructs.Construct, id string, props *ClusterStackProps) *ClusterStack {
	s := &ClusterStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	s.Cluster = cluster.NewCluster(s.Stack, idCluster, &props.Cluster)
	s.addClusterOutputs()
	if s.Cluster.AutoMode {
		// Auto Mode runs the nodes and their core add-ons; the add-ons it
		// lacks are installed.
		if props.Addons != nil {
			s.Addons = s.Cluster.AddAddons(s.Stack, idAddons, props.Addons)
		}
		return s
	}
	for _, ng := range props.NodeGroups {
		ng.VolumeKey = props.NodeVolumeKey
		s.NodeGroups = append(s.NodeGroups, s.Cluster.AddNodeGroups(s.Stack, idNodeGroupPrefix+*ng.Name, &ng))
	}
	s.NodeRole = s.Cluster.NodeRole()
	if props.Addons != nil {
		s.Addons = s.Cluster.AddAddons(s.Stack, idAddons, props.Addons)
	}
	return s
}

// addClusterOutputs publishes what operators need to reach the cluster.
func (s *ClusterStack) addClusterOutputs() {
	c := s.Cluster.Resource
	out := func(id, desc string, value *string) {
		awscdk.NewCfnOutput(s.Stack, jsii.String(id), &awscdk.CfnOutputProps{Description: jsii.String(desc), Value: value})
	}
	kubeconfig := awscdk.Fn_Join(jsii.String(""), &[]*string{
		jsii.String("aws eks update-kubeconfig --name "), c.ClusterName(), jsii.String(" --region "), s.Stack.Region(),
	})
	out(OutputClusterName, "EKS cluster name", c.ClusterName())
	out(OutputClusterArn, "EKS cluster ARN", c.ClusterArn())
	out(OutputClusterEndpoint, "Kubernetes API endpoint", c.ClusterEndpoint())
	out(OutputOIDCIssuer, "OIDC issuer URL (IAM roles for service accounts)", c.ClusterOpenIdConnectIssuerUrl())
	out(OutputKubeconfigCommand, "Writes a kubeconfig entry for the cluster", kubeconfig)
	if r := s.Cluster.BreakGlassRole; r != nil {
		out(OutputBreakGlassRoleArn, "Break-glass cluster-admin role (emergencies only)", r.RoleArn())
		out(OutputBreakGlassKubeconfig, "Writes a kubeconfig entry that uses the break-glass role",
			awscdk.Fn_Join(jsii.String(""), &[]*string{kubeconfig, jsii.String(" --role-arn "), r.RoleArn()}))
	}
}
