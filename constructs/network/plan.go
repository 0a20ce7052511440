package network

import (
	"fmt"
	"math/bits"
	"net/netip"
)

// AWSReservedIPs is how many addresses AWS reserves in every subnet (the
// network address, the VPC router, DNS, one for future use, broadcast).
const AWSReservedIPs = 5

// MinSubnetBits and MaxSubnetBits bound the subnet sizes EC2 accepts.
const (
	MinSubnetBits = 16
	MaxSubnetBits = 28
)

// ControlPlaneBits is the size of each control-plane subnet: a /28 has 11
// usable addresses; EKS places 2 to 4 ENIs per cluster and needs up to 5
// free ones during a version upgrade.
const ControlPlaneBits = 28

// publicShift makes each public subnet 1/16 of a private one: load
// balancers and NAT gateways need tens of addresses, not thousands.
const publicShift = 4

// AZPlan is the subnets of one availability zone.
type AZPlan struct {
	// AZ is the availability-zone name.
	AZ string
	// Private holds nodes and pods (and interface endpoint ENIs).
	Private netip.Prefix
	// Public holds load balancers and NAT gateways.
	Public netip.Prefix
	// ControlPlane holds the EKS control-plane ENIs.
	ControlPlane netip.Prefix
	// Pods is the custom-networking pod subnet carved from the secondary
	// CIDR; invalid (the zero Prefix) when there is none.
	Pods netip.Prefix
}

// Plan is the deterministic subnet layout of a VPC: the sizes of each role
// and the exact CIDR of every subnet, AZ by AZ, as the VPC will get them.
type Plan struct {
	// VPC is the primary CIDR block.
	VPC netip.Prefix
	// PodCIDR is the secondary CIDR block for pods; invalid when none.
	PodCIDR netip.Prefix
	// PrivateBits, PublicBits, ControlPlaneBits and PodBits are the prefix
	// lengths of each role's subnets (PodBits is 0 without a PodCIDR).
	PrivateBits, PublicBits, ControlPlaneBits, PodBits int
	// AZs holds each AZ's subnets, in the order the AZs were given.
	AZs []AZPlan
}

// AZ returns the plan of the named availability zone.
func (p Plan) AZ(name string) (AZPlan, bool) {
	for _, a := range p.AZs {
		if a.AZ == name {
			return a, true
		}
	}
	return AZPlan{}, false
}

// PlanSubnets lays out a VPC of vpcCIDR over azs. See the package
// documentation for the rule. It fails when the CIDR is not IPv4 or too
// small for the plan, saying which size would hold it.
func PlanSubnets(vpcCIDR string, azs []string) (Plan, error) {
	prefix, err := parseIPv4(vpcCIDR)
	if err != nil {
		return Plan{}, err
	}
	if len(azs) == 0 {
		return Plan{}, fmt.Errorf("no availability zones to plan for")
	}
	if prefix.Bits() < MinSubnetBits || prefix.Bits() > MaxSubnetBits {
		return Plan{}, fmt.Errorf("%s: a VPC block must be /%d to /%d", vpcCIDR, MinSubnetBits, MaxSubnetBits)
	}
	p := sizes(prefix.Bits(), len(azs))
	p.VPC = prefix
	blocks, ok := allocate(prefix, p.requests(len(azs)))
	if !ok {
		return Plan{}, tooSmall(vpcCIDR, prefix, p, len(azs))
	}
	n := len(azs)
	for i, az := range azs {
		p.AZs = append(p.AZs, AZPlan{AZ: az, Private: blocks[i], Public: blocks[n+i], ControlPlane: blocks[2*n+i]})
	}
	return p, nil
}

// PlanPodSubnets adds per-AZ pod subnets carved from a secondary CIDR (VPC
// CNI custom networking) to plan: the block is split into the fewest equal,
// aligned subnets that give every AZ one (3 AZs of a /16 get a /18 each).
func PlanPodSubnets(plan Plan, podCIDR string) (Plan, error) {
	prefix, err := parseIPv4(podCIDR)
	if err != nil {
		return plan, err
	}
	if prefix.Bits() < MinSubnetBits || prefix.Bits() > MaxSubnetBits {
		return plan, fmt.Errorf("%s: a secondary block must be /%d to /%d", podCIDR, MinSubnetBits, MaxSubnetBits)
	}
	if prefix.Overlaps(plan.VPC) {
		return plan, fmt.Errorf("%s overlaps the VPC block %s", podCIDR, plan.VPC)
	}
	podBits := prefix.Bits() + ceilLog2(len(plan.AZs))
	if podBits > MaxSubnetBits {
		return plan, fmt.Errorf("%s cannot give %d AZs a /%d pod subnet each; use a /%d or larger",
			podCIDR, len(plan.AZs), MaxSubnetBits, MaxSubnetBits-ceilLog2(len(plan.AZs)))
	}
	out := plan
	out.AZs = append([]AZPlan(nil), plan.AZs...)
	out.PodCIDR, out.PodBits = prefix, podBits
	blocks, _ := allocate(prefix, repeat(podBits, len(plan.AZs)))
	for i := range out.AZs {
		out.AZs[i].Pods = blocks[i]
	}
	return out, nil
}

// sizes returns the subnet sizes for a VPC of prefix length vpcBits over n
// AZs: private subnets take the largest power-of-two share that leaves at
// least one share free for the public and control-plane subnets.
func sizes(vpcBits, n int) Plan {
	private := vpcBits + ceilLog2(n+1)
	return Plan{
		PrivateBits:      min(private, MaxSubnetBits),
		PublicBits:       min(private+publicShift, MaxSubnetBits),
		ControlPlaneBits: ControlPlaneBits,
	}
}

// requests lists the subnet sizes in the order the VPC allocates them:
// subnet group by subnet group (private, public, control plane), AZ by AZ.
func (p Plan) requests(n int) []int {
	return append(append(repeat(p.PrivateBits, n), repeat(p.PublicBits, n)...), repeat(p.ControlPlaneBits, n)...)
}

// allocate mirrors aws-cdk-lib's NetworkBuilder: each block starts at the
// next free address rounded up to a multiple of its size. ok is false when
// a block would end past the parent.
func allocate(parent netip.Prefix, bitsList []int) (blocks []netip.Prefix, ok bool) {
	base := ipToUint(parent.Addr())
	end := base + uint64(size(parent.Bits()))
	next := base
	for _, b := range bitsList {
		sz := uint64(size(b))
		start := (next + sz - 1) / sz * sz
		if start+sz > end {
			return blocks, false
		}
		blocks = append(blocks, netip.PrefixFrom(uintToIP(start), b))
		next = start + sz
	}
	return blocks, true
}

// tooSmall explains that the plan does not fit and finds the smallest VPC
// block (largest prefix length) whose own plan would.
func tooSmall(cidr string, prefix netip.Prefix, p Plan, n int) error {
	need := n * (size(p.PrivateBits) + size(p.PublicBits) + size(p.ControlPlaneBits))
	msg := fmt.Sprintf("%s (%d addresses) cannot hold the subnet plan for %d AZs: %d private /%d, %d public /%d and %d control-plane /%d subnets need %d addresses",
		cidr, size(prefix.Bits()), n, n, p.PrivateBits, n, p.PublicBits, n, p.ControlPlaneBits, need)
	for b := prefix.Bits() - 1; b >= MinSubnetBits; b-- {
		q := sizes(b, n)
		if _, ok := allocate(netip.PrefixFrom(netip.IPv4Unspecified(), b), q.requests(n)); ok {
			return fmt.Errorf("%s; a /%d or larger block would hold it", msg, b)
		}
	}
	return fmt.Errorf("%s; no VPC block of /%d or larger holds %d AZs", msg, MinSubnetBits, n)
}

func parseIPv4(cidr string) (netip.Prefix, error) {
	prefix, err := netip.ParsePrefix(cidr)
	if err != nil || !prefix.Addr().Is4() {
		return netip.Prefix{}, fmt.Errorf("%q is not an IPv4 CIDR", cidr)
	}
	return prefix.Masked(), nil
}

// ceilLog2 returns the smallest k with 2^k >= n (n >= 1).
func ceilLog2(n int) int { return bits.Len(uint(n - 1)) }

func repeat(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func size(bits int) int { return 1 << (32 - bits) }

func ipToUint(a netip.Addr) uint64 {
	b := a.As4()
	return uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3])
}

func uintToIP(v uint64) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
