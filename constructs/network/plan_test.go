package network

import (
	"net/netip"
	"strings"
	"testing"
)

var abc = []string{"us-east-1a", "us-east-1b", "us-east-1c"}

func TestPlanSubnets(t *testing.T) {
	tests := []struct {
		cidr                              string
		azs                               []string
		private, public, controlPlane     []string
		privateBits, publicBits, ctrlBits int
	}{
		{"10.0.0.0/16", abc,
			[]string{"10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18"},
			[]string{"10.0.192.0/22", "10.0.196.0/22", "10.0.200.0/22"},
			[]string{"10.0.204.0/28", "10.0.204.16/28", "10.0.204.32/28"}, 18, 22, 28},
		{"10.1.0.0/18", abc,
			[]string{"10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/20"},
			[]string{"10.1.48.0/24", "10.1.49.0/24", "10.1.50.0/24"},
			[]string{"10.1.51.0/28", "10.1.51.16/28", "10.1.51.32/28"}, 20, 24, 28},
		{"172.16.0.0/20", abc,
			[]string{"172.16.0.0/22", "172.16.4.0/22", "172.16.8.0/22"},
			[]string{"172.16.12.0/26", "172.16.12.64/26", "172.16.12.128/26"},
			[]string{"172.16.12.192/28", "172.16.12.208/28", "172.16.12.224/28"}, 22, 26, 28},
		{"10.0.0.0/16", abc[:2],
			[]string{"10.0.0.0/18", "10.0.64.0/18"},
			[]string{"10.0.128.0/22", "10.0.132.0/22"},
			[]string{"10.0.136.0/28", "10.0.136.16/28"}, 18, 22, 28},
		{"10.0.0.0/16", []string{"a1", "a2", "a3", "a4"},
			[]string{"10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19", "10.0.96.0/19"},
			[]string{"10.0.128.0/23", "10.0.130.0/23", "10.0.132.0/23", "10.0.134.0/23"},
			[]string{"10.0.136.0/28", "10.0.136.16/28", "10.0.136.32/28", "10.0.136.48/28"}, 19, 23, 28},
		{"10.0.0.0/23", abc,
			[]string{"10.0.0.0/25", "10.0.0.128/25", "10.0.1.0/25"},
			[]string{"10.0.1.128/28", "10.0.1.144/28", "10.0.1.160/28"},
			[]string{"10.0.1.176/28", "10.0.1.192/28", "10.0.1.208/28"}, 25, 28, 28},
	}
	for _, tt := range tests {
		t.Run(tt.cidr+"/"+strings.Join(tt.azs, ","), func(t *testing.T) {
			p, err := PlanSubnets(tt.cidr, tt.azs)
			if err != nil {
				t.Fatal(err)
			}
			if p.PrivateBits != tt.privateBits || p.PublicBits != tt.publicBits || p.ControlPlaneBits != tt.ctrlBits {
				t.Errorf("bits = %d/%d/%d, want %d/%d/%d", p.PrivateBits, p.PublicBits, p.ControlPlaneBits, tt.privateBits, tt.publicBits, tt.ctrlBits)
			}
			for i, az := range p.AZs {
				if az.AZ != tt.azs[i] {
					t.Errorf("AZ %d = %s, want %s", i, az.AZ, tt.azs[i])
				}
				got := []string{az.Private.String(), az.Public.String(), az.ControlPlane.String()}
				want := []string{tt.private[i], tt.public[i], tt.controlPlane[i]}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("AZ %s = %v, want %v", az.AZ, got, want)
				}
			}
			assertNoOverlap(t, p)
		})
	}
}

func assertNoOverlap(t *testing.T, p Plan) {
	t.Helper()
	var all []netip.Prefix
	for _, az := range p.AZs {
		all = append(all, az.Private, az.Public, az.ControlPlane)
	}
	for i, a := range all {
		if !p.VPC.Contains(a.Addr()) || a.Bits() < p.VPC.Bits() {
			t.Errorf("%s is outside %s", a, p.VPC)
		}
		for _, b := range all[i+1:] {
			if a.Overlaps(b) {
				t.Errorf("%s overlaps %s", a, b)
			}
		}
	}
}

func TestPlanSubnetsTooSmall(t *testing.T) {
	tests := []struct {
		cidr string
		azs  []string
		want []string
	}{
		{"10.0.0.0/24", abc, []string{"10.0.0.0/24 (256 addresses) cannot hold the subnet plan for 3 AZs", "need 288 addresses", "a /23 or larger block would hold it"}},
		{"10.0.0.0/26", abc[:2], []string{"cannot hold the subnet plan for 2 AZs", "a /25 or larger"}},
		{"10.0.0.0/28", abc, []string{"cannot hold", "a /23 or larger"}},
		{"10.0.0.0/8", abc, []string{"a VPC block must be /16 to /28"}},
		{"fd00::/64", abc, []string{"not an IPv4 CIDR"}},
		{"nonsense", abc, []string{"not an IPv4 CIDR"}},
	}
	for _, tt := range tests {
		t.Run(tt.cidr, func(t *testing.T) {
			_, err := PlanSubnets(tt.cidr, tt.azs)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestPlanPodSubnets(t *testing.T) {
	base, _ := PlanSubnets("10.0.0.0/16", abc)
	p, err := PlanPodSubnets(base, "100.64.0.0/16")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"100.64.0.0/18", "100.64.64.0/18", "100.64.128.0/18"}
	for i, az := range p.AZs {
		if az.Pods.String() != want[i] {
			t.Errorf("%s pods = %s, want %s", az.AZ, az.Pods, want[i])
		}
	}
	if base.AZs[0].Pods.IsValid() {
		t.Error("PlanPodSubnets modified its input")
	}
	for cidr, msg := range map[string]string{"10.0.128.0/17": "overlaps the VPC block", "100.64.0.0/27": "use a /26 or larger", "x": "not an IPv4 CIDR"} {
		if _, err := PlanPodSubnets(base, cidr); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: error %v, want %q", cidr, err, msg)
		}
	}
}
