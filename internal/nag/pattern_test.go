package nag_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/nag"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestSuppressMatchingWritesAnchoredRegexes: each pattern becomes cdk-nag's
// {"regex": "/^...$/"} form, and an IAM5 suppression still needs findings.
func TestSuppressMatchingWritesAnchoredRegexes(t *testing.T) {
	app := synthtest.NewApp()
	stack := awscdk.NewStack(app, jsii.String("S"), nil)
	role := awsiam.NewRole(stack, jsii.String("Role"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("codebuild.amazonaws.com"), nil)})
	nag.SuppressMatching(role, "AwsSolutions-IAM5", "grants on the project's own log group", `Action::s3:List\*`, `Resource::<Bucket[0-9A-F]{8}\.Arn>/\*`)
	tmpl := synthtest.MustSynth(app).Templates()["S"]
	rule := synthtest.Get(tmpl.One(t, "AWS::IAM::Role").Raw, "Metadata", nag.MetadataKey, "rules_to_suppress", 0)
	if got := synthtest.Get(rule, "applies_to", 1, "regex"); got != `/^Resource::<Bucket[0-9A-F]{8}\.Arn>/\*$/` {
		t.Errorf("applies_to[1] = %v", got)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "appliesTo") {
			t.Errorf("IAM5 without patterns: recovered %v, want the appliesTo error", r)
		}
	}()
	nag.SuppressMatching(role, "AwsSolutions-IAM5", "wildcards are needed here")
}
