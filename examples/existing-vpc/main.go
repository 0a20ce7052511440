// Command existing-vpc builds a Ballast cluster inside a VPC another team
// owns: the VPC and subnets are imported by ID (no lookups, nothing
// created), the keys live in their own stack, and an application team gets
// edit access to its namespaces only, through EKS access entries.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
)

// The VPC the network team runs, as they published it.
var (
	env            = &awscdk.Environment{Account: jsii.String("111122223333"), Region: jsii.String("eu-central-1")}
	azs            = []string{"eu-central-1a", "eu-central-1b", "eu-central-1c"}
	vpcID          = "vpc-0a1b2c3d4e5f60718"
	vpcCIDR        = "10.20.0.0/16"
	privateSubnets = []string{"subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"}
	teamRole       = "arn:aws:iam::111122223333:role/payments-developers"
)

func build(app awscdk.App) {
	cdkapp.PinAvailabilityZones(app, *env.Account, *env.Region, azs)
	keysStack := awscdk.NewStack(app, jsii.String("payments-keys"), &awscdk.StackProps{Env: env})
	keys := storage.NewKeys(keysStack, "Keys", &storage.KeysProps{AliasPrefix: jsii.String("alias/payments")})

	stack := awscdk.NewStack(app, jsii.String("payments-eks"), &awscdk.StackProps{Env: env})
	net := network.ImportNetwork(stack, "Network", &network.ExistingNetworkProps{
		VpcID: jsii.String(vpcID), VpcCIDR: jsii.String(vpcCIDR), AvailabilityZones: azs, PrivateSubnetIDs: privateSubnets,
	})
	eks := cluster.NewCluster(stack, "Cluster", &cluster.ClusterProps{
		ClusterName:         jsii.String("payments"),
		Vpc:                 net.Vpc,
		ControlPlaneSubnets: net.ControlPlaneSubnets,
		SecretsKey:          keys.Secrets,
		LogsKey:             keys.Logs,
	})
	eks.GrantNamespaceEdit("PaymentsTeam", teamRole, "payments", "payments-batch")
	// The rule pack cannot see inside an imported subnet; these are the
	// network team's private subnets of this VPC, with a NAT route per AZ,
	// which is what it would check.
	for rule, reason := range map[string]string{
		checks.RulePrivateSubnets:     "the network team's private subnets, imported by ID",
		checks.RuleNodeEgress:         "the network team routes its private subnets through a NAT gateway per AZ",
		checks.RulePrivateEndpointVpc: "cluster and nodes use subnets of the one imported VPC",
	} {
		awscdk.Annotations_Of(stack).AcknowledgeWarning(jsii.String(rule+"-unverified"), jsii.String(reason))
	}
	awscdk.Annotations_Of(stack).AcknowledgeWarning(jsii.String("@aws-cdk/aws-eks:clusterMustManuallyTagSubnet"),
		jsii.String("the network team tags its subnets for load balancers (see README)"))
	// One call each: the cluster sets version and node role, and orders the
	// nodes after the CNI and the add-ons that run pods after the nodes.
	eks.AddNodeGroups(stack, "System", &nodegroup.NodeGroupSetProps{
		Name:              jsii.String("system"),
		Subnets:           net.PrivateSubnets,
		AvailabilityZones: azs,
		VolumeKey:         keys.EBS,
	})
	eks.AddAddons(stack, "Addons", &addon.AddonsProps{EBSKey: keys.EBS})
	checks.Apply(app, checks.Options{}) // the EKS rule pack: an error fails synthesis
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("") // recommended feature flags; CDK_OUTDIR or cdk.out
	build(app)
	app.Synth(nil)
}
