package cluster_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
)

// A cluster in a Ballast network with its keys; AddNodeGroups and AddAddons
// wire version, node role and ordering in one call each.
func Example() {
	azs := []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}
	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("eks"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	net := network.NewNetwork(stack, "Network", &network.NetworkProps{AvailabilityZones: azs})
	keys := storage.NewKeys(stack, "Keys", &storage.KeysProps{AliasPrefix: jsii.String("alias/shop")})
	eks := cluster.NewCluster(stack, "Cluster", &cluster.ClusterProps{
		ClusterName: jsii.String("shop"), Vpc: net.Vpc, ControlPlaneSubnets: net.ControlPlaneSubnets,
		SecretsKey: keys.Secrets, LogsKey: keys.Logs,
	})
	system := eks.AddNodeGroups(stack, "System", &nodegroup.NodeGroupSetProps{
		Name: jsii.String("system"), Subnets: net.PrivateSubnets, AvailabilityZones: azs, VolumeKey: keys.EBS,
	})
	addons := eks.AddAddons(stack, "Addons", &addon.AddonsProps{EBSKey: keys.EBS})
	fmt.Println(len(system.NodeGroups), "node groups,", len(addons.Installed), "add-ons")
	// Output:
	// 3 node groups, 7 add-ons
}

// ValidateSettings reports every problem of the settings at once, by field
// path, with no construct (Validate also checks the wiring: VPC, keys).
func ExampleClusterProps_ValidateSettings() {
	err := cluster.ClusterProps{ClusterName: jsii.String("shop"), Version: jsii.String("1.20"), PublicAccessCIDRs: []string{"0.0.0.0/0"}}.ValidateSettings()
	fmt.Println(err)
	// Output:
	// version: unsupported Kubernetes version (standard support: 1.34, 1.35, 1.36; with upgradePolicy=EXTENDED also 1.32, 1.33)
	// publicAccessCIDRs: public access CIDRs need endpointAccess=public-and-private
	// publicAccessCIDRs[0]: opens the Kubernetes API endpoint to the whole internet (any block larger than a /8 counts); if that is really meant, opt in with allowOpenPublicEndpoint=true (the synth then warns ballast:cluster-public-endpoint)
}
