package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// guides are the operator guides in docs/, each linked from the README.
var guides = []string{"docs/quickstart.md", "docs/access.md", "docs/upgrade.md", "docs/teardown.md", "docs/break-glass.md"}

var (
	varName    = regexp.MustCompile(`\bBALLAST_[A-Z0-9_]+\b`)
	outputName = regexp.MustCompile("output `([A-Za-z0-9]+)`")
	mdLink     = regexp.MustCompile(`\]\(([^)#]+)(#[^)]*)?\)`)
	warningID  = regexp.MustCompile(`ballast:[a-z0-9]+-[a-z0-9-]+`)
)

func readGuide(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stackOutputs lists the outputs of every stack of the reference platform,
// from its golden snapshots.
func stackOutputs(t *testing.T) map[string]bool {
	t.Helper()
	paths, _ := filepath.Glob("platform/testdata/*.golden.json")
	out := map[string]bool{}
	for _, p := range paths {
		var tmpl struct{ Outputs map[string]any }
		b, err := os.ReadFile(p)
		if err == nil {
			err = json.Unmarshal(b, &tmpl)
		}
		if err != nil {
			t.Fatal(err)
		}
		for name := range tmpl.Outputs {
			out[name] = true
		}
	}
	if !out["KubeconfigCommand"] { // canary: the snapshots were read
		t.Fatal("no KubeconfigCommand output in platform/testdata")
	}
	return out
}

// TestGuidesNameRealThings: every variable, stack output, warning ID and
// relative link a guide names exists.
func TestGuidesNameRealThings(t *testing.T) {
	vars := map[string]bool{}
	for _, v := range config.Vars {
		vars[v.Name] = true
	}
	outputs := stackOutputs(t)
	warnings := readGuide(t, warningsDoc)
	for _, g := range guides {
		text := readGuide(t, g)
		for _, v := range varName.FindAllString(text, -1) {
			if !vars[v] {
				t.Errorf("%s names %s, which is not a variable", g, v)
			}
		}
		for _, m := range outputName.FindAllStringSubmatch(text, -1) {
			if !outputs[m[1]] {
				t.Errorf("%s names output %s, which no stack has", g, m[1])
			}
		}
		for _, w := range warningID.FindAllString(text, -1) {
			if !strings.Contains(warnings, "`"+w+"`") {
				t.Errorf("%s names warning %s, which %s does not list", g, w, warningsDoc)
			}
		}
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			if _, err := os.Stat(filepath.Join(filepath.Dir(g), m[1])); err != nil {
				t.Errorf("%s links %s: %v", g, m[1], err)
			}
		}
	}
}

// TestREADMELinksEveryGuide: each guide is reachable from the README.
func TestREADMELinksEveryGuide(t *testing.T) {
	readme := readGuide(t, "README.md")
	for _, g := range guides {
		if !strings.Contains(readme, "]("+g+")") {
			t.Errorf("README.md does not link %s", g)
		}
	}
}

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// TestQuickstartCompiles builds the quick start's program and test, as a
// reader would copy them, inside this module, and vets them.
func TestQuickstartCompiles(t *testing.T) {
	blocks := goBlock.FindAllStringSubmatch(readGuide(t, "docs/quickstart.md"), -1)
	if len(blocks) != 2 {
		t.Fatalf("docs/quickstart.md has %d Go blocks, want 2 (main.go and its test)", len(blocks))
	}
	dir, err := os.MkdirTemp(".", "quickstart-check-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for i, name := range []string{"main.go", "main_test.go"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(blocks[i][1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("go", "vet", "./"+dir).CombinedOutput(); err != nil {
		t.Errorf("the quick start does not build:\n%s", out)
	}
}
