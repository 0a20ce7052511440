package addon_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/ptr"
)

// Stacks synthesized once and shared: "Default" (1.36, default props),
// "Custom" (1.32, every option changed, an extra add-on, an override).
var templates map[string]synthtest.Template

type snapshotConfig struct {
	Replicas int `json:"replicas"`
}

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	newStack(app, "Default", "1.36", func(*addon.AddonsProps) {})
	custom := newStack(app, "Custom", "1.32", func(p *addon.AddonsProps) {
		mode, spread := addon.KubeProxyIPVS, addon.ZoneSpreadDoNotSchedule
		p.KubeProxy = &addon.KubeProxyConfig{Mode: &mode}
		p.CoreDNS = &addon.CoreDNSConfig{Replicas: ptr.To(3), ZoneSpread: &spread}
		p.VpcCni = &addon.VpcCniConfig{PrefixDelegation: ptr.To(false), NetworkPolicy: ptr.To(false)}
		p.EbsCsi = &addon.EbsCsiConfig{DefaultStorageClass: ptr.To(false)}
		p.EFS, p.CloudWatchObservability = ptr.To(true), ptr.To(true)
		p.VersionOverrides = map[addon.Name]string{addon.MetricsServer: "v0.7.2-eksbuild.1"}
	})
	custom.Add("SnapshotController", addon.AddonSpec{
		Name: "snapshot-controller", Version: "v8.2.0-eksbuild.1",
		Configuration: snapshotConfig{Replicas: 2},
		PodIdentity:   &addon.PodIdentity{ServiceAccount: "snapshot-sa", ManagedPolicies: []string{"ReadOnlyAccess"}},
	})
	newStack(app, "NoNodeMonitor", "1.36", func(p *addon.AddonsProps) { p.NodeMonitoringAgent = ptr.To(false) })
	templates = synthtest.MustSynth(app).Templates()
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func newStack(app awscdk.App, name, version string, customize func(*addon.AddonsProps)) *addon.Addons {
	stack := awscdk.NewStack(app, jsii.String(name), nil)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1)})
	cluster := awseksv2.NewCluster(stack, jsii.String("Cluster"), &awseksv2.ClusterProps{
		Version: awseksv2.KubernetesVersion_Of(jsii.String(version)), Vpc: vpc,
		DefaultCapacity: jsii.Number(0), DefaultCapacityType: awseksv2.DefaultCapacityType_NODEGROUP,
	})
	ng := cluster.AddNodegroupCapacity(jsii.String("Nodes"), nil)
	props := &addon.AddonsProps{
		Cluster: cluster, KubernetesVersion: jsii.String(version),
		EBSKey:     awskms.NewKey(stack, jsii.String("EbsKey"), nil),
		NodeGroups: []constructs.IDependable{ng},
	}
	customize(props)
	return addon.NewAddons(stack, "Addons", props)
}

// addons returns a stack's AWS::EKS::Addon resources by add-on name.
func addons(t *testing.T, stack string) map[string]synthtest.Resource {
	t.Helper()
	out := map[string]synthtest.Resource{}
	for _, r := range templates[stack].Resources("AWS::EKS::Addon") {
		name := r.Properties["AddonName"].(string)
		if _, dup := out[name]; dup {
			t.Fatalf("%s: two add-ons named %s", stack, name)
		}
		out[name] = r
	}
	return out
}

func config(t *testing.T, r synthtest.Resource) map[string]any {
	t.Helper()
	raw, ok := r.Properties["ConfigurationValues"].(string)
	if !ok {
		t.Fatalf("%s: ConfigurationValues is %T, want a JSON string", r.ID, r.Properties["ConfigurationValues"])
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatalf("%s: %v", r.ID, err)
	}
	return m
}

func TestEveryDefaultAddonPinnedWithOverwrite(t *testing.T) {
	got := addons(t, "Default")
	for _, name := range addon.DefaultAddons {
		t.Run(string(name), func(t *testing.T) {
			r, ok := got[string(name)]
			if !ok {
				t.Fatalf("no AWS::EKS::Addon %s", name)
			}
			want, _ := addon.VersionFor("1.36", name)
			if r.Properties["AddonVersion"] != want {
				t.Errorf("AddonVersion %v, want %s", r.Properties["AddonVersion"], want)
			}
			if r.Properties["ResolveConflicts"] != "OVERWRITE" {
				t.Errorf("ResolveConflicts %v", r.Properties["ResolveConflicts"])
			}
			if r.Properties["PreserveOnDelete"] != true {
				t.Errorf("PreserveOnDelete %v", r.Properties["PreserveOnDelete"])
			}
		})
	}
	for _, name := range addon.OptionalAddons {
		if _, ok := got[string(name)]; ok {
			t.Errorf("optional add-on %s installed by default", name)
		}
	}
}

func TestKubernetesVersionSelectsTableRow(t *testing.T) {
	got := addons(t, "Custom")
	for _, name := range append(slices.Clone(addon.DefaultAddons), addon.OptionalAddons...) {
		want, _ := addon.VersionFor("1.32", name)
		if name == addon.MetricsServer {
			want = "v0.7.2-eksbuild.1" // the override wins
		}
		if v := got[string(name)].Properties["AddonVersion"]; v != want {
			t.Errorf("%s: AddonVersion %v, want %s", name, v, want)
		}
	}
}

func TestVpcCni(t *testing.T) {
	t.Run("prefix delegation and network policy", func(t *testing.T) {
		cfg := config(t, addons(t, "Default")["vpc-cni"])
		if synthtest.Get(cfg, "env", "ENABLE_PREFIX_DELEGATION") != "true" || synthtest.Get(cfg, "env", "WARM_PREFIX_TARGET") != "1" {
			t.Errorf("env %v", cfg["env"])
		}
		if cfg["enableNetworkPolicy"] != "true" {
			t.Errorf("enableNetworkPolicy %v", cfg["enableNetworkPolicy"])
		}
	})
	t.Run("options turn them off", func(t *testing.T) {
		cfg := config(t, addons(t, "Custom")["vpc-cni"])
		if cfg["env"] != nil || cfg["enableNetworkPolicy"] != "false" {
			t.Errorf("config %v", cfg)
		}
	})
}

func TestCoreDNS(t *testing.T) {
	for stack, want := range map[string][]any{"Default": {2.0, "ScheduleAnyway"}, "Custom": {3.0, "DoNotSchedule"}} {
		cfg := config(t, addons(t, stack)["coredns"])
		if cfg["replicaCount"] != want[0] {
			t.Errorf("%s: replicaCount %v, want %v", stack, cfg["replicaCount"], want[0])
		}
		if synthtest.Get(cfg, "podDisruptionBudget", "enabled") != true || synthtest.Get(cfg, "podDisruptionBudget", "maxUnavailable") != 1.0 {
			t.Errorf("%s: podDisruptionBudget %v", stack, cfg["podDisruptionBudget"])
		}
		spread := synthtest.Get(cfg, "topologySpreadConstraints", 0)
		if synthtest.Get(spread, "topologyKey") != "topology.kubernetes.io/zone" || synthtest.Get(spread, "whenUnsatisfiable") != want[1] ||
			synthtest.Get(spread, "labelSelector", "matchLabels", "k8s-app") != "kube-dns" {
			t.Errorf("%s: topologySpreadConstraints %v", stack, cfg["topologySpreadConstraints"])
		}
	}
}

func TestKubeProxyMode(t *testing.T) {
	for stack, want := range map[string]string{"Default": "iptables", "Custom": "ipvs"} {
		if m := config(t, addons(t, stack)["kube-proxy"])["mode"]; m != want {
			t.Errorf("%s: mode %v, want %s", stack, m, want)
		}
	}
}

func TestEbsCsiDefaultStorageClass(t *testing.T) {
	for stack, want := range map[string]bool{"Default": true, "Custom": false} {
		cfg := config(t, addons(t, stack)["aws-ebs-csi-driver"])
		if synthtest.Get(cfg, "defaultStorageClass", "enabled") != want {
			t.Errorf("%s: defaultStorageClass %v", stack, cfg["defaultStorageClass"])
		}
	}
}

func TestTypedAddAPI(t *testing.T) {
	r, ok := addons(t, "Custom")["snapshot-controller"]
	if !ok {
		t.Fatal("no snapshot-controller add-on")
	}
	if r.Properties["AddonVersion"] != "v8.2.0-eksbuild.1" || r.Properties["ResolveConflicts"] != "OVERWRITE" {
		t.Errorf("props %v", r.Properties)
	}
	if config(t, r)["replicas"] != 2.0 {
		t.Errorf("configuration %v", r.Properties["ConfigurationValues"])
	}
	assertPodIdentity(t, "Custom", "snapshot-controller", "snapshot-sa", "ReadOnlyAccess")
}

func TestPodIdentityRoles(t *testing.T) {
	cases := []struct{ stack, addon, sa, policy string }{
		{"Default", "vpc-cni", "aws-node", "AmazonEKS_CNI_Policy"},
		{"Default", "aws-ebs-csi-driver", "ebs-csi-controller-sa", "service-role/AmazonEBSCSIDriverPolicy"},
		{"Custom", "aws-efs-csi-driver", "efs-csi-controller-sa", "service-role/AmazonEFSCSIDriverPolicy"},
		{"Custom", "amazon-cloudwatch-observability", "cloudwatch-agent", "CloudWatchAgentServerPolicy"},
	}
	for _, c := range cases {
		t.Run(c.addon, func(t *testing.T) { assertPodIdentity(t, c.stack, c.addon, c.sa, c.policy) })
	}
	t.Run("no association without a role", func(t *testing.T) {
		for _, name := range []string{"coredns", "kube-proxy", "metrics-server", "eks-pod-identity-agent"} {
			if a := addons(t, "Default")[name].Properties["PodIdentityAssociations"]; a != nil {
				t.Errorf("%s: PodIdentityAssociations %v", name, a)
			}
		}
	})
}

// assertPodIdentity checks the add-on's single association binds sa to a
// role that Pod Identity can assume and that has exactly policy.
func assertPodIdentity(t *testing.T, stack, name, sa, policy string) {
	t.Helper()
	assoc := addons(t, stack)[name].Properties["PodIdentityAssociations"].([]any)
	if len(assoc) != 1 || synthtest.Get(assoc, 0, "ServiceAccount") != sa {
		t.Fatalf("associations %v, want one for %s", assoc, sa)
	}
	role := resource(t, stack, synthtest.Ref(synthtest.Get(assoc, 0, "RoleArn")))
	arns := synthtest.Get(role, "Properties", "ManagedPolicyArns").([]any)
	if len(arns) != 1 || !joinContains(arns[0], ":iam::aws:policy/"+policy) {
		t.Errorf("managed policies %v, want exactly %s", arns, policy)
	}
	trust := synthtest.Get(role, "Properties", "AssumeRolePolicyDocument", "Statement").([]any)
	var actions []string
	for _, s := range trust {
		if synthtest.Get(s, "Principal", "Service") != "pods.eks.amazonaws.com" {
			t.Errorf("trust principal %v", synthtest.Get(s, "Principal"))
		}
		switch a := synthtest.Get(s, "Action").(type) {
		case string:
			actions = append(actions, a)
		case []any:
			for _, x := range a {
				actions = append(actions, x.(string))
			}
		}
	}
	if !slices.Contains(actions, "sts:AssumeRole") || !slices.Contains(actions, "sts:TagSession") {
		t.Errorf("trust actions %v", actions)
	}
}

func TestEbsCsiRoleCanUseTheEBSKey(t *testing.T) {
	assoc := addons(t, "Default")["aws-ebs-csi-driver"].Properties["PodIdentityAssociations"]
	roleID := synthtest.Ref(synthtest.Get(assoc, 0, "RoleArn"))
	var actions []string
	for _, p := range templates["Default"].Resources("AWS::IAM::Policy") {
		if synthtest.Ref(synthtest.Get(p.Properties, "Roles", 0)) != roleID {
			continue
		}
		for _, s := range synthtest.Get(p.Properties, "PolicyDocument", "Statement").([]any) {
			key := resource(t, "Default", synthtest.Ref(synthtest.Get(s, "Resource")))
			if key["Type"] != "AWS::KMS::Key" {
				t.Errorf("statement resource is a %v, want the EBS key", key["Type"])
			}
			for _, a := range synthtest.Get(s, "Action").([]any) {
				actions = append(actions, a.(string))
			}
		}
	}
	for _, want := range []string{"kms:CreateGrant", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:DescribeKey"} {
		if !slices.Contains(actions, want) {
			t.Errorf("EBS CSI role lacks %s on the EBS key (has %v)", want, actions)
		}
	}
}

func TestDependencyOrder(t *testing.T) {
	got := addons(t, "Default")
	agent := got["eks-pod-identity-agent"].ID
	nodegroup := templates["Default"].One(t, "AWS::EKS::Nodegroup").ID
	for name, r := range got {
		deps := r.DependsOn()
		if name != "eks-pod-identity-agent" && !slices.Contains(deps, agent) {
			t.Errorf("%s does not depend on eks-pod-identity-agent (%v)", name, deps)
		}
		waits := slices.Contains(deps, nodegroup)
		wantWait := !slices.Contains([]string{"eks-pod-identity-agent", "vpc-cni", "kube-proxy"}, name)
		if waits != wantWait {
			t.Errorf("%s: waits for node group = %v, want %v", name, waits, wantWait)
		}
	}
}

// TestNodeMonitoringAgent: the agent node auto repair reads is on by
// default, pinned, and can be turned off.
func TestNodeMonitoringAgent(t *testing.T) {
	r, ok := addons(t, "Default")[string(addon.NodeMonitoringAgent)]
	if want, _ := addon.VersionFor("1.36", addon.NodeMonitoringAgent); !ok || r.Properties["AddonVersion"] != want {
		t.Errorf("default: %s installed %v, version %v", addon.NodeMonitoringAgent, ok, r.Properties["AddonVersion"])
	}
	if _, ok := addons(t, "NoNodeMonitor")[string(addon.NodeMonitoringAgent)]; ok {
		t.Errorf("NodeMonitoringAgent false still installs %s", addon.NodeMonitoringAgent)
	}
}

func TestOnlyOnePodIdentityAgent(t *testing.T) {
	// addons() fails on duplicate names; this names the promise.
	if _, ok := addons(t, "Default")["eks-pod-identity-agent"]; !ok {
		t.Fatal("no eks-pod-identity-agent")
	}
}

func resource(t *testing.T, stack, id string) map[string]any {
	t.Helper()
	r, ok := synthtest.Get(map[string]any(templates[stack]), "Resources", id).(map[string]any)
	if !ok {
		t.Fatalf("%s: no resource %q", stack, id)
	}
	return r
}

// joinContains reports whether v (a string or an Fn::Join) contains s.
func joinContains(v any, s string) bool {
	b, _ := json.Marshal(v)
	return strings.Contains(strings.ReplaceAll(string(b), `","`, ""), s)
}
