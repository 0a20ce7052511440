package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

// tempDirs are the directories tests share across the run, removed at
// its end.
var tempDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	synthtest.Close()
	os.Exit(code)
}

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
		tempDirs = append(tempDirs, dir)
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

// runBinary executes the binary with args in a fresh working directory
// with a clean environment: the parent's environment minus every BALLAST_*
// and CDK_* variable, plus vars.
func runBinary(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	return runBinaryIn(t, t.TempDir(), vars, args...)
}

// runBinaryIn is runBinary in a given working directory.
func runBinaryIn(t *testing.T, dir string, vars map[string]string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
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
	t.Parallel()
	r := validatedDevSynth(t)
	if r.code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	out := filepath.Join(r.dir, "cdk.out")
	for _, part := range []string{"network", "storage", "cluster"} {
		if _, err := os.Stat(filepath.Join(out, "ballast-dev-"+part+".template.json")); err != nil {
			t.Errorf("template missing: %v", err)
		}
		if !strings.Contains(r.stderr, "ballast-dev-"+part) {
			t.Errorf("summary (stderr) lacks stack %s:\n%s", part, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "ballast-dev", "gitops", "kustomization.yaml")); err != nil || !strings.Contains(r.stderr, "in-cluster baseline") {
		t.Errorf("the GitOps folder is not written or not in the summary (%v):\n%s", err, r.stderr)
	}
	for _, az := range []string{"us-east-1a", "us-east-1b", "us-east-1c"} {
		if !strings.Contains(r.stderr, "  "+az+" ") || !strings.Contains(r.stderr, "IP addresses at max scale") {
			t.Errorf("summary (stderr) lacks the IP capacity of %s:\n%s", az, r.stderr)
		}
	}
	if r.stdout != "" {
		t.Errorf("synthesis printed to stdout:\n%s", r.stdout)
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

var (
	validatedOnce sync.Once
	validated     result
	validatedTmp  string // its TMPDIR
)

// validatedDevSynth is the one run of the real binary with the validation
// plugin on: the default (dev) profile, in a directory that outlives the
// first test reading it. TestThreeEnvironmentsInOneRun compares its
// templates with the three-environment run's.
func validatedDevSynth(t *testing.T) result {
	t.Helper()
	validatedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ballast-validated-") // removed by TestMain
		if err != nil {
			t.Fatal(err)
		}
		tempDirs = append(tempDirs, dir)
		tmp := filepath.Join(dir, "tmp") // outside the working directory, which must stay empty but for cdk.out
		if err := os.MkdirAll(filepath.Join(dir, "work"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(tmp, 0o755); err != nil {
			t.Fatal(err)
		}
		validated = runBinaryIn(t, filepath.Join(dir, "work"), map[string]string{
			"CDK_VALIDATION": "true", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20", "TMPDIR": tmp})
		validatedTmp = tmp
	})
	return validated
}

// sharedRun is one synthesis by the real binary that several tests read:
// prod, for a concrete account and region, into CDK_OUTDIR, with the
// deliberate departures of departures. One run instead of one per test
// keeps the suite fast; each test asserts its own part of the result.
var (
	sharedOnce   sync.Once
	shared       result
	sharedOutdir string
)

// departures are valid by design (deliberate departures the operator
// states): they must synthesize with the construct's warning, not fail.
var departures = []struct{ name, warning string }{
	{"prod endpoint open to the internet, opted in", "ballast:cluster-public-endpoint"},
	{"prod deletion protection turned off (a teardown step)", "ballast:cluster-deletion-protection-off"},
	{"GuardDuty detector, opted in (one per account and region)", "ballast:monitoring-guardduty-detector"},
}

func sharedSynth(t *testing.T) (result, string) {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ballast-shared-") // outlives the first test; removed by TestMain
		if err != nil {
			t.Fatal(err)
		}
		tempDirs = append(tempDirs, dir)
		sharedOutdir = filepath.Join(dir, "elsewhere")
		work := filepath.Join(dir, "work")
		if err := os.Mkdir(work, 0o755); err != nil {
			t.Fatal(err)
		}
		shared = runBinaryIn(t, work, map[string]string{
			config.VarEnv: "prod", config.VarAccount: "111122223333", config.VarRegion: "eu-west-1",
			config.VarAZs:            "eu-west-1a,eu-west-1b,eu-west-1c",
			config.VarEndpointAccess: "public-and-private", config.VarPublicAccessCIDRs: "0.0.0.0/0", config.VarAllowOpenEndpoint: "on",
			config.VarDeletionProtection: "off", config.VarGuardDuty: "on",
			"CDK_OUTDIR": sharedOutdir, "CDK_VALIDATION": "false", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
		})
	})
	if shared.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", shared.code, shared.stderr)
	}
	return shared, sharedOutdir
}

func TestHonoursCDKOutdir(t *testing.T) {
	t.Parallel()
	r, out := sharedSynth(t)
	if _, err := os.Stat(filepath.Join(out, "manifest.json")); err != nil {
		t.Errorf("nothing synthesized to CDK_OUTDIR: %v", err)
	}
	// Under the CDK CLI (cdk ls, cdk synth) stdout is the CLI's: the app
	// prints nothing there, and each of its messages starts its own line.
	if r.stdout != "" {
		t.Errorf("stdout under the CDK CLI must be empty, got:\n%s", r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "ballast: synthesized") && !strings.Contains(r.stderr, "\nballast: synthesized") {
		t.Errorf("the summary does not start its own line:\n%q", r.stderr)
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
	t.Parallel()
	_, out := sharedSynth(t)
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
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
	if env := manifest.Artifacts["ballast-prod-cluster"].Environment; env != "aws://111122223333/eu-west-1" {
		t.Errorf("cluster stack environment %q", env)
	}
}

// TestSynthPrintsCostEstimate: a synthesis prints the platform's fixed
// monthly estimate, for people, on stderr (stdout stays for the summary).
func TestSynthPrintsCostEstimate(t *testing.T) {
	t.Parallel()
	r, _ := sharedSynth(t)
	for _, want := range []string{"Estimated fixed monthly cost of the prod platform", "EKS cluster, standard support", "NAT gateway", "fixed total", "Not counted:"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stdout, "Estimated fixed monthly cost") {
		t.Error("the estimate is on stdout; it is for people (stderr)")
	}
}

// TestSummaryCountsEachStacksResources: the summary's resource count of
// each stack is the count in the template the synthesis wrote.
func TestSummaryCountsEachStacksResources(t *testing.T) {
	t.Parallel()
	r, out := sharedSynth(t)
	a, err := synthtest.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range a.Stacks {
		res, _ := s.Template["Resources"].(map[string]any)
		want := fmt.Sprintf("  %-28s %3d resources\n", s.StackName, len(res))
		if len(res) == 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stderr)
		}
	}
	if len(a.Stacks) != 3 {
		t.Errorf("%d stacks, want 3", len(a.Stacks))
	}
}

// TestUnreadableTemplatesAreSaid: a template the summary cannot read is
// said once, for the counts and for the estimate; the synthesis stands.
func TestUnreadableTemplatesAreSaid(t *testing.T) {
	var b strings.Builder
	err := errors.New("open x.template.json: no such file or directory")
	printStacks(&b, nil, err)
	printCost(&b, nil, err, config.ProfileProd)
	want := "ballast: cannot read the synthesized templates: open x.template.json: no such file or directory\n" +
		"ballast: no cost estimate: open x.template.json: no such file or directory\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestLeavesNoTemporaryFiles: a run leaves nothing in the temporary
// directory, whether it synthesizes or stops early. aws-cdk-go writes the
// jsii runtime's files there as soon as its packages load, so every exit
// path closes the runtime.
func TestLeavesNoTemporaryFiles(t *testing.T) {
	t.Parallel()
	for _, run := range []struct {
		name string
		vars map[string]string
		args []string
	}{
		{"bad input", map[string]string{config.VarAZs: "us-east-1a"}, nil},
		{"version", nil, []string{"--version"}},
		{"unknown argument", nil, []string{"--frobnicate"}},
	} {
		tmp := t.TempDir()
		vars := map[string]string{"TMPDIR": tmp}
		maps.Copy(vars, run.vars)
		runBinary(t, vars, run.args...)
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("%s: left %d entries in TMPDIR, e.g. %s", run.name, len(left), left[0].Name())
		}
	}
	if r := validatedDevSynth(t); r.code != 0 {
		t.Fatalf("validated synthesis: exit %d", r.code)
	}
	if left, _ := os.ReadDir(validatedTmp); len(left) > 0 {
		t.Errorf("a synthesis left %d entries in TMPDIR, e.g. %s", len(left), left[0].Name())
	}
}
