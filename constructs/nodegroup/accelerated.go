package nodegroup

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"

	"github.com/ballast-eks/ballast/internal/ec2types"
)

// InstanceFacts are the facts Ballast needs about an instance type its
// table does not know, so a group can use it: the IP planner counts its
// addresses and the AMI type follows its architecture and accelerator.
type InstanceFacts struct {
	// Arch is "x86_64" or "arm64". Required.
	Arch string
	// VCPUs is the number of vCPUs. Required, at least 1.
	VCPUs int
	// MemoryGiB is the memory in GiB. Required, at least 1.
	MemoryGiB int
	// MaxENIs is how many network interfaces the default network card
	// attaches (aws ec2 describe-instance-types: NetworkInfo
	// .NetworkCards[0].MaximumNetworkInterfaces). Required, at least 1.
	MaxENIs int
	// IPv4PerENI is the private IPv4 addresses per interface
	// (NetworkInfo.Ipv4AddressesPerInterface). Required, at least 2.
	IPv4PerENI int
	// Accelerator is "nvidia", "neuron" or "" for none. Default: none.
	Accelerator string
}

// Accelerator node taints and the label naming a group's accelerator.
const (
	// NVIDIATaintKey is the resource name the NVIDIA device plugin
	// advertises; GPU workloads tolerate a taint of that key.
	NVIDIATaintKey = "nvidia.com/gpu"
	// NeuronTaintKey is the Neuron device plugin's resource name.
	NeuronTaintKey = "aws.amazon.com/neuron"
	// AcceleratorLabel is "nvidia" or "neuron" on accelerated nodes.
	AcceleratorLabel = "ballast.dev/accelerator"
)

var acceleratorTaintKeys = map[ec2types.Accelerator]string{ec2types.NVIDIA: NVIDIATaintKey, ec2types.Neuron: NeuronTaintKey}

// lookup returns an instance type's facts: the props' InstanceFacts, else
// the ec2types table.
func (p NodeGroupSetProps) lookup(t string) (ec2types.Spec, error) {
	f, ok := p.InstanceFacts[t]
	if !ok {
		return ec2types.Lookup(t)
	}
	family, size := t, ""
	if i := slices.Index([]byte(t), '.'); i >= 0 {
		family, size = t[:i], t[i+1:]
	}
	return ec2types.Spec{Type: t, Family: family, Size: size, Arch: ec2types.Arch(f.Arch), VCPUs: f.VCPUs, MemoryGiB: f.MemoryGiB,
		MaxENIs: f.MaxENIs, IPv4PerENI: f.IPv4PerENI, Accelerator: ec2types.Accelerator(f.Accelerator)}, nil
}

// Accelerator is the accelerator of the group's instance types ("" for
// none or when the first type is unknown).
func (p NodeGroupSetProps) Accelerator() string {
	d := p
	if d.InstanceTypes == nil {
		d.InstanceTypes = DefaultInstanceTypes
	}
	if len(d.InstanceTypes) == 0 {
		return ""
	}
	s, _ := d.lookup(d.InstanceTypes[0])
	return string(s.Accelerator)
}

// withAcceleratorTaint adds the accelerator's NoSchedule taint unless
// AcceleratorTaint is false or a taint of that key is set.
func withAcceleratorTaint(p NodeGroupSetProps) NodeGroupSetProps {
	key, ok := acceleratorTaintKeys[ec2types.Accelerator(p.Accelerator())]
	if !ok || !*p.AcceleratorTaint || slices.ContainsFunc(p.Taints, func(t Taint) bool { return t.Key == key }) {
		return p
	}
	p.Taints = append(slices.Clone(p.Taints), Taint{Key: key, Value: "true", Effect: NoSchedule})
	return p
}

// acceleratedAMI returns the AMI type for an accelerated group.
func acceleratedAMI(family AMIFamily, acc ec2types.Accelerator, arm bool) (awseksv2.NodegroupAmiType, bool) {
	switch {
	case acc == ec2types.NVIDIA && family == Bottlerocket && arm:
		return awseksv2.NodegroupAmiType_BOTTLEROCKET_ARM_64_NVIDIA, true
	case acc == ec2types.NVIDIA && family == Bottlerocket:
		return awseksv2.NodegroupAmiType_BOTTLEROCKET_X86_64_NVIDIA, true
	case acc == ec2types.NVIDIA && arm:
		return awseksv2.NodegroupAmiType_AL2023_ARM_64_NVIDIA, true
	case acc == ec2types.NVIDIA:
		return awseksv2.NodegroupAmiType_AL2023_X86_64_NVIDIA, true
	case acc == ec2types.Neuron:
		return awseksv2.NodegroupAmiType_AL2023_X86_64_NEURON, true
	}
	return "", false
}

// validateAccelerators: one accelerator kind per group (one AMI), and one
// EKS publishes an AMI for.
func (p NodeGroupSetProps) validateAccelerators(specs map[string]ec2types.Spec) []error {
	kinds := map[string]bool{}
	arm := false
	for _, s := range specs {
		kind := string(s.Accelerator)
		if kind == "" {
			kind = "none"
		}
		kinds[kind] = true
		arm = arm || s.Arch == ec2types.ARM64
	}
	var errs []error
	if len(kinds) > 1 {
		errs = append(errs, fmt.Errorf("instanceTypes: mixes accelerators %s; one group runs one AMI, use one group per accelerator", strings.Join(slices.Sorted(maps.Keys(kinds)), " and ")))
	}
	if kinds[string(ec2types.Neuron)] && (*p.AMIFamily == Bottlerocket || arm) {
		errs = append(errs, fmt.Errorf("amiFamily: EKS publishes Neuron AMIs for AL2023 on x86_64 only"))
	}
	return errs
}

// validateInstanceFacts checks facts given for types the table lacks.
func (p NodeGroupSetProps) validateInstanceFacts() []error {
	var errs []error
	add := func(t, format string, args ...any) {
		errs = append(errs, fmt.Errorf("instanceFacts[%q]: "+format, append([]any{t}, args...)...))
	}
	for _, t := range slices.Sorted(maps.Keys(p.InstanceFacts)) {
		f := p.InstanceFacts[t]
		if _, err := ec2types.Lookup(t); err == nil {
			add(t, "Ballast's table knows %s; remove these facts", t)
		}
		if !slices.Contains(p.InstanceTypes, t) {
			add(t, "not one of instanceTypes, so the facts would be ignored")
		}
		if f.Arch != string(ec2types.X86_64) && f.Arch != string(ec2types.ARM64) {
			add(t, "arch must be x86_64 or arm64, got %q", f.Arch)
		}
		if f.VCPUs < 1 || f.MemoryGiB < 1 || f.MaxENIs < 1 || f.IPv4PerENI < 2 {
			add(t, "vCPUs, memoryGiB and maxENIs must be at least 1 and ipv4PerENI at least 2, got %d, %d, %d, %d", f.VCPUs, f.MemoryGiB, f.MaxENIs, f.IPv4PerENI)
		}
		if _, ok := acceleratorTaintKeys[ec2types.Accelerator(f.Accelerator)]; !ok && f.Accelerator != "" {
			add(t, "accelerator must be nvidia, neuron or empty, got %q", f.Accelerator)
		}
	}
	return errs
}
