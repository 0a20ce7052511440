package config

import (
	"fmt"
	"strconv"

	"github.com/ballast-eks/ballast/constructs/storage"
	"github.com/ballast-eks/ballast/platform"
)

// The storage variables.
const (
	VarEFS                 = "BALLAST_EFS"
	VarBackupBucket        = "BALLAST_BACKUP_BUCKET"
	VarBackupRetentionDays = "BALLAST_BACKUP_RETENTION_DAYS"
)

// StorageConfig is the storage part's configuration (keys, EFS, backup).
type StorageConfig struct {
	// EFS creates the shared EFS file system and its AWS Backup plan.
	EFS bool
	// BackupBucket creates the S3 bucket for cluster backups (Velero).
	BackupBucket bool
	// BackupRetentionDays is how long EFS recovery points, and overwritten
	// or deleted objects in the backup bucket, are kept.
	BackupRetentionDays int
}

var storageVars = []Var{
	{VarEFS, "Shared EFS file system (encrypted, backed up daily).", switchAccepted,
		perProfile("off", "on", "on"), setOnOff(func(c *Config) *bool { return &c.EFS })},
	{VarBackupBucket, "S3 bucket for cluster backups (Velero), with an access-log bucket.", switchAccepted,
		fixed("on"), setOnOff(func(c *Config) *bool { return &c.BackupBucket })},
	{VarBackupRetentionDays, "Days to keep EFS backups and the backup bucket's non-current object versions.",
		fmt.Sprintf("a whole number of days from 1 to %d", storage.MaxBackupRetentionDays),
		perProfile("7", "14", strconv.Itoa(storage.DefaultBackupRetentionDays)),
		func(c *Config, raw string) error { return setInt(&c.BackupRetentionDays)(c, raw) }},
}

// storageProps maps the storage variables. EFS clients are allowed by the
// VPC's CIDR: the cluster stack depends on the storage stack, so its
// security groups cannot be referenced there without a cycle.
func (c *Config) storageProps() platform.StorageProps {
	retention := c.BackupRetentionDays
	p := platform.StorageProps{}
	if c.EFS {
		p.FileSystem = &storage.FileSystemProps{}
		p.Backup = storage.BackupProps{RetentionDays: &retention}
	}
	if c.BackupBucket {
		p.BackupBucket = &storage.BackupBucketProps{NoncurrentVersionDays: &retention}
	}
	return p
}
