package main

import (
	"os"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
)

const (
	tableBegin = "<!-- BEGIN CONFIG TABLE (generated: go test . -update) -->\n"
	tableEnd   = "<!-- END CONFIG TABLE -->"
)

// TestREADMEConfigTable keeps the README's variable table equal to
// config.Vars; -update rewrites it.
func TestREADMEConfigTable(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, tableBegin), strings.Index(readme, tableEnd)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the config table markers")
	}
	want := readme[:i+len(tableBegin)] + config.MarkdownTable() + readme[j:]
	if want == readme {
		return
	}
	if golden.Updating() {
		if err := os.WriteFile("README.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's config table is stale: run `go test . -update` and review the diff")
}
