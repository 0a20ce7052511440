package ec2types

import (
	"strings"
	"testing"
)

// TestMaxPods checks worked numbers. Without prefix delegation they equal
// amazon-eks-ami's eni-max-pods.txt values for the same types.
func TestMaxPods(t *testing.T) {
	tests := []struct {
		typ          string
		pods, pdPods int
	}{
		{"m5.large", 29, 110},    // 3*(10-1)+2; 3*9*16+2=434, capped at 110 (2 vCPUs)
		{"m5.xlarge", 58, 110},   // 4*(15-1)+2
		{"m5.2xlarge", 58, 110},  // same network limits as xlarge
		{"m5.4xlarge", 234, 110}, // 8*(30-1)+2; 16 vCPUs, still below 30
		{"m5.8xlarge", 234, 250}, // 32 vCPUs: cap 250
		{"m5.16xlarge", 737, 250},
		{"m5.24xlarge", 737, 250},
		{"m6i.large", 29, 110},
		{"m6a.12xlarge", 234, 250},
		{"m7i.24xlarge", 737, 250},
		{"m7a.medium", 8, 98}, // 2*(4-1)+2; 2*3*16+2=98, under the 110 cap
		{"c6i.large", 29, 110},
		{"c7i.16xlarge", 737, 250},
		{"r6i.xlarge", 58, 110},
		{"r7i.8xlarge", 234, 250},
		{"m6g.medium", 8, 98},
		{"m7g.large", 29, 110},
		{"c6g.medium", 8, 98},
		{"c7g.16xlarge", 737, 250},
		{"r6g.4xlarge", 234, 110},
		{"r7g.12xlarge", 234, 250},
		{"m8g.medium", 8, 98},
		{"c8g.24xlarge", 737, 250},
		{"r8g.large", 29, 110},
		{"t3.medium", 17, 110}, // 3*(6-1)+2
		{"t3.large", 35, 110},  // 3*(12-1)+2
		{"t3.xlarge", 58, 110},
		{"t4g.medium", 17, 110},
		{"t4g.2xlarge", 58, 110},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			s, err := Lookup(tt.typ)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.MaxPods(false); got != tt.pods {
				t.Errorf("MaxPods(false) = %d, want %d", got, tt.pods)
			}
			if got := s.MaxPods(true); got != tt.pdPods {
				t.Errorf("MaxPods(true) = %d, want %d", got, tt.pdPods)
			}
		})
	}
}

// TestEveryTypeHasEKSValues checks every row against the value sets
// eni-max-pods.txt has for these families.
func TestEveryTypeHasEKSValues(t *testing.T) {
	want := map[string]int{"medium": 8, "large": 29, "xlarge": 58, "2xlarge": 58, "4xlarge": 234,
		"8xlarge": 234, "12xlarge": 234, "16xlarge": 737, "24xlarge": 737}
	burst := map[string]int{"medium": 17, "large": 35, "xlarge": 58, "2xlarge": 58}
	for _, typ := range Types() {
		s, _ := Lookup(typ)
		if s.Accelerator != "" {
			continue // TestAcceleratedTypes
		}
		w := want[s.Size]
		if s.Family == "t3" || s.Family == "t4g" {
			w = burst[s.Size]
		}
		if got := s.MaxPods(false); got != w {
			t.Errorf("%s: MaxPods = %d, want %d", typ, got, w)
		}
		if s.VCPUs == 0 || s.MemoryGiB == 0 || (s.Arch != X86_64 && s.Arch != ARM64) {
			t.Errorf("%s: incomplete spec %+v", typ, s)
		}
	}
}

func TestFacts(t *testing.T) {
	tests := []struct {
		typ       string
		arch      Arch
		vcpus     int
		sizeClass string
		gen       string
		maxIPv4   int
	}{
		{"m6i.large", X86_64, 2, "2 vCPU / 8 GiB", "m6", 30},
		{"m6a.xlarge", X86_64, 4, "4 vCPU / 16 GiB", "m6", 60},
		{"c7i.2xlarge", X86_64, 8, "8 vCPU / 16 GiB", "c7", 60},
		{"r7g.medium", ARM64, 1, "1 vCPU / 8 GiB", "r7", 8},
		{"t4g.medium", ARM64, 2, "2 vCPU / 4 GiB", "t4", 18},
		{"m5.large", X86_64, 2, "2 vCPU / 8 GiB", "m5", 30},
	}
	for _, tt := range tests {
		s, err := Lookup(tt.typ)
		if err != nil {
			t.Fatal(err)
		}
		if s.Arch != tt.arch || s.VCPUs != tt.vcpus || s.SizeClass() != tt.sizeClass || s.Generation() != tt.gen || s.MaxIPv4() != tt.maxIPv4 {
			t.Errorf("%s: got arch=%s vcpus=%d class=%q gen=%q maxIPv4=%d", tt.typ, s.Arch, s.VCPUs, s.SizeClass(), s.Generation(), s.MaxIPv4())
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	tests := []struct{ typ, wantIn string }{
		{"x2iedn.xlarge", "accepted families: m5, m6i"},
		{"m6i.32xlarge", "accepted sizes: large, xlarge"},
		{"m5.medium", "size \"medium\" is not in the table for m5"},
		{"bogus", "unknown instance type"},
	}
	for _, tt := range tests {
		_, err := Lookup(tt.typ)
		if err == nil || !strings.Contains(err.Error(), tt.wantIn) {
			t.Errorf("Lookup(%q) = %v, want an error containing %q", tt.typ, err, tt.wantIn)
		}
	}
}

// TestAcceleratedTypes checks every accelerated row against a second
// source, amazon-eks-ami's nodeadm instance-info.jsonl (default-card ENIs
// and IPv4 addresses per ENI, carried here as the max pods they give), and
// the accelerator each carries.
func TestAcceleratedTypes(t *testing.T) {
	nodeadm := map[string][2]int{
		"g4dn.xlarge": {3, 10}, "g4dn.2xlarge": {3, 10}, "g4dn.4xlarge": {3, 10}, "g4dn.8xlarge": {4, 15}, "g4dn.12xlarge": {8, 30}, "g4dn.16xlarge": {4, 15},
		"g5.xlarge": {4, 15}, "g5.2xlarge": {4, 15}, "g5.4xlarge": {8, 30}, "g5.8xlarge": {8, 30}, "g5.12xlarge": {15, 50}, "g5.16xlarge": {8, 30}, "g5.24xlarge": {15, 50}, "g5.48xlarge": {7, 50},
		"g6.xlarge": {4, 15}, "g6.2xlarge": {4, 15}, "g6.4xlarge": {8, 30}, "g6.8xlarge": {8, 30}, "g6.12xlarge": {8, 30}, "g6.16xlarge": {15, 50}, "g6.24xlarge": {15, 50}, "g6.48xlarge": {15, 50},
		"g6e.xlarge": {4, 15}, "g6e.2xlarge": {4, 15}, "g6e.4xlarge": {8, 30}, "g6e.8xlarge": {8, 30}, "g6e.12xlarge": {10, 30}, "g6e.16xlarge": {15, 50}, "g6e.24xlarge": {10, 50}, "g6e.48xlarge": {10, 50},
		"p4d.24xlarge": {15, 50}, "p5.4xlarge": {4, 30}, "p5.48xlarge": {2, 50},
		"inf2.xlarge": {4, 15}, "inf2.8xlarge": {8, 30}, "inf2.24xlarge": {15, 50}, "inf2.48xlarge": {15, 50},
		"trn1.2xlarge": {4, 15}, "trn1.32xlarge": {5, 50},
	}
	n := 0
	for _, typ := range Types() {
		s, _ := Lookup(typ)
		if s.Accelerator == "" {
			continue
		}
		n++
		lim, ok := nodeadm[typ]
		if !ok {
			t.Errorf("%s: not in the cross-check list", typ)
			continue
		}
		if want := lim[0]*(lim[1]-1) + 2; s.MaxPods(false) != want {
			t.Errorf("%s: MaxPods = %d, want %d", typ, s.MaxPods(false), want)
		}
		wantAcc := NVIDIA
		if s.Family == "inf2" || s.Family == "trn1" {
			wantAcc = Neuron
		}
		if s.Accelerator != wantAcc || s.Accelerators < 1 || s.Arch != X86_64 || s.VCPUs == 0 || s.MemoryGiB < s.VCPUs {
			t.Errorf("%s: spec %+v", typ, s)
		}
	}
	if n != len(nodeadm) {
		t.Errorf("%d accelerated types, want %d", n, len(nodeadm))
	}
	for _, worked := range []struct {
		typ  string
		pods int
	}{{"g4dn.xlarge", 29}, {"g5.xlarge", 58}, {"p5.48xlarge", 100}, {"trn1.32xlarge", 247}, {"g5.48xlarge", 345}} {
		if s, _ := Lookup(worked.typ); s.MaxPods(false) != worked.pods {
			t.Errorf("%s: MaxPods = %d, want %d", worked.typ, s.MaxPods(false), worked.pods)
		}
	}
}
