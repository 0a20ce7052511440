package main

import (
	"strings"
	"testing"
)

// TestGenerate runs the generator on a small copy of cfn-lint's layout: the
// us-east-1 schema wins, other regions fill in types it lacks, only the
// selected services are kept, paths are sorted and de-duplicated, and the
// version is recorded.
func TestGenerate(t *testing.T) {
	src, n, version, err := generate("testdata/cfnlint")
	if err != nil {
		t.Fatal(err)
	}
	got := string(src)
	if n != 3 || version != "0.0.1" {
		t.Errorf("%d types, version %q; want 3, 0.0.1", n, version)
	}
	for _, want := range []string{
		`const SchemaSource = "cfn-lint 0.0.1 (cfnlint/data/schemas)"`,
		`"AWS::EKS::Cluster":    {"/properties/AccessConfig/BootstrapClusterCreatorAdminPermissions", "/properties/Name"},`,
		`"AWS::EKS::Capability": {"/properties/Configuration/ArgoCd/Namespace", "/properties/L/*/X"},`,
		`"AWS::KMS::Key":        {},`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %s:\n%s", want, got)
		}
	}
	for _, absent := range []string{"AWS::Glue::Job", "/properties/Other"} {
		if strings.Contains(got, absent) {
			t.Errorf("table holds %s:\n%s", absent, got)
		}
	}
}

func TestGenerateFailsWithoutSchemas(t *testing.T) {
	if _, _, _, err := generate(t.TempDir()); err == nil {
		t.Error("an empty directory generated a table")
	}
}
