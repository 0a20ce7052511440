package storage

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
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
	str := func(s string) *string { return &s }
	n := func(i int) *int { return &i }
	// Non-nil interface values for presence checks; Validate never calls them.
	var vpc awsec2.IVpc = struct{ awsec2.IVpc }{}
	var subnet awsec2.ISubnet = struct{ awsec2.ISubnet }{}
	var resource awsbackup.BackupResource = struct{ awsbackup.BackupResource }{}
	var key awskms.IKey = struct{ awskms.IKey }{}
	cases := []struct {
		name  string
		props interface{ Validate() error }
		want  []string // substrings, one per expected error; none means valid
	}{
		{"keys ok", KeysProps{AliasPrefix: str("alias/ballast/prod")}, nil},
		{"keys alias", KeysProps{AliasPrefix: str("alias/aws/x")}, []string{`aliasPrefix: must match`}},
		{"keys trailing slash", KeysProps{AliasPrefix: str("alias/x/")}, []string{`got "alias/x/"`}},
		{"fs ok", FileSystemProps{Vpc: vpc, Subnets: []awsec2.ISubnet{subnet}, Key: key}, nil},
		{"fs empty", FileSystemProps{}, []string{"vpc: required", "subnets: required", "key: required"}},
		{"fs nil subnet", FileSystemProps{Vpc: vpc, Subnets: []awsec2.ISubnet{subnet, nil}, Key: key}, []string{"subnets[1]: must not be nil"}},
		{"backup ok", BackupProps{Key: key, Resources: []awsbackup.BackupResource{resource}, RetentionDays: n(1), StartHourUTC: n(0)}, nil},
		{"backup empty", BackupProps{}, []string{"key: required", "resources: required"}},
		{"backup ranges", BackupProps{Key: key, Resources: []awsbackup.BackupResource{nil}, RetentionDays: n(0), StartHourUTC: n(24)},
			[]string{"resources[0]: must not be nil", "retentionDays: must be 1 to 36500, got 0", "startHourUTC: must be 0 to 23, got 24"}},
		{"backup too long", BackupProps{Key: key, Resources: []awsbackup.BackupResource{resource}, RetentionDays: n(36501)}, []string{"got 36501"}},
		{"bucket ok", BackupBucketProps{NoncurrentVersionDays: n(1), AccessLogDays: n(1)}, nil},
		{"bucket days", BackupBucketProps{NoncurrentVersionDays: n(0), AccessLogDays: n(-1)},
			[]string{"noncurrentVersionDays: must be at least 1, got 0", "accessLogDays: must be at least 1, got -1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.props.Validate()
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(c.want) {
				t.Errorf("%d errors, want %d:\n%v", len(lines), len(c.want), err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
