package config

import "github.com/ballast-eks/ballast/constructs/fargate"

// VarFargateNamespaces lists the namespaces whose pods run on Fargate.
const VarFargateNamespaces = "BALLAST_FARGATE_NAMESPACES"

// FargateConfig is the Fargate profiles' configuration.
type FargateConfig struct {
	// FargateNamespaces each get a Fargate profile of their own name.
	FargateNamespaces []string
}

var fargateVars = []Var{
	{VarFargateNamespaces, "Namespaces whose pods run on EKS Fargate (one profile each, private subnets only, one pod execution role).",
		"comma-separated namespace names (lower-case letters, digits and '-'); empty for none",
		fixed(""), func(c *Config, raw string) error { c.FargateNamespaces = List(raw); return nil }},
}

// fargateProfiles maps the Fargate variable: a profile per namespace.
func (c *Config) fargateProfiles() []fargate.ProfileProps {
	var out []fargate.ProfileProps
	for _, ns := range c.FargateNamespaces {
		out = append(out, fargate.ProfileProps{Name: ns, Selectors: []fargate.Selector{{Namespace: ns}}})
	}
	return out
}
