// Package kmspolicy holds the key-policy statements Ballast's customer
// managed keys share, wherever (network or storage stack) a key lives.
package kmspolicy

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"
)

// Sids of the shared statements.
const (
	SidDenyGrants = "DenyGrantsExceptForAWSResources"
	SidLogs       = "AllowCloudWatchLogsOfThisAccountAndRegion"
)

// DenyGrantsExceptForAWSResources stops anyone creating a grant on the key
// except for an AWS resource (EKS, EBS, EFS and AWS Backup create theirs
// that way) or as an AWS service: a grant is a second, policy-invisible path
// to the key. This is AWS Control Tower's proactive control CT.KMS.PR.3.
func DenyGrantsExceptForAWSResources(key awskms.Key) {
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String(SidDenyGrants),
		Effect:     awsiam.Effect_DENY,
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings("kms:CreateGrant"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]any{"BoolIfExists": map[string]any{
			"kms:GrantIsForAWSResource": "false",
			"aws:PrincipalIsAWSService": "false",
		}},
	}), jsii.Bool(true))
}

// AllowCloudWatchLogs lets CloudWatch Logs of this account and region use
// the key for log groups (the encryption context names the log group), the
// key policy AWS documents for encrypting log data.
func AllowCloudWatchLogs(key awskms.Key) {
	service := "logs." + *awscdk.Aws_REGION() + "." + *awscdk.Aws_URL_SUFFIX()
	logsARN := "arn:" + *awscdk.Aws_PARTITION() + ":logs:" + *awscdk.Aws_REGION() + ":" + *awscdk.Aws_ACCOUNT_ID() + ":*"
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String(SidLogs),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(service), nil)},
		Actions:    jsii.Strings("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]any{
			"ArnLike": map[string]any{"kms:EncryptionContext:aws:logs:arn": logsARN},
		},
	}), jsii.Bool(false))
}
