package main

import (
	"os"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/internal/synthtest"
	"github.com/ballast-eks/ballast/internal/verify"
)

// TestCdkNag applies cdk-nag's AwsSolutions pack to the example and fails
// on any unsuppressed error or warning (findings pending a room's fix are
// listed in ../../.ci/pending.json), and on any EKS rule-pack finding; every suppression must be listed in
// ../../docs/suppressions.md, which the root package generates.
func TestCdkNag(t *testing.T) {
	app := synthtest.NewApp()
	verify.KeepSynthQuiet(app)
	build(app)
	verify.AddNag(app)
	checks.Apply(app, checks.Options{})
	a, err := verify.Synth(app)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := verify.LoadPending("../../.ci/pending.json", "cdk-nag")
	if err != nil {
		t.Fatal(err)
	}
	covered, open, _ := verify.Split(a.NagFindings(), pending)
	if len(covered) > 0 {
		t.Logf("%d findings pending a room's fix:%s", len(covered), verify.Report(covered))
	}
	if len(open) > 0 {
		t.Errorf("cdk-nag AwsSolutions: %d unsuppressed findings:%s", len(open), verify.Report(open))
	}
	for _, m := range a.Messages("BALLAST-EKS") {
		t.Errorf("EKS rule pack: %s", m)
	}
	doc, err := os.ReadFile("../../docs/suppressions.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range a.Suppressions() {
		if !strings.Contains(string(doc), s.Reason) {
			t.Errorf("suppression of %s at %s (%q) is not in docs/suppressions.md", s.Rule, s.Path, s.Reason)
		}
	}
}
