package config

import (
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/ptr"
)

// The network variables.
const (
	VarPodCIDR               = "BALLAST_POD_CIDR"
	VarFlowLogs              = "BALLAST_FLOW_LOGS"
	VarFlowLogRetentionDays  = "BALLAST_FLOW_LOG_RETENTION_DAYS"
	VarVPCEndpoints          = "BALLAST_VPC_ENDPOINTS"
	VarRestrictDefaultSG     = "BALLAST_RESTRICT_DEFAULT_SG"
	VarVPCID                 = "BALLAST_VPC_ID"
	VarPrivateSubnetIDs      = "BALLAST_PRIVATE_SUBNET_IDS"
	VarPublicSubnetIDs       = "BALLAST_PUBLIC_SUBNET_IDS"
	VarControlPlaneSubnetIDs = "BALLAST_CONTROL_PLANE_SUBNET_IDS"
	VarExistingVPCCIDR       = "BALLAST_EXISTING_VPC_CIDR"
)

// EndpointsMode says whether the VPC gets interface endpoints.
type EndpointsMode string

// The modes BALLAST_VPC_ENDPOINTS accepts.
const (
	// EndpointsAuto creates interface endpoints when the cluster's API
	// endpoint is private (BALLAST_ENDPOINT_ACCESS=private).
	EndpointsAuto EndpointsMode = "auto"
	EndpointsOn   EndpointsMode = "on"
	EndpointsOff  EndpointsMode = "off"
)

// NetworkConfig is the network part's configuration.
type NetworkConfig struct {
	// AZs are explicit availability-zone names; no lookups are ever made.
	AZs []string
	// VPCCIDR is the VPC's IPv4 block.
	VPCCIDR string
	// NATMode selects one NAT gateway per AZ or a single shared one.
	NATMode network.NATMode
	// PodCIDR is an optional secondary block for pod subnets (VPC CNI
	// custom networking); "" for none.
	PodCIDR string
	// FlowLogs turns VPC flow logs on.
	FlowLogs bool
	// FlowLogRetentionDays is the flow-log retention.
	FlowLogRetentionDays int
	// VPCEndpoints selects interface endpoints: auto, on or off.
	VPCEndpoints EndpointsMode
	// RestrictDefaultSG empties the VPC's default security group (adds a
	// Lambda-backed custom resource).
	RestrictDefaultSG bool
	// VPCID, when set, selects bring-your-own VPC: nothing is created and
	// the subnet ID lists below are used.
	VPCID string
	// PrivateSubnetIDs, PublicSubnetIDs and ControlPlaneSubnetIDs are the
	// existing VPC's subnets, one per AZ in AZ order.
	PrivateSubnetIDs, PublicSubnetIDs, ControlPlaneSubnetIDs []string
	// ExistingVPCCIDR is the existing VPC's primary block ("" unknown).
	ExistingVPCCIDR string
}

var networkVars = []Var{
	{VarAZs, "Availability zones, explicit (never looked up).", "2 to 6 distinct AZ names of the region, comma-separated",
		defaultAZs, setAZs},
	{VarVPCCIDR, "VPC IPv4 CIDR block; it must hold the subnet plan (see constructs/network).", "an IPv4 CIDR with a prefix from /16 to /24 in a private range (10/8, 172.16/12, 192.168/16, 100.64/10)",
		fixed(network.DefaultCIDR), func(c *Config, raw string) error { c.VPCCIDR = raw; return nil }},
	{VarNATMode, "NAT gateways: one per AZ, or one shared.", "per-az | single",
		perProfile(string(network.NATSingle), string(network.NATPerAZ), string(network.NATPerAZ)),
		natModes.set(func(c *Config) *network.NATMode { return &c.NATMode })},
	{VarPodCIDR, "Secondary VPC block split into one pod subnet per AZ (VPC CNI custom networking); empty for none.", "empty, or an IPv4 CIDR from /16 to /24 in 100.64/10, 198.19/16 or a private range, not overlapping the VPC CIDR",
		fixed(""), func(c *Config, raw string) error { c.PodCIDR = raw; return nil }},
	{VarFlowLogs, "VPC flow logs (all traffic) to a CloudWatch log group.", switchAccepted,
		fixed("on"), setOnOff(func(c *Config) *bool { return &c.FlowLogs })},
	{VarFlowLogRetentionDays, "Retention of VPC flow logs, in days.", "one of the CloudWatch Logs retention values (" + retentionList() + ")",
		perProfile("30", "90", "365"), func(c *Config, raw string) error { return setInt(&c.FlowLogRetentionDays)(c, raw) }},
	{VarVPCEndpoints, "Interface VPC endpoints (ECR, STS, EC2, logs, ELB, autoscaling, EKS, EKS auth, SSM) in the private subnets. auto creates them when " + VarEndpointAccess + "=private. Off in dev by default: 12 endpoints x 3 AZs cost more than dev's NAT traffic.", "auto | on | off",
		perProfile(string(EndpointsOff), string(EndpointsAuto), string(EndpointsAuto)),
		endpointsModes.set(func(c *Config) *EndpointsMode { return &c.VPCEndpoints })},
	{VarRestrictDefaultSG, "Remove all rules from the VPC's default security group. CloudFormation cannot, so this adds a Lambda-backed custom resource.", switchAccepted,
		fixed("off"), setOnOff(func(c *Config) *bool { return &c.RestrictDefaultSG })},
	{VarVPCID, "Existing VPC to use (bring your own VPC): nothing network-related is created.", "empty, or vpc- followed by 8 or 17 hex digits",
		fixed(""), func(c *Config, raw string) error { c.VPCID = raw; return nil }},
	{VarPrivateSubnetIDs, "Existing VPC: private subnets for nodes and pods, one per AZ in " + VarAZs + " order.", "comma-separated subnet IDs, one per AZ",
		fixed(""), func(c *Config, raw string) error { c.PrivateSubnetIDs = List(raw); return nil }},
	{VarPublicSubnetIDs, "Existing VPC: public subnets for load balancers, one per AZ; empty for none.", "empty, or comma-separated subnet IDs, one per AZ",
		fixed(""), func(c *Config, raw string) error { c.PublicSubnetIDs = List(raw); return nil }},
	{VarControlPlaneSubnetIDs, "Existing VPC: subnets for the EKS control-plane ENIs, one per AZ; empty to use the private subnets.", "empty, or comma-separated subnet IDs, one per AZ",
		fixed(""), func(c *Config, raw string) error { c.ControlPlaneSubnetIDs = List(raw); return nil }},
	{VarExistingVPCCIDR, "Existing VPC: its primary IPv4 CIDR. The shared file system allows NFS from it, and the control plane sends only to it; required with " + VarEFS + "=on.", "empty, or an IPv4 CIDR such as 10.20.0.0/16",
		fixed(""), func(c *Config, raw string) error { c.ExistingVPCCIDR = raw; return nil }},
}

// BringYourOwnVPC reports whether an existing VPC is used.
func (c *Config) BringYourOwnVPC() bool { return c.VPCID != "" }

// InterfaceEndpointsEnabled resolves BALLAST_VPC_ENDPOINTS: auto means on
// for a private API endpoint. An existing VPC never gets endpoints.
func (c *Config) InterfaceEndpointsEnabled() bool {
	if c.BringYourOwnVPC() {
		return false
	}
	return c.VPCEndpoints == EndpointsOn || (c.VPCEndpoints == EndpointsAuto && c.EndpointAccess == cluster.EndpointPrivate)
}

var (
	natModes       = sameSpelling("NAT mode", network.NATPerAZ, network.NATSingle)
	endpointsModes = sameSpelling("endpoints mode", EndpointsAuto, EndpointsOn, EndpointsOff)
)

// networkProps is the VPC Ballast creates (none with an existing VPC).
func (c *Config) networkProps() network.NetworkProps {
	if c.BringYourOwnVPC() {
		return network.NetworkProps{}
	}
	p := network.NetworkProps{
		AvailabilityZones:            c.AZs,
		CIDR:                         jsii.String(c.VPCCIDR),
		NATMode:                      &c.NATMode,
		ClusterName:                  jsii.String(c.ClusterName),
		FlowLogs:                     jsii.Bool(c.FlowLogs),
		FlowLogRetentionDays:         ptr.To(c.FlowLogRetentionDays),
		InterfaceEndpoints:           jsii.Bool(c.InterfaceEndpointsEnabled()),
		RestrictDefaultSecurityGroup: jsii.Bool(c.RestrictDefaultSG),
	}
	if c.PodCIDR != "" {
		p.PodCIDR = jsii.String(c.PodCIDR)
	}
	return p
}

// existingNetworkProps is nil unless the configuration names an existing
// VPC or its subnets.
func (c *Config) existingNetworkProps() *network.ExistingNetworkProps {
	if !c.BringYourOwnVPC() && !c.anySubnetIDs() {
		return nil
	}
	p := &network.ExistingNetworkProps{
		AvailabilityZones:     c.AZs,
		PrivateSubnetIDs:      c.PrivateSubnetIDs,
		PublicSubnetIDs:       c.PublicSubnetIDs,
		ControlPlaneSubnetIDs: c.ControlPlaneSubnetIDs,
	}
	if c.VPCID != "" {
		p.VpcID = jsii.String(c.VPCID)
	}
	if c.ExistingVPCCIDR != "" {
		p.VpcCIDR = jsii.String(c.ExistingVPCCIDR)
	}
	return p
}

func (c *Config) anySubnetIDs() bool {
	return len(c.PrivateSubnetIDs)+len(c.PublicSubnetIDs)+len(c.ControlPlaneSubnetIDs) > 0
}

// validateNetwork holds the network rules only the environment has: AZs
// of the region (zones.go), and the bring-your-own-VPC variables' interplay.
func (c *Config) validateNetwork(p *problems) {
	c.validateZones(p)
	if !c.BringYourOwnVPC() && !c.anySubnetIDs() {
		return
	}
	if c.VPCID == "" {
		p.add(VarVPCID, "", "subnet IDs are set, so the VPC they belong to is required")
	}
	if c.PodCIDR != "" {
		p.add(VarPodCIDR, c.PodCIDR, "an existing VPC (%s) gets no subnets from Ballast; add pod subnets to it yourself", VarVPCID)
	}
	if c.VPCEndpoints == EndpointsOn {
		p.add(VarVPCEndpoints, string(c.VPCEndpoints), "an existing VPC (%s) gets no endpoints from Ballast", VarVPCID)
	}
}
