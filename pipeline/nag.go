package pipeline

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/nag"
)

// Suppression is one cdk-nag finding on what CDK Pipelines generates that
// the pipeline does not fix, and why.
type Suppression struct {
	Rule string
	// Where says which resources it is recorded on.
	Where string
	// Findings are regular expressions of the findings it covers.
	Findings []string
	Reason   string
}

// Suppressions lists them all; docs/suppressions.md shows this table.
var Suppressions = []Suppression{suppressGrants, suppressAnyResource, suppressBootstrapRoles, suppressArtifactLogs, lintJoin}

var (
	suppressGrants = Suppression{"AwsSolutions-IAM5", "every IAM policy of the pipeline stack", []string{
		`Action::kms:(GenerateDataKey|ReEncrypt)\*`,
		`Action::s3:(Abort|DeleteObject|GetBucket|GetObject|List)\*`,
		`Resource::<PipelineArtifactsBucket[0-9A-F]{8}\.Arn>/\*`,
		`Resource::arn:aws[a-z-]*:s3:::[a-z0-9.-]+-support-[a-z0-9.-]+/\*`,
		`Resource::arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:/aws/codebuild/<[A-Za-z0-9]+>:\*`,
		`Resource::arn:aws[a-z-]*:codebuild:[a-z0-9-]+:\d{12}:report-group/<[A-Za-z0-9]+>-\*`,
	}, "CDK Pipelines' grants: read and write of the pipeline's own artifact buckets and their objects, use of their KMS keys, " +
		"and each CodeBuild project's own log group and report groups; nothing outside the pipeline"}
	suppressAnyResource = Suppression{"AwsSolutions-IAM5", "the pipeline role's and the self-mutation role's policies", []string{`Resource::\*`},
		"the pipeline role uses the cross-region replication keys by alias (their ARNs are unknown in this stack); " +
			"self-mutation reads stack status (cloudformation:DescribeStacks) and lists the bootstrap buckets"}
	suppressBootstrapRoles = Suppression{"AwsSolutions-IAM5", "the self-mutation role's policy", []string{`Resource::arn:\*:iam::\d{12}:role/\*`},
		"self-mutation assumes only the tooling account's CDK bootstrap roles, selected by their aws-cdk:bootstrap-role tag"}
	suppressArtifactLogs = Suppression{"AwsSolutions-S1", "the artifact bucket and each cross-region replication bucket", nil,
		"pipeline artifacts are transient build outputs, encrypted with the pipeline's rotated KMS key; CloudTrail data events, " +
			"not S3 access logs, are the audit trail for them"}
)

// lintJoin is recorded as the resource's cfn-lint configuration.
var lintJoin = Suppression{"cfn-lint E3703", "the CodePipeline pipeline", nil,
	"CDK Pipelines writes each deploy action's role ARN as Fn::Join with an empty delimiter (the partition, then the role); " +
		"cfn-lint prefers Fn::Sub, the value is the same"}

// suppress records the table's suppressions on what the built pipeline
// generated.
func suppress(stack awscdk.Stack, cp pipelines.CodePipeline) {
	for _, c := range *stack.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		if !*awscdk.CfnResource_IsCfnResource(c) || *c.(awscdk.CfnResource).CfnResourceType() != "AWS::IAM::Policy" {
			continue
		}
		record(c, suppressGrants)
		path := *c.Node().Path()
		if strings.Contains(path, "/Pipeline/Pipeline/Role/") || strings.Contains(path, "/UpdatePipeline/SelfMutation/Role/") {
			record(c, suppressAnyResource)
		}
		if strings.Contains(path, "/UpdatePipeline/SelfMutation/Role/") {
			record(c, suppressBootstrapRoles)
		}
	}
	record(cp.Pipeline().ArtifactBucket(), suppressArtifactLogs)
	rule, _ := strings.CutPrefix(lintJoin.Rule, "cfn-lint ")
	cp.Pipeline().Node().DefaultChild().(awscdk.CfnResource).AddMetadata(jsii.String("cfn-lint"),
		map[string]any{"config": map[string]any{"ignore_checks": []string{rule}}})
	for _, support := range *cp.Pipeline().CrossRegionSupport() {
		record(support.ReplicationBucket, suppressArtifactLogs)
	}
}

func record(c constructs.IConstruct, s Suppression) {
	if len(s.Findings) == 0 {
		nag.Suppress(c, s.Rule, s.Reason)
		return
	}
	nag.SuppressMatching(c, s.Rule, s.Reason, s.Findings...)
}
