package synthtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/nag"
)

func TestMain(m *testing.M) { Main(m) }

// TestNagCatchesAndSuppressionSilences shows the cdk-nag check fails on a
// broken subject (a role with an AWS managed policy) and that a resource
// suppression written by internal/nag is honoured by cdk-nag, for the named
// finding only.
func TestNagCatchesAndSuppressionSilences(t *testing.T) {
	app := NewApp()
	KeepSynthQuiet(app)
	stack := awscdk.NewStack(app, jsii.String("S"), nil)
	role := func(id string) awsiam.Role {
		return awsiam.NewRole(stack, jsii.String(id), &awsiam.RoleProps{
			AssumedBy: awsiam.NewServicePrincipal(jsii.String("eks.amazonaws.com"), nil),
			ManagedPolicies: &[]awsiam.IManagedPolicy{
				awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AmazonEKSClusterPolicy")),
				awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("ReadOnlyAccess")),
			},
		})
	}
	role("Broken")
	nag.Suppress(role("Suppressed"), "AwsSolutions-IAM4", "EKS requires this AWS managed policy",
		"Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy")
	AddNag(app)
	a, err := Synth(app)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range a.NagFindings() {
		got[f.Path+" "+f.Rule()+" "+strings.TrimPrefix(f.Finding(), "Policy::arn:<AWS::Partition>:iam::aws:policy/")] = true
	}
	for key, want := range map[string]bool{
		"/S/Broken/Resource AwsSolutions-IAM4 AmazonEKSClusterPolicy":     true,
		"/S/Broken/Resource AwsSolutions-IAM4 ReadOnlyAccess":             true,
		"/S/Suppressed/Resource AwsSolutions-IAM4 AmazonEKSClusterPolicy": false,
		"/S/Suppressed/Resource AwsSolutions-IAM4 ReadOnlyAccess":         true,
	} {
		if got[key] != want {
			t.Errorf("finding %q reported = %v, want %v; findings:%s", key, got[key], want, Report(a.NagFindings()))
		}
	}
	if s := a.Suppressions(); len(s) != 1 || s[0].Path != "/S/Suppressed/Resource" || !strings.Contains(s[0].AppliesTo, "AmazonEKSClusterPolicy") {
		t.Errorf("suppressions = %+v", s)
	}
}

func TestGlob(t *testing.T) {
	for _, tt := range []struct {
		pattern, s string
		want       bool
	}{
		{"/*/Network/Vpc/Resource", "/ballast-dev-network/Network/Vpc/Resource", true},
		{"/*/NodeGroupRole/Resource", "/x/NodeGroup-system/AZ0/NodeGroupRole/Resource", true},
		{"ballast-dev-*", "ballast-prod-cluster", false},
		{"a.b", "axb", false},
	} {
		if got := Glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("Glob(%q, %q) = %v", tt.pattern, tt.s, got)
		}
	}
}

// TestValidationPluginFollowsCDKValidation: importing the package turns
// the CloudFormation validation plugin off (CDK_VALIDATION=false unless the
// environment says otherwise) for the jsii runtime itself, not only for Go:
// the runtime takes its environment before this package's init runs. A
// stack with no resources is a finding of the plugin's, so it writes its
// report exactly when it runs.
func TestValidationPluginFollowsCDKValidation(t *testing.T) {
	app := NewApp()
	KeepSynthQuiet(app)
	awscdk.NewStack(app, jsii.String("Empty"), nil)
	a, err := Synth(app)
	if err != nil {
		t.Fatal(err)
	}
	_, statErr := os.Stat(filepath.Join(a.Dir, "validation-report.json"))
	ran := statErr == nil
	if want := os.Getenv("CDK_VALIDATION") != "false"; ran != want {
		t.Errorf("CDK_VALIDATION=%q: the validation plugin ran = %v, want %v (synth error %q)", os.Getenv("CDK_VALIDATION"), ran, want, a.SynthError)
	}
}
