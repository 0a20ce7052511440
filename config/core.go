package config

import (
	"maps"
	"regexp"
	"slices"
)

// CoreConfig identifies the environment: profile, account, region, name, tags.
type CoreConfig struct {
	// Env is the profile (BALLAST_ENV).
	Env Profile
	// Account is the 12-digit AWS account; empty means env-agnostic stacks.
	Account string
	// Region is the AWS region, e.g. us-east-1.
	Region string
	// ClusterName is the EKS cluster name (create-only: changing it replaces
	// the cluster). It also prefixes stack names.
	ClusterName string
	// Tags are applied to every taggable resource.
	Tags map[string]string
}

var (
	accountRe     = regexp.MustCompile(`^\d{12}$`)
	regionRe      = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$`)
	clusterNameRe = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`)
	tagKeyRe      = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$`)
)

var coreVars = []Var{
	{VarEnv, "Deployment profile; selects the defaults below.", "dev | staging | prod",
		fixed(string(ProfileDev)), func(c *Config, raw string) error { c.Env = Profile(raw); return nil }},
	{VarAccount, "AWS account ID. Falls back to CDK_DEFAULT_ACCOUNT; if neither is set the stacks are environment-agnostic.", "12 digits",
		func(_ Profile, _ *Config, lookup Lookup) string { v, _ := lookup("CDK_DEFAULT_ACCOUNT"); return v },
		func(c *Config, raw string) error { c.Account = raw; return nil }},
	{VarRegion, "AWS region. Falls back to CDK_DEFAULT_REGION, then us-east-1.", "a region name such as us-east-1",
		func(_ Profile, _ *Config, lookup Lookup) string {
			if r, _ := lookup("CDK_DEFAULT_REGION"); r != "" {
				return r
			}
			return "us-east-1"
		},
		func(c *Config, raw string) error { c.Region = raw; return nil }},
	{VarClusterName, "EKS cluster name. Create-only: changing it replaces the cluster.", "1-100 characters: letters, digits, '-' and '_', starting with a letter or digit",
		func(p Profile, _ *Config, _ Lookup) string { return "ballast-" + string(p) },
		func(c *Config, raw string) error { c.ClusterName = raw; return nil }},
	{VarTags, "Extra tags on every resource.", "comma-separated key=value pairs",
		fixed(""), func(c *Config, raw string) error {
			t, err := parseTags(raw)
			c.Tags = t
			return err
		}},
}

func (c *Config) validateCore(p *problems) {
	if !slices.Contains(Profiles, c.Env) {
		p.add(VarEnv, string(c.Env), "unknown profile")
	}
	if c.Account != "" && !accountRe.MatchString(c.Account) {
		p.add(VarAccount, c.Account, "not a 12-digit account ID")
	}
	if !regionRe.MatchString(c.Region) {
		p.add(VarRegion, c.Region, "not a region name")
	}
	if !clusterNameRe.MatchString(c.ClusterName) {
		p.add(VarClusterName, c.ClusterName, "not a valid EKS cluster name")
	}
	for _, k := range slices.Sorted(maps.Keys(c.Tags)) {
		if v := c.Tags[k]; !tagKeyRe.MatchString(k) || len(v) > 256 {
			p.add(VarTags, k+"="+v, "tag keys are 1-128 and values 0-256 characters of letters, digits, spaces and _.:/=+-@")
		}
	}
}
