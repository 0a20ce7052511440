package nag_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/nag"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

func TestSuppressWritesCdkNagMetadata(t *testing.T) {
	app := synthtest.NewApp()
	stack := awscdk.NewStack(app, jsii.String("S"), nil)
	role := awsiam.NewRole(stack, jsii.String("Role"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("eks.amazonaws.com"), nil)})
	nag.Suppress(role, "AwsSolutions-IAM4", "EKS requires this AWS managed policy", "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy")
	nag.Suppress(role, "AwsSolutions-IAM4", "EKS requires this AWS managed policy", "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy") // deduplicated
	q := awssqs.NewCfnQueue(stack, jsii.String("Queue"), nil)
	nag.Suppress(q, "AwsSolutions-SQS3", "a dead-letter queue itself needs no DLQ")
	tmpl := synthtest.MustSynth(app).Templates()["S"]
	roleRules := synthtest.Get(tmpl.One(t, "AWS::IAM::Role").Raw, "Metadata", nag.MetadataKey, "rules_to_suppress").([]any)
	if len(roleRules) != 1 {
		t.Fatalf("role rules = %v", roleRules)
	}
	if r := roleRules[0].(map[string]any); r["id"] != "AwsSolutions-IAM4" || synthtest.Get(r, "applies_to", 0) != "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy" {
		t.Errorf("role rule = %v", r)
	}
	if id := synthtest.Get(tmpl.One(t, "AWS::SQS::Queue").Raw, "Metadata", nag.MetadataKey, "rules_to_suppress", 0, "id"); id != "AwsSolutions-SQS3" {
		t.Errorf("queue rule id = %v", id)
	}
}

func TestSuppressRejectsBroadOrUnexplained(t *testing.T) {
	for name, tt := range map[string]struct{ rule, reason, want string }{
		"short reason":         {"AwsSolutions-VPC7", "because", "10 or more"},
		"IAM5 without finding": {"AwsSolutions-IAM5", "wildcards are needed here", "appliesTo"},
		"finding in the ID":    {"AwsSolutions-IAM4[Policy::x]", "managed policy required", "appliesTo"},
	} {
		t.Run(name, func(t *testing.T) {
			if err := nag.Check(tt.rule, tt.reason, nil); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("check = %v, want %q", err, tt.want)
			}
		})
	}
}
