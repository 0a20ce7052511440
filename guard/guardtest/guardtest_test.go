package guardtest_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
	"github.com/ballast-eks/ballast/guard/guardtest"
)

type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) }

func template(t *testing.T, s string) guard.Template {
	t.Helper()
	var m guard.Template
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAssertSafe(t *testing.T) {
	old := map[string]guard.Template{"app": template(t, `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "a"}}}}`)}
	renamed := map[string]guard.Template{"app": template(t, `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "b"}}}}`)}
	r := &recorder{TB: t}
	guardtest.AssertSafe(r, old, renamed)
	if !strings.Contains(r.msg, "rejected: app/B (AWS::S3::Bucket, stateful): replace /properties/BucketName") {
		t.Errorf("bucket rename not rejected: %q", r.msg)
	}
	r = &recorder{TB: t}
	guardtest.AssertSafe(r, old, renamed, guard.Allow("app", "B", "new naming scheme; data copied first"))
	if r.msg != "" {
		t.Errorf("allowed rename failed: %s", r.msg)
	}
	r = &recorder{TB: t}
	guardtest.AssertSafe(r, old, old, guard.Allow("app", "B", "done long ago"))
	if !strings.Contains(r.msg, "stale allowance") {
		t.Errorf("stale allowance passed: %q", r.msg)
	}
}

func TestAssertAssemblies(t *testing.T) {
	oldDir, newDir := t.TempDir(), t.TempDir()
	write := func(dir, body string) {
		if err := os.WriteFile(filepath.Join(dir, "app.template.json"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(oldDir, `{"Resources": {"K": {"Type": "AWS::KMS::Key"}}}`)
	write(newDir, `{"Resources": {}}`)
	r := &recorder{TB: t}
	guardtest.AssertAssemblies(r, oldDir, newDir)
	if !strings.Contains(r.msg, "rejected: app/K (AWS::KMS::Key, stateful): delete") {
		t.Errorf("key deletion not rejected: %q", r.msg)
	}
	r = &recorder{TB: t}
	guardtest.AssertAssemblies(r, oldDir, filepath.Join(newDir, "missing"))
	if !strings.Contains(r.msg, "guard: ") {
		t.Errorf("unreadable directory not reported: %q", r.msg)
	}
}
