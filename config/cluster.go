package config

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/logretention"
)

// The cluster room's variables (the older ones are in vars.go).
const (
	VarUpgradePolicy        = "BALLAST_UPGRADE_POLICY"
	VarAllowOpenEndpoint    = "BALLAST_ALLOW_OPEN_ENDPOINT"
	VarBreakGlass           = "BALLAST_BREAK_GLASS"
	VarBreakGlassPrincipals = "BALLAST_BREAK_GLASS_PRINCIPALS"
	VarDeletionProtection   = "BALLAST_DELETION_PROTECTION"
	VarControlPlaneTier     = "BALLAST_CONTROL_PLANE_TIER"
	VarCompute              = "BALLAST_COMPUTE"
)

// EndpointAccess says where the Kubernetes API endpoint is reachable from.
type EndpointAccess string

// The endpoint modes BALLAST_ENDPOINT_ACCESS accepts.
const (
	EndpointPrivate          EndpointAccess = "private"
	EndpointPublicAndPrivate EndpointAccess = "public-and-private"
)

// UpgradePolicy is what EKS does when the version leaves standard support.
type UpgradePolicy string

// The policies BALLAST_UPGRADE_POLICY accepts.
const (
	// UpgradeStandard: EKS upgrades the cluster at end of standard support.
	UpgradeStandard UpgradePolicy = "standard"
	// UpgradeExtended: 12 more months on the version, at extra cost.
	UpgradeExtended UpgradePolicy = "extended"
)

// ComputeMode selects who runs the data plane.
type ComputeMode string

// The modes BALLAST_COMPUTE accepts.
const (
	// ComputeNodeGroups: managed node groups, one per AZ.
	ComputeNodeGroups ComputeMode = "nodegroups"
	// ComputeAuto: EKS Auto Mode; no node groups are created.
	ComputeAuto ComputeMode = "auto"
)

// ClusterConfig is the cluster room's configuration.
type ClusterConfig struct {
	// KubernetesVersion is the control-plane version, e.g. "1.36".
	KubernetesVersion string
	// UpgradePolicy is standard, or extended (the opt-in to extended
	// support and its cost).
	UpgradePolicy UpgradePolicy
	// EndpointAccess selects private or public-and-private API access.
	EndpointAccess EndpointAccess
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
	// DeletionProtection guards the cluster against deletion.
	DeletionProtection bool
	// ControlPlaneTier is the control-plane scaling tier.
	ControlPlaneTier string
	// Compute selects managed node groups or EKS Auto Mode.
	Compute ComputeMode
}

// KubernetesVersions are the versions accepted with the standard upgrade
// policy (cluster.SupportedVersions).
var KubernetesVersions = cluster.SupportedVersions

// ExtendedSupportVersions are accepted only with BALLAST_UPGRADE_POLICY=extended.
var ExtendedSupportVersions = cluster.ExtendedSupportVersions

// DefaultKubernetesVersion is the library's default version.
const DefaultKubernetesVersion = cluster.DefaultVersion

var clusterVars = []Var{
	{VarK8sVersion, "Kubernetes version of the control plane and node groups.",
		"one of " + strings.Join(KubernetesVersions, ", ") + "; with " + VarUpgradePolicy + "=extended also " + strings.Join(ExtendedSupportVersions, ", "),
		fixed(DefaultKubernetesVersion), func(c *Config, raw string) error { c.KubernetesVersion = raw; return nil }},
	{VarUpgradePolicy, "What EKS does at the end of standard support: standard upgrades the cluster automatically; extended keeps the version 12 more months at extra cost.",
		"standard | extended", fixed(string(UpgradeStandard)),
		func(c *Config, raw string) error { c.UpgradePolicy = UpgradePolicy(raw); return nil }},
	{VarPublicAccessCIDRs, "CIDRs allowed to reach the public API endpoint.", "comma-separated IPv4 CIDRs; 0.0.0.0/0 only with " + VarAllowOpenEndpoint + "=on",
		fixed(""), func(c *Config, raw string) error { c.PublicAccessCIDRs = List(raw); return nil }},
	{VarEndpointAccess, "Kubernetes API endpoint access. In dev the default is public-and-private when " + VarPublicAccessCIDRs + " is set, else private.", "private | public-and-private",
		func(p Profile, c *Config, _ Lookup) string {
			if p == ProfileDev && len(c.PublicAccessCIDRs) > 0 {
				return string(EndpointPublicAndPrivate)
			}
			return string(EndpointPrivate)
		},
		func(c *Config, raw string) error { c.EndpointAccess = EndpointAccess(raw); return nil }},
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
	{VarDeletionProtection, "EKS deletion protection on the cluster.", switchAccepted,
		perProfile("off", "on", "on"), setOnOff(func(c *Config) *bool { return &c.DeletionProtection })},
	{VarControlPlaneTier, "Control-plane scaling tier (EKS Provisioned Control Plane; tiers above standard are billed hourly).",
		tierList(), fixed(string(cluster.DefaultScalingTier)), func(c *Config, raw string) error { c.ControlPlaneTier = raw; return nil }},
	{VarCompute, "Who runs the nodes: managed node groups (one per AZ), or EKS Auto Mode (no node groups are created).",
		"nodegroups | auto", fixed(string(ComputeNodeGroups)), func(c *Config, raw string) error { c.Compute = ComputeMode(raw); return nil }},
}

func (c *Config) validateCluster(p *problems) {
	c.validateVersion(p)
	c.validateEndpoint(p)
	c.validateAccess(p)
	if !logretention.Valid(c.LogRetentionDays) {
		p.add(VarLogRetentionDays, strconv.Itoa(c.LogRetentionDays), "not a CloudWatch Logs retention value")
	}
	if !slices.Contains(cluster.ScalingTiers, cluster.ScalingTier(c.ControlPlaneTier)) {
		p.add(VarControlPlaneTier, c.ControlPlaneTier, "unknown control-plane scaling tier")
	}
	if c.Compute != ComputeNodeGroups && c.Compute != ComputeAuto {
		p.add(VarCompute, string(c.Compute), "unknown compute mode")
	}
}

func (c *Config) validateVersion(p *problems) {
	if c.UpgradePolicy != UpgradeStandard && c.UpgradePolicy != UpgradeExtended {
		p.add(VarUpgradePolicy, string(c.UpgradePolicy), "unknown upgrade policy")
	}
	switch {
	case slices.Contains(KubernetesVersions, c.KubernetesVersion):
	case slices.Contains(ExtendedSupportVersions, c.KubernetesVersion):
		if c.UpgradePolicy != UpgradeExtended {
			p.add(VarK8sVersion, c.KubernetesVersion, "only in EKS extended support, which costs extra; opt in with %s=extended or use %s",
				VarUpgradePolicy, strings.Join(KubernetesVersions, ", "))
		}
	default:
		p.add(VarK8sVersion, c.KubernetesVersion, "unsupported Kubernetes version")
	}
}

func (c *Config) validateEndpoint(p *problems) {
	switch c.EndpointAccess {
	case EndpointPrivate:
		if len(c.PublicAccessCIDRs) > 0 {
			p.add(VarPublicAccessCIDRs, joinList(c.PublicAccessCIDRs), "public access CIDRs need %s=public-and-private", VarEndpointAccess)
		}
	case EndpointPublicAndPrivate:
		if len(c.PublicAccessCIDRs) == 0 {
			p.add(VarPublicAccessCIDRs, "", "public-and-private endpoint access needs the CIDRs allowed to reach it")
		}
	default:
		p.add(VarEndpointAccess, string(c.EndpointAccess), "unknown endpoint access mode")
	}
	for _, cidr := range c.PublicAccessCIDRs {
		pr, err := netip.ParsePrefix(cidr)
		switch {
		case err != nil || !pr.Addr().Is4() || pr.Masked() != pr:
			p.add(VarPublicAccessCIDRs, cidr, "not an IPv4 CIDR")
		case cluster.IsOpenCIDR(pr) && !c.AllowOpenEndpoint:
			p.add(VarPublicAccessCIDRs, cidr, "opens the Kubernetes API endpoint to the whole internet (any block larger than a /%d counts); if that is really meant, opt in with %s=on (the synth then warns %s)",
				cluster.OpenPrefixBits, VarAllowOpenEndpoint, cluster.WarnPublicEndpoint)
		}
	}
}

func (c *Config) validateAccess(p *problems) {
	for _, arn := range c.AdminRoleARNs {
		if !cluster.RoleARNPattern.MatchString(arn) {
			p.add(VarAdminRoleARNs, arn, "not an IAM role ARN")
		}
	}
	for _, arn := range c.BreakGlassPrincipals {
		if !cluster.PrincipalARNPattern.MatchString(arn) {
			p.add(VarBreakGlassPrincipals, arn, "not an IAM account root, user or role ARN")
		}
	}
	if !c.BreakGlass && len(c.BreakGlassPrincipals) > 0 {
		p.add(VarBreakGlassPrincipals, joinList(c.BreakGlassPrincipals), "set, but %s=false", VarBreakGlass)
	}
	if !c.BreakGlass && len(c.AdminRoleARNs) == 0 {
		p.add(VarAdminRoleARNs, "", "no principal could administer the cluster: name at least one admin role, or keep %s=on", VarBreakGlass)
	}
}

// clusterFlag parses a true/false variable into the field field returns.

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
