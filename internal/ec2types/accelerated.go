package ec2types

import "slices"

// Accelerator is the kind of accelerator an instance type carries.
type Accelerator string

// Accelerators. The zero value is none.
const (
	// NVIDIA GPUs: the NVIDIA AMI variants carry the driver and the
	// container toolkit; the device plugin advertises nvidia.com/gpu.
	NVIDIA Accelerator = "nvidia"
	// Neuron is AWS Inferentia and Trainium: the Neuron AMI variant carries
	// the driver; the device plugin advertises aws.amazon.com/neuron.
	Neuron Accelerator = "neuron"
)

// acceleratedRows are the GPU and machine-learning types users run on EKS,
// listed one by one: their network limits do not follow the size as the
// general families' do. Network limits (interfaces and IPv4 addresses per
// interface on the default network card, which is what the VPC CNI uses)
// are amazon-vpc-cni-k8s's generated pkg/vpc/vpc_ip_resource_limit.go;
// vCPUs, memory and accelerator counts are the EC2 accelerated-computing
// instance type pages' (see docs/instance-types.md).
var acceleratedRows = []struct {
	typ                      string
	vcpus, memGiB, enis, ips int
	accelerator              Accelerator
	accelerators             int
}{
	{"g4dn.xlarge", 4, 16, 3, 10, NVIDIA, 1},
	{"g4dn.2xlarge", 8, 32, 3, 10, NVIDIA, 1},
	{"g4dn.4xlarge", 16, 64, 3, 10, NVIDIA, 1},
	{"g4dn.8xlarge", 32, 128, 4, 15, NVIDIA, 1},
	{"g4dn.12xlarge", 48, 192, 8, 30, NVIDIA, 4},
	{"g4dn.16xlarge", 64, 256, 4, 15, NVIDIA, 1},
	{"g5.xlarge", 4, 16, 4, 15, NVIDIA, 1},
	{"g5.2xlarge", 8, 32, 4, 15, NVIDIA, 1},
	{"g5.4xlarge", 16, 64, 8, 30, NVIDIA, 1},
	{"g5.8xlarge", 32, 128, 8, 30, NVIDIA, 1},
	{"g5.12xlarge", 48, 192, 15, 50, NVIDIA, 4},
	{"g5.16xlarge", 64, 256, 8, 30, NVIDIA, 1},
	{"g5.24xlarge", 96, 384, 15, 50, NVIDIA, 4},
	{"g5.48xlarge", 192, 768, 7, 50, NVIDIA, 8},
	{"g6.xlarge", 4, 16, 4, 15, NVIDIA, 1},
	{"g6.2xlarge", 8, 32, 4, 15, NVIDIA, 1},
	{"g6.4xlarge", 16, 64, 8, 30, NVIDIA, 1},
	{"g6.8xlarge", 32, 128, 8, 30, NVIDIA, 1},
	{"g6.12xlarge", 48, 192, 8, 30, NVIDIA, 4},
	{"g6.16xlarge", 64, 256, 15, 50, NVIDIA, 1},
	{"g6.24xlarge", 96, 384, 15, 50, NVIDIA, 4},
	{"g6.48xlarge", 192, 768, 15, 50, NVIDIA, 8},
	{"g6e.xlarge", 4, 32, 4, 15, NVIDIA, 1},
	{"g6e.2xlarge", 8, 64, 4, 15, NVIDIA, 1},
	{"g6e.4xlarge", 16, 128, 8, 30, NVIDIA, 1},
	{"g6e.8xlarge", 32, 256, 8, 30, NVIDIA, 1},
	{"g6e.12xlarge", 48, 384, 10, 30, NVIDIA, 4},
	{"g6e.16xlarge", 64, 512, 15, 50, NVIDIA, 1},
	{"g6e.24xlarge", 96, 768, 10, 50, NVIDIA, 4},
	{"g6e.48xlarge", 192, 1536, 10, 50, NVIDIA, 8},
	{"p4d.24xlarge", 96, 1152, 15, 50, NVIDIA, 8},
	{"p5.4xlarge", 16, 256, 4, 30, NVIDIA, 1},
	{"p5.48xlarge", 192, 2048, 2, 50, NVIDIA, 8},
	{"inf2.xlarge", 4, 16, 4, 15, Neuron, 1},
	{"inf2.8xlarge", 32, 128, 8, 30, Neuron, 1},
	{"inf2.24xlarge", 96, 384, 15, 50, Neuron, 6},
	{"inf2.48xlarge", 192, 768, 15, 50, Neuron, 12},
	{"trn1.2xlarge", 8, 32, 4, 15, Neuron, 1},
	{"trn1.32xlarge", 128, 512, 5, 50, Neuron, 16},
}

// AcceleratedFamilies lists the accelerated families, in table order.
func AcceleratedFamilies() []string {
	var out []string
	for _, r := range acceleratedRows {
		if f := familyOf(r.typ); len(out) == 0 || out[len(out)-1] != f {
			out = append(out, f)
		}
	}
	return out
}

// GeneralFamilies lists the families that are not accelerated, in table
// order.
func GeneralFamilies() []string {
	acc := AcceleratedFamilies()
	var out []string
	for _, f := range Families() {
		if !slices.Contains(acc, f) {
			out = append(out, f)
		}
	}
	return out
}

func familyOf(typ string) string {
	for i := range typ {
		if typ[i] == '.' {
			return typ[:i]
		}
	}
	return typ
}

func addAccelerated() {
	for _, r := range acceleratedRows {
		f := familyOf(r.typ)
		s := Spec{Type: r.typ, Family: f, Size: r.typ[len(f)+1:], Arch: X86_64, VCPUs: r.vcpus, MemoryGiB: r.memGiB,
			MaxENIs: r.enis, IPv4PerENI: r.ips, Accelerator: r.accelerator, Accelerators: r.accelerators}
		table[s.Type] = s
		i, ok := familyIndex[f]
		if !ok {
			i = len(families)
			familyIndex[f] = i
			families = append(families, family{name: f, arch: X86_64})
		}
		families[i].sizes = append(families[i].sizes, s.Size)
	}
}
