package main

import (
	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/checks"
)

// pendingEKSRules are EKS rule-pack rules the reference platform does not
// pass yet; each awaits a room's change (see .ci/pending.json and the
// verification report). TestEKSRulePack fails once one passes, so the list
// only shrinks; it must be empty when the rooms have landed.
//
//   - BALLAST-EKS5 (IMDSv2) and BALLAST-EKS6 (encrypted root volumes): the
//     nodegroup room adds a launch template with HttpTokens required and an
//     encrypted gp3 root volume (storage room's EBS key).
//   - BALLAST-EKS9 (deletion protection in prod): the cluster room sets
//     DeletionProtection on the prod cluster.
var pendingEKSRules = []string{checks.RuleIMDSv2, checks.RuleRootVolume, checks.RuleDeletionProtection}

// ruleOptions configures the EKS rule pack for cfg's profile: prod requires
// deletion protection.
func ruleOptions(cfg *config.Config) checks.Options {
	return checks.Options{RequireDeletionProtection: cfg.IsProd(), Skip: pendingEKSRules}
}
