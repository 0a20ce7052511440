// Package guardtest brings the guard into a Go test: an app's own tests
// fail on a stateful replacement or deletion, exactly as Ballast's
// snapshot tests do.
//
//	func TestNoStatefulReplacement(t *testing.T) {
//		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
//		buildMyApp(app)
//		dir := *app.Synth(nil).Directory()
//		guardtest.AssertAssemblies(t, "testdata/deployed", dir,
//			guard.Allow("shop-prod-cluster", "NodeGroupsystemAZ0CE27E79B", "bigger nodes, drained first"))
//	}
//
// testdata/deployed holds what is deployed today: a copy of its cdk.out,
// or the templates alone (<stack>.template.json).
package guardtest

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

// AssertSafe fails tb when a change from old to new templates (by stack
// name) replaces, may replace or deletes a stateful resource that no
// allowance names, or when an allowance matches nothing or lacks a
// reason. The failure carries the guard's report.
func AssertSafe(tb testing.TB, old, new map[string]guard.Template, allow ...guard.Allowance) {
	tb.Helper()
	check(tb, guard.CompareStacks(old, new), allow)
}

// AssertAssemblies is AssertSafe on two directories: cloud assemblies
// (cdk.out) or directories of templates, as guard.ReadAssembly reads them.
func AssertAssemblies(tb testing.TB, oldDir, newDir string, allow ...guard.Allowance) {
	tb.Helper()
	changes, err := guard.CompareAssemblies(oldDir, newDir)
	if err != nil {
		tb.Fatalf("guard: %v", err)
	}
	check(tb, changes, allow)
}

func check(tb testing.TB, changes []guard.Change, allow []guard.Allowance) {
	tb.Helper()
	v := guard.Judge(changes, allow...)
	if v.OK() {
		return
	}
	var b strings.Builder
	if err := guard.WriteReport(&b, v); err != nil {
		tb.Fatal(err)
	}
	tb.Errorf("guard: %s\n%s", strings.Join(v.Problems(), "\n  "), b.String())
}
