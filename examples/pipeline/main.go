// Command pipeline is a CDK Pipelines delivery pipeline for three Ballast
// platforms: dev, then prod in two regions, each in its own account, from a
// pipeline in a tooling account. The pipeline synthesizes this program from
// the repository (through a CodeStar connection) with the Go toolchain
// go.mod names and the pinned CDK CLI, and deploys one wave per profile and
// region; the prod waves wait for a manual approval after a security diff.
// Synthesizing it needs no AWS account and no network.
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
	"github.com/ballast-eks/ballast/pipeline"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// env is one platform; dev and prod differ in profile, account, region
// and node group size.
func env(name string, profile *platform.Profile, account, region string, maxNodes int) platform.Props {
	p := platform.Props{
		Profile: profile,
		Account: account,
		Region:  region,
		Network: network.NetworkProps{AvailabilityZones: []string{region + "a", region + "b", region + "c"}},
		Storage: platform.StorageProps{BackupBucket: &storage.BackupBucketProps{}},
		Cluster: cluster.ClusterProps{ClusterName: jsii.String(name)},
		NodeGroups: []nodegroup.NodeGroupSetProps{
			{Name: jsii.String("system"), MaxSize: ptr.To(maxNodes)},
		},
		Addons: &addon.AddonsProps{},
	}
	if profile == &platform.Dev {
		p.Network.NATMode = ptr.To(network.NATSingle)
		p.Cluster.DeletionProtection = jsii.Bool(false)
	}
	return p
}

func props() *pipeline.Props {
	return &pipeline.Props{
		Name:    "pipe",
		Account: "777777777777",
		Region:  "eu-west-1",
		Source: pipeline.Source{
			ConnectionARN: "arn:aws:codeconnections:eu-west-1:777777777777:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
			Repository:    "example-org/platform",
		},
		AppDir: "examples/pipeline",
		Environments: []platform.Props{
			env("pipe-dev", &platform.Dev, "444444444444", "eu-west-1", 3),
			env("pipe-prod-euw1", &platform.Prod, "666666666666", "eu-west-1", 10),
			env("pipe-prod-use1", &platform.Prod, "666666666666", "us-east-1", 10),
		},
	}
}

func build(app awscdk.App) *pipeline.Pipeline {
	p := pipeline.New(app, props())
	checks.Apply(app, checks.Options{}) // the EKS rule pack over every stage: an error fails synthesis
	return p
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("") // recommended feature flags; CDK_OUTDIR or cdk.out
	build(app)
	app.Synth(nil)
}
