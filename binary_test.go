package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the root app once per test run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ballast-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "ballast")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v", buildErr)
	}
	return binPath
}

// result is one run of the binary.
type result struct {
	code           int
	stdout, stderr string
	dir            string // the working directory it ran in
}

// runBinary executes the binary in a fresh working directory with a clean
// environment: the parent's environment minus every BALLAST_* and CDK_*
// variable, plus vars.
func runBinary(t *testing.T, vars map[string]string) result {
	t.Helper()
	return runBinaryIn(t, t.TempDir(), vars)
}

// runBinaryIn is runBinary in a working directory the test prepared.
func runBinaryIn(t *testing.T, dir string, vars map[string]string) result {
	t.Helper()
	cmd := exec.Command(binary(t))
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "BALLAST_") && !strings.HasPrefix(kv, "CDK_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, stdout.String(), stderr.String(), dir}
}

// entries lists what a run left in its working directory.
func (r result) entries(t *testing.T) []string {
	t.Helper()
	es, err := os.ReadDir(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestBadInputExits2NamingEveryProblem(t *testing.T) {
	r := runBinary(t, map[string]string{"BALLAST_AZS": "us-east-1a", "BALLAST_K8S_VERSION": "banana"})
	if r.code != 2 {
		t.Fatalf("exit code %d, want 2; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"BALLAST_AZS", "BALLAST_K8S_VERSION", "accepted:"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if es := r.entries(t); len(es) != 0 {
		t.Errorf("bad input wrote %v", es)
	}
}

// TestReferenceAppSynthesizesWithValidation runs the real binary with
// aws-cdk-lib's CloudFormation validation plugin on (every other test turns
// it off for speed) and fails on any violation it reports.
func TestReferenceAppSynthesizesWithValidation(t *testing.T) {
	r := runBinary(t, map[string]string{"CDK_VALIDATION": "true", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"})
	if r.code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	out := filepath.Join(r.dir, "cdk.out")
	for _, part := range []string{"network", "storage", "cluster"} {
		if _, err := os.Stat(filepath.Join(out, "ballast-dev-"+part+".template.json")); err != nil {
			t.Errorf("template missing: %v", err)
		}
		if !strings.Contains(r.stdout, "ballast-dev-"+part) {
			t.Errorf("summary lacks stack %s:\n%s", part, r.stdout)
		}
	}
	for _, az := range []string{"us-east-1a", "us-east-1b", "us-east-1c"} {
		if !strings.Contains(r.stdout, "  "+az+" ") || !strings.Contains(r.stdout, "IP addresses at max scale") {
			t.Errorf("summary lacks the IP capacity of %s:\n%s", az, r.stdout)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "validation-report.json"))
	if err != nil {
		t.Fatalf("the validation plugin did not run: %v", err)
	}
	var report struct {
		PluginReports []struct {
			PluginName string
			Conclusion string
			Violations []json.RawMessage
		}
	}
	if err := json.Unmarshal(b, &report); err != nil {
		t.Fatal(err)
	}
	if len(report.PluginReports) == 0 {
		t.Fatal("validation report has no plugin reports")
	}
	for _, p := range report.PluginReports {
		if p.Conclusion != "success" || len(p.Violations) > 0 {
			t.Errorf("%s: %s with %d violations:\n%s", p.PluginName, p.Conclusion, len(p.Violations), b)
		}
	}
}

func TestHonoursCDKOutdir(t *testing.T) {
	out := filepath.Join(t.TempDir(), "elsewhere")
	r := runBinary(t, map[string]string{"CDK_OUTDIR": out, "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "manifest.json")); err != nil {
		t.Errorf("nothing synthesized to CDK_OUTDIR: %v", err)
	}
	if es := r.entries(t); len(es) != 0 {
		t.Errorf("wrote into the working directory too: %v", es)
	}
}

// TestSynthFailureIsAnErrorNotAPanic: a failure inside synthesis (here
// the platform rejecting empty props that skipped configuration) surfaces
// as an error, so main exits 1, not with Go's panic code 2 that means bad
// configuration.
func TestSynthFailureIsAnErrorNotAPanic(t *testing.T) {
	_, _, err := synth(synthtest.NewApp(), platform.Props{})
	if err == nil || !strings.Contains(err.Error(), "invalid props") || !strings.Contains(err.Error(), "region:") {
		t.Fatalf("err = %v, want the platform's invalid-props error", err)
	}
}

// TestConcreteAccountNeedsNoLookups synthesizes for a real account and
// region: the explicit AZs are pinned as context, so the assembly records
// no missing context (the CDK CLI would otherwise call AWS to look them up).
func TestConcreteAccountNeedsNoLookups(t *testing.T) {
	r := runBinary(t, map[string]string{"BALLAST_ACCOUNT": "111122223333", "BALLAST_REGION": "eu-west-1",
		"CDK_VALIDATION": "false", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(r.dir, "cdk.out", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Missing   []json.RawMessage `json:"missing"`
		Artifacts map[string]struct {
			Environment string `json:"environment"`
		} `json:"artifacts"`
	}
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Fatal(err)
	}
	if len(manifest.Missing) > 0 {
		t.Errorf("synthesis needs context lookups: %s", manifest.Missing)
	}
	if env := manifest.Artifacts["ballast-dev-cluster"].Environment; env != "aws://111122223333/eu-west-1" {
		t.Errorf("cluster stack environment %q", env)
	}
}
