package config

import (
	"strconv"
	"strings"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/logretention"
	"github.com/ballast-eks/ballast/ptr"
)

// The cluster variables (the older ones are in vars.go).
const (
	VarUpgradePolicy          = "BALLAST_UPGRADE_POLICY"
	VarAllowOpenEndpoint      = "BALLAST_ALLOW_OPEN_ENDPOINT"
	VarBreakGlass             = "BALLAST_BREAK_GLASS"
	VarBreakGlassPrincipals   = "BALLAST_BREAK_GLASS_PRINCIPALS"
	VarDeletionProtection     = "BALLAST_DELETION_PROTECTION"
	VarControlPlaneTier       = "BALLAST_CONTROL_PLANE_TIER"
	VarCompute                = "BALLAST_COMPUTE"
	VarRollbackTimeoutMinutes = "BALLAST_ROLLBACK_TIMEOUT_MINUTES"
)

// ClusterConfig is the control plane's configuration.
type ClusterConfig struct {
	// KubernetesVersion is the control-plane version, e.g. "1.36".
	KubernetesVersion string
	// UpgradePolicy is standard, or extended (the opt-in to extended
	// support and its cost).
	UpgradePolicy cluster.UpgradePolicy
	// EndpointAccess selects private or public-and-private API access.
	EndpointAccess cluster.EndpointAccess
	// PublicAccessCIDRs limit the public endpoint.
	PublicAccessCIDRs []string
	// AllowOpenEndpoint is the opt-in to 0.0.0.0/0 in PublicAccessCIDRs.
	AllowOpenEndpoint bool
	// AdminRoleARNs receive cluster-admin access entries.
	AdminRoleARNs []string
	// BreakGlass creates the break-glass admin role.
	BreakGlass bool
	// BreakGlassPrincipals may assume the break-glass role; empty means the
	// account root, with MFA.
	BreakGlassPrincipals []string
	// LogRetentionDays is the retention of control-plane log groups.
	LogRetentionDays int
	// RollbackTimeoutMinutes is the control-plane version rollback window.
	RollbackTimeoutMinutes int
	// DeletionProtection guards the cluster against deletion.
	DeletionProtection bool
	// ControlPlaneTier is the control-plane scaling tier.
	ControlPlaneTier cluster.ScalingTier
	// Compute selects managed node groups or EKS Auto Mode.
	Compute cluster.ComputeMode
}

var clusterVars = []Var{
	{VarK8sVersion, "Kubernetes version of the control plane and node groups.",
		"one of " + strings.Join(cluster.SupportedVersions, ", ") + "; with " + VarUpgradePolicy + "=extended also " + strings.Join(cluster.ExtendedSupportVersions, ", "),
		fixed(cluster.DefaultVersion), func(c *Config, raw string) error { c.KubernetesVersion = raw; return nil }},
	{VarUpgradePolicy, "What EKS does at the end of standard support: standard upgrades the cluster automatically; extended keeps the version 12 more months at extra cost.",
		"standard | extended", fixed(upgradePolicies.spell(string(cluster.UpgradeStandard))),
		upgradePolicies.set(func(c *Config) *cluster.UpgradePolicy { return &c.UpgradePolicy })},
	{VarPublicAccessCIDRs, "CIDRs allowed to reach the public API endpoint.", "comma-separated IPv4 CIDRs; 0.0.0.0/0 only with " + VarAllowOpenEndpoint + "=on",
		fixed(""), func(c *Config, raw string) error { c.PublicAccessCIDRs = List(raw); return nil }},
	{VarEndpointAccess, "Kubernetes API endpoint access. In dev the default is public-and-private when " + VarPublicAccessCIDRs + " is set, else private.", "private | public-and-private",
		func(p Profile, c *Config, _ Lookup) string {
			if p == ProfileDev && len(c.PublicAccessCIDRs) > 0 {
				return string(cluster.EndpointPublicAndPrivate)
			}
			return string(cluster.EndpointPrivate)
		},
		endpointAccesses.set(func(c *Config) *cluster.EndpointAccess { return &c.EndpointAccess })},
	{VarAllowOpenEndpoint, "Opt-in to a public API endpoint open to the whole internet (0.0.0.0/0); emits warning " + cluster.WarnPublicEndpoint + ".",
		switchAccepted, fixed("off"), setOnOff(func(c *Config) *bool { return &c.AllowOpenEndpoint })},
	{VarAdminRoleARNs, "IAM role ARNs granted cluster admin through access entries.", "comma-separated IAM role ARNs (arn:aws:iam::<12 digits>:role/<name>)",
		fixed(""), func(c *Config, raw string) error { c.AdminRoleARNs = List(raw); return nil }},
	{VarBreakGlass, "Create a break-glass cluster-admin role. Turning it off requires " + VarAdminRoleARNs + ".",
		switchAccepted, fixed("on"), setOnOff(func(c *Config) *bool { return &c.BreakGlass })},
	{VarBreakGlassPrincipals, "IAM principals allowed to assume the break-glass role (MFA required for account roots and users). Unset: the account root, with MFA.",
		"comma-separated IAM ARNs: arn:aws:iam::<12 digits>:root, ...:user/<name> or ...:role/<name>",
		fixed(""), func(c *Config, raw string) error { c.BreakGlassPrincipals = List(raw); return nil }},
	{VarLogRetentionDays, "Retention of control-plane logs, in days.", "one of the CloudWatch Logs retention values (" + retentionList() + ")",
		perProfile("30", "90", "365"), func(c *Config, raw string) error { return setInt(&c.LogRetentionDays)(c, raw) }},
	{VarRollbackTimeoutMinutes, "Window after a version upgrade in which EKS can roll the control plane back to the previous version, in minutes.", "a whole number of minutes, at least 1",
		fixed(strconv.Itoa(cluster.DefaultRollbackTimeoutMinutes)), func(c *Config, raw string) error { return setInt(&c.RollbackTimeoutMinutes)(c, raw) }},
	{VarDeletionProtection, "EKS deletion protection on the cluster.", switchAccepted,
		perProfile("off", "on", "on"), setOnOff(func(c *Config) *bool { return &c.DeletionProtection })},
	{VarControlPlaneTier, "Control-plane scaling tier (EKS Provisioned Control Plane; tiers above standard are billed hourly).",
		tierList(), fixed(string(cluster.DefaultScalingTier)), scalingTiers.set(func(c *Config) *cluster.ScalingTier { return &c.ControlPlaneTier })},
	{VarCompute, "Who runs the nodes: managed node groups (one per AZ), EKS Auto Mode (no node groups are created), or Karpenter (the system node group runs its controller, Karpenter launches the rest; its NodePool ships in the GitOps folder).",
		"nodegroups | auto | karpenter", fixed(string(cluster.ComputeNodeGroups)), computeModes.set(func(c *Config) *cluster.ComputeMode { return &c.Compute })},
}

var (
	upgradePolicies = enum[cluster.UpgradePolicy]{"upgrade policy",
		map[string]cluster.UpgradePolicy{"standard": cluster.UpgradeStandard, "extended": cluster.UpgradeExtended}}
	endpointAccesses = sameSpelling("endpoint access mode", cluster.EndpointPrivate, cluster.EndpointPublicAndPrivate)
	scalingTiers     = sameSpelling("control-plane scaling tier", cluster.ScalingTiers...)
	computeModes     = sameSpelling("compute mode", cluster.ComputeNodeGroups, cluster.ComputeAuto, cluster.ComputeKarpenter)
)

// clusterProps maps the cluster variables to the construct. The removal
// policy is the profile's (platform.Profile).
func (c *Config) clusterProps() cluster.ClusterProps {
	return cluster.ClusterProps{
		ClusterName:             jsii.String(c.ClusterName),
		Version:                 jsii.String(c.KubernetesVersion),
		UpgradePolicy:           &c.UpgradePolicy,
		EndpointAccess:          &c.EndpointAccess,
		PublicAccessCIDRs:       c.PublicAccessCIDRs,
		AllowOpenPublicEndpoint: jsii.Bool(c.AllowOpenEndpoint),
		AdminRoleARNs:           c.AdminRoleARNs,
		BreakGlass:              jsii.Bool(c.BreakGlass),
		BreakGlassPrincipals:    c.BreakGlassPrincipals,
		LogRetentionDays:        ptr.To(c.LogRetentionDays),
		RollbackTimeoutMinutes:  ptr.To(c.RollbackTimeoutMinutes),
		ZonalShift:              jsii.Bool(true),
		DeletionProtection:      jsii.Bool(c.DeletionProtection),
		ScalingTier:             &c.ControlPlaneTier,
		Compute:                 &c.Compute,
	}
}

func tierList() string {
	var s []string
	for _, t := range cluster.ScalingTiers {
		s = append(s, string(t))
	}
	return strings.Join(s, " | ")
}

func retentionList() string {
	var s []string
	for _, d := range logretention.Days() {
		s = append(s, strconv.Itoa(d))
	}
	return strings.Join(s, ", ")
}
