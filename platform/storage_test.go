package platform_test

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/retain"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestStorageStackRetainsEverythingStateful walks every resource of every
// profile's storage stack.
func TestStorageStackRetainsEverythingStateful(t *testing.T) {
	for _, p := range config.Profiles {
		t.Run(string(p), func(t *testing.T) {
			tmpl := stack(t, p, "storage")
			if retain.Count(tmpl) == 0 {
				t.Fatal("no stateful resources found")
			}
			retain.Assert(t, tmpl)
		})
	}
}

func TestEveryKMSKeyRotatesAndIsRetained(t *testing.T) {
	for _, p := range config.Profiles {
		for name, tmpl := range synthed[p] {
			for _, k := range tmpl.Resources("AWS::KMS::Key") {
				if k.Properties["EnableKeyRotation"] != true {
					t.Errorf("%s %s: rotation off", name, k.ID)
				}
			}
			retain.Assert(t, tmpl, "AWS::KMS::Key")
		}
	}
}

func TestEFSFollowsProfile(t *testing.T) {
	want := map[config.Profile]int{config.ProfileDev: 0, config.ProfileStaging: 1, config.ProfileProd: 1}
	for p, n := range want {
		tmpl := stack(t, p, "storage")
		if got := tmpl.Count("AWS::EFS::FileSystem"); got != n {
			t.Errorf("%s: %d file systems, want %d", p, got, n)
		}
		if got := tmpl.Count("AWS::Backup::BackupPlan"); got != n {
			t.Errorf("%s: %d backup plans, want %d", p, got, n)
		}
	}
}

func TestProdEFSHasAMountTargetInEachPrivateSubnet(t *testing.T) {
	tmpl := stack(t, config.ProfileProd, "storage")
	fs := tmpl.One(t, "AWS::EFS::FileSystem")
	if fs.Properties["Encrypted"] != true || !strings.HasPrefix(synthtest.Ref(fs.Properties["KmsKeyId"]), "KeysEfsKey") {
		t.Errorf("file system not encrypted with the EFS key: %v, %v", fs.Properties["Encrypted"], fs.Properties["KmsKeyId"])
	}
	azs := map[string]bool{}
	for _, mt := range tmpl.Resources("AWS::EFS::MountTarget") {
		azs[assertPrivateSubnet(t, config.ProfileProd, mt.Properties["SubnetId"])] = true
	}
	if len(azs) != 3 {
		t.Errorf("mount targets in %d AZs, want 3", len(azs))
	}
}

func TestBackupRetentionFollowsProfile(t *testing.T) {
	want := map[config.Profile]float64{config.ProfileStaging: 14, config.ProfileProd: 35}
	for p, days := range want {
		plan := stack(t, p, "storage").One(t, "AWS::Backup::BackupPlan").Properties
		if got := synthtest.Get(plan, "BackupPlan", "BackupPlanRule", 0, "Lifecycle", "DeleteAfterDays"); got != days {
			t.Errorf("%s: DeleteAfterDays %v, want %v", p, got, days)
		}
	}
	for _, p := range config.Profiles {
		bucket := stack(t, p, "storage").Resources("AWS::S3::Bucket")
		found := false
		for _, b := range bucket {
			if strings.Contains(b.ID, "AccessLogs") {
				continue // the log bucket keeps its own schedule
			}
			if d := synthtest.Get(b.Properties, "LifecycleConfiguration", "Rules", 0, "NoncurrentVersionExpiration", "NoncurrentDays"); d != nil {
				found = true
				if d != float64(testConfig(t, p).BackupRetentionDays) {
					t.Errorf("%s: non-current versions kept %v days", p, d)
				}
			}
		}
		if !found {
			t.Errorf("%s: no backup bucket with non-current version expiry", p)
		}
	}
}

func TestClusterSecretsUseTheStorageStackKey(t *testing.T) {
	for _, p := range config.Profiles {
		c := stack(t, p, "cluster").One(t, "AWS::EKS::Cluster").Properties
		ref := synthtest.Get(c, "EncryptionConfig", 0, "Provider", "KeyArn")
		if id := synthtest.ResolveOutput(stack(t, p, "storage"), ref); !strings.HasPrefix(id, "KeysSecretsKey") {
			t.Errorf("%s: secrets key %v resolves to %q", p, ref, id)
		}
	}
}

func TestStorageOutputsHaveStableExportNames(t *testing.T) {
	cfg := testConfig(t, config.ProfileProd)
	outputs := stack(t, config.ProfileProd, "storage").Outputs()
	for _, suffix := range []string{"efs-id", "efs-sg-id", "backup-vault-name", "backup-bucket-name", "access-log-bucket-name",
		"secrets-key-arn", "ebs-key-arn", "logs-key-arn", "efs-key-arn", "backup-key-arn"} {
		want := cfg.ClusterName + "-" + suffix
		found := false
		for _, o := range outputs {
			if synthtest.Get(o, "Export", "Name") == want {
				found = true
			}
		}
		if !found {
			t.Errorf("no output exported as %s", want)
		}
	}
}

func TestStorageStackHasNoLambda(t *testing.T) {
	for _, p := range config.Profiles {
		for id, r := range stack(t, p, "storage")["Resources"].(map[string]any) {
			typ := r.(map[string]any)["Type"].(string)
			if strings.HasPrefix(typ, "Custom::") || strings.HasPrefix(typ, "AWS::Lambda::") || typ == "AWS::CloudFormation::CustomResource" {
				t.Errorf("%s: %s is a %s", p, id, typ)
			}
		}
	}
}
