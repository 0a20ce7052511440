package nodegroup

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/ballast-eks/ballast/internal/nag"
)

// NodeRolePolicies are the AWS managed policies of the node role, exactly.
// AmazonEKS_CNI_Policy is deliberately absent: the VPC CNI gets its own
// Pod Identity role, so pods on the node cannot borrow ENI permissions.
// Instance access is through SSM Session Manager, never SSH.
var NodeRolePolicies = []string{
	"AmazonEKSWorkerNodePolicy",
	"AmazonEC2ContainerRegistryPullOnly",
	"AmazonSSMManagedInstanceCore",
}

// NewNodeRole creates the one IAM role every managed node group of a
// cluster shares (EKS creates its EC2_LINUX access entry). Give it a stable
// id: renaming it replaces the role under running nodes.
func NewNodeRole(scope constructs.Construct, id string) awsiam.Role {
	policies := make([]awsiam.IManagedPolicy, len(NodeRolePolicies))
	for i, name := range NodeRolePolicies {
		policies[i] = awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(name))
	}
	role := awsiam.NewRole(scope, jsii.String(id), &awsiam.RoleProps{
		Description:     jsii.String("Ballast: EKS managed node groups' node role"),
		AssumedBy:       awsiam.NewServicePrincipal(jsii.String("ec2.amazonaws.com"), nil),
		ManagedPolicies: &policies,
	})
	nag.SuppressManagedPolicies(role, "EKS documents exactly these AWS managed policies for the node IAM role "+
		"(node registration, image pulls, SSM access instead of SSH); AWS keeps them in step with EKS", NodeRolePolicies...)
	return role
}
