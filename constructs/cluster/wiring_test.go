package cluster_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/ptr"
)

// TestOneCallWiring adds a node group, the add-ons, then a second node
// group: each call sets cluster, version and node role, and the ordering
// holds whichever comes first (nodes after the CNI, pod-running add-ons
// after every node group).
func TestOneCallWiring(t *testing.T) {
	app := synthtest.NewApp()
	eks := newTestStack(app, "Wired", nil)
	stack := awscdk.Stack_Of(eks.Resource)
	key := awskms.NewKey(stack, jsii.String("Ebs"), nil)
	azs := []string{"us-east-1a", "us-east-1b"}
	group := func(name string) *nodegroup.NodeGroupSetProps {
		return &nodegroup.NodeGroupSetProps{Name: jsii.String(name), Subnets: *eks.Resource.Vpc().PrivateSubnets(),
			AvailabilityZones: azs, VolumeKey: key, MaxSize: ptr.To(2)}
	}
	early := eks.AddNodeGroups(stack, "System", group("system"))
	eks.AddAddons(stack, "Addons", &addon.AddonsProps{EBSKey: key})
	eks.AddNodeGroups(stack, "Late", group("late"))

	if got := len(eks.NodeGroups()); got != 2 || eks.NodeGroups()[0] != early || eks.Addons() == nil || eks.NodeRole() == nil {
		t.Fatalf("cluster tracks %d node group sets, add-ons %v, role %v", got, eks.Addons(), eks.NodeRole())
	}
	tmpl := synthtest.MustSynth(app).Templates()["Wired"]
	if n := tmpl.Count("AWS::IAM::Role"); n < 2 {
		t.Fatalf("%d roles", n)
	}
	addons := map[string]synthtest.Resource{}
	for _, a := range tmpl.Resources("AWS::EKS::Addon") {
		addons[a.Properties["AddonName"].(string)] = a
	}
	groups := tmpl.Resources("AWS::EKS::Nodegroup")
	if len(groups) != 4 {
		t.Fatalf("%d node groups, want 4 (2 sets x 2 AZs)", len(groups))
	}
	roles := map[string]bool{}
	for _, ng := range groups {
		roles[synthtest.Ref(ng.Properties["NodeRole"])] = true
		if v := ng.Properties["Version"]; v != cluster.DefaultVersion {
			t.Errorf("%s: version %v, want the cluster's %s", ng.ID, v, cluster.DefaultVersion)
		}
		for _, name := range []string{"vpc-cni", "kube-proxy", "eks-pod-identity-agent"} {
			if !slices.Contains(ng.DependsOn(), addons[name].ID) {
				t.Errorf("%s does not wait for %s", ng.ID, name)
			}
		}
		if !slices.Contains(addons["coredns"].DependsOn(), ng.ID) {
			t.Errorf("coredns does not wait for %s", ng.ID)
		}
	}
	if len(roles) != 1 {
		t.Errorf("node groups use %d roles, want the one node role", len(roles))
	}
	if slices.Contains(addons["vpc-cni"].DependsOn(), groups[0].ID) {
		t.Error("vpc-cni waits for nodes that wait for it")
	}
}

// TestWiringRejectsWhatItWouldIgnore: fields the call sets, and node groups
// under EKS Auto Mode, are errors naming the construct path.
func TestWiringRejectsWhatItWouldIgnore(t *testing.T) {
	app := synthtest.NewApp()
	eks := newTestStack(app, "Rejects", nil)
	auto := newTestStack(app, "Auto", func(p *cluster.ClusterProps) { p.Compute = ptr.To(cluster.ComputeAuto) })
	for name, c := range map[string]struct {
		call func()
		want []string
	}{
		"version set by the caller": {func() {
			eks.AddNodeGroups(awscdk.Stack_Of(eks.Resource), "G", &nodegroup.NodeGroupSetProps{KubernetesVersion: jsii.String("1.35")})
		}, []string{"Rejects/G: invalid props", "set by AddNodeGroups"}},
		"node groups under Auto Mode": {func() { auto.AddNodeGroups(awscdk.Stack_Of(auto.Resource), "G", nil) },
			[]string{"Auto/G: invalid props", "EKS Auto Mode runs the nodes"}},
		"Auto Mode set by the caller": {func() {
			auto.AddAddons(awscdk.Stack_Of(auto.Resource), "A", &addon.AddonsProps{AutoMode: jsii.Bool(true)})
		},
			[]string{"Auto/A: invalid props", "autoMode: set by AddAddons"}},
		"core add-on settings under Auto Mode": {func() {
			auto.AddAddons(awscdk.Stack_Of(auto.Resource), "B", &addon.AddonsProps{KubeProxy: &addon.KubeProxyConfig{}})
		}, []string{"Auto/B: invalid props", "kubeProxy: EKS Auto Mode (autoMode) runs kube-proxy itself"}},
		"add-ons with their cluster set": {func() {
			eks.AddAddons(awscdk.Stack_Of(eks.Resource), "A", &addon.AddonsProps{Cluster: eks.Resource})
		}, []string{"Rejects/A: invalid props", "set by AddAddons"}},
	} {
		t.Run(name, func(t *testing.T) {
			msg := func() (msg string) {
				defer func() {
					if r := recover(); r != nil {
						msg = r.(error).Error()
					}
				}()
				c.call()
				return ""
			}()
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("panic %q lacks %q", msg, w)
				}
			}
		})
	}
}

// TestAutoModeAddons: under EKS Auto Mode AddAddons installs exactly the
// add-ons Auto Mode lacks, each after nothing Auto Mode runs itself.
func TestAutoModeAddons(t *testing.T) {
	app := synthtest.NewApp()
	auto := newTestStack(app, "AutoAddons", func(p *cluster.ClusterProps) { p.Compute = ptr.To(cluster.ComputeAuto) })
	a := auto.AddAddons(awscdk.Stack_Of(auto.Resource), "Addons", &addon.AddonsProps{EFS: jsii.Bool(true)})
	if a.Installed[addon.EfsCsiDriver].Role == nil || len(a.BeforeCompute()) != 0 {
		t.Errorf("EFS CSI role %v, before compute %v", a.Installed[addon.EfsCsiDriver].Role, a.BeforeCompute())
	}
	tmpl := synthtest.MustSynth(app).Templates()["AutoAddons"]
	var names []string
	for _, r := range tmpl.Resources("AWS::EKS::Addon") {
		names = append(names, r.Properties["AddonName"].(string))
		if r.Properties["AddonName"] == string(addon.EfsCsiDriver) && synthtest.Get(r.Properties, "PodIdentityAssociations", 0, "ServiceAccount") != addon.EfsCsiServiceAccount {
			t.Errorf("the EFS CSI driver has no Pod Identity association: %v", r.Properties)
		}
	}
	slices.Sort(names)
	if want := []string{string(addon.EfsCsiDriver), string(addon.MetricsServer)}; !slices.Equal(names, want) {
		t.Errorf("add-ons %v, want exactly %v", names, want)
	}
}
