package storage

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
)

// KeysProps configures Keys.
type KeysProps struct {
	// AliasPrefix prefixes every key alias, e.g. "alias/ballast/prod".
	// Default: DefaultAliasPrefix.
	AliasPrefix *string
	// RemovalPolicy applies to every key. Anything but RETAIN earns a
	// warning. Default: awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
}

// FileSystemProps configures FileSystem.
type FileSystemProps struct {
	// Vpc the file system lives in. Required.
	Vpc awsec2.IVpc
	// Subnets get one mount target each: pass the private subnets, one per
	// AZ. Required.
	Subnets []awsec2.ISubnet
	// Key encrypts the file system (Keys.EFS). Required.
	Key awskms.IKey
	// ClientSecurityGroup, when set, is the only source NFS (2049) is
	// allowed from, e.g. the cluster or node security group. Use it when the
	// group's stack does not depend on this one (a cycle otherwise).
	// Default: NFS from the VPC's CIDR block.
	ClientSecurityGroup awsec2.ISecurityGroup
	// TransitionToIA moves files not read for this long to Infrequent
	// Access; the first read moves them back. Default: DefaultTransitionToIA.
	TransitionToIA *awsefs.LifecyclePolicy
	// AutomaticBackups turns on EFS automatic backups (daily, into the
	// account's default EFS backup vault), besides any Backup plan.
	// Default: true.
	AutomaticBackups *bool
	// RemovalPolicy of the file system. Anything but RETAIN earns a warning.
	// Default: awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
}

// BackupProps configures Backup.
type BackupProps struct {
	// Key encrypts the backup vault (Keys.Backup). Required.
	Key awskms.IKey
	// Resources are backed up by the plan, e.g.
	// awsbackup.BackupResource_FromEfsFileSystem(fs). Required.
	Resources []awsbackup.BackupResource
	// RetentionDays keeps each daily recovery point this many days, 1 to
	// MaxBackupRetentionDays. Default: DefaultBackupRetentionDays.
	RetentionDays *int
	// StartHourUTC is the hour (0-23, UTC) the daily backup window opens.
	// Default: DefaultBackupStartHourUTC.
	StartHourUTC *int
	// BlockRecoveryPointDeletion adds a vault access policy that denies
	// everyone deleting recovery points or shortening their lifecycle; they
	// still expire after RetentionDays. Default: true.
	BlockRecoveryPointDeletion *bool
	// RemovalPolicy of the vault. Anything but RETAIN earns a warning.
	// Default: awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
}

// BackupBucketProps configures BackupBucket.
type BackupBucketProps struct {
	// Key, when set, encrypts objects with SSE-KMS (with an S3 bucket key,
	// to cut KMS requests). Cluster backups (Velero) contain every
	// Kubernetes Secret in the clear, so a customer-managed key adds a
	// second, audited permission to read them. Default: SSE-S3 (S3-managed).
	Key awskms.IKey
	// NoncurrentVersionDays keeps overwritten and deleted objects this many
	// days, so an accidental or malicious delete can be undone.
	// Default: DefaultNoncurrentVersionDays.
	NoncurrentVersionDays *int
	// AccessLogDays keeps server access logs this many days.
	// Default: DefaultAccessLogDays.
	AccessLogDays *int
	// RemovalPolicy of both buckets. Anything but RETAIN earns a warning.
	// Default: awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
}
