package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// withEnvironmentFiles returns a fresh working directory holding the
// repository's environments/*.env.
func withEnvironmentFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(config.EnvironmentsDir, "*.env"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no environment files: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, config.EnvironmentsDir), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var quiet = map[string]string{"CDK_VALIDATION": "false", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"}

func with(base map[string]string, kv ...string) map[string]string {
	out := vars(kv...)
	for k, v := range base {
		out[k] = v
	}
	return out
}

// TestThreeEnvironmentsInOneRun is
// BALLAST_ENVIRONMENTS=dev,staging,prod go run .: nine stacks, each
// environment's named and built exactly as the one-environment run builds
// it (the root app's goldens), and the dev templates byte for byte those of
// BALLAST_ENV=dev go run . .
func TestThreeEnvironmentsInOneRun(t *testing.T) {
	r := runBinaryIn(t, withEnvironmentFiles(t), with(quiet, config.VarEnvironments, "dev,staging,prod"))
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	a, err := synthtest.Read(filepath.Join(r.dir, "cdk.out"))
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, env := range []string{"dev", "staging", "prod"} {
		for _, part := range []string{"network", "storage", "cluster"} {
			want = append(want, "ballast-"+env+"-"+part)
		}
	}
	for _, s := range a.Stacks {
		got = append(got, s.StackName)
		golden.AssertIn(t, filepath.Join("platform", "testdata"), s.StackName, s.Template)
		if !strings.Contains(r.stderr, "  "+s.StackName+" ") {
			t.Errorf("summary (stderr) lacks %s:\n%s", s.StackName, r.stderr)
		}
	}
	if slices.Sort(want); !slices.Equal(got, want) {
		t.Fatalf("stacks %v, want %v", got, want)
	}

	single := validatedDevSynth(t) // the dev profile alone (the validation plugin changes no template)
	if single.code != 0 {
		t.Fatalf("dev alone: exit %d; stderr:\n%s", single.code, single.stderr)
	}
	for _, part := range []string{"network", "storage", "cluster"} {
		name := "ballast-dev-" + part + ".template.json"
		one, err1 := os.ReadFile(filepath.Join(single.dir, "cdk.out", name))
		many, err2 := os.ReadFile(filepath.Join(r.dir, "cdk.out", name))
		if err1 != nil || err2 != nil || !bytes.Equal(one, many) {
			t.Errorf("%s differs between the one- and the three-environment run (%v, %v)", name, err1, err2)
		}
	}
}

// TestEnvironmentFileProblemsExit2: a bad value in one file and a missing
// file are both reported, naming file and line, and nothing is written.
func TestEnvironmentFileProblemsExit2(t *testing.T) {
	dir := withEnvironmentFiles(t)
	bad := "BALLAST_ENV=prod\nBALLAST_NODE_MAX_SIZE=lots\n"
	if err := os.WriteFile(filepath.Join(dir, config.EnvironmentFile("prod")), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBinaryIn(t, dir, with(quiet, config.VarEnvironments, "dev,prod,qa"))
	if r.code != exitInvalidConfig {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitInvalidConfig, r.stderr)
	}
	for _, want := range []string{`environments/prod.env:2: BALLAST_NODE_MAX_SIZE="lots"`, "environments/qa.env: no such file"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if es := r.entries(t); !slices.Equal(es, []string{config.EnvironmentsDir}) {
		t.Errorf("bad input wrote %v", es)
	}
}
