package ec2types

import (
	"fmt"
	"slices"
	"strings"
)

// Arch is a CPU architecture.
type Arch string

// Architectures.
const (
	X86_64 Arch = "x86_64"
	ARM64  Arch = "arm64"
)

// Spec holds the facts of one instance type.
type Spec struct {
	// Type is the instance type, e.g. "m6i.large".
	Type string
	// Family is the part before the dot, e.g. "m6i".
	Family string
	// Size is the part after the dot, e.g. "large".
	Size string
	// Arch is the CPU architecture.
	Arch Arch
	// VCPUs is the number of vCPUs.
	VCPUs int
	// MemoryGiB is the memory in GiB.
	MemoryGiB int
	// MaxENIs is the number of network interfaces an instance can attach.
	MaxENIs int
	// IPv4PerENI is the number of private IPv4 addresses per interface.
	IPv4PerENI int
	// Accelerator is the kind of GPU or ML accelerator; "" for none.
	Accelerator Accelerator
	// Accelerators is how many the instance has.
	Accelerators int
}

// Pod limits the EKS max-pods calculator applies with prefix delegation.
const (
	// MaxPodsSmall caps instances with fewer than LargeVCPUs vCPUs.
	MaxPodsSmall = 110
	// MaxPodsLarge caps instances with LargeVCPUs vCPUs or more.
	MaxPodsLarge = 250
	// LargeVCPUs is where the larger cap starts.
	LargeVCPUs = 30
	// PrefixSize is the number of addresses in one /28 prefix.
	PrefixSize = 16
)

// MaxPods is the EKS max-pods value for the instance type: the first
// address of each ENI is the node's own, and two host-network pods (aws-node
// and kube-proxy) need none, so ENIs*(IPv4PerENI-1)+2. With VPC CNI prefix
// delegation every secondary slot holds a /28 prefix of 16 addresses,
// ENIs*(IPv4PerENI-1)*16+2, capped at 110 below 30 vCPUs and 250 otherwise
// (the kubelet's practical limits the EKS calculator uses).
func (s Spec) MaxPods(prefixDelegation bool) int {
	if !prefixDelegation {
		return s.MaxENIs*(s.IPv4PerENI-1) + 2
	}
	n := s.MaxENIs*(s.IPv4PerENI-1)*PrefixSize + 2
	limit := MaxPodsSmall
	if s.VCPUs >= LargeVCPUs {
		limit = MaxPodsLarge
	}
	return min(n, limit)
}

// MaxIPv4 is the number of private IPv4 addresses one node can hold from its
// subnet without prefix delegation (every slot of every ENI).
func (s Spec) MaxIPv4() int { return s.MaxENIs * s.IPv4PerENI }

// SizeClass names what a Cluster Autoscaler node group needs to be uniform
// in: vCPUs and memory, e.g. "2 vCPU / 8 GiB". Types of one size class are
// interchangeable for scheduling, so a spot group can mix them.
func (s Spec) SizeClass() string { return fmt.Sprintf("%d vCPU / %d GiB", s.VCPUs, s.MemoryGiB) }

// Generation is the family's category letters and generation digit, without
// the processor and feature suffixes: "m6" for m6i, m6a and m6g. Spot
// capacity is deeper across generations and categories than across the
// processor variants of one generation.
func (s Spec) Generation() string {
	for i, r := range s.Family {
		if r >= '0' && r <= '9' {
			return s.Family[:i+1]
		}
	}
	return s.Family
}

// Lookup returns the facts of an instance type, or an error naming the
// accepted families when the type is not in the table.
func Lookup(instanceType string) (Spec, error) {
	if s, ok := table[instanceType]; ok {
		return s, nil
	}
	family, size, _ := strings.Cut(instanceType, ".")
	if _, ok := familyIndex[family]; ok {
		return Spec{}, fmt.Errorf("%q: size %q is not in the table for %s; accepted sizes: %s",
			instanceType, size, family, strings.Join(Sizes(family), ", "))
	}
	return Spec{}, fmt.Errorf("%q: unknown instance type; accepted families: %s (sizes medium to 24xlarge as each offers them; accelerated types as listed); give the facts of another type as instance facts",
		instanceType, strings.Join(Families(), ", "))
}

// Families lists the accepted families, in table order.
func Families() []string {
	out := make([]string, len(families))
	for i, f := range families {
		out[i] = f.name
	}
	return out
}

// Sizes lists a family's sizes, smallest first; nil for an unknown family.
func Sizes(family string) []string {
	i, ok := familyIndex[family]
	if !ok {
		return nil
	}
	return slices.Clone(families[i].sizes)
}

// Types lists every instance type in the table, sorted.
func Types() []string {
	out := make([]string, 0, len(table))
	for t := range table {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}
