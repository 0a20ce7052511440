package platform

import (
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/fargate"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
)

// Props describes one environment of the platform in Go values: where it
// runs, its profile policy, and the props of every construct it composes.
// Fields the platform wires between stacks (VPCs, subnets, keys, the EKS
// cluster, the node role, availability zones of node groups, IP demand)
// are left unset; a value there would be ignored, so it is an error.
type Props struct {
	// Name prefixes the stack names (<name>-network, <name>-storage,
	// <name>-cluster), export names and KMS aliases. Two platforms in one
	// app need different names. Default: Cluster.ClusterName.
	Name string
	// Profile is the environment's policy (removal, termination
	// protection, accepted warnings, rule-pack options). Default: Prod.
	Profile *Profile
	// Account is the 12-digit AWS account; "" synthesizes
	// environment-agnostic stacks. Default: "".
	Account string
	// Region is the AWS region, e.g. "eu-west-1". Required.
	Region string
	// Acknowledged are departures this environment accepts on top of its
	// profile's: each warning ID (one of KnownWarnings), with its reason,
	// is acknowledged in every stack of the platform, so `cdk synth
	// --strict` passes. Default: none.
	Acknowledged []Acceptance
	// Tags are added to every taggable resource of the platform's stacks,
	// besides ballast:env=<profile name>. Default: none.
	Tags map[string]string

	// Network is the VPC the platform creates. Its AvailabilityZones are
	// the platform's; IPDemand and CNI are derived by the platform (from
	// NodeGroups and Addons.VpcCni) and must be left unset. Must be empty
	// when ExistingNetwork is set.
	Network network.NetworkProps
	// ExistingNetwork, when set, imports a VPC by ID instead of creating
	// one: the network stack creates nothing. Default: nil.
	ExistingNetwork *network.ExistingNetworkProps

	// Storage configures the storage stack's keys and data.
	Storage StorageProps

	// Cluster configures the control plane. Vpc, ControlPlaneSubnets,
	// SecretsKey and LogsKey are wired by the platform. Default
	// RemovalPolicy: the profile's.
	Cluster cluster.ClusterProps
	// NodeGroups are the logical node groups, each one managed node group
	// per AZ in the private subnets. Cluster, KubernetesVersion, NodeRole,
	// VolumeKey, Subnets and AvailabilityZones are wired by the platform.
	// Must be empty with EKS Auto Mode. Default: none.
	NodeGroups []nodegroup.NodeGroupSetProps
	// Addons configures the EKS managed add-ons; nil installs none. Its
	// Cluster, KubernetesVersion, EBSKey, NodeGroups and AutoMode are wired
	// by the platform. Its VpcCni is the one vpc-cni setting the network's
	// IP capacity check also counts with. With EKS Auto Mode only the
	// add-ons Auto Mode lacks are installed (addon.AutoModeAddons), so the
	// core add-ons' settings must be unset. Default: none.
	Addons *addon.AddonsProps
	// Monitoring, when non-nil, watches the cluster from the cluster stack
	// (alarms, audit-log detections, dashboard, alarm topic). Its
	// ClusterName, LogGroup, BreakGlassRole and ScalingTier are wired by
	// the platform. Default: none.
	Monitoring *monitoring.MonitoringProps
	// Baseline, when non-nil, renders the in-cluster baseline (team
	// namespaces, policies, priority classes, over-provisioning, the
	// admission policy) into the cloud assembly at synthesis, under
	// <cluster name>/gitops. ClusterName, KubernetesVersion and
	// OverProvisioning.AvailabilityZones are wired by the platform;
	// placeholders are sized to one node of the first node group unless
	// CPU or Memory is set. Default: nil (no folder).
	Baseline *baseline.BaselineProps
	// Karpenter configures Karpenter's node pool and AWS side when
	// Cluster.Compute is cluster.ComputeKarpenter (the first node group
	// runs the controller; Baseline is required, for the NodePool).
	// Cluster, ClusterName, AvailabilityZones and ControllerNodeSelector
	// are wired by the platform. Must be nil in other compute modes.
	// Default: Karpenter's defaults in Karpenter mode.
	Karpenter *karpenter.KarpenterProps
	// Fargate are Fargate profiles of the cluster, run in the private
	// subnets with one pod execution role. Default: none.
	Fargate []fargate.ProfileProps

	// Generations, when set, are cluster generations (blue/green) sharing
	// the network and storage stacks: each gets its own cluster stack
	// (<Name>-cluster-<generation>) and cluster (<Cluster.ClusterName>-
	// <generation>), wired alike (node groups, add-ons and their Pod
	// Identity roles, access entries, logs). The IP capacity check counts
	// every generation at max scale against the shared subnets.
	// Default: none (one cluster stack, <Name>-cluster).
	Generations []Generation
}

// StorageProps configures the storage stack. Keys, VPC and subnets are
// wired by the platform.
type StorageProps struct {
	// Keys configures the platform's KMS keys.
	// Default AliasPrefix: "alias/ballast/<Name>".
	Keys storage.KeysProps
	// FileSystem, when non-nil, creates the shared EFS file system (with
	// a mount target per AZ and an AWS Backup plan); leave its Vpc,
	// Subnets and Key unset. Default: none.
	FileSystem *storage.FileSystemProps
	// Backup configures the file system's AWS Backup plan; leave its Key
	// and Resources unset. Must be empty without FileSystem.
	Backup storage.BackupProps
	// BackupBucket, when non-nil, creates the backup bucket (Velero) with
	// its access-log bucket; Key defaults to the platform's backup key.
	// Default: none.
	BackupBucket *storage.BackupBucketProps
}
