package main

import (
	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/checks"
)

// ruleOptions configures the EKS rule pack for cfg's profile: prod requires
// deletion protection.
func ruleOptions(cfg *config.Config) checks.Options {
	return checks.Options{RequireDeletionProtection: cfg.IsProd()}
}
