package storage

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

func TestDefaults(t *testing.T) {
	t.Run("keys", func(t *testing.T) {
		in := KeysProps{}
		p := in.withDefaults()
		if *p.AliasPrefix != DefaultAliasPrefix || *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
			t.Errorf("got %q, %v", *p.AliasPrefix, *p.RemovalPolicy)
		}
		if in.AliasPrefix != nil {
			t.Error("withDefaults mutated its input")
		}
	})
	t.Run("file system", func(t *testing.T) {
		p := FileSystemProps{}.withDefaults()
		if *p.TransitionToIA != awsefs.LifecyclePolicy_AFTER_30_DAYS || !*p.AutomaticBackups || *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
			t.Errorf("got %v, %v, %v", *p.TransitionToIA, *p.AutomaticBackups, *p.RemovalPolicy)
		}
		off := false
		if p := (FileSystemProps{AutomaticBackups: &off}).withDefaults(); *p.AutomaticBackups {
			t.Error("explicit false overridden")
		}
	})
	t.Run("backup", func(t *testing.T) {
		p := BackupProps{}.withDefaults()
		if *p.RetentionDays != 35 || *p.StartHourUTC != 5 || !*p.BlockRecoveryPointDeletion || *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
			t.Errorf("got %d, %d, %v, %v", *p.RetentionDays, *p.StartHourUTC, *p.BlockRecoveryPointDeletion, *p.RemovalPolicy)
		}
	})
	t.Run("backup bucket", func(t *testing.T) {
		p := BackupBucketProps{}.withDefaults()
		if *p.NoncurrentVersionDays != 35 || *p.AccessLogDays != 365 || *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
			t.Errorf("got %d, %d, %v", *p.NoncurrentVersionDays, *p.AccessLogDays, *p.RemovalPolicy)
		}
	})
}

func TestValidate(t *testing.T) {
	// Non-nil interface values for presence checks; Validate never calls them.
	var vpc awsec2.IVpc = struct{ awsec2.IVpc }{}
	var subnet awsec2.ISubnet = struct{ awsec2.ISubnet }{}
	var resource awsbackup.BackupResource = struct{ awsbackup.BackupResource }{}
	var key awskms.IKey = struct{ awskms.IKey }{}
	resources := []awsbackup.BackupResource{resource}
	cases := []struct {
		name  string
		props interface{ Validate() error }
		want  []string // substrings, one per expected error; none means valid
	}{
		{"keys ok", KeysProps{AliasPrefix: ptr.To("alias/ballast/prod")}, nil},
		{"keys alias", KeysProps{AliasPrefix: ptr.To("alias/aws/x")}, []string{`aliasPrefix: must match`}},
		{"keys trailing slash", KeysProps{AliasPrefix: ptr.To("alias/x/")}, []string{`got "alias/x/"`}},
		{"fs ok", FileSystemProps{Vpc: vpc, Subnets: []awsec2.ISubnet{subnet}, Key: key}, nil},
		{"fs empty", FileSystemProps{}, []string{"vpc: required", "subnets: required", "key: required"}},
		{"fs nil subnet", FileSystemProps{Vpc: vpc, Subnets: []awsec2.ISubnet{subnet, nil}, Key: key}, []string{"subnets[1]: must not be nil"}},
		{"backup ok", BackupProps{Key: key, Resources: resources, RetentionDays: ptr.To(1), StartHourUTC: ptr.To(0)}, nil},
		{"backup empty", BackupProps{}, []string{"key: required", "resources: required"}},
		{"backup nil resource", BackupProps{Key: key, Resources: []awsbackup.BackupResource{nil}}, []string{"resources[0]: must not be nil"}},
		{"backup retention zero", BackupProps{Key: key, Resources: resources, RetentionDays: ptr.To(0)}, []string{"retentionDays: retention must be 1 to 36500 days"}},
		{"backup retention over 100 years", BackupProps{Key: key, Resources: resources, RetentionDays: ptr.To(MaxBackupRetentionDays + 1)},
			[]string{"retentionDays: retention must be 1 to 36500 days"}},
		{"backup start hour", BackupProps{Key: key, Resources: resources, StartHourUTC: ptr.To(24)}, []string{"startHourUTC: must be 0 to 23, got 24"}},
		{"bucket ok", BackupBucketProps{NoncurrentVersionDays: ptr.To(1), AccessLogDays: ptr.To(1)}, nil},
		{"bucket noncurrent days", BackupBucketProps{NoncurrentVersionDays: ptr.To(0)}, []string{"noncurrentVersionDays: retention must be 1 to 36500 days"}},
		{"bucket noncurrent days over 100 years", BackupBucketProps{NoncurrentVersionDays: ptr.To(36501)}, []string{"noncurrentVersionDays: retention must be 1 to 36500 days"}},
		{"bucket access-log days", BackupBucketProps{AccessLogDays: ptr.To(-1)}, []string{"accessLogDays: must be at least 1, got -1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkProblems(t, c.props.Validate(), c.want) })
	}
}

// ValidateSettings leaves out the resources the constructs are wired to.
func TestValidateSettingsWithoutResources(t *testing.T) {
	checkProblems(t, FileSystemProps{}.ValidateSettings(), nil)
	checkProblems(t, BackupProps{}.ValidateSettings(), nil)
	checkProblems(t, BackupProps{RetentionDays: ptr.To(36501)}.ValidateSettings(), []string{"retentionDays: retention must be 1 to 36500 days"})
	checkProblems(t, BackupBucketProps{}.ValidateSettings(), nil)
	checkProblems(t, BackupBucketProps{AccessLogDays: ptr.To(0)}.ValidateSettings(), []string{"accessLogDays: must be at least 1"})
}

// checkProblems checks err with wanterr and that it has one line per
// expected problem.
func checkProblems(t *testing.T, err error, want []string) {
	t.Helper()
	wanterr.Check(t, err, want)
	if err != nil && len(want) > 0 {
		if lines := strings.Split(err.Error(), "\n"); len(lines) != len(want) {
			t.Errorf("%d errors, want %d:\n%v", len(lines), len(want), err)
		}
	}
}
