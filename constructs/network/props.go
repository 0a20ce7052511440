package network

// NATMode says how private subnets reach the internet.
type NATMode string

// NAT modes.
const (
	// NATPerAZ creates one NAT gateway per AZ; each private subnet routes to
	// the NAT gateway in its own AZ.
	NATPerAZ NATMode = "per-az"
	// NATSingle creates one NAT gateway shared by every AZ.
	NATSingle NATMode = "single"
	// NATNone creates no NAT gateway and no internet gateway: the private
	// subnets have no 0.0.0.0/0 route and reach AWS only through the VPC
	// endpoints (InterfaceEndpoints is required). The public subnets are
	// not created; their address blocks stay reserved so that the other
	// subnets keep their CIDRs.
	NATNone NATMode = "none"
)

// NetworkProps configures a Network (a VPC this construct creates).
type NetworkProps struct {
	// AvailabilityZones are the explicit AZ names of one region to span.
	// Required: MinAvailabilityZones to MaxAvailabilityZones (2 warns,
	// ballast:network-two-azs), 3 recommended.
	AvailabilityZones []string
	// CIDR is the VPC's IPv4 block, /16 to /24 in PrivateRanges (see
	// CheckCIDR); PlanSubnets lays it out. Default: DefaultCIDR.
	CIDR *string
	// NATMode selects per-AZ, single or no NAT gateways (NATNone: a
	// private cluster with no internet route). Default: NATPerAZ.
	NATMode *NATMode
	// ClusterName, when set, tags the private subnets for Karpenter's
	// subnet discovery. Default: no cluster tag.
	ClusterName *string
	// PodCIDR, when set, is added to the VPC as a secondary block and split
	// into one pod subnet per AZ for VPC CNI custom networking (for example
	// 100.64.0.0/16): /16 to /24 in PodRanges, not overlapping CIDR.
	// Default: none.
	PodCIDR *string
	// FlowLogs sends VPC flow logs (traffic type ALL) to a CloudWatch log
	// group. Default: true.
	FlowLogs *bool
	// FlowLogRetentionDays is the flow-log group's retention.
	// Default: DefaultFlowLogRetentionDays.
	FlowLogRetentionDays *int
	// InterfaceEndpoints creates the interface endpoints of
	// InterfaceEndpointServices in the private subnets. Turn on for private
	// clusters. Default: false (the S3 gateway endpoint is always created).
	InterfaceEndpoints *bool
	// RestrictDefaultSecurityGroup removes every rule from the VPC's
	// default security group. CloudFormation cannot manage that group, so
	// aws-cdk-lib does it with a Lambda-backed custom resource; Ballast
	// creates no Lambda unless asked. Default: false.
	RestrictDefaultSecurityGroup *bool
	// IPDemand, when set, is checked against the subnet plan at max scale
	// (CheckIPCapacity): over capacity is a validation error, above
	// DefaultCapacityWarnPercent a warning (ballast:network-ip-capacity).
	// Include InterfaceEndpointENIs in OtherIPs when InterfaceEndpoints is
	// on. Default: no check.
	IPDemand []AZDemand
	// CNI is the VPC CNI configuration the IP check assumes.
	// Required with IPDemand: the settings the vpc-cni add-on installs
	// (the platform hands the add-on's own value). Default: none.
	CNI *CNI
}

// ExistingNetworkProps describes a VPC created elsewhere (bring your own
// VPC). Nothing is created: the VPC is imported without lookups.
type ExistingNetworkProps struct {
	// VpcID is the VPC's ID. Required.
	VpcID *string
	// AvailabilityZones are the AZs of the subnets below, in order.
	// Required: MinAvailabilityZones to MaxAvailabilityZones.
	AvailabilityZones []string
	// PrivateSubnetIDs hold nodes and pods, one per AZ in AZ order. A
	// subnet ID may appear in only one of the lists. Required.
	PrivateSubnetIDs []string
	// PublicSubnetIDs hold internet-facing load balancers, one per AZ.
	// Default: none (a VPC without public subnets).
	PublicSubnetIDs []string
	// ControlPlaneSubnetIDs receive the EKS control-plane ENIs, one per AZ,
	// each distinct from the private subnets. Default: none; the
	// control-plane ENIs then go to the private subnets.
	ControlPlaneSubnetIDs []string
	// VpcCIDR is the VPC's primary IPv4 block, if known: a shared file
	// system allows NFS from it and the control plane sends only to it.
	// Default: unknown.
	VpcCIDR *string
}
