package nodegroup

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

// valid returns defaulted props that pass validation; jsii fields are
// non-nil placeholders (Validate only nil-checks them).
func valid() NodeGroupSetProps {
	p := withDefaults(NodeGroupSetProps{
		Name:              ptr.To("system"),
		KubernetesVersion: ptr.To("1.36"),
		Subnets:           make([]awsec2.ISubnet, 3),
		AvailabilityZones: []string{"us-east-1a", "us-east-1b", "us-east-1c"},
	})
	p.Cluster, p.NodeRole, p.VolumeKey = fakeCluster{}, fakeRole{}, fakeKey{}
	return p
}

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
	in := NodeGroupSetProps{MinSize: ptr.To(2)}
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
			p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m6i.xlarge", "m6a.xlarge", "m7i.xlarge"}
		}, nil},
		{"unset instance types take the default", func(p *NodeGroupSetProps) { p.InstanceTypes = nil }, nil},
		{"empty instance types", func(p *NodeGroupSetProps) { p.InstanceTypes = []string{} }, []string{"instanceTypes: at least one instance type is required"}},
		{"spot with two types", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m6i.large", "m6a.large"}
		}, []string{"instanceTypes: a SPOT group needs at least 3 instance types of the same size class and architecture", "got 2: m6a.large,m6i.large"}},
		{"spot with a repeated type", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m6i.large", "m6i.large", "m6i.large"}
		}, []string{"got 1: m6i.large"}},
		{"spot across size classes", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m6i.large", "c6i.large", "m6i.xlarge"}
		}, []string{"share one size class", "2 vCPU / 4 GiB (c6i.large)", "2 vCPU / 8 GiB (m6i.large)", "4 vCPU / 16 GiB (m6i.xlarge)"}},
		{"mixed architectures", func(p *NodeGroupSetProps) {
			p.InstanceTypes = []string{"m6i.large", "m7g.large"}
		}, []string{"instanceTypes: mixes architectures arm64 and x86_64"}},
		{"unknown instance type", func(p *NodeGroupSetProps) {
			p.InstanceTypes = []string{"x1e.xlarge"}
		}, []string{`"x1e.xlarge": unknown instance type; accepted families: m5, m6i`}},
		{"unknown capacity type", func(p *NodeGroupSetProps) { p.CapacityType = ptr.To(CapacityType("RESERVED")) }, []string{"capacityType: unknown capacity type"}},
		{"AL2 rejected", func(p *NodeGroupSetProps) { p.AMIFamily = ptr.To(AL2) }, []string{"amiFamily: Amazon Linux 2 has reached end of support"}},
		{"unknown AMI family", func(p *NodeGroupSetProps) { p.AMIFamily = ptr.To(AMIFamily("UBUNTU")) }, []string{"amiFamily: unknown AMI family"}},
		{"AL2023 release pinned", func(p *NodeGroupSetProps) { p.ReleaseVersion = ptr.To("1.36.2-20260115") }, nil},
		{"AL2023 release of another version", func(p *NodeGroupSetProps) { p.ReleaseVersion = ptr.To("1.35.0-20260115") },
			[]string{`releaseVersion: "1.35.0-20260115" is for Kubernetes 1.35, but the cluster runs 1.36`}},
		{"malformed AL2023 release", func(p *NodeGroupSetProps) { p.ReleaseVersion = ptr.To("latest") }, []string{"releaseVersion: \"latest\" is not an AL2023 EKS AMI release"}},
		{"Bottlerocket release", func(p *NodeGroupSetProps) {
			p.AMIFamily, p.ReleaseVersion = ptr.To(Bottlerocket), ptr.To("1.30.0-1a2b3c4d")
		}, nil},
		{"malformed Bottlerocket release", func(p *NodeGroupSetProps) { p.AMIFamily, p.ReleaseVersion = ptr.To(Bottlerocket), ptr.To("v1.30") },
			[]string{"releaseVersion: \"v1.30\" is not a Bottlerocket release"}},
		{"AL2023 release on Bottlerocket", func(p *NodeGroupSetProps) {
			p.AMIFamily, p.ReleaseVersion = ptr.To(Bottlerocket), ptr.To("1.36.0-20260115")
		}, []string{"releaseVersion: \"1.36.0-20260115\" is an AL2023 EKS AMI release"}},
		{"Bottlerocket release with a commit", func(p *NodeGroupSetProps) {
			p.AMIFamily, p.ReleaseVersion = ptr.To(Bottlerocket), ptr.To("1.30.0-1a2b3c4d")
		}, nil},
		{"min negative", func(p *NodeGroupSetProps) { p.MinSize, p.DesiredSize = ptr.To(-1), ptr.To(0) }, []string{"minSize: out of range"}},
		{"min over the EKS quota", func(p *NodeGroupSetProps) {
			p.MinSize, p.DesiredSize, p.MaxSize = ptr.To(451), ptr.To(451), ptr.To(451)
		},
			[]string{"minSize: out of range"}},
		{"max over the EKS quota", func(p *NodeGroupSetProps) { p.MaxSize = ptr.To(451) }, []string{"maxSize: out of range (the EKS quota is 450 nodes per node group)"}},
		{"max zero", func(p *NodeGroupSetProps) { p.MinSize, p.MaxSize = ptr.To(0), ptr.To(0) }, []string{"maxSize: out of range (the EKS quota is 450 nodes per node group)"}},
		{"min above max", func(p *NodeGroupSetProps) { p.MinSize, p.DesiredSize, p.MaxSize = ptr.To(6), ptr.To(6), ptr.To(5) },
			[]string{"maxSize: must be >= minSize (min=6 desired=6 max=5)"}},
		{"desired above max", func(p *NodeGroupSetProps) { p.DesiredSize = ptr.To(9) }, []string{"desiredSize: must be between min and max (min=1 desired=9 max=3)"}},
		{"desired below min", func(p *NodeGroupSetProps) { p.MinSize, p.DesiredSize = ptr.To(2), ptr.To(1) }, []string{"desiredSize: must be between min and max (min=2 desired=1 max=3)"}},
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
		{"disk too small", func(p *NodeGroupSetProps) { p.DiskSizeGiB = ptr.To(19) }, []string{"diskSizeGiB: out of range (20 to 16384 GiB)"}},
		{"disk too large", func(p *NodeGroupSetProps) { p.DiskSizeGiB = ptr.To(16385) }, []string{"diskSizeGiB: out of range"}},
		{"hop limit 3", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr.To(3) }, []string{"metadataHopLimit: out of range"}},
		{"hop limit 0", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr.To(0) }, []string{"metadataHopLimit: out of range"}},
		{"hop limit 2 is valid", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr.To(2) }, nil},
		{"max unavailable", func(p *NodeGroupSetProps) { p.MaxUnavailablePercentage = ptr.To(0) }, []string{"maxUnavailablePercentage: must be 1 to 100, got 0"}},
		{"missing resources", func(p *NodeGroupSetProps) {
			p.Cluster, p.NodeRole, p.VolumeKey, p.KubernetesVersion = nil, nil, nil, nil
		}, []string{"cluster: required", "nodeRole: required", "volumeKey: required", "kubernetesVersion: required"}},
		{"malformed Kubernetes version", func(p *NodeGroupSetProps) { p.KubernetesVersion = ptr.To("v1.36") },
			[]string{`kubernetesVersion: not a Kubernetes version such as "1.36", got "v1.36"`}},
		{"subnets and AZs differ", func(p *NodeGroupSetProps) { p.Subnets = p.Subnets[:1] },
			[]string{"subnets: need one private subnet per availability zone (3 in availabilityZones), got 1"}},
		{"one AZ", func(p *NodeGroupSetProps) { p.Subnets, p.AvailabilityZones = p.Subnets[:1], p.AvailabilityZones[:1] },
			[]string{"availabilityZones: need at least 2 (one node group per AZ), got 1"}},
		{"name", func(p *NodeGroupSetProps) { p.Name = ptr.To("System!") }, []string{`name: required, 1-32 lower-case letters, digits or '-', got "System!"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.mutate(&p)
			wanterr.Check(t, p.Validate(), tt.want)
		})
	}
}

// ValidateSettings leaves out the resources the groups are wired to and the
// Kubernetes version the cluster sets; Validate adds them.
func TestValidateSettingsWithoutResources(t *testing.T) {
	p := NodeGroupSetProps{Name: ptr.To("system"), AvailabilityZones: []string{"us-east-1a", "us-east-1b"}}
	wanterr.Check(t, p.ValidateSettings(), nil)
	wanterr.Check(t, p.Validate(), []string{"cluster: required", "kubernetesVersion: required", "subnets: required, one private subnet per availability zone"})
	t.Run("release form without a version", func(t *testing.T) {
		q := p
		q.ReleaseVersion = ptr.To("1.35.0-20260115")
		wanterr.Check(t, q.ValidateSettings(), nil)
		q.ReleaseVersion = ptr.To("latest")
		wanterr.Check(t, q.ValidateSettings(), []string{"releaseVersion: \"latest\" is not an AL2023 EKS AMI release"})
	})
	t.Run("unset sizes checked as their defaults", func(t *testing.T) {
		q := p
		q.MinSize = ptr.To(5) // above DefaultMaxSize
		wanterr.Check(t, q.ValidateSettings(), []string{"maxSize: must be >= minSize (min=5 desired=5 max=3)"})
	})
}

// Each problem is its own error, one line, starting with its field path.
func TestValidateOneErrorPerProblem(t *testing.T) {
	p := valid()
	p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m6i.large", "m7g.xlarge"}
	p.MinSize, p.DesiredSize, p.MaxSize, p.MetadataHopLimit = ptr.To(6), ptr.To(9), ptr.To(5), ptr.To(3)
	err := p.Validate()
	wanterr.OnePerProblem(t, err, 6)
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*NodeGroupSetProps)
		want   []string
	}{
		{"defaults", func(*NodeGroupSetProps) {}, nil},
		{"hop limit 2", func(p *NodeGroupSetProps) { p.MetadataHopLimit = ptr.To(2) }, []string{WarnHopLimit}},
		{"force update", func(p *NodeGroupSetProps) { p.ForceUpdate = ptr.To(true) }, []string{WarnForceUpdate}},
		{"spot in two generations", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m6i.large", "m6a.large", "m7i.large"}
		}, []string{WarnSpotDiversity}},
		{"spot in three generations", func(p *NodeGroupSetProps) {
			p.CapacityType, p.InstanceTypes = ptr.To(Spot), []string{"m5.large", "m6i.large", "m7i.large"}
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
	if err == nil || !strings.Contains(err.Error(), "nodeGroups: 33 managed node groups (one per AZ of each set); EKS allows 30 per cluster") {
		t.Errorf("33 node groups: %v", err)
	}
}

func TestIPDemand(t *testing.T) {
	p := NodeGroupSetProps{InstanceTypes: []string{"m6i.large", "m6i.4xlarge", "m6i.xlarge"}, MaxSize: ptr.To(7)}
	n, spec, ok := p.IPDemand()
	if !ok || n != 7 || spec.InstanceType != "m6i.4xlarge" || spec.ENIs != 8 || spec.IPv4PerENI != 30 {
		t.Errorf("IPDemand = %d, %+v, %v; want 7 nodes of m6i.4xlarge (8 ENIs x 30)", n, spec, ok)
	}
	if spec.Pods(false) != 234 || spec.Pods(true) != 110 {
		t.Errorf("pods: %d, %d with prefix delegation", spec.Pods(false), spec.Pods(true))
	}
	n, spec, ok = NodeGroupSetProps{}.IPDemand()
	if !ok || n != DefaultMaxSize || spec.InstanceType != "m6i.large" {
		t.Errorf("defaults: %d, %s, %v", n, spec.InstanceType, ok)
	}
}
