package retain

import (
	"strings"
	"testing"
)

func res(typ string, policies ...string) map[string]any {
	r := map[string]any{"Type": typ}
	if len(policies) > 0 {
		r["DeletionPolicy"] = policies[0]
	}
	if len(policies) > 1 {
		r["UpdateReplacePolicy"] = policies[1]
	}
	return r
}

func TestViolations(t *testing.T) {
	tmpl := map[string]any{"Resources": map[string]any{
		"Key":      res("AWS::KMS::Key", "Retain", "Retain"),
		"Bucket":   res("AWS::S3::Bucket", "Retain"),
		"Logs":     res("AWS::Logs::LogGroup", "Delete", "Delete"),
		"Vault":    res("AWS::Backup::BackupVault"),
		"Role":     res("AWS::IAM::Role"),
		"Snapshot": res("AWS::EFS::FileSystem", "Snapshot", "Retain"),
	}}
	got := Violations(tmpl)
	want := []string{
		"Bucket (AWS::S3::Bucket): UpdateReplacePolicy is unset (Delete), want Retain",
		"Logs (AWS::Logs::LogGroup): DeletionPolicy is Delete, want Retain",
		"Logs (AWS::Logs::LogGroup): UpdateReplacePolicy is Delete, want Retain",
		"Snapshot (AWS::EFS::FileSystem): DeletionPolicy is Snapshot, want Retain",
		"Vault (AWS::Backup::BackupVault): DeletionPolicy is unset (Delete), want Retain",
		"Vault (AWS::Backup::BackupVault): UpdateReplacePolicy is unset (Delete), want Retain",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := Count(tmpl); n != 5 {
		t.Errorf("Count = %d, want 5", n)
	}
	if v := Violations(tmpl, "AWS::KMS::Key"); len(v) != 0 {
		t.Errorf("only keys: %v", v)
	}
}

func TestEmptyTemplate(t *testing.T) {
	if v := Violations(map[string]any{}); len(v) != 0 {
		t.Errorf("violations in empty template: %v", v)
	}
}
