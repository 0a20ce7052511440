package stacks_test

import (
	"os"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/stacks"
)

var templates map[string]synthtest.Template

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	azs := []string{"us-east-1a", "us-east-1b", "us-east-1c"}
	env := awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("us-east-1")}}
	stacks.NewNetworkStack(app, "net", &stacks.NetworkStackProps{
		StackProps: env, ExportPrefix: "c1",
		Network: network.NetworkProps{AvailabilityZones: azs, PodCIDR: jsii.String("100.64.0.0/16")},
	})
	stacks.NewNetworkStack(app, "byo", &stacks.NetworkStackProps{
		StackProps: env, ExportPrefix: "c2",
		Existing: &network.ExistingNetworkProps{VpcID: jsii.String("vpc-01234567"), AvailabilityZones: azs,
			PrivateSubnetIDs: []string{"subnet-00000001", "subnet-00000002", "subnet-00000003"}},
	})
	templates = synthtest.MustSynth(app).Templates()
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func TestNetworkStackOutputs(t *testing.T) {
	out := templates["net"].Outputs()
	want := map[string]string{
		stacks.OutputVpcID: "c1-vpc-id", stacks.OutputPrivateSubnetIDs: "c1-private-subnet-ids",
		stacks.OutputPublicSubnetIDs: "c1-public-subnet-ids", stacks.OutputControlPlaneSubnetIDs: "c1-control-plane-subnet-ids",
		stacks.OutputPodSubnetIDs: "c1-pod-subnet-ids",
	}
	for id, export := range want {
		if got := synthtest.Get(out, id, "Export", "Name"); got != export {
			t.Errorf("output %s exported as %v, want %s", id, got, export)
		}
	}
	if ref := synthtest.Ref(synthtest.Get(out, stacks.OutputVpcID, "Value")); templates["net"]["Resources"].(map[string]any)[ref] == nil {
		t.Errorf("VPC output refers to %q", ref)
	}
	if ids := synthtest.Get(out, stacks.OutputPrivateSubnetIDs, "Value", "Fn::Join", 1).([]any); len(ids) != 3 {
		t.Errorf("private subnet output joins %d IDs", len(ids))
	}
}

func TestExistingVPCStackIsEmpty(t *testing.T) {
	if res, _ := templates["byo"]["Resources"].(map[string]any); len(res) != 0 {
		t.Errorf("resources %v", res)
	}
	if len(templates["byo"].Outputs()) != 0 {
		t.Errorf("outputs %v", templates["byo"].Outputs())
	}
}
