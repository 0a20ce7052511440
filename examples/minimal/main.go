// Command minimal is the shortest Ballast program: one stack holding a VPC,
// the platform's KMS keys, an EKS cluster, a per-AZ system node group and
// the pinned EKS managed add-ons its nodes need to become Ready, composed
// directly from the library's constructs with their defaults.
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

var azs = []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}

func build(app awscdk.App) awscdk.Stack {
	stack := awscdk.NewStack(app, jsii.String("minimal-eks"), &awscdk.StackProps{
		Env: &awscdk.Environment{Region: jsii.String("eu-west-1")},
	})
	net := network.NewNetwork(stack, "Network", &network.NetworkProps{AvailabilityZones: azs})
	keys := storage.NewKeys(stack, "Keys", &storage.KeysProps{AliasPrefix: jsii.String("alias/minimal-eks")})
	eks := cluster.NewCluster(stack, "Cluster", &cluster.ClusterProps{
		ClusterName:         jsii.String("minimal"),
		Vpc:                 net.Vpc,
		ControlPlaneSubnets: net.ControlPlaneSubnets,
		SecretsKey:          keys.Secrets,
		LogsKey:             keys.Logs,
	})
	eks.AddNodeGroups(stack, "System", &nodegroup.NodeGroupSetProps{
		Name:              jsii.String("system"),
		Subnets:           net.PrivateSubnets,
		AvailabilityZones: azs,
		VolumeKey:         keys.EBS,
	})
	// The cluster is created without EKS's self-managed add-ons: this one
	// call installs vpc-cni, kube-proxy, CoreDNS, the Pod Identity agent,
	// the EBS CSI driver and metrics-server, ordered around the nodes.
	eks.AddAddons(stack, "Addons", &addon.AddonsProps{EBSKey: keys.EBS})
	checks.Apply(app, checks.Options{}) // the EKS rule pack: an error fails synthesis
	return stack
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("") // recommended feature flags; CDK_OUTDIR or cdk.out
	build(app)
	app.Synth(nil)
}
