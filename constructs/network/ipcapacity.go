package network

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
)

// PrefixIPs is the number of addresses in one /28 prefix that the VPC CNI
// assigns to an ENI slot when prefix delegation is on.
const PrefixIPs = 16

// PrefixDelegationMaxPods is the max-pods EKS's calculator gives nodes with
// prefix delegation and fewer than 30 vCPUs (250 from 30 vCPUs up); the
// conservative choice when the vCPU count is unknown.
const PrefixDelegationMaxPods = 110

// hostNetworkPods is the "+2" of the EKS max-pods formula: aws-node and
// kube-proxy use the node's own address, not a pod address.
const hostNetworkPods = 2

// DefaultCapacityWarnPercent is the utilization above which the check warns.
const DefaultCapacityWarnPercent = 80

// CNI is how the VPC CNI hands out addresses; it decides how many a node
// consumes at max scale.
type CNI struct {
	// PrefixDelegation assigns /28 prefixes (16 contiguous addresses) to
	// ENI slots instead of single addresses (ENABLE_PREFIX_DELEGATION).
	PrefixDelegation bool
	// WarmPrefixTarget is how many free prefixes each node keeps
	// (WARM_PREFIX_TARGET); used with prefix delegation.
	WarmPrefixTarget int
	// WarmENITarget is how many free, fully-addressed ENIs each node keeps
	// (WARM_ENI_TARGET); used without prefix delegation.
	WarmENITarget int
}

// NodeDemand is one node group's share of an AZ, in numbers.
type NodeDemand struct {
	// Group names the node group in messages.
	Group string
	// MaxNodes is the group's maximum node count in this AZ.
	MaxNodes int
	// ENIs is the instance type's maximum network interfaces.
	ENIs int
	// IPv4PerENI is the instance type's IPv4 addresses per interface.
	IPv4PerENI int
	// MaxPods is the kubelet's max-pods; 0 means the EKS default: the
	// max-pods formula, capped at PrefixDelegationMaxPods with prefix
	// delegation.
	MaxPods int
}

// AZDemand is everything that takes addresses from one AZ's subnets.
type AZDemand struct {
	// AZ is the availability-zone name (it must be in the plan).
	AZ string
	// Nodes are the node groups with nodes in this AZ.
	Nodes []NodeDemand
	// OtherIPs are other addresses in the AZ's private subnet, such as
	// interface endpoint ENIs (InterfaceEndpointENIs when they are on).
	OtherIPs int
}

// Pool is one subnet's capacity against its demand at max scale.
type Pool struct {
	AZ     string
	Role   string // "private" (nodes, and pods without custom networking) or "pods"
	Subnet netip.Prefix
	// Usable and Needed are addresses. With prefixes in the pool both are
	// whole /28 blocks: the first and last blocks hold the AWS-reserved
	// addresses and cannot be prefixes.
	Usable, Needed int
	// Detail explains Needed.
	Detail string
}

// Percent is Needed as a percentage of Usable.
func (p Pool) Percent() int {
	if p.Usable <= 0 {
		return 100 * max(p.Needed, 1)
	}
	return p.Needed * 100 / p.Usable
}

func (p Pool) String() string {
	return fmt.Sprintf("AZ %s: %s subnet %s needs %d addresses at max scale (%s) of %d usable (%d%%)",
		p.AZ, p.Role, p.Subnet, p.Needed, p.Detail, p.Usable, p.Percent())
}

// Report is the result of CheckIPCapacity: every pool, in AZ order.
type Report struct {
	Pools []Pool
}

// Warnings describes the pools that fit but are above warnPercent full.
func (r Report) Warnings(warnPercent int) []string {
	var out []string
	for _, p := range r.Pools {
		if p.Needed <= p.Usable && p.Percent() > warnPercent {
			out = append(out, p.String()+"; little room to grow: "+fix(p))
		}
	}
	return out
}

// CheckIPCapacity computes, per AZ, the addresses the demand needs at max
// scale against what the plan's subnets can hold. Nodes take their ENI
// primary addresses and, without custom networking, their pods' addresses
// from the AZ's private subnet; with a pod subnet in the plan (custom
// networking) pods use every ENI but the primary one, in the pod subnet.
// It returns an error naming each AZ that cannot hold max scale.
func CheckIPCapacity(plan Plan, cni CNI, demand []AZDemand) (Report, error) {
	var r Report
	var errs []error
	for _, d := range demand {
		az, ok := plan.AZ(d.AZ)
		if !ok {
			errs = append(errs, fmt.Errorf("AZ %s: not in the subnet plan", d.AZ))
			continue
		}
		for _, p := range pools(az, cni, d) {
			r.Pools = append(r.Pools, p)
			if p.Needed > p.Usable {
				errs = append(errs, fmt.Errorf("%s: cannot hold max scale; %s", p, fix(p)))
			}
		}
	}
	return r, errors.Join(errs...)
}

// nodeUse is what one node takes at max scale.
type nodeUse struct {
	primaries int // ENI primary addresses
	ips       int // secondary addresses (no prefix delegation)
	prefixes  int // /28 prefixes (prefix delegation)
}

func pools(az AZPlan, cni CNI, d AZDemand) []Pool {
	custom := az.Pods.IsValid()
	var node, pod nodeUse
	var nodeParts, podParts []string
	for _, n := range d.Nodes {
		u := use(n, cni, custom)
		if custom {
			node.primaries += n.MaxNodes
			pod.primaries += n.MaxNodes * u.primaries
			pod.ips += n.MaxNodes * u.ips
			pod.prefixes += n.MaxNodes * u.prefixes
		} else {
			node.primaries += n.MaxNodes * u.primaries
			node.ips += n.MaxNodes * u.ips
			node.prefixes += n.MaxNodes * u.prefixes
		}
		nodeParts = append(nodeParts, describe(n, u, custom, false))
		if custom {
			podParts = append(podParts, describe(n, u, custom, true))
		}
	}
	if d.OtherIPs > 0 {
		nodeParts = append(nodeParts, fmt.Sprintf("%d other", d.OtherIPs))
	}
	node.primaries += d.OtherIPs
	out := []Pool{pool(az.AZ, "private", az.Private, node, nodeParts)}
	if custom {
		out = append(out, pool(az.AZ, "pods", az.Pods, pod, podParts))
	}
	return out
}

func pool(azName, role string, subnet netip.Prefix, u nodeUse, parts []string) Pool {
	p := Pool{AZ: azName, Role: role, Subnet: subnet, Detail: strings.Join(parts, " + ")}
	if p.Detail == "" {
		p.Detail = "nothing"
	}
	sz := size(subnet.Bits())
	if u.prefixes == 0 {
		p.Usable, p.Needed = sz-AWSReservedIPs, u.primaries+u.ips
		return p
	}
	// Prefixes need whole aligned /28s; count single addresses as packed
	// into whole blocks too (a subnet CIDR reservation keeps them so).
	p.Usable = max(sz/PrefixIPs-2, 0) * PrefixIPs
	p.Needed = (u.prefixes + ceilDiv(u.primaries+u.ips, PrefixIPs)) * PrefixIPs
	return p
}

// use returns one node's addresses at max scale. Without prefix
// delegation the CNI attaches ENIs as pods arrive, each with all its
// addresses, plus WarmENITarget spare ENIs; with it, each pod slot is a /28
// and the node keeps WarmPrefixTarget spare prefixes. With custom
// networking the primary ENI carries no pods, and every address counted
// here is in the pod subnet except the node's own (counted by the caller).
func use(n NodeDemand, cni CNI, custom bool) nodeUse {
	podENIs, slots := n.ENIs, n.IPv4PerENI-1
	if custom {
		podENIs--
	}
	if podENIs <= 0 || slots <= 0 {
		return nodeUse{primaries: 1}
	}
	maxPods := n.MaxPods
	if cni.PrefixDelegation {
		if maxPods == 0 {
			maxPods = min(podENIs*slots*PrefixIPs+hostNetworkPods, PrefixDelegationMaxPods)
		}
		prefixes := min(ceilDiv(max(maxPods-hostNetworkPods, 0), PrefixIPs)+cni.WarmPrefixTarget, podENIs*slots)
		return nodeUse{primaries: max(ceilDiv(prefixes, slots), 1), prefixes: prefixes}
	}
	if maxPods == 0 {
		maxPods = podENIs*slots + hostNetworkPods
	}
	enis := min(ceilDiv(max(maxPods-hostNetworkPods, 0), slots)+cni.WarmENITarget, podENIs)
	enis = max(enis, 1)
	return nodeUse{primaries: enis, ips: enis * slots}
}

func describe(n NodeDemand, u nodeUse, custom, podPool bool) string {
	name := n.Group
	if name == "" {
		name = "nodes"
	}
	switch {
	case custom && !podPool:
		return fmt.Sprintf("%s: %d nodes x 1 node address", name, n.MaxNodes)
	case u.prefixes > 0:
		return fmt.Sprintf("%s: %d nodes x (%d /28 prefixes + %d ENI primary IPs)", name, n.MaxNodes, u.prefixes, u.primaries)
	default:
		return fmt.Sprintf("%s: %d nodes x %d ENIs x %d addresses", name, n.MaxNodes, u.primaries, n.IPv4PerENI)
	}
}

func fix(p Pool) string {
	if p.Role == "pods" {
		return "use a larger secondary pod CIDR, or lower the node groups' max sizes or max pods in this AZ"
	}
	return "use a larger VPC CIDR (the private subnets grow with it), add a secondary pod CIDR (custom networking), or lower the node groups' max sizes or max pods in this AZ"
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
