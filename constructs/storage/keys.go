package storage

import (
	"github.com/ballast-eks/ballast/internal/kmspolicy"
	"github.com/ballast-eks/ballast/internal/propcheck"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Construct IDs. Renaming one replaces (and, with RETAIN, orphans) a key.
const (
	idSecretsKey = "SecretsKey"
	idEBSKey     = "EbsKey"
	idLogsKey    = "LogsKey"
	idEFSKey     = "EfsKey"
	idBackupKey  = "BackupKey"
)

// Alias suffixes, appended to KeysProps.AliasPrefix.
const (
	AliasSecrets = "/eks-secrets"
	AliasEBS     = "/ebs"
	AliasLogs    = "/logs"
	AliasEFS     = "/efs"
	AliasBackup  = "/backup"
)

// Keys holds the platform's customer-managed KMS keys. Every key rotates
// yearly and keeps the account-root statement CDK writes, so IAM policies
// in the account decide who else may use it; the statements below are only
// for AWS services that cannot be granted access through IAM.
type Keys struct {
	constructs.Construct
	// Secrets encrypts Kubernetes secrets (EKS envelope encryption).
	Secrets awskms.Key
	// EBS encrypts node root volumes and EBS CSI volumes. Its policy lets
	// the EC2 Auto Scaling service-linked role launch encrypted volumes.
	EBS awskms.Key
	// Logs encrypts CloudWatch log groups (control plane, flow logs). Its
	// policy lets CloudWatch Logs in this region use it for this account's
	// log groups only.
	Logs awskms.Key
	// EFS encrypts the EFS file system.
	EFS awskms.Key
	// Backup encrypts the AWS Backup vault and the cluster backup bucket. It
	// is separate from EFS so that losing, disabling or scheduling the
	// deletion of the data's key never takes its backups with it.
	Backup awskms.Key
}

// NewKeys validates props and creates the keys.
func NewKeys(scope constructs.Construct, id string, props *KeysProps) *Keys {
	if props == nil {
		props = &KeysProps{}
	}
	p := props.withDefaults()
	propcheck.Must(scope, id, "keys", p.Validate())
	k := &Keys{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	if *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
		awscdk.Annotations_Of(k.Construct).AddWarningV2(jsii.String(WarnKeyNotRetained),
			jsii.String("KMS keys are not retained: removing them from the app schedules their deletion and makes everything they encrypt unreadable."), nil)
	}
	k.Secrets = k.newKey(idSecretsKey, *p.AliasPrefix+AliasSecrets, "EKS secrets envelope encryption", *p.RemovalPolicy)
	k.EBS = k.newKey(idEBSKey, *p.AliasPrefix+AliasEBS, "EBS volumes of nodes and the EBS CSI driver", *p.RemovalPolicy)
	k.Logs = k.newKey(idLogsKey, *p.AliasPrefix+AliasLogs, "CloudWatch Logs (control plane, flow logs)", *p.RemovalPolicy)
	k.EFS = k.newKey(idEFSKey, *p.AliasPrefix+AliasEFS, "EFS file system", *p.RemovalPolicy)
	k.Backup = k.newKey(idBackupKey, *p.AliasPrefix+AliasBackup, "AWS Backup vault and cluster backup bucket", *p.RemovalPolicy)
	AllowAutoScalingVolumes(k.EBS)
	kmspolicy.AllowCloudWatchLogs(k.Logs)
	return k
}

func (k *Keys) newKey(id, alias, purpose string, removal awscdk.RemovalPolicy) awskms.Key {
	key := awskms.NewKey(k.Construct, jsii.String(id), &awskms.KeyProps{
		Description:       jsii.String("Ballast: " + purpose),
		EnableKeyRotation: jsii.Bool(true),
		Alias:             jsii.String(alias),
		RemovalPolicy:     removal,
	})
	kmspolicy.DenyGrantsExceptForAWSResources(key)
	return key
}

// AutoScalingServiceLinkedRoleARN returns the ARN of this account's EC2 Auto
// Scaling service-linked role (tokens for partition and account, so
// environment-agnostic stacks work).
func AutoScalingServiceLinkedRoleARN() string {
	return "arn:" + *awscdk.Aws_PARTITION() + ":iam::" + *awscdk.Aws_ACCOUNT_ID() +
		":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"
}

// AllowAutoScalingVolumes adds the two statements AWS documents for "Required
// KMS key policy for use with encrypted volumes": use of the key, and
// CreateGrant only for AWS resources (the volumes it attaches).
//
// The role is matched with aws:PrincipalArn instead of being named as the
// principal: KMS rejects a key policy that names a role that does not exist
// yet, and in a fresh account the Auto Scaling service-linked role is only
// created with the first Auto Scaling group, after this stack deploys. The
// conditions restrict the statement to exactly that role of this account.
func AllowAutoScalingVolumes(key awskms.Key) {
	conditions := func(extra map[string]any) *map[string]any {
		c := map[string]any{
			"StringEquals": map[string]any{
				"aws:PrincipalArn":  AutoScalingServiceLinkedRoleARN(),
				"kms:CallerAccount": *awscdk.Aws_ACCOUNT_ID(),
			},
		}
		for k, v := range extra {
			c[k] = v
		}
		return &c
	}
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowAutoScalingServiceLinkedRoleUseOfTheKey"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"),
		Resources:  jsii.Strings("*"),
		Conditions: conditions(nil),
	}), jsii.Bool(false))
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowAutoScalingServiceLinkedRoleAttachmentOfPersistentResources"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings("kms:CreateGrant"),
		Resources:  jsii.Strings("*"),
		Conditions: conditions(map[string]any{"Bool": map[string]any{"kms:GrantIsForAWSResource": "true"}}),
	}), jsii.Bool(false))
}
