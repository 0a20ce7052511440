package main

import (
	"slices"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/verify"
)

// TestEKSRulePack runs the EKS rule pack (every rule, prod with deletion
// protection required) over every profile's defaults: it must stay quiet,
// except for pendingEKSRules, which are reported; a pending rule that no
// longer fires fails the test so the list is emptied as the rooms land.
func TestEKSRulePack(t *testing.T) {
	fired := map[string]bool{}
	for _, p := range config.Profiles {
		t.Run(string(p), func(t *testing.T) {
			var pending, open []verify.Message
			for _, m := range nagged(t)[p].Messages("BALLAST-EKS") {
				fired[m.Rule()] = true
				if slices.Contains(pendingEKSRules, m.Rule()) {
					pending = append(pending, m)
				} else {
					open = append(open, m)
				}
			}
			if len(pending) > 0 {
				t.Logf("%d findings of rules pending a room's change (pendingEKSRules, skipped by the app):%s", len(pending), verify.Report(pending))
			}
			if len(open) > 0 {
				t.Errorf("the EKS rule pack reports %d findings on the %s defaults:%s", len(open), p, verify.Report(open))
			}
		})
	}
	for _, r := range pendingEKSRules {
		if !fired[r] {
			t.Errorf("%s no longer fires on any profile: remove it from pendingEKSRules (rules.go)", r)
		}
	}
}
