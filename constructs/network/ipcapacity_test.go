package network

import (
	"strings"
	"testing"
)

// unknown is the conservative node shape config uses for an unknown
// instance type: 4 ENIs x 15 addresses (an m6i.xlarge).
func unknown(nodes int) NodeDemand {
	return NodeDemand{Group: "system", MaxNodes: nodes, ENIs: 4, IPv4PerENI: 15}
}

func mustPlan(t *testing.T, cidr, pods string) Plan {
	t.Helper()
	p, err := PlanSubnets(cidr, abc)
	if err != nil {
		t.Fatal(err)
	}
	if pods != "" {
		if p, err = PlanPodSubnets(p, pods); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestNodeUse(t *testing.T) {
	noPD := CNI{WarmENITarget: 1}
	tests := []struct {
		name   string
		n      NodeDemand
		cni    CNI
		custom bool
		want   nodeUse
	}{
		// 110 pods: ceil(108/16)=7 prefixes + 1 warm; 8 of 14 slots fit the primary ENI.
		{"prefix delegation, 4x15", unknown(1), prefixCNI, false, nodeUse{primaries: 1, prefixes: 8}},
		// m6i.large, 3 ENIs x 10: 27 prefix slots; 110 pods need 7 + 1 warm = 8, all on the primary ENI's 9 slots.
		{"prefix delegation, 3x10", NodeDemand{MaxNodes: 1, ENIs: 3, IPv4PerENI: 10}, prefixCNI, false, nodeUse{primaries: 1, prefixes: 8}},
		// 250 pods (a big node's kubelet): ceil(248/16)=16 prefixes + 1 = 17 > 14 slots: a second ENI.
		{"prefix delegation, max pods 250", NodeDemand{MaxNodes: 1, ENIs: 4, IPv4PerENI: 15, MaxPods: 250}, prefixCNI, false, nodeUse{primaries: 2, prefixes: 17}},
		// Formula 4*14+2=58 pods: all 4 ENIs, 15 addresses each.
		{"no prefix delegation, 4x15", unknown(1), noPD, false, nodeUse{primaries: 4, ips: 56}},
		// 20 pods: ceil(18/14)=2 ENIs + 1 warm = 3 ENIs x 15.
		{"no prefix delegation, max pods 20", NodeDemand{MaxNodes: 1, ENIs: 4, IPv4PerENI: 15, MaxPods: 20}, noPD, false, nodeUse{primaries: 3, ips: 42}},
		// Custom networking: 3 pod ENIs; 110 pods still need 8 prefixes.
		{"custom networking, prefix delegation", unknown(1), prefixCNI, true, nodeUse{primaries: 1, prefixes: 8}},
		// Custom networking without prefixes: 3 pod ENIs x 15.
		{"custom networking, no prefix delegation", unknown(1), noPD, true, nodeUse{primaries: 3, ips: 42}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := use(tt.n, tt.cni, tt.custom); got != tt.want {
				t.Errorf("use = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCheckIPCapacity(t *testing.T) {
	t.Run("prod defaults fit: /18 with prefix delegation", func(t *testing.T) {
		// 10 nodes x 8 prefixes = 80 blocks; 10 primaries + 12 endpoint ENIs
		// = 22 addresses = 2 blocks; 82 x 16 = 1312 of (1024-2) x 16 = 16352.
		r, err := CheckIPCapacity(mustPlan(t, "10.0.0.0/16", ""), prefixCNI,
			[]AZDemand{{AZ: "us-east-1a", Nodes: []NodeDemand{unknown(10)}, OtherIPs: 12}})
		if err != nil {
			t.Fatal(err)
		}
		p := r.Pools[0]
		if p.Needed != 1312 || p.Usable != 16352 || p.Percent() != 8 || p.Subnet.String() != "10.0.0.0/18" {
			t.Errorf("pool = %+v", p)
		}
		if w := r.Warnings(80); len(w) != 0 {
			t.Errorf("warnings %v", w)
		}
	})
	t.Run("without prefix delegation: addresses, warn above 80%", func(t *testing.T) {
		// /23 over 3 AZs: private /25, 123 usable. 3x10 nodes take 30 each.
		plan := mustPlan(t, "10.0.0.0/23", "")
		cni := CNI{WarmENITarget: 1}
		shape := func(n int) []AZDemand {
			return []AZDemand{{AZ: "us-east-1b", Nodes: []NodeDemand{{Group: "g", MaxNodes: n, ENIs: 3, IPv4PerENI: 10}}}}
		}
		r, err := CheckIPCapacity(plan, cni, shape(3))
		if err != nil || r.Pools[0].Needed != 90 || r.Pools[0].Usable != 123 || len(r.Warnings(80)) != 0 {
			t.Errorf("3 nodes: %+v, %v", r, err)
		}
		r, err = CheckIPCapacity(plan, cni, shape(4)) // 120 of 123: 97%
		if err != nil || len(r.Warnings(80)) != 1 || !strings.Contains(r.Warnings(80)[0], "AZ us-east-1b") {
			t.Errorf("4 nodes: %v, %v", r.Warnings(80), err)
		}
		_, err = CheckIPCapacity(plan, cni, shape(5)) // 150 of 123
		if err == nil || !strings.Contains(err.Error(), "needs 150 addresses") {
			t.Errorf("5 nodes: %v", err)
		}
	})
	t.Run("too small with prefix delegation names the AZ, the numbers and the fix", func(t *testing.T) {
		// /25: 8 blocks - 2 reserved = 96. 3 nodes x 8 prefixes + 1 block
		// of primaries = 25 blocks = 400.
		_, err := CheckIPCapacity(mustPlan(t, "10.0.0.0/23", ""), prefixCNI,
			[]AZDemand{{AZ: "us-east-1a", Nodes: []NodeDemand{unknown(3)}}, {AZ: "us-east-1c", Nodes: []NodeDemand{unknown(3)}}})
		for _, want := range []string{"AZ us-east-1a: private subnet 10.0.0.0/25 needs 400 addresses", "of 96 usable", "AZ us-east-1c", "use a larger VPC CIDR", "3 nodes x (8 /28 prefixes + 1 ENI primary IPs)"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v does not say %q", err, want)
			}
		}
	})
	t.Run("custom networking: pods in the pod subnet", func(t *testing.T) {
		// Node subnet: 10 node addresses + 12 other = 22 of 16379.
		// Pod subnet: 80 prefixes + 10 ENI primaries (1 block) = 1296 of 16352.
		r, err := CheckIPCapacity(mustPlan(t, "10.0.0.0/16", "100.64.0.0/16"), prefixCNI,
			[]AZDemand{{AZ: "us-east-1c", Nodes: []NodeDemand{unknown(10)}, OtherIPs: 12}})
		if err != nil || len(r.Pools) != 2 {
			t.Fatalf("%+v %v", r, err)
		}
		if p := r.Pools[0]; p.Role != "private" || p.Needed != 22 || p.Usable != 16379 {
			t.Errorf("node pool %+v", p)
		}
		if p := r.Pools[1]; p.Role != "pods" || p.Needed != 1296 || p.Usable != 16352 || p.Subnet.String() != "100.64.128.0/18" {
			t.Errorf("pod pool %+v", p)
		}
	})
	t.Run("unknown AZ", func(t *testing.T) {
		_, err := CheckIPCapacity(mustPlan(t, "10.0.0.0/16", ""), prefixCNI, []AZDemand{{AZ: "eu-west-1a"}})
		if err == nil || !strings.Contains(err.Error(), "eu-west-1a: not in the subnet plan") {
			t.Errorf("err = %v", err)
		}
	})
}

// prefixCNI is vpc-cni with prefix delegation and one warm prefix, as the
// platform installs it.
var prefixCNI = CNI{PrefixDelegation: true, WarmPrefixTarget: 1, WarmENITarget: 1}
