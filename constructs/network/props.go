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
)

// NetworkProps configures a Network.
type NetworkProps struct {
	// AvailabilityZones are the explicit AZ names to span. Required: at
	// least 2, 3 recommended.
	AvailabilityZones []string
	// CIDR is the VPC's IPv4 block. Default: DefaultCIDR.
	CIDR *string
	// NATMode selects per-AZ or single NAT gateways. Default: NATPerAZ.
	NATMode *NATMode
	// ClusterName, when set, tags the private subnets for the cluster's
	// load balancers and node discovery. Default: no cluster tag.
	ClusterName *string
}
