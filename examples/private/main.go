// Command private builds a Ballast platform with no internet route for its
// nodes: the API endpoint is private only, the VPC has no NAT gateway and
// no internet gateway (network.NATNone), and nodes reach ECR, STS, EC2,
// EKS, EKS Auth, CloudWatch Logs and the other AWS APIs through interface
// endpoints in every private subnet and S3 (image layers) through the
// gateway endpoint. The rule pack's node-egress rule (BALLAST-EKS13)
// checks that every node subnet has those endpoints. Three stacks:
// vault-network, vault-storage, vault-cluster.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

const account = "777777777777"

func props() platform.Props {
	return platform.Props{
		Name:    "vault",
		Profile: &platform.Prod, // retained cluster, termination protection, strict rule pack
		Account: account,
		Region:  "eu-central-1",
		Tags:    map[string]string{"team": "platform", "data-classification": "restricted"},
		Network: network.NetworkProps{
			AvailabilityZones:  []string{"eu-central-1a", "eu-central-1b", "eu-central-1c"},
			CIDR:               ptr.To("10.40.0.0/16"),
			NATMode:            ptr.To(network.NATNone), // no NAT, no internet gateway, no public subnets
			InterfaceEndpoints: jsii.Bool(true),         // required without NAT: the only way to AWS
		},
		Cluster: cluster.ClusterProps{
			ClusterName:        jsii.String("vault-main"),
			Version:            jsii.String("1.36"),
			EndpointAccess:     ptr.To(cluster.EndpointPrivate),
			DeletionProtection: jsii.Bool(true),
		},
		NodeGroups: []nodegroup.NodeGroupSetProps{
			{Name: jsii.String("system"), InstanceTypes: []string{"m7i.xlarge"}, MinSize: ptr.To(2), DesiredSize: ptr.To(2), MaxSize: ptr.To(6)},
		},
		Addons: &addon.AddonsProps{}, // the core add-ons; their images come through the ECR endpoints
	}
}

func build(app awscdk.App) *platform.Platform {
	p := props()
	pl := platform.New(app, &p)
	pl.ApplyChecks() // BALLAST-EKS13 fails a node subnet with neither a NAT route nor the endpoints
	return pl
}

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("")
	build(app)
	app.Synth(nil)
}
