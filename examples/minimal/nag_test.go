package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/internal/synthtest"
	"github.com/ballast-eks/ballast/internal/verify"
)

// pendingEKSRules mirrors the root package's list (rules.go): rules the
// library's defaults do not pass until the nodegroup room lands.
var pendingEKSRules = []string{checks.RuleIMDSv2, checks.RuleRootVolume}

// TestCdkNag applies cdk-nag's AwsSolutions pack to the example and fails
// on any unsuppressed error or warning, and the EKS rule pack, not pending a room's fix
// (../../.ci/pending.json); every suppression must be listed in
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
		if !slices.Contains(pendingEKSRules, m.Rule()) {
			t.Errorf("EKS rule pack: %s", m)
		}
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
