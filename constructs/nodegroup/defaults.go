package nodegroup

import "github.com/ballast-eks/ballast/internal/defaults"

// Defaults and limits.
const (
	DefaultMinSize = 1
	DefaultMaxSize = 3
	// DefaultDiskSizeGiB leaves space for images and logs beyond the EKS
	// default of 20 GiB, so image garbage collection is rare.
	DefaultDiskSizeGiB = 50
	// MinDiskSizeGiB is the size of the EKS AMIs' snapshots.
	MinDiskSizeGiB = 20
	// MaxDiskSizeGiB is gp3's limit (16 TiB).
	MaxDiskSizeGiB = 16384
	// BottlerocketOSVolumeGiB is the size of Bottlerocket's OS volume
	// (/dev/xvda); images live on the data volume (/dev/xvdb).
	BottlerocketOSVolumeGiB = 4
	// DefaultMetadataHopLimit keeps IMDS unreachable from pods.
	DefaultMetadataHopLimit = 1
	// DefaultMaxUnavailablePercentage rolls at most a third of a group's
	// nodes at once.
	DefaultMaxUnavailablePercentage = 33
	// MaxNodesPerGroup is the EKS quota on nodes in one managed node group.
	MaxNodesPerGroup = 450
	// MaxNodeGroupsPerCluster is the EKS quota on managed node groups per
	// cluster (every AZ of every set counts).
	MaxNodeGroupsPerCluster = 30
	// MinSpotInstanceTypes is the minimum number of instance types of a
	// spot group; MinSpotGenerations the number of generations below which
	// a warning is added.
	MinSpotInstanceTypes = 3
	MinSpotGenerations   = 3
	// GroupLabel is the node label naming the logical group.
	GroupLabel = "ballast.dev/node-group"
	// ZoneLabel carries the node group's AZ; it always equals the
	// topology.kubernetes.io/zone label the kubelet sets.
	ZoneLabel = "ballast.dev/availability-zone"
)

// DefaultInstanceTypes are used when InstanceTypes is nil.
var DefaultInstanceTypes = []string{"m6i.large"}

func withDefaults(p NodeGroupSetProps) NodeGroupSetProps {
	out := p
	if out.InstanceTypes == nil { // an empty, non-nil list is a validation error
		out.InstanceTypes = append([]string(nil), DefaultInstanceTypes...)
	}
	defaults.Set(&out.CapacityType, OnDemand)
	defaults.Set(&out.AMIFamily, AL2023)
	defaults.Set(&out.MinSize, DefaultMinSize)
	defaults.Set(&out.MaxSize, DefaultMaxSize)
	defaults.Set(&out.DesiredSize, *out.MinSize)
	defaults.Set(&out.DiskSizeGiB, DefaultDiskSizeGiB)
	defaults.Set(&out.MetadataHopLimit, DefaultMetadataHopLimit)
	defaults.Set(&out.DetailedMonitoring, false)
	defaults.Set(&out.MaxUnavailablePercentage, DefaultMaxUnavailablePercentage)
	defaults.Set(&out.ForceUpdate, false)
	defaults.Set(&out.AcceleratorTaint, true)
	defaults.Set(&out.RepairMaxUnhealthyPercentage, DefaultRepairMaxUnhealthyPercentage)
	defaults.Set(&out.RepairMaxParallel, DefaultRepairMaxParallel)
	return withAcceleratorTaint(out)
}
