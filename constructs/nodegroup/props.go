package nodegroup

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
)

// CapacityType says how the nodes are bought.
type CapacityType string

// Capacity types.
const (
	OnDemand CapacityType = "ON_DEMAND"
	Spot     CapacityType = "SPOT"
)

// AMIFamily is the operating system of the nodes. The architecture is
// derived from the instance types.
type AMIFamily string

// AMI families. AL2 is named only to be rejected with a clear message: it
// reached end of support and EKS publishes no AL2 AMIs for current versions.
const (
	AL2023       AMIFamily = "AL2023"
	Bottlerocket AMIFamily = "BOTTLEROCKET"
	AL2          AMIFamily = "AL2"
)

// TaintEffect is a Kubernetes taint effect.
type TaintEffect string

// Taint effects, spelled as in Kubernetes.
const (
	NoSchedule       TaintEffect = "NoSchedule"
	PreferNoSchedule TaintEffect = "PreferNoSchedule"
	NoExecute        TaintEffect = "NoExecute"
)

// Taint is a Kubernetes taint put on every node of the group.
type Taint struct {
	Key    string
	Value  string
	Effect TaintEffect
}

// NodeGroupSetProps configures a NodeGroupSet: one logical group, expanded
// into one managed node group per AZ. Sizes are per AZ.
type NodeGroupSetProps struct {
	// Cluster the nodes join. Required.
	Cluster awseksv2.ICluster
	// KubernetesVersion is the cluster's version ("1.36"); every node group
	// gets it, so upgrading the control plane in code rolls the nodes after
	// it. Required.
	KubernetesVersion *string
	// NodeRole is the nodes' IAM role, shared by every group of the
	// cluster (see NewNodeRole). Required.
	NodeRole awsiam.IRole
	// VolumeKey encrypts the nodes' EBS volumes (the storage package's EBS
	// key). Its policy must let the Auto Scaling service-linked role use it
	// (storage.Keys.EBS does; see storage.AllowAutoScalingVolumes). Required.
	VolumeKey awskms.IKey
	// Name of the logical group, e.g. "system". Required.
	Name *string
	// Subnets are the private subnets, one per AZ; one node group is made
	// for each. Required, one per AvailabilityZones entry.
	Subnets []awsec2.ISubnet
	// AvailabilityZones name the AZ of each subnet, in the same order.
	// Required, at least 2.
	AvailabilityZones []string
	// InstanceTypes of the nodes, all from the ec2types table and of one
	// architecture; an empty, non-nil list is an error.
	// Default: DefaultInstanceTypes (when nil).
	InstanceTypes []string
	// CapacityType is ON_DEMAND or SPOT. Spot needs at least
	// MinSpotInstanceTypes types of one size class. Default: OnDemand.
	CapacityType *CapacityType
	// AMIFamily is AL2023 or BOTTLEROCKET. Default: AL2023.
	AMIFamily *AMIFamily
	// ReleaseVersion pins the AMI release (AL2023 "1.36.0-20260115",
	// Bottlerocket "1.30.0-1a2b3c4d"); bump it deliberately to roll patched
	// AMIs. Default: the latest release when a group is created.
	ReleaseVersion *string
	// MinSize per AZ, 0 to MaxNodesPerGroup. Default: DefaultMinSize.
	MinSize *int
	// DesiredSize per AZ, from MinSize to MaxSize. Default: MinSize.
	DesiredSize *int
	// MaxSize per AZ, 1 to MaxNodesPerGroup and at least MinSize.
	// Default: DefaultMaxSize.
	MaxSize *int
	// Labels are added to every node, besides GroupLabel and ZoneLabel.
	// Keys and values follow Kubernetes label syntax. Default: none.
	Labels map[string]string
	// Taints are put on every node. Default: none.
	Taints []Taint
	// DiskSizeGiB is the size of the encrypted gp3 volume holding container
	// images (AL2023: the root volume; Bottlerocket: the data volume),
	// MinDiskSizeGiB to MaxDiskSizeGiB. Default: DefaultDiskSizeGiB.
	DiskSizeGiB *int
	// MetadataHopLimit is the IMDSv2 response hop limit: 1 keeps pods off
	// the node role's credentials; 2 (for pods that need IMDS) adds a
	// warning. Default: DefaultMetadataHopLimit.
	MetadataHopLimit *int
	// DetailedMonitoring turns on 1-minute EC2 metrics. Default: false.
	DetailedMonitoring *bool
	// MaxUnavailablePercentage bounds how many nodes an update takes down
	// at once. Default: DefaultMaxUnavailablePercentage.
	MaxUnavailablePercentage *int
	// ForceUpdate lets updates proceed when PodDisruptionBudgets block a
	// drain. Setting it true adds a warning. Default: false.
	ForceUpdate *bool
	// InstanceFacts give the facts of instance types the ec2types table
	// does not know, by type; each must be one of InstanceTypes and
	// unknown to the table. Default: none.
	InstanceFacts map[string]InstanceFacts
	// AcceleratorTaint taints the nodes of a GPU or Neuron group
	// (NVIDIATaintKey or NeuronTaintKey)=true:NoSchedule, so only pods
	// that tolerate it (and request the device) land there; the nodes are
	// labelled AcceleratorLabel either way, and the AMI type is the
	// accelerator's (AL2023 or Bottlerocket NVIDIA, AL2023 Neuron).
	// Default: true.
	AcceleratorTaint *bool
	// RepairMaxUnhealthyPercentage stops node auto repair in a group once
	// this share of its nodes is unhealthy (1 to 100).
	// Default: DefaultRepairMaxUnhealthyPercentage.
	RepairMaxUnhealthyPercentage *int
	// RepairMaxParallel is how many nodes of a group auto repair replaces
	// at once. Default: DefaultRepairMaxParallel.
	RepairMaxParallel *int
}
