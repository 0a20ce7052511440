package nodegroup

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/internal/wanterr"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
)

// valid returns defaulted props that pass validation; jsii fields are
// non-nil placeholders (Validate only nil-checks them).
func valid() NodeGroupSetProps {
	p := withDefaults(NodeGroupSetProps{
		Name:              ptr("system"),
		KubernetesVersion: ptr("1.36"),
		Subnets:           make([]awsec2.ISubnet, 3),
		AvailabilityZones: []string{"us-east-1a", "us-east-1b", "us-east-1c"},
	})
	p.Cluster, p.NodeRole, p.VolumeKey = fakeCluster{}, fakeRole{}, fakeKey{}
	return p
}

func ptr[T any](v T) *T { return &v }

func TestDefaults(t *testing.T) {
	p := withDefaults(NodeGroupSetProps{})
	checks := []struct {
		name      string
		got, want any
	}{
		{"instanceTypes", strings.Join(p.InstanceTypes, ","), "m6i.large"},
		{"capacityType", *p.CapacityType, OnDemand},
		{"amiFamily", *p.AMIFamily, AL2023},
		{"minSize", *p.MinSize, DefaultMinSize},
		{"desiredSize", *p.DesiredSize, DefaultMinSize},
		{"maxSize", *p.MaxSize, DefaultMaxSize},
		{"diskSizeGiB", *p.DiskSizeGiB, DefaultDiskSizeGiB},
		{"metadataHopLimit", *p.MetadataHopLimit, 1},
		{"maxUnavailablePercentage", *p.MaxUnavailablePercentage, 33},
		{"forceUpdate", *p.ForceUpdate, false},
		{"detailedMonitoring", *p.DetailedMonitoring, false},
		{"releaseVersion", p.ReleaseVersion == nil, true},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	in := NodeGroupSetProps{MinSize: ptr(2)}
	if withDefaults(in); in.MaxSize != nil {
		t.Error("withDefaults mutated its argument")
	}
	if got := *withDefaults(in).DesiredSize; got != 2 {
		t.Errorf("desiredSize defaults to minSize: got %d", got)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*NodeGroupSetProps)
		want   []string // substrings of the error; none = valid
	}{
		{"defaults are valid", func(*NodeGroupSetProps) {}, nil},
		{"spot with 3 types of one size class", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr(Spot), []string{"m6i.xlarge", "m6a.xlarge", "m7i.xlarge"}
		}, nil},
		{"spot with two types", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr(Spot), []string{"m6i.large", "m6a.large"}
		}, []string{"instanceTypes: a SPOT group needs at least 3 instance types of the same size class and architecture", "got 2: m6a.large,m6i.large"}},
		{"spot with a repeated type", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr(Spot), []string{"m6i.large", "m6a.large", "m6i.large"}
		}, []string{"got 2"}},
		{"spot across size classes", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr(Spot), []string{"m6i.large", "c6i.large", "m6i.xlarge"}
		}, []string{"share one size class", "2 vCPU / 4 GiB (c6i.large)", "2 vCPU / 8 GiB (m6i.large)", "4 vCPU / 16 GiB (m6i.xlarge)"}},
		{"mixed architectures", func(p *NodeGroupSetProps) {
			p.InstanceTypes = []string{"m6i.large", "m7g.large"}
		}, []string{"instanceTypes: mixes architectures arm64 and x86_64"}},
		{"unknown instance type", func(p *NodeGroupSetProps) {
			p.InstanceTypes = []string{"x1e.xlarge"}
		}, []string{`"x1e.xlarge": unknown instance type; accepted families: m5, m6i`}},
		{"unknown capacity type", func(p *NodeGroupSetProps) { p.CapacityType = ptr(CapacityType("RESERVED")) }, []string{`capacityType: must be "ON_DEMAND" or "SPOT"`}},
		{"AL2 rejected", func(p *NodeGroupSetProps) { p.AMIFamily = ptr(AL2) }, []string{"amiFamily: AL2 has reached end of support"}},
		{"unknown AMI family", func(p *NodeGroupSetProps) { p.AMIFamily = ptr(AMIFamily("UBUNTU")) }, []string{`amiFamily: must be "AL2023" or "BOTTLEROCKET"`}},
		{"AL2023 release pinned", func(p *NodeGroupSetProps) { p.ReleaseVersion = ptr("1.36.2-20260115") }, nil},
		{"AL2023 release of another version", func(p *NodeGroupSetProps) { p.ReleaseVersion = ptr("1.35.0-20260115") },
			[]string{`releaseVersion: "1.35.0-20260115" is for Kubernetes 1.35, but the cluster runs 1.36`}},
		{"malformed AL2023 release", func(p *NodeGroupSetProps) { p.ReleaseVersion = ptr("latest") }, []string{"is not an AL2023 EKS AMI release"}},
		{"Bottlerocket release", func(p *NodeGroupSetProps) { p.AMIFamily, p.ReleaseVersion = ptr(Bottlerocket), ptr("1.30.0-1a2b3c4d") }, nil},
		{"malformed Bottlerocket release", func(p *NodeGroupSetProps) { p.AMIFamily, p.ReleaseVersion = ptr(Bottlerocket), ptr("v1.30") },
			[]string{"is not a Bottlerocket release"}},
		{"max over the EKS quota", func(p *NodeGroupSetProps) { p.MaxSize = ptr(451) }, []string{"maxSize: must be 1 to 450 (EKS nodes-per-node-group quota), got 451"}},
		{"min above max", func(p *NodeGroupSetProps) { p.MinSize, p.DesiredSize, p.MaxSize = ptr(4), ptr(4), ptr(3) },
			[]string{"maxSize: must be >= minSize (4), got 3", "desiredSize: must be between minSize (4) and maxSize (3), got 4"}},
		{"desired below min", func(p *NodeGroupSetProps) { p.MinSize, p.DesiredSize = ptr(2), ptr(1) }, []string{"desiredSize: must be between minSize (2)"}},
		{"negative min", func(p *NodeGroupSetProps) { p.MinSize, p.DesiredSize = ptr(-1), ptr(0) }, []string{"minSize: must be >= 0, got -1"}},
		{"label syntax", func(p *NodeGroupSetProps) {
			p.Labels = map[string]string{"team": "payments", "example.com/tier": "gold", "bad key": "x", "Upper.Case/x": "y", "ok": "-bad-"}
		}, []string{`labels["bad key"]: key name part "bad key"`, `labels["Upper.Case/x"]: key prefix "Upper.Case" must be a DNS subdomain`, `labels["ok"]: value "-bad-"`}},
		{"reserved label prefixes", func(p *NodeGroupSetProps) {
			p.Labels = map[string]string{"node.kubernetes.io/role": "x", "ballast.dev/node-group": "y", "topology.kubernetes.io/zone": "z"}
		}, []string{`labels["node.kubernetes.io/role"]: prefixes under`, `labels["ballast.dev/node-group"]`, `labels["topology.kubernetes.io/zone"]`}},
		{"long label value", func(p *NodeGroupSetProps) { p.Labels = map[string]string{"a": strings.Repeat("x", 64)} }, []string{`labels["a"]: value`}},
		{"taints", func(p *NodeGroupSetProps) {
			p.Taints = []Taint{{"dedicated", "system", NoSchedule}, {"bad key", "", NoExecute}, {"x", "", "NoWay"}, {"dedicated", "other", NoSchedule}}
		}, []string{`taints[1].key: name part "bad key"`, `taints[2].effect: must be NoSchedule, PreferNoSchedule or NoExecute, got "NoWay"`, `taints[3]: duplicate key "dedicated" and effect NoSchedule`}},
		{"disk size", func(p *NodeGroupSetProps) { p.DiskSizeGiB = ptr(10) }, []string{"diskSizeGiB: must be 20 to 16384, got 10"}},
		{"hop limit 3", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr(3) }, []string{"metadataHopLimit: must be 1"}},
		{"hop limit 2 is valid", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr(2) }, nil},
		{"max unavailable", func(p *NodeGroupSetProps) { p.MaxUnavailablePercentage = ptr(0) }, []string{"maxUnavailablePercentage: must be 1 to 100, got 0"}},
		{"missing dependencies", func(p *NodeGroupSetProps) {
			p.Cluster, p.NodeRole, p.VolumeKey, p.KubernetesVersion = nil, nil, nil, nil
		}, []string{"cluster: required", "nodeRole: required", "volumeKey: required", "kubernetesVersion: required"}},
		{"subnets and AZs", func(p *NodeGroupSetProps) { p.Subnets = p.Subnets[:1] },
			[]string{"subnets: need one private subnet per AZ, at least 2, got 1", "availabilityZones: need one per subnet (1), got 3"}},
		{"name", func(p *NodeGroupSetProps) { p.Name = ptr("System!") }, []string{`name: required, 1-32 lower-case letters, digits or '-', got "System!"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.mutate(&p)
			err := p.Validate()
			wanterr.Check(t, err, tt.want)
		})
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*NodeGroupSetProps)
		want   []string
	}{
		{"defaults", func(*NodeGroupSetProps) {}, nil},
		{"hop limit 2", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr(2) }, []string{WarnHopLimit}},
		{"force update", func(p *NodeGroupSetProps) { p.ForceUpdate = ptr(true) }, []string{WarnForceUpdate}},
		{"spot in two generations", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr(Spot), []string{"m6i.large", "m6a.large", "m7i.large"}
		}, []string{WarnSpotDiversity}},
		{"spot in three generations", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr(Spot), []string{"m5.large", "m6i.large", "m7i.large"}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.mutate(&p)
			var ids []string
			for _, w := range p.Warnings() {
				ids = append(ids, w.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("warnings %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestCheckClusterQuota(t *testing.T) {
	set := valid() // 3 AZs
	sets := make([]NodeGroupSetProps, 10)
	for i := range sets {
		sets[i] = set
	}
	if err := CheckClusterQuota(sets); err != nil {
		t.Errorf("30 node groups: %v", err)
	}
	err := CheckClusterQuota(append(sets, set))
	if err == nil || !strings.Contains(err.Error(), "11 sets make 33 managed node groups (one per AZ each); EKS allows 30 per cluster") {
		t.Errorf("33 node groups: %v", err)
	}
}

func TestIPDemand(t *testing.T) {
	p := NodeGroupSetProps{InstanceTypes: []string{"m6i.large", "m6i.4xlarge", "m6i.xlarge"}, MaxSize: ptr(7)}
	n, spec, ok := p.IPDemand()
	if !ok || n != 7 || spec.Type != "m6i.4xlarge" || spec.MaxENIs != 8 || spec.IPv4PerENI != 30 {
		t.Errorf("IPDemand = %d, %+v, %v; want 7 nodes of m6i.4xlarge (8 ENIs x 30)", n, spec, ok)
	}
	if spec.MaxPods(false) != 234 || spec.MaxPods(true) != 110 {
		t.Errorf("pods: %d, %d with prefix delegation", spec.MaxPods(false), spec.MaxPods(true))
	}
	n, spec, ok = NodeGroupSetProps{}.IPDemand()
	if !ok || n != DefaultMaxSize || spec.Type != "m6i.large" {
		t.Errorf("defaults: %d, %s, %v", n, spec.Type, ok)
	}
}
