package addon

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

// fakeCluster and fakeKey satisfy the nil checks without jsii.
type (
	fakeCluster struct{ awseksv2.Cluster }
	fakeKey     struct{ awskms.IKey }
)

func validProps() AddonsProps {
	return AddonsProps{Cluster: fakeCluster{}, EBSKey: fakeKey{}, KubernetesVersion: ptr.To("1.36")}
}

func TestDefaults(t *testing.T) {
	in := validProps()
	got := withDefaults(in)
	if !*got.VpcCni.PrefixDelegation || *got.VpcCni.WarmPrefixTarget != DefaultWarmPrefixTarget || !*got.VpcCni.NetworkPolicy {
		t.Errorf("vpc-cni defaults %+v", *got.VpcCni)
	}
	if *got.CoreDNS.Replicas != 2 || *got.CoreDNS.MaxUnavailable != 1 || *got.CoreDNS.ZoneSpread != ZoneSpreadScheduleAnyway {
		t.Errorf("coredns defaults %+v", *got.CoreDNS)
	}
	if *got.KubeProxy.Mode != KubeProxyIPTables || !*got.EbsCsi.DefaultStorageClass || *got.EFS || *got.CloudWatchObservability {
		t.Errorf("defaults %+v", got)
	}
	if in.VpcCni != nil || in.CoreDNS != nil {
		t.Error("withDefaults mutated its input")
	}
	cfg := &CoreDNSConfig{Replicas: ptr.To(3)}
	withDefaults(AddonsProps{CoreDNS: cfg})
	if cfg.MaxUnavailable != nil {
		t.Error("withDefaults mutated the caller's CoreDNSConfig")
	}
	off := withDefaults(AddonsProps{VpcCni: &VpcCniConfig{PrefixDelegation: ptr.To(false)}})
	if off.VpcCni.WarmPrefixTarget != nil {
		t.Error("WarmPrefixTarget defaulted without prefix delegation")
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*AddonsProps)
		want   []string
	}{
		{"valid", func(*AddonsProps) {}, nil},
		{"required", func(p *AddonsProps) { *p = AddonsProps{} },
			[]string{"cluster: required", "ebsKey: required", "kubernetesVersion: required"}},
		{"version without a row", func(p *AddonsProps) { p.KubernetesVersion = ptr.To("1.31") },
			[]string{`kubernetesVersion: "1.31" has no row`}},
		{"bad override", func(p *AddonsProps) {
			p.VersionOverrides = map[Name]string{CoreDNS: "1.11", VpcCni: "v1.20.0-eksbuild.1"}
		},
			[]string{`versionOverrides[coredns]: "1.11" is not an add-on version`}},
		{"zero replicas", func(p *AddonsProps) { p.CoreDNS = &CoreDNSConfig{Replicas: ptr.To(0)} },
			[]string{"coreDNS.replicas: out of range (1 to 50)"}},
		{"too many replicas", func(p *AddonsProps) { p.CoreDNS = &CoreDNSConfig{Replicas: ptr.To(MaxCoreDNSReplicas + 1)} },
			[]string{"coreDNS.replicas: out of range"}},
		{"pdb", func(p *AddonsProps) { p.CoreDNS = &CoreDNSConfig{Replicas: ptr.To(2), MaxUnavailable: ptr.To(2)} },
			[]string{"coreDNS.maxUnavailable: must be < replicas (2), got 2"}},
		{"pdb blocks drains", func(p *AddonsProps) { p.CoreDNS = &CoreDNSConfig{MaxUnavailable: ptr.To(0)} },
			[]string{"coreDNS.maxUnavailable: must be >= 1"}},
		{"a single replica may be drained", func(p *AddonsProps) { p.CoreDNS = &CoreDNSConfig{Replicas: ptr.To(1)} }, nil},
		{"spread", func(p *AddonsProps) { p.CoreDNS = &CoreDNSConfig{ZoneSpread: ptr.To(ZoneSpread("Sometimes"))} },
			[]string{`coreDNS.zoneSpread: must be "ScheduleAnyway" or "DoNotSchedule", got "Sometimes"`}},
		{"kube-proxy mode", func(p *AddonsProps) { p.KubeProxy = &KubeProxyConfig{Mode: ptr.To(KubeProxyMode("nftables"))} },
			[]string{"kubeProxy.mode: unknown kube-proxy mode"}},
		{"warm prefix without delegation", func(p *AddonsProps) {
			p.VpcCni = &VpcCniConfig{PrefixDelegation: ptr.To(false), WarmPrefixTarget: ptr.To(1)}
		}, []string{"vpcCni.warmPrefixTarget: only applies with prefixDelegation on"}},
		{"negative warm prefix", func(p *AddonsProps) { p.VpcCni = &VpcCniConfig{WarmPrefixTarget: ptr.To(-1)} },
			[]string{"vpcCni.warmPrefixTarget: must be >= 0, got -1"}},
		{"auto mode needs no EBS key", func(p *AddonsProps) { p.AutoMode, p.EBSKey, p.EFS = ptr.To(true), nil, ptr.To(true) }, nil},
		{"auto mode runs the core add-ons itself", func(p *AddonsProps) {
			p.AutoMode = ptr.To(true)
			p.VpcCni, p.CoreDNS = &VpcCniConfig{}, &CoreDNSConfig{Replicas: ptr.To(3)}
			p.KubeProxy, p.EbsCsi = &KubeProxyConfig{}, &EbsCsiConfig{}
			p.VersionOverrides = map[Name]string{CoreDNS: "v1.11.4-eksbuild.1", MetricsServer: "latest"}
		}, []string{"vpcCni: EKS Auto Mode (autoMode) runs pod networking itself", "coreDNS: EKS Auto Mode (autoMode) runs CoreDNS itself",
			"kubeProxy: EKS Auto Mode (autoMode) runs kube-proxy itself", "ebsCsi: EKS Auto Mode (autoMode) runs block storage itself",
			"ebsKey: EKS Auto Mode (autoMode) runs block storage itself", `versionOverrides[metrics-server]: "latest" is not an add-on version`,
			"versionOverrides[coredns]: EKS Auto Mode installs only [metrics-server aws-efs-csi-driver amazon-cloudwatch-observability]"}},
		{"auto mode checks the version row", func(p *AddonsProps) { p.AutoMode, p.EBSKey, p.KubernetesVersion = ptr.To(true), nil, ptr.To("1.31") },
			[]string{`kubernetesVersion: "1.31" has no row`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			props := validProps()
			c.mutate(&props)
			assertErrors(t, props.Validate(), c.want)
		})
	}
}

// ValidateSettings leaves out the resources the add-ons are wired to and the
// Kubernetes version the cluster sets (it checks the version when set).
func TestValidateSettingsWithoutResources(t *testing.T) {
	assertErrors(t, AddonsProps{}.ValidateSettings(), nil)
	assertErrors(t, AddonsProps{KubernetesVersion: ptr.To("1.31")}.ValidateSettings(), []string{`kubernetesVersion: "1.31" has no row`})
	assertErrors(t, AddonsProps{CoreDNS: &CoreDNSConfig{Replicas: ptr.To(51)}}.ValidateSettings(), []string{"coreDNS.replicas: out of range"})
}

func TestValidateSpec(t *testing.T) {
	good := AddonSpec{Name: "snapshot-controller", Version: "v8.2.0-eksbuild.1"}
	cases := []struct {
		name   string
		mutate func(*AddonSpec)
		want   []string
	}{
		{"valid", func(*AddonSpec) {}, nil},
		{"map configuration", func(s *AddonSpec) { s.Configuration = map[string]any{"replicas": 2} }, nil},
		{"name and version", func(s *AddonSpec) { s.Name, s.Version = "Bad_Name", "latest" },
			[]string{`name: "Bad_Name" is not an EKS add-on name`, `version: "latest" is not an add-on version`}},
		{"configuration not an object", func(s *AddonSpec) { s.Configuration = []int{1} },
			[]string{"configuration: must marshal to a JSON object, got [1]"}},
		{"configuration unmarshallable", func(s *AddonSpec) { s.Configuration = map[string]any{"f": func() {}} },
			[]string{"configuration: json: unsupported type"}},
		{"pod identity", func(s *AddonSpec) { s.PodIdentity = &PodIdentity{ServiceAccount: "Bad SA"} },
			[]string{`podIdentity.serviceAccount: "Bad SA"`, "podIdentity.managedPolicies: at least one"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good
			c.mutate(&s)
			assertErrors(t, s.Validate(), c.want)
		})
	}
}

func TestConfigurationValues(t *testing.T) {
	cfg := withDefaults(validProps())
	for name, v := range map[string]any{"vpc-cni": cfg.VpcCni.values(), "coredns": cfg.CoreDNS.values(),
		"kube-proxy": cfg.KubeProxy.values(), "ebs": cfg.EbsCsi.values()} {
		if s, err := configurationJSON(v); err != nil || !strings.HasPrefix(s, "{") {
			t.Errorf("%s: %q, %v", name, s, err)
		}
	}
	if s, _ := configurationJSON(map[string]any(nil)); s != "" {
		t.Errorf("nil map gave %q", s)
	}
}

func assertErrors(t *testing.T, err error, want []string) {
	t.Helper()
	wanterr.Check(t, err, want)
	if err != nil && len(want) > 0 {
		if lines := strings.Split(err.Error(), "\n"); len(lines) != len(want) {
			t.Errorf("%d problems, want %d:\n%v", len(lines), len(want), err)
		}
	}
}
