package karpenter_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/jsii-runtime-go"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/manifest"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

var (
	assembly    *synthtest.Assembly
	built       *karpenter.Karpenter
	testCluster awseksv2.Cluster
)

func props(cluster awseksv2.Cluster) *karpenter.KarpenterProps {
	return &karpenter.KarpenterProps{
		Cluster: cluster, ClusterName: jsii.String("shop"), AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
		ControllerNodeSelector: map[string]string{"ballast.dev/node-group": "system"},
	}
}

// TestMain synthesizes one stack with a cluster and Karpenter, with
// cdk-nag's AwsSolutions pack applied.
func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	stack := awscdk.NewStack(app, jsii.String("Karpenter"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1), RestrictDefaultSecurityGroup: jsii.Bool(false)})
	cluster := awseksv2.NewCluster(stack, jsii.String("Cluster"), &awseksv2.ClusterProps{
		ClusterName: jsii.String("shop"), Version: awseksv2.KubernetesVersion_Of(jsii.String("1.36")), Vpc: vpc,
		DefaultCapacity: jsii.Number(0), DefaultCapacityType: awseksv2.DefaultCapacityType_NODEGROUP,
	})
	testCluster = cluster
	built = karpenter.NewKarpenter(stack, "Karpenter", props(cluster))
	synthtest.AddNag(app)
	var err error
	if assembly, err = synthtest.Synth(app); err != nil {
		panic(err)
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func template() synthtest.Template { return assembly.Stacks[0].Template }

func TestAWSSide(t *testing.T) {
	tmpl := template()
	t.Run("four EventBridge rules into the queue", func(t *testing.T) {
		rules := tmpl.Resources("AWS::Events::Rule")
		var types []string
		for _, r := range rules {
			types = append(types, synthtest.Get(r.Properties, "EventPattern", "detail-type", 0).(string))
			if synthtest.Ref(synthtest.Get(r.Properties, "Targets", 0, "Arn")) == "" {
				t.Errorf("rule %s has no queue target", r.ID)
			}
		}
		slices.Sort(types)
		want := []string{"AWS Health Event", "EC2 Instance Rebalance Recommendation", "EC2 Instance State-change Notification", "EC2 Spot Instance Interruption Warning"}
		if !slices.Equal(types, want) {
			t.Errorf("rules %v, want %v", types, want)
		}
	})
	t.Run("queues encrypted, TLS only, named for the cluster, with dead letters", func(t *testing.T) {
		var q, dlq synthtest.Resource
		for _, r := range tmpl.Resources("AWS::SQS::Queue") {
			if r.Properties["SqsManagedSseEnabled"] != true {
				t.Errorf("queue %s is not encrypted", r.ID)
			}
			if r.Properties["QueueName"] == "shop" {
				q = r
			} else {
				dlq = r
			}
		}
		if q.Properties["MessageRetentionPeriod"] != float64(300) || synthtest.Ref(synthtest.Get(q.Properties, "RedrivePolicy", "deadLetterTargetArn")) != dlq.ID {
			t.Errorf("queue %v, want 5 minutes' retention and the dead-letter queue", q.Properties)
		}
		var doc any
		for _, p := range tmpl.Resources("AWS::SQS::QueuePolicy") {
			if synthtest.Ref(synthtest.Get(p.Properties, "Queues", 0)) == q.ID {
				doc = p.Properties["PolicyDocument"]
			}
		}
		var services, denies int
		for _, s := range synthtest.Get(doc, "Statement").([]any) {
			if synthtest.Get(s, "Principal", "Service") == "events.amazonaws.com" && synthtest.Get(s, "Condition", "ArnEquals", "aws:SourceArn") != nil {
				services++
			}
			if synthtest.Get(s, "Effect") == "Deny" && synthtest.Get(s, "Condition", "Bool", "aws:SecureTransport") == "false" {
				denies++
			}
		}
		if services != 4 || denies != 1 {
			t.Errorf("queue policy: %d rule grants scoped by source ARN (want 4), %d TLS denials (want 1)", services, denies)
		}
	})
	t.Run("controller role: Pod Identity only, associated with the service account", func(t *testing.T) {
		pia := tmpl.One(t, "AWS::EKS::PodIdentityAssociation").Properties
		if pia["Namespace"] != "kube-system" || pia["ServiceAccount"] != "karpenter" {
			t.Errorf("association %v", pia)
		}
		role := roleByRef(t, tmpl, pia["RoleArn"])
		for _, s := range synthtest.Get(role, "AssumeRolePolicyDocument", "Statement").([]any) {
			if synthtest.Get(s, "Principal", "Service") != "pods.eks.amazonaws.com" {
				t.Errorf("controller role trusts %v", synthtest.Get(s, "Principal"))
			}
		}
	})
	t.Run("least privilege: EC2 writes scoped by the cluster's tag, PassRole to EC2 only", func(t *testing.T) {
		for _, mp := range tmpl.Resources("AWS::IAM::ManagedPolicy") {
			for _, s := range synthtest.Get(mp.Properties, "PolicyDocument", "Statement").([]any) {
				actions := strings.Join(toStrings(synthtest.Get(s, "Action")), ",")
				cond := synthtest.Get(s, "Condition")
				switch {
				case strings.Contains(actions, "ec2:TerminateInstances") || strings.Contains(actions, "ec2:CreateLaunchTemplate"):
					if !strings.Contains(jsonOf(cond), "kubernetes.io/cluster/shop") {
						t.Errorf("%s unscoped: %v", actions, cond)
					}
				case actions == "iam:PassRole":
					if synthtest.Get(cond, "StringEquals", "iam:PassedToService", 0) != "ec2.amazonaws.com" || synthtest.Ref(synthtest.Get(s, "Resource")) == "" {
						t.Errorf("PassRole %v", s)
					}
				}
				if synthtest.Get(s, "Resource") == "*" && cond == nil && actions != "pricing:GetProducts" {
					t.Errorf("%s on every resource without a condition", actions)
				}
			}
		}
	})
	t.Run("node role with an EC2_LINUX access entry, named for the node class", func(t *testing.T) {
		entries := tmpl.Resources("AWS::EKS::AccessEntry")
		var found bool
		for _, e := range entries {
			if e.Properties["Type"] == "EC2_LINUX" {
				found = true
				if role := roleByRef(t, tmpl, e.Properties["PrincipalArn"]); role["RoleName"] != karpenter.NodeRoleName("shop") {
					t.Errorf("access entry's role is %v", role["RoleName"])
				}
			}
		}
		if !found {
			t.Errorf("no EC2_LINUX access entry among %d", len(entries))
		}
	})
	t.Run("no custom resource", func(t *testing.T) {
		for id, r := range tmpl["Resources"].(map[string]any) {
			typ := r.(map[string]any)["Type"].(string)
			if strings.HasPrefix(typ, "Custom::") || typ == "AWS::CloudFormation::CustomResource" || typ == "AWS::Lambda::Function" {
				t.Errorf("%s is a %s", id, typ)
			}
		}
	})
}

// TestCdkNag: Karpenter's resources pass cdk-nag's AwsSolutions pack; the
// canary is the stack's own VPC and cluster, which it does report on.
func TestCdkNag(t *testing.T) {
	var own, others int
	for _, m := range assembly.NagFindings() {
		if strings.Contains(m.Path, "/Karpenter/Karpenter/") {
			own++
			t.Errorf("cdk-nag: %s", m)
		} else {
			others++
		}
	}
	if others == 0 {
		t.Error("cdk-nag reported nothing on the bare VPC and cluster: it did not run")
	}
}

func roleByRef(t *testing.T, tmpl synthtest.Template, ref any) map[string]any {
	t.Helper()
	id := synthtest.Ref(ref)
	r, ok := tmpl["Resources"].(map[string]any)[id].(map[string]any)
	if !ok || r["Type"] != "AWS::IAM::Role" {
		t.Fatalf("%v is not a role", ref)
	}
	return r["Properties"].(map[string]any)
}

func toStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, e.(string))
		}
		return out
	}
	return nil
}

func jsonOf(v any) string { return strings.ReplaceAll(strings.TrimSpace(fmtJSON(v)), " ", "") }

// TestManifests goldens the files and decodes every object strictly into
// its Go type.
func TestManifests(t *testing.T) {
	names, contents, err := baseline.RenderFolder(built.Files)
	if err != nil {
		t.Fatal(err)
	}
	types := manifest.Types{
		karpenterGVK(karpenter.NodePoolKind):     func() any { return &karpenter.NodePool{} },
		karpenterGVK(karpenter.EC2NodeClassKind): func() any { return &karpenter.EC2NodeClass{} },
	}
	for _, n := range names[:2] {
		golden.AssertFile(t, "testdata", n, contents[n])
	}
	for _, doc := range manifest.Docs(contents[karpenter.FileNodePool]) {
		obj, err := manifest.Decode(doc, types)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := baseline.MarshalObject(obj)
		if !bytes.Equal(bytes.TrimSpace(again), bytes.TrimSpace(doc)) {
			t.Errorf("round trip differs:\n%s\nvs\n%s", again, doc)
		}
	}
	if err := yamlStrict(contents[karpenter.FileValues], &karpenter.Values{}); err != nil {
		t.Errorf("values: %v", err)
	}
	if _, err := manifest.Decode([]byte("apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: x\nspec:\n  disruptions: {}\n"), types); err == nil {
		t.Error("a NodePool with spec.disruptions decoded: the decoder is not strict")
	}
}

func karpenterGVK(g schema.GroupVersionKind) schema.GroupVersionKind { return g }
