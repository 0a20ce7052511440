package network

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/ballast-eks/ballast/internal/kmspolicy"
	"github.com/ballast-eks/ballast/internal/propcheck"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/logretention"
)

// Construct IDs and subnet group names. Renaming one replaces the VPC's
// resources: never change them.
const (
	idVPC             = "Vpc"
	idPodCIDR         = "PodCidr"
	idPodSubnetPrefix = "PodSubnet"
	idFlowLogGroup    = "FlowLogGroup"
	idFlowLogKey      = "FlowLogKey"
	idFlowLog         = "FlowLog"
	GroupPrivate      = "Private"
	GroupPublic       = "Public"
	GroupControlPlane = "ControlPlane"
)

// Warning IDs this package emits; a stack may acknowledge them.
// Each one's comment says what triggers it; its Field line names the prop
// that changes it (the warnings catalogue in docs/warnings.md is generated
// from these comments).
const (
	// WarnSingleNAT: one NAT gateway serves every AZ (NATMode is
	// NATSingle), so an AZ failure cuts the other AZs' egress.
	// Field: natMode.
	WarnSingleNAT = "ballast:network-single-nat"
	// WarnTwoAZs: the VPC spans 2 AZs instead of 3, so losing one halves
	// capacity. Field: availabilityZones.
	WarnTwoAZs = "ballast:network-two-azs"
	// WarnIPCapacity: a subnet is more than DefaultCapacityWarnPercent
	// full with every node group at its max size (past 100% synthesis
	// fails instead). Field: cidr.
	WarnIPCapacity = "ballast:network-ip-capacity"
)

// Subnet tags.
const (
	TagELB          = "kubernetes.io/role/elb"
	TagInternalELB  = "kubernetes.io/role/internal-elb"
	TagKarpenter    = "karpenter.sh/discovery"
	TagSubnetRole   = "ballast.dev/subnet-role"
	SubnetRolePods  = "pods"
	SubnetRoleNodes = "nodes"
)

// Network is a VPC laid out for EKS, created by NewNetwork or imported by
// ImportNetwork.
type Network struct {
	constructs.Construct
	// Vpc is the VPC.
	Vpc awsec2.IVpc
	// PrivateSubnets hold nodes and pods, one per AZ in AZ order.
	PrivateSubnets []awsec2.ISubnet
	// PublicSubnets hold load balancers and NAT gateways, one per AZ (empty
	// for an imported VPC without public subnets and with NATNone).
	PublicSubnets []awsec2.ISubnet
	// ControlPlaneSubnets hold the EKS control-plane ENIs, one per AZ.
	ControlPlaneSubnets []awsec2.ISubnet
	// PodSubnets are the custom-networking pod subnets, one per AZ; empty
	// without a PodCIDR.
	PodSubnets []awsec2.ISubnet
	// FlowLogGroup receives the VPC flow logs; nil when they are off or the
	// VPC is imported.
	FlowLogGroup awslogs.LogGroup
	// FlowLogKey encrypts the flow-log group (rotated, retained); nil when
	// flow logs are off.
	FlowLogKey awskms.Key
	// EndpointSecurityGroup guards the interface endpoints; nil without them.
	EndpointSecurityGroup awsec2.SecurityGroup
	// Plan is the subnet plan the VPC was built from; nil when imported.
	Plan *Plan
	// Capacity is the IP capacity report at max scale (per AZ subnet:
	// addresses needed against usable); nil without IPDemand or when
	// imported.
	Capacity *Report
}

// NewNetwork validates props and builds the VPC. It panics with every
// validation problem if props are invalid; call props.Validate first to
// handle errors yourself.
func NewNetwork(scope constructs.Construct, id string, props *NetworkProps) *Network {
	p := withDefaults(propcheck.Deref(props))
	propcheck.Must(scope, id, "network", p.Validate())
	plan, _ := p.plan()
	n := &Network{Construct: constructs.NewConstruct(scope, jsii.String(id)), Plan: &plan}
	nat := awsec2.NatProvider_Gateway(nil)
	vpc := n.newVpc(p, plan, nat)
	n.Vpc = vpc
	n.PrivateSubnets = group(vpc, GroupPrivate)
	if *p.NATMode != NATNone {
		n.PublicSubnets = group(vpc, GroupPublic)
	}
	n.ControlPlaneSubnets = group(vpc, GroupControlPlane)
	n.tagSubnets(p)
	if plan.PodCIDR.IsValid() {
		n.PodSubnets = n.newPodSubnets(vpc, plan, nat)
	}
	n.addEndpoints(p, plan)
	if *p.FlowLogs {
		n.FlowLogGroup = n.newFlowLog(vpc, *p.FlowLogRetentionDays)
	}
	n.warn(p, plan)
	return n
}

func (n *Network) newVpc(p NetworkProps, plan Plan, nat awsec2.NatProvider) awsec2.Vpc {
	natGateways, privateType := len(p.AvailabilityZones), awsec2.SubnetType_PRIVATE_WITH_EGRESS
	switch *p.NATMode {
	case NATSingle:
		natGateways = 1
	case NATNone: // no route out: the public blocks stay reserved, so no subnet moves
		natGateways, privateType = 0, awsec2.SubnetType_PRIVATE_ISOLATED
	}
	return awsec2.NewVpc(n.Construct, jsii.String(idVPC), &awsec2.VpcProps{
		IpAddresses:                  awsec2.IpAddresses_Cidr(jsii.String(plan.VPC.String())),
		AvailabilityZones:            jsii.Strings(p.AvailabilityZones...),
		NatGateways:                  jsii.Number(natGateways),
		NatGatewayProvider:           nat,
		RestrictDefaultSecurityGroup: p.RestrictDefaultSecurityGroup,
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String(GroupPrivate), SubnetType: privateType, CidrMask: jsii.Number(plan.PrivateBits)},
			{Name: jsii.String(GroupPublic), SubnetType: awsec2.SubnetType_PUBLIC, CidrMask: jsii.Number(plan.PublicBits), MapPublicIpOnLaunch: jsii.Bool(false),
				Reserved: jsii.Bool(*p.NATMode == NATNone)},
			{Name: jsii.String(GroupControlPlane), SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED, CidrMask: jsii.Number(plan.ControlPlaneBits)},
		},
	})
}

func group(vpc awsec2.IVpc, name string) []awsec2.ISubnet {
	sel := vpc.SelectSubnets(&awsec2.SubnetSelection{SubnetGroupName: jsii.String(name)})
	return *sel.Subnets
}

func (n *Network) tagSubnets(p NetworkProps) {
	for _, s := range n.PublicSubnets {
		awscdk.Tags_Of(s).Add(jsii.String(TagELB), jsii.String("1"), nil)
	}
	for _, s := range n.PrivateSubnets {
		tags := awscdk.Tags_Of(s)
		tags.Add(jsii.String(TagInternalELB), jsii.String("1"), nil)
		tags.Add(jsii.String(TagSubnetRole), jsii.String(SubnetRoleNodes), nil)
		if p.ClusterName != nil {
			tags.Add(jsii.String(TagKarpenter), p.ClusterName, nil)
		}
	}
}

// newPodSubnets adds the secondary CIDR and one pod subnet per AZ, each
// routing to the NAT gateway of its own AZ (or the single one; no route
// with NATNone).
func (n *Network) newPodSubnets(vpc awsec2.Vpc, plan Plan, nat awsec2.NatProvider) []awsec2.ISubnet {
	block := awsec2.NewCfnVPCCidrBlock(n.Construct, jsii.String(idPodCIDR), &awsec2.CfnVPCCidrBlockProps{
		VpcId: vpc.VpcId(), CidrBlock: jsii.String(plan.PodCIDR.String()),
	})
	gateways := map[string]string{}
	var fallback string
	for _, g := range *nat.ConfiguredGateways() {
		gateways[*g.Az] = *g.GatewayId
		fallback = *g.GatewayId
	}
	var out []awsec2.ISubnet
	for i, az := range plan.AZs {
		s := awsec2.NewPrivateSubnet(n.Construct, jsii.String(fmt.Sprintf("%s%d", idPodSubnetPrefix, i+1)), &awsec2.PrivateSubnetProps{
			VpcId: vpc.VpcId(), AvailabilityZone: jsii.String(az.AZ), CidrBlock: jsii.String(az.Pods.String()),
			MapPublicIpOnLaunch: jsii.Bool(false),
		})
		s.Node().AddDependency(block)
		// cfn-lint checks subnets against the primary block only.
		awscdk.Validations_Of(s).Acknowledge(&awscdk.Acknowledgment{
			Id:     jsii.String("CloudFormation-Validate::E3059"),
			Reason: jsii.String("pod subnets are in the VPC's secondary block (AWS::EC2::VPCCidrBlock)"),
		})
		gw, ok := gateways[az.AZ]
		if !ok {
			gw = fallback
		}
		if gw != "" {
			s.AddDefaultNatRoute(jsii.String(gw))
		}
		awscdk.Tags_Of(s).Add(jsii.String(TagSubnetRole), jsii.String(SubnetRolePods), nil)
		out = append(out, s)
	}
	return out
}

// newFlowLog sends all traffic records to a retained log group encrypted
// with its own customer-managed key. The group has no fixed name (so it
// never blocks a replacement); the key lives here because the platform's
// logs key is in the storage stack, which is deployed after this one.
func (n *Network) newFlowLog(vpc awsec2.Vpc, days int) awslogs.LogGroup {
	retention, _ := logretention.Of(days)
	n.FlowLogKey = awskms.NewKey(n.Construct, jsii.String(idFlowLogKey), &awskms.KeyProps{
		Description:       jsii.String("Ballast: VPC flow logs"),
		EnableKeyRotation: jsii.Bool(true),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})
	kmspolicy.AllowCloudWatchLogs(n.FlowLogKey)
	kmspolicy.DenyGrantsExceptForAWSResources(n.FlowLogKey)
	lg := awslogs.NewLogGroup(n.Construct, jsii.String(idFlowLogGroup), &awslogs.LogGroupProps{
		Retention:     retention,
		EncryptionKey: n.FlowLogKey,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	awsec2.NewFlowLog(n.Construct, jsii.String(idFlowLog), &awsec2.FlowLogProps{
		ResourceType: awsec2.FlowLogResourceType_FromVpc(vpc),
		Destination:  awsec2.FlowLogDestination_ToCloudWatchLogs(lg, nil),
		TrafficType:  awsec2.FlowLogTrafficType_ALL,
	})
	return lg
}

func (n *Network) warn(p NetworkProps, plan Plan) {
	warn := func(id, msg string) {
		awscdk.Annotations_Of(n.Construct).AddWarningV2(jsii.String(id), jsii.String(msg), nil)
	}
	if *p.NATMode == NATSingle {
		warn(WarnSingleNAT, "One NAT gateway serves every AZ: if its AZ fails, private subnets in the other AZs lose egress. Use NATPerAZ outside dev.")
	}
	if len(p.AvailabilityZones) == 2 {
		warn(WarnTwoAZs, "The VPC spans 2 AZs: losing one halves capacity and leaves no spare AZ to reschedule into. Use 3.")
	}
	if p.IPDemand != nil {
		report, _ := CheckIPCapacity(plan, *p.CNI, p.IPDemand)
		n.Capacity = &report
		if w := report.Warnings(DefaultCapacityWarnPercent); len(w) > 0 {
			warn(WarnIPCapacity, fmt.Sprintf("Subnets above %d%% full at max scale:\n%s", DefaultCapacityWarnPercent, strings.Join(w, "\n")))
		}
	}
}
