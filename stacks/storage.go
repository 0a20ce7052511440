package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/storage"
)

// Construct IDs in StorageStack. Renaming one replaces real infrastructure.
const (
	idKeys         = "Keys"
	idFileSystem   = "SharedFileSystem"
	idBackup       = "Backup"
	idBackupBucket = "BackupBucket"
)

// StorageStackProps configures StorageStack.
type StorageStackProps struct {
	awscdk.StackProps
	// ExportPrefix prefixes the export names of the stack's outputs, e.g.
	// the cluster name: "<prefix>-efs-id". Default: the stack's id.
	ExportPrefix string
	Keys         storage.KeysProps
	// Vpc and PrivateSubnets (one per AZ) come from the network stack; they
	// are required when FileSystem is set.
	Vpc            awsec2.IVpc
	PrivateSubnets []awsec2.ISubnet
	// FileSystem, when non-nil, creates the EFS file system; its Vpc,
	// Subnets and Key are filled in by the stack.
	FileSystem *storage.FileSystemProps
	// Backup configures the AWS Backup plan that comes with the file
	// system; its Key and Resources are filled in by the stack.
	Backup storage.BackupProps
	// BackupBucket, when non-nil, creates the cluster backup bucket; its
	// Key is filled in with Keys.Backup unless set.
	BackupBucket *storage.BackupBucketProps
}

// StorageStack holds the platform's keys and data. Everything stateful in
// it is retained; the cluster stack depends on it, never the reverse.
type StorageStack struct {
	awscdk.Stack
	Keys *storage.Keys
	// FileSystem and Backup are nil when EFS is off.
	FileSystem *storage.FileSystem
	Backup     *storage.Backup
	// BackupBucket is nil when the backup bucket is off.
	BackupBucket *storage.BackupBucket
}

// NewStorageStack creates the storage stack.
func NewStorageStack(scope constructs.Construct, id string, props *StorageStackProps) *StorageStack {
	s := &StorageStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	if props.ExportPrefix == "" {
		p := *props
		p.ExportPrefix = id
		props = &p
	}
	s.Keys = storage.NewKeys(s.Stack, idKeys, &props.Keys)
	s.output("SecretsKeyArn", props.ExportPrefix+"-secrets-key-arn", s.Keys.Secrets.KeyArn())
	s.output("EbsKeyArn", props.ExportPrefix+"-ebs-key-arn", s.Keys.EBS.KeyArn())
	s.output("LogsKeyArn", props.ExportPrefix+"-logs-key-arn", s.Keys.Logs.KeyArn())
	s.output("EfsKeyArn", props.ExportPrefix+"-efs-key-arn", s.Keys.EFS.KeyArn())
	s.output("BackupKeyArn", props.ExportPrefix+"-backup-key-arn", s.Keys.Backup.KeyArn())
	if props.FileSystem != nil {
		s.addFileSystem(props)
	}
	if props.BackupBucket != nil {
		s.addBackupBucket(props)
	}
	return s
}

func (s *StorageStack) addFileSystem(props *StorageStackProps) {
	fsp := *props.FileSystem
	fsp.Vpc, fsp.Subnets, fsp.Key = props.Vpc, props.PrivateSubnets, s.Keys.EFS
	s.FileSystem = storage.NewFileSystem(s.Stack, idFileSystem, &fsp)
	bp := props.Backup
	bp.Key = s.Keys.Backup
	bp.Resources = []awsbackup.BackupResource{awsbackup.BackupResource_FromEfsFileSystem(s.FileSystem.Resource)}
	s.Backup = storage.NewBackup(s.Stack, idBackup, &bp)
	s.output("EfsId", props.ExportPrefix+"-efs-id", s.FileSystem.Resource.FileSystemId())
	s.output("EfsSecurityGroupId", props.ExportPrefix+"-efs-sg-id", s.FileSystem.SecurityGroup.SecurityGroupId())
	s.output("BackupVaultName", props.ExportPrefix+"-backup-vault-name", s.Backup.Vault.BackupVaultName())
}

func (s *StorageStack) addBackupBucket(props *StorageStackProps) {
	bp := *props.BackupBucket
	if bp.Key == nil {
		bp.Key = s.Keys.Backup
	}
	s.BackupBucket = storage.NewBackupBucket(s.Stack, idBackupBucket, &bp)
	s.output("BackupBucketName", props.ExportPrefix+"-backup-bucket-name", s.BackupBucket.Bucket.BucketName())
	s.output("AccessLogBucketName", props.ExportPrefix+"-access-log-bucket-name", s.BackupBucket.AccessLogs.BucketName())
}

// output adds an output with a stable export name for consumers outside
// this app (the cluster stack uses the typed fields instead).
func (s *StorageStack) output(id, exportName string, value *string) {
	awscdk.NewCfnOutput(s.Stack, jsii.String(id), &awscdk.CfnOutputProps{
		Value:      value,
		ExportName: jsii.String(exportName),
	})
}
