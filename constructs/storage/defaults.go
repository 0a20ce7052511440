package storage

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
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

func retain() *awscdk.RemovalPolicy {
	r := awscdk.RemovalPolicy_RETAIN
	return &r
}

func intPtr(n int) *int    { return &n }
func boolPtr(b bool) *bool { return &b }

func (p KeysProps) withDefaults() KeysProps {
	if p.AliasPrefix == nil {
		s := DefaultAliasPrefix
		p.AliasPrefix = &s
	}
	if p.RemovalPolicy == nil {
		p.RemovalPolicy = retain()
	}
	return p
}

func (p FileSystemProps) withDefaults() FileSystemProps {
	if p.TransitionToIA == nil {
		t := DefaultTransitionToIA
		p.TransitionToIA = &t
	}
	if p.AutomaticBackups == nil {
		p.AutomaticBackups = boolPtr(true)
	}
	if p.RemovalPolicy == nil {
		p.RemovalPolicy = retain()
	}
	return p
}

func (p BackupProps) withDefaults() BackupProps {
	if p.RetentionDays == nil {
		p.RetentionDays = intPtr(DefaultBackupRetentionDays)
	}
	if p.StartHourUTC == nil {
		p.StartHourUTC = intPtr(DefaultBackupStartHourUTC)
	}
	if p.BlockRecoveryPointDeletion == nil {
		p.BlockRecoveryPointDeletion = boolPtr(true)
	}
	if p.RemovalPolicy == nil {
		p.RemovalPolicy = retain()
	}
	return p
}

func (p BackupBucketProps) withDefaults() BackupBucketProps {
	if p.NoncurrentVersionDays == nil {
		p.NoncurrentVersionDays = intPtr(DefaultNoncurrentVersionDays)
	}
	if p.AccessLogDays == nil {
		p.AccessLogDays = intPtr(DefaultAccessLogDays)
	}
	if p.RemovalPolicy == nil {
		p.RemovalPolicy = retain()
	}
	return p
}
