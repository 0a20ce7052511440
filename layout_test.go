package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/ballast-eks/ballast"

// goList runs `go list` with args and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}

// ours keeps the packages of this module.
func ours(pkgs []string) []string {
	var out []string
	for _, p := range pkgs {
		if p == module || strings.HasPrefix(p, module+"/") {
			out = append(out, p)
		}
	}
	return out
}

// TestLibraryStandsWithoutConfig: the library (constructs, stacks, the
// platform, cdkapp) and the examples build from Go values alone; only the
// env-driven app reads BALLAST_* variables.
func TestLibraryStandsWithoutConfig(t *testing.T) {
	deps := goList(t, "-deps", "./stacks", "./platform", "./constructs/...", "./cdkapp", "./examples/...")
	if slices.Contains(deps, module+"/config") {
		t.Errorf("the library or an example depends on %s/config", module)
	}
}

// TestCdkappIsALeaf: cdkapp imports nothing of Ballast's, so every program
// and test can use it.
func TestCdkappIsALeaf(t *testing.T) {
	if deps := ours(goList(t, "-deps", "./cdkapp")); !slices.Equal(deps, []string{module + "/cdkapp"}) {
		t.Errorf("cdkapp depends on %v", deps)
	}
}

// TestConstructTestsStayBelowComposition: no construct package's tests
// import stacks, the platform or config; arrows point down only.
func TestConstructTestsStayBelowComposition(t *testing.T) {
	above := []string{module + "/stacks", module + "/platform", module + "/config"}
	for _, line := range goList(t, "-f", "{{.ImportPath}}:{{join .Imports \",\"}},{{join .TestImports \",\"}},{{join .XTestImports \",\"}}", "./constructs/...") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Split(imports, ",") {
			if slices.Contains(above, imp) {
				t.Errorf("%s (or its tests) imports %s", pkg, imp)
			}
		}
	}
}

// TestExamplesApplyTheRulePack: every example program applies the EKS rule
// pack itself (checks.Apply, or the platform's ApplyChecks), as the root
// app does, so `go run ./examples/<name>` fails on a rule-pack error and
// the examples' checker tests see its findings.
func TestExamplesApplyTheRulePack(t *testing.T) {
	mains, err := filepath.Glob("examples/*/main.go")
	if err != nil || len(mains) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, m := range mains {
		b, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "checks.Apply(") && !strings.Contains(string(b), ".ApplyChecks()") {
			t.Errorf("%s does not apply the EKS rule pack", m)
		}
	}
}

// TestEveryConstructPackageHasAnExample: each construct package and the
// platform have an Example function (shown on pkg.go.dev, run by go test).
func TestEveryConstructPackageHasAnExample(t *testing.T) {
	dirs, err := filepath.Glob("constructs/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no construct packages: %v", err)
	}
	for _, dir := range append(dirs, "platform") {
		tests, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		found := false
		for _, f := range tests {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			found = found || strings.Contains(string(b), "\nfunc Example")
		}
		if !found {
			t.Errorf("%s has no Example function", dir)
		}
	}
}
