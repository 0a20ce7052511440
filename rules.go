package main

import (
	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/checks"
)

// ruleOptions configures the EKS rule pack for cfg's profile. Prod requires
// deletion protection unless the operator turned it off (a teardown step the
// cluster construct warns about); an endpoint open to the internet that the
// operator opted into (BALLAST_ALLOW_OPEN_ENDPOINT) is warned about by the
// cluster construct rather than failed here.
func ruleOptions(cfg *config.Config) checks.Options {
	opts := checks.Options{RequireDeletionProtection: cfg.IsProd() && cfg.DeletionProtection}
	if cfg.AllowOpenEndpoint {
		opts.Skip = append(opts.Skip, checks.RuleEndpoint)
	}
	return opts
}
