package baseline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// TestSynthWritesTheFolder: synthesizing an app writes every file of the
// folder, as rendered, under <cluster>/gitops in the assembly, added
// files included, and adds no resource to the stack.
func TestSynthWritesTheFolder(t *testing.T) {
	app := synthtest.NewApp()
	stack := awscdk.NewStack(app, jsii.String("s"), nil)
	p := sample()
	awscdk.NewCfnResource(stack, jsii.String("Handle"), &awscdk.CfnResourceProps{Type: jsii.String("AWS::CloudFormation::WaitConditionHandle")})
	b := baseline.NewBaseline(stack, "Baseline", &p)
	b.AddFile(baseline.File{Name: "extra.yaml", Objects: []runtime.Object{&corev1.Namespace{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"}, ObjectMeta: metav1.ObjectMeta{Name: "extra"},
	}}})
	a := synthtest.MustSynth(app)
	names, contents, err := baseline.RenderFolder(b.Files())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		got, err := os.ReadFile(filepath.Join(a.Dir, "shop", "gitops", n))
		if err != nil {
			t.Errorf("%s not written: %v", n, err)
			continue
		}
		if string(got) != string(contents[n]) {
			t.Errorf("%s written differs from the rendered file", n)
		}
	}
	if k := string(contents[baseline.FileKustomization]); !strings.Contains(k, "- extra.yaml") {
		t.Errorf("the added file is not in the kustomization:\n%s", k)
	}
	for id, r := range a.Stacks[0].Template["Resources"].(map[string]any) {
		if typ := r.(map[string]any)["Type"]; typ != "AWS::CloudFormation::WaitConditionHandle" && typ != "AWS::CDK::Metadata" {
			t.Errorf("the baseline added resource %s (%v)", id, typ)
		}
	}
}
