package karpenter

import "github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"

// CapacityType is a Karpenter capacity type.
type CapacityType string

// The capacity types Karpenter launches.
const (
	OnDemand CapacityType = "on-demand"
	Spot     CapacityType = "spot"
)

// ConsolidationPolicy says which nodes Karpenter may consolidate.
type ConsolidationPolicy string

// Consolidation policies (NodePool spec.disruption.consolidationPolicy).
const (
	WhenEmpty                ConsolidationPolicy = "WhenEmpty"
	WhenEmptyOrUnderutilized ConsolidationPolicy = "WhenEmptyOrUnderutilized"
)

// KarpenterProps configures Karpenter's AWS side and its node pool.
type KarpenterProps struct {
	// Cluster Karpenter manages nodes for. Required.
	Cluster awseksv2.Cluster
	// ClusterName is the cluster's name as a literal (it appears in IAM
	// conditions, the queue name and the manifests); at most
	// MaxClusterNameLength characters. Required.
	ClusterName *string
	// AvailabilityZones Karpenter launches nodes in. Required, at least 2.
	AvailabilityZones []string
	// Namespace of the controller. Default: DefaultNamespace.
	Namespace *string
	// ServiceAccount of the controller. Default: DefaultServiceAccount.
	ServiceAccount *string
	// InstanceFamilies Karpenter may launch (ec2types families of one
	// architecture). Default: DefaultInstanceFamilies.
	InstanceFamilies []string
	// CapacityTypes Karpenter may buy; spot is preferred when listed.
	// Default: on-demand and spot.
	CapacityTypes []CapacityType
	// ExpireAfter replaces every node after this long (a Go duration in
	// hours, such as "720h"), so nodes pick up patched AMIs.
	// Default: DefaultExpireAfter.
	ExpireAfter *string
	// ConsolidationPolicy: which nodes may be consolidated.
	// Default: WhenEmptyOrUnderutilized.
	ConsolidationPolicy *ConsolidationPolicy
	// ConsolidateAfter waits this long after a pod change before
	// consolidating (a duration such as "1m"). Default: DefaultConsolidateAfter.
	ConsolidateAfter *string
	// DisruptionBudget is how many nodes Karpenter may disrupt at once, a
	// count or a percentage ("10%"). Default: DefaultDisruptionBudget.
	DisruptionBudget *string
	// CPULimit caps the vCPUs of all the pool's nodes together.
	// Default: DefaultCPULimit.
	CPULimit *int
	// AMIAlias selects the EC2NodeClass's AMIs ("al2023@v20260115" pins a
	// release; "al2023@latest" follows new ones, drifting nodes).
	// Default: DefaultAMIAlias.
	AMIAlias *string
	// DiskSizeGiB is each node's encrypted gp3 root volume.
	// Default: DefaultDiskSizeGiB.
	DiskSizeGiB *int
	// ChartVersion is the Karpenter chart (and CRD) version the values are
	// written for. Default: DefaultChartVersion.
	ChartVersion *string
	// ControllerNodeSelector places the controller on capacity Karpenter
	// does not manage (the system node group). Default: none.
	ControllerNodeSelector map[string]string
}
