package platform_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/internal/testutil/manifest"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// TestKarpenterMode synthesizes the prod platform with
// BALLAST_COMPUTE=karpenter, with cdk-nag and the EKS rule pack: the
// cluster stack has Karpenter's AWS side, the GitOps folder its node pool,
// and every checker passes.
func TestKarpenterMode(t *testing.T) {
	cfg, a := karpenterPlatform(t)
	tmpl := a.Templates()[cfg.Props().StackName(platform.PartCluster)]
	t.Run("cluster stack has Karpenter's AWS side", func(t *testing.T) {
		for typ, n := range map[string]int{"AWS::Events::Rule": 4, "AWS::SQS::Queue": 2, "AWS::SQS::QueuePolicy": 2,
			"AWS::EKS::PodIdentityAssociation": 1, "AWS::IAM::ManagedPolicy": 5} {
			if got := tmpl.Count(typ); got != n {
				t.Errorf("%d %s, want %d", got, typ, n)
			}
		}
		var ec2Linux int
		for _, e := range tmpl.Resources("AWS::EKS::AccessEntry") {
			if e.Properties["Type"] == "EC2_LINUX" {
				ec2Linux++
			}
		}
		if ec2Linux != 1 {
			t.Errorf("%d EC2_LINUX access entries, want 1 (Karpenter's node role)", ec2Linux)
		}
		if n := tmpl.Count("AWS::EKS::Nodegroup"); n != 3 {
			t.Errorf("%d node groups, want the system group in each of 3 AZs", n)
		}
		if n := tmpl.Count("AWS::Lambda::Function"); n != 0 {
			t.Errorf("%d Lambda functions", n)
		}
	})
	t.Run("GitOps folder has the NodePool and EC2NodeClass", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(a.Dir, baseline.GitOpsDir(cfg.ClusterName), karpenter.FileNodePool))
		if err != nil {
			t.Fatal(err)
		}
		types := manifest.Types{
			karpenter.NodePoolKind:     func() any { return &karpenter.NodePool{} },
			karpenter.EC2NodeClassKind: func() any { return &karpenter.EC2NodeClass{} },
		}
		kinds := map[string]bool{}
		for _, doc := range manifest.Docs(b) {
			obj, err := manifest.Decode(doc, types)
			if err != nil {
				t.Fatal(err)
			}
			switch o := obj.(type) {
			case *karpenter.NodePool:
				kinds["NodePool"] = true
				if zones := o.Spec.Template.Spec.Requirements[2]; strings.Join(zones.Values, ",") != "us-east-1a,us-east-1b,us-east-1c" {
					t.Errorf("zones %v", zones)
				}
			case *karpenter.EC2NodeClass:
				kinds["EC2NodeClass"] = true
				if o.Spec.Role != karpenter.NodeRoleName(cfg.ClusterName) {
					t.Errorf("node class role %s", o.Spec.Role)
				}
			}
		}
		if !kinds["NodePool"] || !kinds["EC2NodeClass"] {
			t.Errorf("kinds %v", kinds)
		}
		values, _ := os.ReadFile(filepath.Join(a.Dir, baseline.GitOpsDir(cfg.ClusterName), karpenter.FileValues))
		if !strings.Contains(string(values), "ballast.dev/node-group: system") {
			t.Errorf("the controller is not placed on the system group:\n%s", values)
		}
	})
	t.Run("every checker passes", func(t *testing.T) {
		synthtest.AssertClean(t, a, "..")
		if len(a.Suppressions()) == 0 {
			t.Error("no suppression read back: the checkers' metadata is missing")
		}
	})
}

var karpenterOnce struct {
	sync.Once
	cfg *config.Config
	a   *synthtest.Assembly
	err error
}

// karpenterPlatform is the prod platform with BALLAST_COMPUTE=karpenter
// and a Fargate profile for namespace batch, synthesized once with cdk-nag
// and the EKS rule pack.
func karpenterPlatform(t *testing.T) (*config.Config, *synthtest.Assembly) {
	t.Helper()
	k := &karpenterOnce
	k.Do(func() {
		k.cfg, k.err = config.Load(func(name string) (string, bool) {
			v, ok := map[string]string{config.VarEnv: "prod", config.VarCompute: "karpenter", config.VarFargateNamespaces: "batch"}[name]
			return v, ok
		})
		if k.err != nil {
			return
		}
		app := synthtest.NewApp()
		synthtest.KeepSynthQuiet(app)
		pl := newPlatform(app, k.cfg)
		synthtest.AddNag(app)
		pl.ApplyChecks()
		k.a, k.err = synthtest.Synth(app)
	})
	if k.err != nil {
		t.Fatal(k.err)
	}
	return k.cfg, k.a
}

// variants are the configurations besides the profiles' defaults whose
// suppressions docs/suppressions.md lists, by name.
func variants(t *testing.T) map[string]*synthtest.Assembly {
	_, a := karpenterPlatform(t)
	return map[string]*synthtest.Assembly{"prod with BALLAST_COMPUTE=karpenter and BALLAST_FARGATE_NAMESPACES": a}
}

// TestFargateProfile: a Fargate profile for a namespace synthesizes in
// the private subnets only.
func TestFargateProfile(t *testing.T) {
	cfg, a := karpenterPlatform(t)
	tmpl := a.Templates()[cfg.Props().StackName(platform.PartCluster)]
	fp := tmpl.One(t, "AWS::EKS::FargateProfile").Properties
	if synthtest.Get(fp, "Selectors", 0, "Namespace") != "batch" {
		t.Errorf("selectors %v", fp["Selectors"])
	}
	subnets, _ := fp["Subnets"].([]any)
	if len(subnets) != 3 {
		t.Fatalf("%d subnets, want the 3 private ones", len(subnets))
	}
	for _, s := range subnets {
		assertPrivateSubnet(t, config.ProfileProd, s)
	}
}

func TestKarpenterPropsValidation(t *testing.T) {
	props := testConfig(t, config.ProfileProd).Props()
	props.Karpenter = &karpenter.KarpenterProps{}
	wanterr.Check(t, props.Validate(), []string{"karpenter: set, but cluster.compute is not karpenter"})

	props = testConfig(t, config.ProfileProd).Props()
	props.Cluster.Compute = ptr.To(cluster.ComputeKarpenter)
	props.Baseline = nil
	props.Karpenter = &karpenter.KarpenterProps{ClusterName: jsii.String("x"), ExpireAfter: jsii.String("soon")}
	wanterr.Check(t, props.Validate(), []string{"baseline: required with cluster.compute=karpenter", "karpenter.clusterName: set by the platform"})

	props.Karpenter = &karpenter.KarpenterProps{ExpireAfter: jsii.String("soon")}
	wanterr.Check(t, props.Validate(), []string{`karpenter.expireAfter: "soon"`})
}
