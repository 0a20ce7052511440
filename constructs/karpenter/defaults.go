package karpenter

import (
	"slices"

	"github.com/ballast-eks/ballast/internal/defaults"
)

// Defaults of KarpenterProps.
const (
	DefaultNamespace        = "kube-system"
	DefaultServiceAccount   = "karpenter"
	DefaultExpireAfter      = "720h"
	DefaultConsolidateAfter = "1m"
	DefaultDisruptionBudget = "10%"
	DefaultCPULimit         = 1000
	DefaultAMIAlias         = "al2023@latest"
	DefaultDiskSizeGiB      = 50
	// DefaultChartVersion is the Karpenter release the values are written
	// for (v1.15.0, October 2026); check Karpenter's compatibility matrix
	// against the cluster's Kubernetes version when bumping either.
	DefaultChartVersion = "1.15.0"
	// MaxClusterNameLength keeps the node role's name
	// (<cluster>-karpenter-node) within IAM's 64 characters.
	MaxClusterNameLength = 64 - len(nodeRoleSuffix)
)

// DefaultInstanceFamilies are current x86 general-purpose, compute and
// memory families: enough variety for spot.
var DefaultInstanceFamilies = []string{"m6i", "m6a", "m7i", "c6i", "c7i", "r6i", "r7i"}

// DefaultCapacityTypes lets Karpenter prefer spot and fall back to
// on-demand.
var DefaultCapacityTypes = []CapacityType{OnDemand, Spot}

// WithDefaults returns a filled copy of p; p is not modified.
func (p KarpenterProps) WithDefaults() KarpenterProps {
	out := p
	defaults.Set(&out.Namespace, DefaultNamespace)
	defaults.Set(&out.ServiceAccount, DefaultServiceAccount)
	if out.InstanceFamilies == nil {
		out.InstanceFamilies = slices.Clone(DefaultInstanceFamilies)
	}
	if out.CapacityTypes == nil {
		out.CapacityTypes = slices.Clone(DefaultCapacityTypes)
	}
	defaults.Set(&out.ExpireAfter, DefaultExpireAfter)
	defaults.Set(&out.ConsolidationPolicy, WhenEmptyOrUnderutilized)
	defaults.Set(&out.ConsolidateAfter, DefaultConsolidateAfter)
	defaults.Set(&out.DisruptionBudget, DefaultDisruptionBudget)
	defaults.Set(&out.CPULimit, DefaultCPULimit)
	defaults.Set(&out.AMIAlias, DefaultAMIAlias)
	defaults.Set(&out.DiskSizeGiB, DefaultDiskSizeGiB)
	defaults.Set(&out.ChartVersion, DefaultChartVersion)
	return out
}
