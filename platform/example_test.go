package platform_test

import (
	"fmt"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// One environment from Go values: validated in pure Go, then three stacks.
func Example() {
	props := platform.Props{
		Profile: &platform.Prod,
		Account: "222222222222", Region: "eu-west-1",
		Network:    network.NetworkProps{AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}},
		Cluster:    cluster.ClusterProps{ClusterName: jsii.String("shop-prod")},
		NodeGroups: []nodegroup.NodeGroupSetProps{{Name: jsii.String("system"), MaxSize: ptr.To(10)}},
		Addons:     &addon.AddonsProps{},
	}
	if err := props.Validate(); err != nil {
		panic(err)
	}
	p := platform.New(cdkapp.NewApp(""), &props)
	p.ApplyChecks()
	for _, s := range p.Stacks() {
		fmt.Println(*s.StackName())
	}
	// Output:
	// shop-prod-network
	// shop-prod-storage
	// shop-prod-cluster
}

// Validate names every problem by field path, before any construct.
func ExampleProps_Validate() {
	props := platform.Props{
		Region:     "eu-west-1",
		Network:    network.NetworkProps{AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}},
		Cluster:    cluster.ClusterProps{ClusterName: jsii.String("shop-prod"), Version: jsii.String("1.20")},
		NodeGroups: []nodegroup.NodeGroupSetProps{{Name: jsii.String("system"), MinSize: ptr.To(5), MaxSize: ptr.To(2)}},
	}
	fmt.Println(props.Validate())
	// Output:
	// cluster.version: unsupported Kubernetes version (standard support: 1.34, 1.35, 1.36; with upgradePolicy=EXTENDED also 1.32, 1.33)
	// nodeGroups[system].maxSize: must be >= minSize (min=5 desired=5 max=2)
	// nodeGroups[system].desiredSize: must be between min and max (min=5 desired=5 max=2)
}
