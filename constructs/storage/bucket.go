package storage

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs of BackupBucket's children. Renaming one replaces a bucket.
const (
	idBucket          = "Bucket"
	idAccessLogBucket = "AccessLogs"
	// AccessLogPrefix is where the backup bucket's access logs land.
	AccessLogPrefix = "backup-bucket/"
)

// BackupBucket is an S3 bucket for cluster backups (Velero-style), with a
// second bucket for its server access logs. Both block all public access,
// deny requests without TLS 1.2+, disable ACLs and are retained. Names are
// generated, so a replacement never collides with a fixed name.
type BackupBucket struct {
	constructs.Construct
	// Bucket holds the backups: versioned, non-current versions expire
	// after NoncurrentVersionDays.
	Bucket awss3.Bucket
	// AccessLogs receives Bucket's server access logs. It is encrypted with
	// S3-managed keys because S3 log delivery cannot write to an SSE-KMS
	// bucket, and it does not log itself (that would loop).
	AccessLogs awss3.Bucket
}

// NewBackupBucket validates props and creates the buckets.
func NewBackupBucket(scope constructs.Construct, id string, props *BackupBucketProps) *BackupBucket {
	if props == nil {
		props = &BackupBucketProps{}
	}
	p := props.withDefaults()
	propcheck.Must(scope, id, "backup bucket", p.Validate())
	b := &BackupBucket{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	warnNotRetained(b.Construct, *p.RemovalPolicy, "backup bucket")
	b.AccessLogs = awss3.NewBucket(b.Construct, jsii.String(idAccessLogBucket), &awss3.BucketProps{
		Encryption: awss3.BucketEncryption_S3_MANAGED,
		Versioned:  jsii.Bool(true),
		LifecycleRules: &[]*awss3.LifecycleRule{{
			Id: jsii.String("ExpireAccessLogs"), Expiration: days(*p.AccessLogDays),
			NoncurrentVersionExpiration:         days(*p.AccessLogDays),
			AbortIncompleteMultipartUploadAfter: days(AbortIncompleteUploadDays),
		}},
		RemovalPolicy:     *p.RemovalPolicy,
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		MinimumTLSVersion: jsii.Number(1.2),
		ObjectOwnership:   awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
	})
	b.Bucket = awss3.NewBucket(b.Construct, jsii.String(idBucket), &awss3.BucketProps{
		Encryption:             encryption(p),
		EncryptionKey:          p.Key,
		BucketKeyEnabled:       jsii.Bool(p.Key != nil),
		Versioned:              jsii.Bool(true),
		LifecycleRules:         &[]*awss3.LifecycleRule{backupLifecycle(p)},
		ServerAccessLogsBucket: b.AccessLogs,
		ServerAccessLogsPrefix: jsii.String(AccessLogPrefix),
		RemovalPolicy:          *p.RemovalPolicy,
		BlockPublicAccess:      awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:             jsii.Bool(true),
		MinimumTLSVersion:      jsii.Number(1.2),
		ObjectOwnership:        awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
	})
	sendEventsToEventBridge(b.AccessLogs)
	sendEventsToEventBridge(b.Bucket)
	return b
}

// sendEventsToEventBridge publishes the bucket's object events to
// EventBridge, where alarms or audits can subscribe (CT.S3.PR.4). It is set
// on the CfnBucket: the L2's eventBridgeEnabled goes through a
// Lambda-backed custom resource, which Ballast does not create.
func sendEventsToEventBridge(bucket awss3.Bucket) {
	bucket.Node().DefaultChild().(awss3.CfnBucket).SetNotificationConfiguration(&awss3.CfnBucket_NotificationConfigurationProperty{
		EventBridgeConfiguration: &awss3.CfnBucket_EventBridgeConfigurationProperty{EventBridgeEnabled: jsii.Bool(true)},
	})
}

func backupLifecycle(p BackupBucketProps) *awss3.LifecycleRule {
	return &awss3.LifecycleRule{
		Id:                                  jsii.String("ExpireNoncurrentVersions"),
		NoncurrentVersionExpiration:         days(*p.NoncurrentVersionDays),
		ExpiredObjectDeleteMarker:           jsii.Bool(true),
		AbortIncompleteMultipartUploadAfter: days(AbortIncompleteUploadDays),
	}
}

// encryption is SSE-KMS with the given key, else S3-managed.
func encryption(p BackupBucketProps) awss3.BucketEncryption {
	if p.Key != nil {
		return awss3.BucketEncryption_KMS
	}
	return awss3.BucketEncryption_S3_MANAGED
}

func days(n int) awscdk.Duration { return awscdk.Duration_Days(jsii.Number(n)) }
