// Command production builds the platform a production team would run,
// from Go values with the prod profile and every option such a team sets:
// a private API endpoint with its interface endpoints, a secondary pod CIDR
// (VPC CNI custom networking) so pods never exhaust the node subnets,
// named admin roles beside the break-glass role, a dedicated system node
// group and a diversified spot workers group, the shared EFS file system
// with daily backups, a backup bucket, 365 days of logs and deletion
// protection. Three stacks: prod-network, prod-storage, prod-cluster.
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

const account = "999999999999"

func props() platform.Props {
	return platform.Props{
		Name:    "prod",
		Profile: &platform.Prod, // retained cluster, termination protection, strict rule pack
		Account: account,
		Region:  "us-west-2",
		Tags:    map[string]string{"team": "platform", "cost-center": "eks-prod", "data-classification": "internal"},
		Network: network.NetworkProps{
			AvailabilityZones:    []string{"us-west-2a", "us-west-2b", "us-west-2c"},
			CIDR:                 ptr.To("10.20.0.0/16"),
			PodCIDR:              ptr.To("100.64.0.0/16"),
			InterfaceEndpoints:   jsii.Bool(true),
			FlowLogRetentionDays: ptr.To(365),
		},
		Storage: platform.StorageProps{
			FileSystem:   &storage.FileSystemProps{},
			Backup:       storage.BackupProps{RetentionDays: ptr.To(35)},
			BackupBucket: &storage.BackupBucketProps{NoncurrentVersionDays: ptr.To(35)},
		},
		Cluster: cluster.ClusterProps{
			ClusterName:        jsii.String("prod-main"),
			Version:            jsii.String("1.36"),
			EndpointAccess:     ptr.To(cluster.EndpointPrivate),
			AdminRoleARNs:      []string{"arn:aws:iam::" + account + ":role/platform-admins"},
			LogRetentionDays:   ptr.To(365),
			DeletionProtection: jsii.Bool(true),
		},
		NodeGroups: []nodegroup.NodeGroupSetProps{
			{Name: jsii.String("system"), InstanceTypes: []string{"m7i.xlarge"}, MinSize: ptr.To(2), DesiredSize: ptr.To(2), MaxSize: ptr.To(6)},
			{Name: jsii.String("workers"), InstanceTypes: []string{"m7i.2xlarge", "m6i.2xlarge", "m6a.2xlarge", "m5.2xlarge"},
				CapacityType: ptr.To(nodegroup.Spot), MinSize: ptr.To(1), DesiredSize: ptr.To(2), MaxSize: ptr.To(30)},
		},
		Addons: &addon.AddonsProps{
			CoreDNS: &addon.CoreDNSConfig{Replicas: ptr.To(3)},
			EFS:     jsii.Bool(true),
		},
	}
}

func build(app awscdk.App) *platform.Platform {
	p := props()
	pl := platform.New(app, &p)
	pl.ApplyChecks() // prod: deletion protection is required
	return pl
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("")
	build(app)
	app.Synth(nil)
}
