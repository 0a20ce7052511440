package config

import (
	"strconv"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/ptr"
)

// The in-cluster baseline's variables.
const (
	VarGitOps           = "BALLAST_GITOPS"
	VarTeamNamespaces   = "BALLAST_TEAM_NAMESPACES"
	VarTeamCPU          = "BALLAST_TEAM_CPU"
	VarTeamMemory       = "BALLAST_TEAM_MEMORY"
	VarTeamPods         = "BALLAST_TEAM_PODS"
	VarOverProvisioning = "BALLAST_OVERPROVISIONING"
)

// GitOpsConfig is the in-cluster baseline's configuration.
type GitOpsConfig struct {
	// GitOps renders the baseline into cdk.out/<cluster>/gitops.
	GitOps bool
	// TeamNamespaces are the team namespaces.
	TeamNamespaces []string
	// TeamCPU, TeamMemory and TeamPods are every team's quota.
	TeamCPU, TeamMemory string
	TeamPods            int
	// OverProvisioning renders the placeholder Deployment.
	OverProvisioning bool
}

var gitOpsVars = []Var{
	{VarGitOps, "Render the in-cluster baseline (namespaces, quotas, network policies, priority classes, over-provisioning, admission policy) as Kubernetes manifests into cdk.out/<cluster>/gitops for Argo CD, Flux or kubectl apply -k.",
		switchAccepted, fixed("on"), setOnOff(func(c *Config) *bool { return &c.GitOps })},
	{VarTeamNamespaces, "Team namespaces, each with Pod Security labels (baseline enforced, restricted warned), a quota, a limit range, default-deny and DNS-allow network policies.",
		"comma-separated namespace names (lower-case letters, digits and '-'; not default, kube-* or ballast-*); empty for none",
		fixed("apps"), func(c *Config, raw string) error { c.TeamNamespaces = List(raw); return nil }},
	{VarTeamCPU, "CPU every team namespace may request in total (ResourceQuota requests.cpu).", "a Kubernetes quantity such as 8 or 500m",
		fixed(baseline.DefaultQuotaRequestsCPU), func(c *Config, raw string) error { c.TeamCPU = raw; return nil }},
	{VarTeamMemory, "Memory every team namespace may request in total (ResourceQuota requests.memory).", "a Kubernetes quantity such as 16Gi or 512Mi",
		fixed(baseline.DefaultQuotaRequestsMemory), func(c *Config, raw string) error { c.TeamMemory = raw; return nil }},
	{VarTeamPods, "Pods every team namespace may run (ResourceQuota pods).", "a whole number of at least 1",
		fixed(strconv.Itoa(baseline.DefaultQuotaPods)), func(c *Config, raw string) error { return setInt(&c.TeamPods)(c, raw) }},
	{VarOverProvisioning, "Over-provisioning: one low-priority placeholder pod per AZ, each about one system node, so the autoscaler adds a node before real pods wait. Costs one node per AZ.",
		switchAccepted, perProfile("off", "on", "on"), setOnOff(func(c *Config) *bool { return &c.OverProvisioning })},
}

// baselineProps maps the baseline variables: every team gets the same
// quota (the team defaults).
func (c *Config) baselineProps() *baseline.BaselineProps {
	if !c.GitOps {
		return nil
	}
	b := &baseline.BaselineProps{TeamDefaults: &baseline.TeamSettings{Quota: &baseline.QuotaProps{
		RequestsCPU: jsii.String(c.TeamCPU), RequestsMemory: jsii.String(c.TeamMemory), Pods: ptr.To(c.TeamPods),
	}}}
	for _, ns := range c.TeamNamespaces {
		b.Teams = append(b.Teams, baseline.TeamProps{Name: ns})
	}
	if c.OverProvisioning {
		b.OverProvisioning = &baseline.OverProvisioningProps{}
	}
	return b
}
