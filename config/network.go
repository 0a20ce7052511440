package config

import (
	"net/netip"
	"regexp"
	"slices"
	"strconv"

	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/internal/logretention"
)

// The network room's variables.
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
)

// NATMode says how private subnets reach the internet.
type NATMode string

// The NAT modes BALLAST_NAT_MODE accepts.
const (
	// NATPerAZ gives every AZ its own NAT gateway, so losing one AZ does not
	// cut egress in the others.
	NATPerAZ NATMode = "per-az"
	// NATSingle shares one NAT gateway across AZs: cheaper, one AZ's failure
	// cuts egress everywhere. Suitable for dev only.
	NATSingle NATMode = "single"
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

// NetworkConfig is the network room's configuration.
type NetworkConfig struct {
	// AZs are explicit availability-zone names; no lookups are ever made.
	AZs []string
	// VPCCIDR is the VPC's IPv4 block.
	VPCCIDR string
	// NATMode selects one NAT gateway per AZ or a single shared one.
	NATMode NATMode
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
}

// privateRanges are the blocks a VPC CIDR may come from.
var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
}

// podRanges are the blocks a secondary pod CIDR may come from: the VPC
// ranges plus 198.19.0.0/16, which AWS also allows for custom networking.
var podRanges = append(slices.Clone(privateRanges), netip.MustParsePrefix("198.19.0.0/16"))

var (
	vpcIDRe    = regexp.MustCompile(`^vpc-[0-9a-f]{8}([0-9a-f]{9})?$`)
	subnetIDRe = regexp.MustCompile(`^subnet-[0-9a-f]{8}([0-9a-f]{9})?$`)
)

var networkVars = []Var{
	{VarAZs, "Availability zones, explicit (never looked up).", "2 to 6 distinct AZ names of the region, comma-separated",
		func(_ Profile, c *Config, _ Lookup) string { return c.Region + "a," + c.Region + "b," + c.Region + "c" },
		func(c *Config, raw string) error { c.AZs = List(raw); return nil }},
	{VarVPCCIDR, "VPC IPv4 CIDR block; it must hold the subnet plan (see constructs/network).", "an IPv4 CIDR with a prefix from /16 to /24 in a private range (10/8, 172.16/12, 192.168/16, 100.64/10)",
		fixed(network.DefaultCIDR), func(c *Config, raw string) error { c.VPCCIDR = raw; return nil }},
	{VarNATMode, "NAT gateways: one per AZ, or one shared.", "per-az | single",
		perProfile(string(NATSingle), string(NATPerAZ), string(NATPerAZ)),
		func(c *Config, raw string) error { c.NATMode = NATMode(raw); return nil }},
	{VarPodCIDR, "Secondary VPC block split into one pod subnet per AZ (VPC CNI custom networking); empty for none.", "empty, or an IPv4 CIDR from /16 to /24 in 100.64/10, 198.19/16 or a private range, not overlapping the VPC CIDR",
		fixed(""), func(c *Config, raw string) error { c.PodCIDR = raw; return nil }},
	{VarFlowLogs, "VPC flow logs (all traffic) to a CloudWatch log group.", switchAccepted,
		fixed("on"), setOnOff(func(c *Config) *bool { return &c.FlowLogs })},
	{VarFlowLogRetentionDays, "Retention of VPC flow logs, in days.", "one of the CloudWatch Logs retention values (" + retentionList() + ")",
		perProfile("30", "90", "365"), func(c *Config, raw string) error { return setInt(&c.FlowLogRetentionDays)(c, raw) }},
	{VarVPCEndpoints, "Interface VPC endpoints (ECR, STS, EC2, logs, ELB, autoscaling, EKS, EKS auth, SSM) in the private subnets. auto creates them when " + VarEndpointAccess + "=private. Off in dev by default: 12 endpoints x 3 AZs cost more than dev's NAT traffic.", "auto | on | off",
		perProfile(string(EndpointsOff), string(EndpointsAuto), string(EndpointsAuto)),
		func(c *Config, raw string) error { c.VPCEndpoints = EndpointsMode(raw); return nil }},
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
}

// BringYourOwnVPC reports whether an existing VPC is used.
func (c *Config) BringYourOwnVPC() bool { return c.VPCID != "" }

// InterfaceEndpointsEnabled resolves BALLAST_VPC_ENDPOINTS: auto means on
// for a private API endpoint. An existing VPC never gets endpoints.
func (c *Config) InterfaceEndpointsEnabled() bool {
	if c.BringYourOwnVPC() {
		return false
	}
	return c.VPCEndpoints == EndpointsOn || (c.VPCEndpoints == EndpointsAuto && c.EndpointAccess == EndpointPrivate)
}

// SubnetPlan returns the plan of the VPC Ballast creates.
func (c *Config) SubnetPlan() (network.Plan, error) {
	plan, err := network.PlanSubnets(c.VPCCIDR, c.AZs)
	if err != nil || c.PodCIDR == "" {
		return plan, err
	}
	return network.PlanPodSubnets(plan, c.PodCIDR)
}

func (c *Config) validateNetwork(p *problems) {
	azsOK := c.validateAZs(p)
	cidrOK := c.validateCIDR(p, VarVPCCIDR, c.VPCCIDR, privateRanges)
	if c.NATMode != NATPerAZ && c.NATMode != NATSingle {
		p.add(VarNATMode, string(c.NATMode), "unknown NAT mode")
	}
	if !logretention.Valid(c.FlowLogRetentionDays) {
		p.add(VarFlowLogRetentionDays, strconv.Itoa(c.FlowLogRetentionDays), "not a CloudWatch Logs retention value")
	}
	if !slices.Contains([]EndpointsMode{EndpointsAuto, EndpointsOn, EndpointsOff}, c.VPCEndpoints) {
		p.add(VarVPCEndpoints, string(c.VPCEndpoints), "unknown endpoints mode")
	}
	podOK := c.PodCIDR == "" || c.validateCIDR(p, VarPodCIDR, c.PodCIDR, podRanges)
	if c.BringYourOwnVPC() || c.anySubnetIDs() {
		c.validateExistingVPC(p)
		return
	}
	if azsOK && cidrOK && podOK {
		c.validatePlan(p)
	}
}

func (c *Config) validateAZs(p *problems) bool {
	n := len(*p)
	azs := joinList(c.AZs)
	if len(c.AZs) < 2 || len(c.AZs) > 6 {
		p.add(VarAZs, azs, "need 2 to 6 availability zones (3 recommended), got %d", len(c.AZs))
	}
	seen := map[string]bool{}
	for _, az := range c.AZs {
		if seen[az] {
			p.add(VarAZs, azs, "availability zone %s is listed twice", az)
		}
		seen[az] = true
		if !isAZOf(az, c.Region) {
			p.add(VarAZs, azs, "%s is not an availability zone of region %s", az, c.Region)
		}
	}
	return len(*p) == n
}

// isAZOf reports whether az is the region name followed by one zone letter.
func isAZOf(az, region string) bool {
	return len(az) == len(region)+1 && az[:len(region)] == region && az[len(region)] >= 'a' && az[len(region)] <= 'z'
}

func (c *Config) validateCIDR(p *problems, name, cidr string, ranges []netip.Prefix) bool {
	prefix, err := netip.ParsePrefix(cidr)
	switch {
	case err != nil || !prefix.Addr().Is4():
		p.add(name, cidr, "not an IPv4 CIDR")
	case prefix.Masked() != prefix:
		p.add(name, cidr, "host bits are set; did you mean %s?", prefix.Masked())
	case prefix.Bits() < 16 || prefix.Bits() > 24:
		p.add(name, cidr, "prefix /%d is outside /16 to /24", prefix.Bits())
	case !slices.ContainsFunc(ranges, func(r netip.Prefix) bool { return r.Overlaps(prefix) && r.Bits() <= prefix.Bits() }):
		p.add(name, cidr, "not in an allowed range")
	default:
		return true
	}
	return false
}

// validatePlan checks that the VPC (and pod) CIDRs hold the subnet plan,
// and that the private subnets hold the node groups at max scale.
func (c *Config) validatePlan(p *problems) {
	plan, err := network.PlanSubnets(c.VPCCIDR, c.AZs)
	if err != nil {
		p.add(VarVPCCIDR, c.VPCCIDR, "%v", err)
		return
	}
	if c.PodCIDR != "" {
		if plan, err = network.PlanPodSubnets(plan, c.PodCIDR); err != nil {
			p.add(VarPodCIDR, c.PodCIDR, "%v", err)
			return
		}
	}
	c.validateIPCapacity(p, plan)
}

func (c *Config) anySubnetIDs() bool {
	return len(c.PrivateSubnetIDs)+len(c.PublicSubnetIDs)+len(c.ControlPlaneSubnetIDs) > 0
}

// validateExistingVPC checks the bring-your-own-VPC variables: an ID, one
// subnet per AZ in each list, and no settings that only apply to a VPC
// Ballast creates.
func (c *Config) validateExistingVPC(p *problems) {
	switch {
	case c.VPCID == "":
		p.add(VarVPCID, "", "subnet IDs are set, so the VPC they belong to is required")
	case !vpcIDRe.MatchString(c.VPCID):
		p.add(VarVPCID, c.VPCID, "not a VPC ID")
	}
	n := len(c.AZs)
	seen := map[string]bool{}
	for _, l := range []struct {
		name     string
		ids      []string
		optional bool
	}{{VarPrivateSubnetIDs, c.PrivateSubnetIDs, false}, {VarPublicSubnetIDs, c.PublicSubnetIDs, true}, {VarControlPlaneSubnetIDs, c.ControlPlaneSubnetIDs, true}} {
		if len(l.ids) != n && !(l.optional && len(l.ids) == 0) {
			p.add(l.name, joinList(l.ids), "need one subnet per availability zone (%d in %s), got %d", n, VarAZs, len(l.ids))
		}
		for _, id := range l.ids {
			if !subnetIDRe.MatchString(id) {
				p.add(l.name, id, "not a subnet ID")
			}
			if seen[id] {
				p.add(l.name, id, "listed more than once (each subnet serves one role in one AZ)")
			}
			seen[id] = true
		}
	}
	if c.PodCIDR != "" {
		p.add(VarPodCIDR, c.PodCIDR, "an existing VPC (%s) gets no subnets from Ballast; add pod subnets to it yourself", VarVPCID)
	}
	if c.VPCEndpoints == EndpointsOn {
		p.add(VarVPCEndpoints, string(c.VPCEndpoints), "an existing VPC (%s) gets no endpoints from Ballast", VarVPCID)
	}
}
