package config

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

var coreVars = []Var{
	{VarEnv, "Deployment profile; selects the defaults below.", "dev | staging | prod",
		fixed(string(ProfileDev)), profiles.set(func(c *Config) *Profile { return &c.Env })},
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
	{VarClusterName, "EKS cluster name.", "1-100 characters: letters, digits, '-' and '_', starting with a letter or digit",
		func(p Profile, _ *Config, _ Lookup) string { return "ballast-" + string(p) },
		func(c *Config, raw string) error { c.ClusterName = raw; return nil }},
	{VarTags, "Extra tags on every resource.", "comma-separated key=value pairs",
		fixed(""), func(c *Config, raw string) error {
			t, err := parseTags(raw)
			c.Tags = t
			return err
		}},
}

var profiles = sameSpelling("profile", Profiles...)
