package fargate_test

import (
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/fargate"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
)

var (
	assembly *synthtest.Assembly
	private  map[string]bool // logical IDs of the VPC's private subnets
)

// TestMain synthesizes a cluster with one Fargate profile for a namespace
// in the VPC's private subnets, with cdk-nag applied.
func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	stack := awscdk.NewStack(app, jsii.String("Fargate"), nil)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1), RestrictDefaultSecurityGroup: jsii.Bool(false)})
	cluster := awseksv2.NewCluster(stack, jsii.String("Cluster"), &awseksv2.ClusterProps{
		ClusterName: jsii.String("shop"), Version: awseksv2.KubernetesVersion_Of(jsii.String("1.36")), Vpc: vpc,
		DefaultCapacity: jsii.Number(0), DefaultCapacityType: awseksv2.DefaultCapacityType_NODEGROUP,
	})
	private = map[string]bool{}
	for _, s := range *vpc.PrivateSubnets() {
		private[*stack.GetLogicalId(s.Node().DefaultChild().(awsec2.CfnSubnet))] = true
	}
	fargate.NewFargate(stack, "Fargate", &fargate.FargateProps{
		Cluster: cluster, ClusterName: jsii.String("shop"), Subnets: *vpc.PrivateSubnets(),
		Profiles: []fargate.ProfileProps{{Name: "batch", Selectors: []fargate.Selector{{Namespace: "batch", Labels: map[string]string{"tier": "jobs"}}}}},
	})
	synthtest.AddNag(app)
	var err error
	if assembly, err = synthtest.Synth(app); err != nil {
		panic(err)
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func TestProfile(t *testing.T) {
	tmpl := synthtest.Template(assembly.Stacks[0].Template)
	fp := tmpl.One(t, "AWS::EKS::FargateProfile").Properties
	t.Run("private subnets only", func(t *testing.T) {
		subnets := fp["Subnets"].([]any)
		if len(subnets) != len(private) {
			t.Errorf("%d subnets, want the %d private ones", len(subnets), len(private))
		}
		for _, s := range subnets {
			if !private[synthtest.Ref(s)] {
				t.Errorf("subnet %v is not a private subnet", s)
			}
		}
	})
	t.Run("selector for the namespace", func(t *testing.T) {
		if synthtest.Get(fp, "Selectors", 0, "Namespace") != "batch" || synthtest.Get(fp, "Selectors", 0, "Labels", 0, "Key") != "tier" {
			t.Errorf("selectors %v", fp["Selectors"])
		}
	})
	t.Run("pod execution role trusts this cluster's profiles only", func(t *testing.T) {
		role := tmpl["Resources"].(map[string]any)[synthtest.Ref(fp["PodExecutionRoleArn"])].(map[string]any)["Properties"]
		stmt := synthtest.Get(role, "AssumeRolePolicyDocument", "Statement", 0)
		if synthtest.Get(stmt, "Principal", "Service") != "eks-fargate-pods.amazonaws.com" ||
			!strings.Contains(fmtAny(synthtest.Get(stmt, "Condition", "ArnLike", "aws:SourceArn")), "fargateprofile/shop/*") {
			t.Errorf("trust %v", stmt)
		}
	})
	t.Run("no custom resource", func(t *testing.T) {
		for id, r := range tmpl["Resources"].(map[string]any) {
			if typ := r.(map[string]any)["Type"].(string); strings.HasPrefix(typ, "Custom::") || typ == "AWS::Lambda::Function" {
				t.Errorf("%s is a %s", id, typ)
			}
		}
	})
	t.Run("cdk-nag passes the profile and role", func(t *testing.T) {
		var others int
		for _, m := range assembly.NagFindings() {
			if strings.Contains(m.Path, "/Fargate/Fargate/") {
				t.Errorf("cdk-nag: %s", m)
			} else {
				others++
			}
		}
		if others == 0 {
			t.Error("cdk-nag reported nothing on the bare VPC and cluster: it did not run")
		}
	})
}

func TestValidate(t *testing.T) {
	good := fargate.FargateProps{ClusterName: jsii.String("shop"), Profiles: []fargate.ProfileProps{{Name: "batch", Selectors: []fargate.Selector{{Namespace: "batch"}}}}}
	wanterr.Check(t, good.ValidateSettings(), nil)
	bad := fargate.FargateProps{Profiles: []fargate.ProfileProps{
		{Name: "a b", Selectors: []fargate.Selector{{Namespace: "Batch", Labels: map[string]string{"-x": "y"}}}},
		{Name: "empty"}, {Name: "empty", Selectors: make([]fargate.Selector, 6)},
	}}
	err := bad.Validate()
	want := []string{"cluster: required", "subnets: at least one private subnet", "clusterName: required", `profiles[a b].name: "a b" is not a profile name`,
		`profiles[a b].selectors[0].namespace: "Batch"`, "profiles[a b].selectors[0].labels[-x]", "profiles[empty].selectors: need 1 to 5 selectors, got 0",
		"profiles[empty]: listed twice", "profiles[empty].selectors: need 1 to 5 selectors, got 6"}
	wanterr.Check(t, err, want)
	wanterr.OnePerProblem(t, err, len(want)+6) // and each of the six empty selectors' namespaces
}

func fmtAny(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := jsonMarshal(v)
	return string(b)
}
