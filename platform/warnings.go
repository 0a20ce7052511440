package platform

import (
	"slices"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
)

// KnownWarnings are the warning IDs the platform's constructs and the EKS
// rule pack can raise: what Props.Acknowledged may name. A test keeps the
// list equal to the warnings catalogue read from the code.
var KnownWarnings = []string{
	network.WarnSingleNAT, network.WarnTwoAZs, network.WarnIPCapacity,
	storage.WarnNotRetained, storage.WarnKeyNotRetained,
	cluster.WarnPublicEndpoint, cluster.WarnExtendedSupport, cluster.WarnNoDeletionGuard, cluster.WarnControlPlaneEgress,
	addon.WarnCoreDNSReplicas, addon.WarnNoNodeGroups,
	nodegroup.WarnHopLimit, nodegroup.WarnForceUpdate, nodegroup.WarnSpotDiversity,
	monitoring.WarnGuardDuty,
	checks.WarnSubnetsUnverified, checks.WarnLaunchTemplateUnverified, checks.RuleAddonOrder,
	checks.RuleNodeEgress + "-unverified", checks.RulePrivateEndpointVpc + "-unverified", checks.RuleVersionSkew + "-lag",
}

// knownWarning reports whether id is one of KnownWarnings.
func knownWarning(id string) bool { return slices.Contains(KnownWarnings, id) }
