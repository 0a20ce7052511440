// Command two-environments builds a dev and a prod Ballast platform in one
// app, each in its own account, from Go values only: no BALLAST_*
// variable is read. The six stacks (shop-dev-network ... shop-prod-cluster)
// deploy independently; the same program serves a pipeline that promotes
// from dev to prod.
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

const region = "eu-west-1"

var azs = []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}

// dev is cheap and disposable: one NAT gateway, no deletion protection,
// short log retention, a small system node group.
func dev() platform.Props {
	return platform.Props{
		Profile: &platform.Dev,
		Account: "111111111111",
		Region:  region,
		Tags:    map[string]string{"cost-center": "shop-dev"},
		Network: network.NetworkProps{
			AvailabilityZones:    azs,
			NATMode:              ptr.To(network.NATSingle),
			FlowLogRetentionDays: ptr.To(30),
		},
		Storage: platform.StorageProps{BackupBucket: &storage.BackupBucketProps{NoncurrentVersionDays: ptr.To(7)}},
		Cluster: cluster.ClusterProps{
			ClusterName:        jsii.String("shop-dev"),
			LogRetentionDays:   ptr.To(30),
			DeletionProtection: jsii.Bool(false),
		},
		NodeGroups: []nodegroup.NodeGroupSetProps{{Name: jsii.String("system"), MaxSize: ptr.To(3)}},
		Addons:     &addon.AddonsProps{},
	}
}

// prod is resilient and retained: a NAT gateway per AZ, a private endpoint
// with its interface endpoints, EFS with daily backups, a system group and
// a spot workers group.
func prod() platform.Props {
	return platform.Props{
		Profile: &platform.Prod,
		Account: "222222222222",
		Region:  region,
		Tags:    map[string]string{"cost-center": "shop-prod"},
		Network: network.NetworkProps{AvailabilityZones: azs, InterfaceEndpoints: jsii.Bool(true)},
		Storage: platform.StorageProps{
			FileSystem:   &storage.FileSystemProps{},
			Backup:       storage.BackupProps{RetentionDays: ptr.To(35)},
			BackupBucket: &storage.BackupBucketProps{NoncurrentVersionDays: ptr.To(35)},
		},
		Cluster: cluster.ClusterProps{ClusterName: jsii.String("shop-prod")},
		NodeGroups: []nodegroup.NodeGroupSetProps{
			{Name: jsii.String("system"), InstanceTypes: []string{"m6i.xlarge"}, MinSize: ptr.To(2), MaxSize: ptr.To(10)},
			{Name: jsii.String("workers"), InstanceTypes: []string{"m6i.xlarge", "m6a.xlarge", "m7i.xlarge", "m5.xlarge"},
				CapacityType: ptr.To(nodegroup.Spot), MaxSize: ptr.To(20)},
		},
		Addons: &addon.AddonsProps{EFS: jsii.Bool(true)},
	}
}

// build creates both platforms. Each environment's AZs are pinned before
// any stack exists, so neither account is ever asked for them.
func build(app awscdk.App) []*platform.Platform {
	envs := []platform.Props{dev(), prod()}
	for _, e := range envs {
		cdkapp.PinAvailabilityZones(app, e.Account, e.Region, e.Network.AvailabilityZones)
	}
	var out []*platform.Platform
	for _, e := range envs {
		p := platform.New(app, &e)
		p.ApplyChecks() // the EKS rule pack, with each profile's options
		out = append(out, p)
	}
	return out
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("") // recommended feature flags; CDK_OUTDIR or cdk.out
	build(app)
	app.Synth(nil)
}
