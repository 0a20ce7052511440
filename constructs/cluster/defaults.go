package cluster

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/ballast-eks/ballast/internal/defaults"
)

// SupportedVersions are the Kubernetes versions Ballast accepts with the
// standard upgrade policy: versions aws-cdk-lib's awseksv2 names (1.25 to
// 1.37 in 2.276) that are in EKS standard support as of November 2026 and
// have a row in the add-on version table.
//
//	1.34  standard support ends 2026-12-02 (upgrade before then)
//	1.35  standard support ends 2027-03
//	1.36  released on EKS mid 2026
//
// EKS upgrades a STANDARD cluster by itself when standard support ends; the
// template then pins an older version than the cluster runs, and the next
// deploy fails. Bump Version before the date.
var SupportedVersions = []string{"1.34", "1.35", "1.36"}

// ExtendedSupportVersions are accepted only with UpgradeExtended: they left
// standard support but are in EKS extended support as of November 2026.
//
//	1.32  extended support ends 2027-03-23
//	1.33  extended support ends 2027-07-29
//
// 1.31's extended support ends 2026-11-26, too soon to create a cluster on.
var ExtendedSupportVersions = []string{"1.32", "1.33"}

// DefaultVersion is the newest of SupportedVersions (1.36, on EKS since mid
// 2026).
const DefaultVersion = "1.36"

// DefaultLogRetentionDays is the control-plane log retention: a year, the
// least AWS Control Tower's CT.CLOUDWATCH.PR.2 accepts (the reference app's
// dev and staging profiles choose shorter).
const DefaultLogRetentionDays = 365

// DefaultRollbackTimeoutMinutes is the control-plane version rollback
// window EKS documents as its default: 720 minutes (12 hours).
const DefaultRollbackTimeoutMinutes = 720

// DefaultUpgradePolicy lets EKS upgrade at end of standard support rather
// than bill for extended support.
const DefaultUpgradePolicy = UpgradeStandard

// DefaultScalingTier is the control plane EKS sizes by itself, at no extra
// cost.
const DefaultScalingTier = TierStandard

// DefaultCompute is managed node groups, added by the caller.
const DefaultCompute = ComputeNodeGroups

// DefaultRemovalPolicy keeps the cluster (and its etcd state) when
// CloudFormation stops managing it.
const DefaultRemovalPolicy = awscdk.RemovalPolicy_RETAIN

// AutoModeNodePools are the built-in node pools enabled with ComputeAuto.
var AutoModeNodePools = []string{"system", "general-purpose"}

// LogTypes are the five control-plane log types, all enabled.
var LogTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

// ScalingTiers lists every accepted control-plane scaling tier.
var ScalingTiers = []ScalingTier{TierStandard, TierXL, Tier2XL, Tier4XL, Tier8XL}

// withDefaults returns a copy of p with every unset field filled in.
func withDefaults(p ClusterProps) ClusterProps {
	out := p
	defaults.Set(&out.Version, DefaultVersion)
	defaults.Set(&out.UpgradePolicy, DefaultUpgradePolicy)
	defaults.Set(&out.EndpointAccess, EndpointPrivate)
	defaults.Set(&out.AllowOpenPublicEndpoint, false)
	defaults.Set(&out.BreakGlass, true)
	defaults.Set(&out.LogRetentionDays, DefaultLogRetentionDays)
	defaults.Set(&out.RollbackTimeoutMinutes, DefaultRollbackTimeoutMinutes)
	defaults.Set(&out.ZonalShift, true)
	defaults.Set(&out.DeletionProtection, true)
	defaults.Set(&out.RemovalPolicy, DefaultRemovalPolicy)
	defaults.Set(&out.ScalingTier, DefaultScalingTier)
	defaults.Set(&out.Compute, DefaultCompute)
	return out
}
