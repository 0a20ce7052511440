package nodegroup

import (
	"slices"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

// g5g is an NVIDIA arm64 type the ec2types table does not list.
var g5g = InstanceFacts{Arch: "arm64", VCPUs: 4, MemoryGiB: 8, MaxENIs: 4, IPv4PerENI: 15, Accelerator: "nvidia"}

func TestValidateAccelerated(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*NodeGroupSetProps)
		want   []string
	}{
		{"GPU group", func(p *NodeGroupSetProps) { p.InstanceTypes = []string{"g5.xlarge", "g5.2xlarge", "g6.xlarge"} }, nil},
		{"Neuron on Bottlerocket", func(p *NodeGroupSetProps) {
			p.InstanceTypes, p.AMIFamily = []string{"inf2.xlarge"}, ptr.To(Bottlerocket)
		}, []string{"amiFamily: EKS publishes Neuron AMIs for AL2023 on x86_64 only"}},
		{"GPU and plain types mixed", func(p *NodeGroupSetProps) { p.InstanceTypes = []string{"g5.xlarge", "m6i.xlarge"} },
			[]string{`instanceTypes: mixes accelerators none and nvidia; one group runs one AMI`}},
		{"facts for an unknown type", func(p *NodeGroupSetProps) {
			p.InstanceTypes, p.InstanceFacts = []string{"g5g.xlarge"}, map[string]InstanceFacts{"g5g.xlarge": g5g}
		}, nil},
		{"unknown type without facts", func(p *NodeGroupSetProps) { p.InstanceTypes = []string{"g5g.xlarge"} },
			[]string{`instanceTypes: "g5g.xlarge": unknown instance type`}},
		{"facts that would be ignored", func(p *NodeGroupSetProps) {
			p.InstanceFacts = map[string]InstanceFacts{"m6i.large": g5g, "g5g.xlarge": g5g}
		}, []string{`instanceFacts["g5g.xlarge"]: not one of instanceTypes, so the facts would be ignored`, `instanceFacts["m6i.large"]: Ballast's table knows m6i.large; remove these facts`}},
		{"incomplete facts", func(p *NodeGroupSetProps) {
			p.InstanceTypes = []string{"x9.large"}
			p.InstanceFacts = map[string]InstanceFacts{"x9.large": {Arch: "sparc", IPv4PerENI: 1, Accelerator: "tpu"}}
		}, []string{`instanceFacts["x9.large"]: arch must be x86_64 or arm64, got "sparc"`,
			`instanceFacts["x9.large"]: vCPUs, memoryGiB and maxENIs must be at least 1`, `instanceFacts["x9.large"]: accelerator must be nvidia, neuron or empty, got "tpu"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.mutate(&p)
			wanterr.Check(t, withDefaults(p).Validate(), tt.want)
		})
	}
}

// TestAcceleratorDefaults: an accelerated group gets the accelerator's
// AMI type and NoSchedule taint (unless turned off or already set).
func TestAcceleratorDefaults(t *testing.T) {
	gpu := withDefaults(NodeGroupSetProps{InstanceTypes: []string{"g5.xlarge"}})
	if want := (Taint{NVIDIATaintKey, "true", NoSchedule}); !slices.Equal(gpu.Taints, []Taint{want}) {
		t.Errorf("GPU taints %v, want %v", gpu.Taints, want)
	}
	if got := amiType(gpu); got != awseksv2.NodegroupAmiType_AL2023_X86_64_NVIDIA {
		t.Errorf("GPU AMI type %s", got)
	}
	if got := amiType(withDefaults(NodeGroupSetProps{InstanceTypes: []string{"g6.xlarge"}, AMIFamily: ptr.To(Bottlerocket)})); got != awseksv2.NodegroupAmiType_BOTTLEROCKET_X86_64_NVIDIA {
		t.Errorf("Bottlerocket GPU AMI type %s", got)
	}
	neuron := withDefaults(NodeGroupSetProps{InstanceTypes: []string{"trn1.2xlarge"}})
	if amiType(neuron) != awseksv2.NodegroupAmiType_AL2023_X86_64_NEURON || len(neuron.Taints) != 1 || neuron.Taints[0].Key != NeuronTaintKey {
		t.Errorf("Neuron: AMI %s, taints %v", amiType(neuron), neuron.Taints)
	}
	custom := withDefaults(NodeGroupSetProps{InstanceTypes: []string{"g5g.xlarge"}, InstanceFacts: map[string]InstanceFacts{"g5g.xlarge": g5g}})
	if amiType(custom) != awseksv2.NodegroupAmiType_AL2023_ARM_64_NVIDIA || custom.Accelerator() != "nvidia" {
		t.Errorf("facts: AMI %s, accelerator %q", amiType(custom), custom.Accelerator())
	}
	if n, spec, ok := custom.IPDemand(); !ok || n != DefaultMaxSize || spec.MaxIPv4() != 60 {
		t.Errorf("facts: IP demand %d, %+v, %v", n, spec, ok)
	}
	if off := withDefaults(NodeGroupSetProps{InstanceTypes: []string{"g5.xlarge"}, AcceleratorTaint: ptr.To(false)}); len(off.Taints) != 0 {
		t.Errorf("taint turned off: %v", off.Taints)
	}
	own := []Taint{{NVIDIATaintKey, "present", NoExecute}}
	if kept := withDefaults(NodeGroupSetProps{InstanceTypes: []string{"g5.xlarge"}, Taints: own}); !slices.Equal(kept.Taints, own) {
		t.Errorf("own taint replaced: %v", kept.Taints)
	}
	if plain := withDefaults(NodeGroupSetProps{}); len(plain.Taints) != 0 || plain.Accelerator() != "" || amiType(plain) != awseksv2.NodegroupAmiType_AL2023_X86_64_STANDARD {
		t.Errorf("plain group: taints %v, accelerator %q", plain.Taints, plain.Accelerator())
	}
}

func TestValidateRepair(t *testing.T) {
	p := valid()
	p.RepairMaxUnhealthyPercentage, p.RepairMaxParallel = ptr.To(0), ptr.To(MaxNodesPerGroup+1)
	wanterr.Check(t, p.Validate(), []string{"repairMaxUnhealthyPercentage: a percentage from 1 to 100, got 0",
		"repairMaxParallel: from 1 to"})
	if d := withDefaults(NodeGroupSetProps{}); *d.RepairMaxUnhealthyPercentage != DefaultRepairMaxUnhealthyPercentage || *d.RepairMaxParallel != DefaultRepairMaxParallel {
		t.Errorf("repair defaults %d, %d", *d.RepairMaxUnhealthyPercentage, *d.RepairMaxParallel)
	}
}
