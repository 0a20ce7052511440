package synthtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
)

// SynthChecked builds an app with build, applies cdk-nag's AwsSolutions
// pack, and synthesizes it once. The app applies the EKS rule pack itself,
// as every Ballast program does (an example's tests check it). The
// checkers only annotate, so the templates are the app's own.
func SynthChecked(build func(awscdk.App)) (*Assembly, error) {
	app := NewApp()
	KeepSynthQuiet(app)
	build(app)
	AddNag(app)
	return Synth(app)
}

// ExampleMain is an example's TestMain: it synthesizes the app build makes
// once, with cdk-nag (SynthChecked), hands the assembly to the tests
// through checked, runs them and exits.
func ExampleMain(m *testing.M, build func(awscdk.App), checked **Assembly) {
	a, err := SynthChecked(build)
	if err != nil {
		panic(err)
	}
	*checked = a
	code := m.Run()
	Close()
	os.Exit(code)
}

// AssertClean fails t on any unsuppressed cdk-nag finding not pending in
// <root>/.ci/pending.json, on any EKS rule-pack message, on any Ballast
// warning the app did not acknowledge, and on any
// suppression whose reason docs/suppressions.md does not list. root is the
// repository root relative to the test's package.
func AssertClean(t testing.TB, a *Assembly, root string) {
	t.Helper()
	pending, err := LoadPending(filepath.Join(root, ".ci", "pending.json"), "cdk-nag")
	if err != nil {
		t.Fatal(err)
	}
	covered, open, _ := Split(a.NagFindings(), pending)
	if len(covered) > 0 {
		t.Logf("%d findings pending a fix:%s", len(covered), Report(covered))
	}
	if len(open) > 0 {
		t.Errorf("cdk-nag AwsSolutions: %d unsuppressed findings:%s", len(open), Report(open))
	}
	for _, m := range a.Messages("BALLAST-EKS") {
		t.Errorf("EKS rule pack: %s", m)
	}
	for _, m := range a.Messages("", "warning") {
		if strings.Contains(m.Text, "[ack: ballast:") {
			t.Errorf("unacknowledged departure from practice: %s", m)
		}
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "suppressions.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range a.Suppressions() {
		if !strings.Contains(string(doc), s.Reason) {
			t.Errorf("suppression of %s at %s (%q) is not in docs/suppressions.md", s.Rule, s.Path, s.Reason)
		}
	}
}

// Templates returns the assembly's templates by stack ID.
func (a *Assembly) Templates() map[string]Template {
	out := map[string]Template{}
	for _, s := range a.Stacks {
		out[s.ID] = s.Template
	}
	return out
}
