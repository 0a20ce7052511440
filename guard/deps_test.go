package guard_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPureGo: the guard and its command build from the standard library
// alone, so a pull-request job runs them without Node.js or the CDK.
func TestPureGo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".", "./guardtest", "../cmd/guard").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if !strings.HasPrefix(dep, "github.com/ballast-eks/ballast/guard") && dep != "github.com/ballast-eks/ballast/cmd/guard" {
			t.Errorf("the guard depends on %s", dep)
		}
	}
}
