package network_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/network"
)

// A VPC over three explicit AZs: per AZ a private, a public and a
// control-plane subnet carved by the documented plan, and a NAT gateway.
func Example() {
	azs := []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}
	plan, err := network.PlanSubnets("10.0.0.0/16", azs) // pure Go: what NewNetwork will build
	if err != nil {
		panic(err)
	}
	for _, az := range plan.AZs {
		fmt.Println(az.AZ, "private", az.Private, "public", az.Public, "control plane", az.ControlPlane)
	}

	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("network"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	net := network.NewNetwork(stack, "Network", &network.NetworkProps{AvailabilityZones: azs})
	fmt.Println(len(net.PrivateSubnets), "private subnets for the node groups")
	// Output:
	// eu-west-1a private 10.0.0.0/18 public 10.0.192.0/22 control plane 10.0.204.0/28
	// eu-west-1b private 10.0.64.0/18 public 10.0.196.0/22 control plane 10.0.204.16/28
	// eu-west-1c private 10.0.128.0/18 public 10.0.200.0/22 control plane 10.0.204.32/28
	// 3 private subnets for the node groups
}

// Validate reports every problem at once, by field path, with no construct.
func ExampleNetworkProps_Validate() {
	err := network.NetworkProps{AvailabilityZones: []string{"eu-west-1a"}, CIDR: jsii.String("10.0.0.1/16")}.Validate()
	fmt.Println(err)
	// Output:
	// availabilityZones: need 2 to 6 availability zones (3 recommended), got 1
	// cidr: host bits are set; did you mean 10.0.0.0/16?
}
