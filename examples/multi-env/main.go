// Command multi-env builds three environments of one platform in one app,
// from one function and a table of what differs between them: dev,
// staging and prod, each in its own account and with its profile's policy.
// Nine stacks: acme-dev-network ... acme-prod-cluster, each environment
// named after itself, so one environment deploys without touching the
// others (npx aws-cdk@2.1148.1 deploy 'acme-staging-*').
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

// environment is what differs between the environments.
type environment struct {
	profile  *platform.Profile
	account  string
	nat      network.NATMode
	logDays  int
	maxNodes int
}

var environments = []environment{
	{&platform.Dev, "101010101010", network.NATSingle, 30, 3},
	{&platform.Staging, "202020202020", network.NATPerAZ, 90, 5},
	{&platform.Prod, "303030303030", network.NATPerAZ, 365, 10},
}

const region = "ap-southeast-2"

// props is the one platform definition every environment shares.
func props(e environment) platform.Props {
	name := "acme-" + e.profile.Name
	p := platform.Props{
		Profile: e.profile,
		Account: e.account,
		Region:  region,
		Tags:    map[string]string{"environment": e.profile.Name},
		Network: network.NetworkProps{
			AvailabilityZones:    []string{region + "a", region + "b", region + "c"},
			NATMode:              ptr.To(e.nat),
			FlowLogRetentionDays: ptr.To(e.logDays),
		},
		Storage: platform.StorageProps{BackupBucket: &storage.BackupBucketProps{}},
		Cluster: cluster.ClusterProps{ClusterName: jsii.String(name), LogRetentionDays: ptr.To(e.logDays)},
		NodeGroups: []nodegroup.NodeGroupSetProps{
			{Name: jsii.String("system"), MaxSize: ptr.To(e.maxNodes)},
		},
		Addons: &addon.AddonsProps{},
	}
	if e.profile == &platform.Dev {
		p.Cluster.DeletionProtection = jsii.Bool(false) // the dev profile accepts it; clusters are disposable
	}
	return p
}

// build pins every environment's AZs before any stack exists, then builds
// the three platforms, each checked with its profile's rule-pack options.
func build(app awscdk.App) []*platform.Platform {
	var out []*platform.Platform
	for _, e := range environments {
		cdkapp.PinAvailabilityZones(app, e.account, region, props(e).Network.AvailabilityZones)
	}
	for _, e := range environments {
		p := props(e)
		pl := platform.New(app, &p)
		pl.ApplyChecks()
		out = append(out, pl)
	}
	return out
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("")
	build(app)
	app.Synth(nil)
}
