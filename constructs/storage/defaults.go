package storage

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"

	"github.com/ballast-eks/ballast/internal/defaults"
)

// Defaults.
const (
	// DefaultAliasPrefix is the alias prefix used when none is given.
	DefaultAliasPrefix = "alias/ballast"
	// DefaultTransitionToIA moves files unread for 30 days to Infrequent
	// Access (about 1/12 of the Standard storage price).
	DefaultTransitionToIA = awsefs.LifecyclePolicy_AFTER_30_DAYS
	// DefaultBackupRetentionDays keeps daily backups five weeks, enough to
	// notice a silent corruption and restore from before it.
	DefaultBackupRetentionDays = 35
	// DefaultBackupStartHourUTC opens the daily backup window at 05:00 UTC.
	DefaultBackupStartHourUTC = 5
	// DefaultBackupStartWindowHours is how long AWS Backup may wait before
	// starting a job; DefaultBackupCompletionWindowHours, to finish it.
	DefaultBackupStartWindowHours      = 1
	DefaultBackupCompletionWindowHours = 8
	// DefaultNoncurrentVersionDays keeps overwritten or deleted backup
	// objects 35 days.
	DefaultNoncurrentVersionDays = 35
	// DefaultAccessLogDays keeps server access logs a year.
	DefaultAccessLogDays = 365
	// AbortIncompleteUploadDays cleans up failed multipart uploads.
	AbortIncompleteUploadDays = 7
)

func (p KeysProps) withDefaults() KeysProps {
	defaults.Set(&p.AliasPrefix, DefaultAliasPrefix)
	defaults.Set(&p.RemovalPolicy, awscdk.RemovalPolicy_RETAIN)
	return p
}

func (p FileSystemProps) withDefaults() FileSystemProps {
	defaults.Set(&p.TransitionToIA, DefaultTransitionToIA)
	defaults.Set(&p.AutomaticBackups, true)
	defaults.Set(&p.RemovalPolicy, awscdk.RemovalPolicy_RETAIN)
	return p
}

func (p BackupProps) withDefaults() BackupProps {
	defaults.Set(&p.RetentionDays, DefaultBackupRetentionDays)
	defaults.Set(&p.StartHourUTC, DefaultBackupStartHourUTC)
	defaults.Set(&p.BlockRecoveryPointDeletion, true)
	defaults.Set(&p.RemovalPolicy, awscdk.RemovalPolicy_RETAIN)
	return p
}

func (p BackupBucketProps) withDefaults() BackupBucketProps {
	defaults.Set(&p.NoncurrentVersionDays, DefaultNoncurrentVersionDays)
	defaults.Set(&p.AccessLogDays, DefaultAccessLogDays)
	defaults.Set(&p.RemovalPolicy, awscdk.RemovalPolicy_RETAIN)
	return p
}
