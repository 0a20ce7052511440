// Command auto-mode builds a Ballast platform whose nodes EKS Auto Mode
// runs: no node groups and no managed add-ons to keep up to date; EKS
// provisions nodes from its built-in system and general-purpose node pools
// in the private subnets and runs the core networking, storage and
// load-balancing components itself. Three stacks: auto-network,
// auto-storage, auto-cluster.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

func props() platform.Props {
	return platform.Props{
		Name:    "auto",
		Profile: &platform.Staging,
		Account: "888888888888",
		Region:  "eu-north-1",
		Network: network.NetworkProps{AvailabilityZones: []string{"eu-north-1a", "eu-north-1b", "eu-north-1c"}},
		Cluster: cluster.ClusterProps{
			ClusterName: jsii.String("auto-staging"),
			Compute:     ptr.To(cluster.ComputeAuto), // no NodeGroups, no Addons: EKS runs them
		},
	}
}

func build(app awscdk.App) *platform.Platform {
	p := props()
	pl := platform.New(app, &p)
	pl.ApplyChecks()
	return pl
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("")
	build(app)
	app.Synth(nil)
}
