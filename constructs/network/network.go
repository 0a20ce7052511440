package network

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Construct IDs and subnet group names. Renaming one replaces the VPC's
// subnets: never change them.
const (
	idVPC             = "Vpc"
	GroupPrivate      = "Private"
	GroupPublic       = "Public"
	GroupControlPlane = "ControlPlane"
)

// Network is a VPC laid out for EKS.
type Network struct {
	constructs.Construct
	// Vpc is the VPC.
	Vpc awsec2.Vpc
	// PrivateSubnets hold nodes and pods, one per AZ in AZ order.
	PrivateSubnets []awsec2.ISubnet
	// PublicSubnets hold load balancers and NAT gateways, one per AZ.
	PublicSubnets []awsec2.ISubnet
	// ControlPlaneSubnets hold the EKS control-plane ENIs, one per AZ.
	ControlPlaneSubnets []awsec2.ISubnet
}

// NewNetwork validates props and builds the VPC. It panics with every
// validation problem if props are invalid; call props.Validate first to
// handle errors yourself.
func NewNetwork(scope constructs.Construct, id string, props *NetworkProps) *Network {
	p := withDefaults(*props)
	if err := p.Validate(); err != nil {
		panic(fmt.Errorf("network: invalid props:\n%w", err))
	}
	plan, _ := PlanSubnets(*p.CIDR, len(p.AvailabilityZones))
	n := &Network{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	natGateways := len(p.AvailabilityZones)
	if *p.NATMode == NATSingle {
		natGateways = 1
		awscdk.Annotations_Of(n.Construct).AddWarningV2(jsii.String("ballast:network-single-nat"),
			jsii.String("One NAT gateway serves every AZ: if its AZ fails, private subnets in the other AZs lose egress. Use NATPerAZ outside dev."))
	}
	n.Vpc = awsec2.NewVpc(n.Construct, jsii.String(idVPC), &awsec2.VpcProps{
		IpAddresses:                  awsec2.IpAddresses_Cidr(p.CIDR),
		AvailabilityZones:            jsii.Strings(p.AvailabilityZones...),
		NatGateways:                  jsii.Number(natGateways),
		RestrictDefaultSecurityGroup: jsii.Bool(false),
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String(GroupPrivate), SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS, CidrMask: jsii.Number(plan.PrivateBits)},
			{Name: jsii.String(GroupPublic), SubnetType: awsec2.SubnetType_PUBLIC, CidrMask: jsii.Number(plan.PublicBits), MapPublicIpOnLaunch: jsii.Bool(false)},
			{Name: jsii.String(GroupControlPlane), SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED, CidrMask: jsii.Number(plan.ControlBits)},
		},
	})
	n.PrivateSubnets = n.group(GroupPrivate)
	n.PublicSubnets = n.group(GroupPublic)
	n.ControlPlaneSubnets = n.group(GroupControlPlane)
	n.tagSubnets(p)
	return n
}

func (n *Network) group(name string) []awsec2.ISubnet {
	sel := n.Vpc.SelectSubnets(&awsec2.SubnetSelection{SubnetGroupName: jsii.String(name)})
	return *sel.Subnets
}

func (n *Network) tagSubnets(p NetworkProps) {
	for _, s := range n.PublicSubnets {
		awscdk.Tags_Of(s).Add(jsii.String("kubernetes.io/role/elb"), jsii.String("1"), nil)
	}
	for _, s := range n.PrivateSubnets {
		awscdk.Tags_Of(s).Add(jsii.String("kubernetes.io/role/internal-elb"), jsii.String("1"), nil)
		if p.ClusterName != nil {
			awscdk.Tags_Of(s).Add(jsii.String("karpenter.sh/discovery"), p.ClusterName, nil)
		}
	}
}
