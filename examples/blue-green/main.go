// Command blue-green builds one prod platform with two cluster
// generations: blue, the running cluster on Kubernetes 1.35, and green, its
// replacement on 1.36, both in the one shared network and with the one set
// of keys, file system and backup bucket. Four stacks: web-network,
// web-storage, web-cluster-blue and web-cluster-green. docs/blue-green.md
// is the runbook for the switch.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// props is the platform: one prod environment whose node groups and
// add-ons every generation gets alike.
func props() platform.Props {
	return platform.Props{
		Name:    "web",
		Profile: &platform.Prod,
		Account: "333333333333",
		Region:  "eu-central-1",
		Network: network.NetworkProps{AvailabilityZones: []string{"eu-central-1a", "eu-central-1b", "eu-central-1c"}},
		Storage: platform.StorageProps{
			FileSystem:   &storage.FileSystemProps{},
			BackupBucket: &storage.BackupBucketProps{},
		},
		Cluster: cluster.ClusterProps{ClusterName: jsii.String("web")},
		NodeGroups: []nodegroup.NodeGroupSetProps{
			{Name: jsii.String("system"), InstanceTypes: []string{"m6i.xlarge"}, MinSize: ptr.To(2), MaxSize: ptr.To(10)},
		},
		Addons: &addon.AddonsProps{EFS: jsii.Bool(true)},
		// Blue serves traffic; green is created beside it on the next
		// version. Retire blue by removing it here once green serves all.
		Generations: []platform.Generation{
			{Name: "blue", Version: jsii.String("1.35")},
			{Name: "green", Version: jsii.String("1.36")},
		},
	}
}

func build(app awscdk.App) *platform.Platform {
	p := props()
	pl := platform.New(app, &p) // pins the AZs of its account and region
	pl.ApplyChecks()            // the EKS rule pack, with the prod profile's options
	return pl
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("") // recommended feature flags; CDK_OUTDIR or cdk.out
	build(app)
	app.Synth(nil)
}
