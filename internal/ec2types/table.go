package ec2types

import "slices"

// sizeFacts are the per-size facts shared by every Nitro family in the table
// (non-burstable): vCPUs and network limits.
var sizeFacts = map[string]struct{ vcpus, enis, ipsPerENI int }{
	"medium":   {1, 2, 4},
	"large":    {2, 3, 10},
	"xlarge":   {4, 4, 15},
	"2xlarge":  {8, 4, 15},
	"4xlarge":  {16, 8, 30},
	"8xlarge":  {32, 8, 30},
	"12xlarge": {48, 8, 30},
	"16xlarge": {64, 15, 50},
	"24xlarge": {96, 15, 50},
}

// burstableFacts are t3's and t4g's per-size facts (2 vCPUs from medium).
var burstableFacts = map[string]struct{ vcpus, memGiB, enis, ipsPerENI int }{
	"medium":  {2, 4, 3, 6},
	"large":   {2, 8, 3, 12},
	"xlarge":  {4, 16, 4, 15},
	"2xlarge": {8, 32, 4, 15},
}

var (
	intelAMD  = []string{"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"}
	withMed   = append([]string{"medium"}, intelAMD...)
	graviton  = []string{"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"}
	graviton4 = append(slices.Clone(graviton), "24xlarge")
	burstable = []string{"medium", "large", "xlarge", "2xlarge"}
)

// family is one row of families.
type family struct {
	name       string
	arch       Arch
	memPerVCPU int
	sizes      []string
}

// families is the table: each family's architecture, memory per vCPU (GiB)
// and sizes. Burstable families (memPerVCPU 0) take burstableFacts. The
// accelerated families (acceleratedRows) are appended at init.
var families = []family{
	{"m5", X86_64, 4, intelAMD},
	{"m6i", X86_64, 4, intelAMD},
	{"m6a", X86_64, 4, intelAMD},
	{"m7i", X86_64, 4, intelAMD},
	{"m7a", X86_64, 4, withMed},
	{"c6i", X86_64, 2, intelAMD},
	{"c7i", X86_64, 2, intelAMD},
	{"r6i", X86_64, 8, intelAMD},
	{"r7i", X86_64, 8, intelAMD},
	{"t3", X86_64, 0, burstable},
	{"m6g", ARM64, 4, graviton},
	{"m7g", ARM64, 4, graviton},
	{"c6g", ARM64, 2, graviton},
	{"c7g", ARM64, 2, graviton},
	{"r6g", ARM64, 8, graviton},
	{"r7g", ARM64, 8, graviton},
	{"m8g", ARM64, 4, graviton4},
	{"c8g", ARM64, 2, graviton4},
	{"r8g", ARM64, 8, graviton4},
	{"t4g", ARM64, 0, burstable},
}

var (
	table       = map[string]Spec{}
	familyIndex = map[string]int{}
)

func init() {
	for i, f := range families {
		familyIndex[f.name] = i
		for _, size := range f.sizes {
			s := Spec{Type: f.name + "." + size, Family: f.name, Size: size, Arch: f.arch}
			if f.memPerVCPU == 0 {
				b := burstableFacts[size]
				s.VCPUs, s.MemoryGiB, s.MaxENIs, s.IPv4PerENI = b.vcpus, b.memGiB, b.enis, b.ipsPerENI
			} else {
				n := sizeFacts[size]
				s.VCPUs, s.MemoryGiB, s.MaxENIs, s.IPv4PerENI = n.vcpus, n.vcpus*f.memPerVCPU, n.enis, n.ipsPerENI
			}
			table[s.Type] = s
		}
	}
	addAccelerated()
}
