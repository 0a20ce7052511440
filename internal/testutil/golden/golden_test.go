package golden

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func parse(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNormalizeRemovesUnstableParts(t *testing.T) {
	tmpl := parse(t, `{
	  "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>"}},
	  "Rules": {"CheckBootstrapVersion": {}},
	  "Conditions": {"CDKMetadataAvailable": {}},
	  "Resources": {
	    "CDKMetadata": {"Type": "AWS::CDK::Metadata"},
	    "Fn": {"Type": "AWS::Lambda::Function", "Metadata": {"aws:cdk:path": "x"},
	           "Properties": {"Code": {"S3Key": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.zip"}}}
	  }}`)
	got := Normalize(tmpl)
	for _, k := range []string{"Parameters", "Rules", "Conditions"} {
		if _, ok := got[k]; ok {
			t.Errorf("%s not removed", k)
		}
	}
	res := got["Resources"].(map[string]any)
	if _, ok := res["CDKMetadata"]; ok {
		t.Error("CDKMetadata not removed")
	}
	fn := res["Fn"].(map[string]any)
	if _, ok := fn["Metadata"]; ok {
		t.Error("resource Metadata not removed")
	}
	key := fn["Properties"].(map[string]any)["Code"].(map[string]any)["S3Key"]
	if key != "<asset-hash>.zip" {
		t.Errorf("asset hash not masked: %v", key)
	}
	if _, ok := tmpl["Parameters"]; !ok {
		t.Error("Normalize mutated its input")
	}
}

func TestDiffNamesResourceAndProperty(t *testing.T) {
	want := parse(t, `{"Resources": {"C1": {"Type": "AWS::EKS::Cluster", "Properties": {"Version": "1.35"}},
	                                 "Old": {"Type": "AWS::S3::Bucket"}}}`)
	got := parse(t, `{"Resources": {"C1": {"Type": "AWS::EKS::Cluster", "Properties": {"Version": "1.36"}},
	                                "New": {"Type": "AWS::KMS::Key"}}}`)
	diffs := strings.Join(Diff(want, got), "\n")
	for _, s := range []string{
		`Resources.C1 (AWS::EKS::Cluster).Properties.Version: was "1.35", now "1.36"`,
		`Resources.Old (AWS::S3::Bucket): removed`,
		`Resources.New (AWS::KMS::Key): added`,
	} {
		if !strings.Contains(diffs, s) {
			t.Errorf("diff lacks %q; got:\n%s", s, diffs)
		}
	}
	if d := Diff(want, want); len(d) != 0 {
		t.Errorf("identical templates differ: %v", d)
	}
}

func TestAssertDetectsChange(t *testing.T) {
	dir := t.TempDir()
	tmpl := parse(t, `{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}}}}`)
	*update = true
	AssertIn(t, dir, "k", tmpl)
	*update = false
	AssertIn(t, dir, "k", tmpl) // unchanged: passes
	changed := parse(t, `{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": false}}}}`)
	ft := &fakeT{TB: t}
	AssertIn(ft, dir, "k", changed)
	if !ft.failed || !strings.Contains(ft.msg, "EnableKeyRotation: was true, now false") {
		t.Errorf("changed template not reported; failed=%v msg=%q", ft.failed, ft.msg)
	}
}

type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.failed = true
	f.msg += fmt.Sprintf(format, args...) + "\n"
}
func (f *fakeT) Fatalf(format string, args ...any) { f.Errorf(format, args...) }
