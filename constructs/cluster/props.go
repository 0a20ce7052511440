package cluster

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
)

// EndpointAccess says where the Kubernetes API endpoint is reachable from.
type EndpointAccess string

// Endpoint access modes.
const (
	EndpointPrivate          EndpointAccess = "private"
	EndpointPublicAndPrivate EndpointAccess = "public-and-private"
)

// UpgradePolicy is what EKS does when the version leaves standard support.
type UpgradePolicy string

// Upgrade policies (AWS::EKS::Cluster UpgradePolicy.SupportType).
const (
	// UpgradeStandard lets EKS upgrade the cluster automatically at the end
	// of standard support. No extra cost.
	UpgradeStandard UpgradePolicy = "STANDARD"
	// UpgradeExtended keeps the version in extended support for another 12
	// months, at an extra hourly cost per cluster.
	UpgradeExtended UpgradePolicy = "EXTENDED"
)

// ScalingTier is the control-plane scaling tier (EKS Provisioned Control
// Plane). Tiers above standard are billed per hour.
type ScalingTier string

// Control-plane scaling tiers.
const (
	TierStandard ScalingTier = "standard"
	TierXL       ScalingTier = "tier-xl"
	Tier2XL      ScalingTier = "tier-2xl"
	Tier4XL      ScalingTier = "tier-4xl"
	Tier8XL      ScalingTier = "tier-8xl"
)

// ComputeMode selects who runs the data plane.
type ComputeMode string

// Compute modes.
const (
	// ComputeNodeGroups: the caller adds managed node groups.
	ComputeNodeGroups ComputeMode = "nodegroups"
	// ComputeAuto: EKS Auto Mode runs the nodes (built-in "system" and
	// "general-purpose" node pools) and the core networking add-ons.
	ComputeAuto ComputeMode = "auto"
	// ComputeKarpenter: managed node groups run the system workloads
	// (Karpenter's controller among them); Karpenter (constructs/karpenter)
	// launches the rest. The cluster itself is built as for
	// ComputeNodeGroups.
	ComputeKarpenter ComputeMode = "karpenter"
)

// ClusterProps configures a Cluster.
type ClusterProps struct {
	// Vpc the cluster runs in. Required.
	Vpc awsec2.IVpc
	// ControlPlaneSubnets receive the control-plane ENIs; give one private
	// (or dedicated control-plane) subnet per AZ. With ComputeAuto the
	// built-in node pools also place nodes here, so give private subnets
	// with egress. Required, at least 2.
	ControlPlaneSubnets []awsec2.ISubnet
	// SecretsKey encrypts Kubernetes secrets. Required.
	SecretsKey awskms.IKey
	// LogsKey encrypts the control-plane log group; its key policy must
	// allow the CloudWatch Logs service principal. Required.
	LogsKey awskms.IKey
	// ClusterName is the EKS cluster name (create-only: changing it
	// replaces the cluster). Required.
	ClusterName *string
	// Version is the Kubernetes version, one of SupportedVersions, or of
	// ExtendedSupportVersions with UpgradeExtended.
	// Default: DefaultVersion.
	Version *string
	// UpgradePolicy is what EKS does at the end of standard support.
	// Default: UpgradeStandard.
	UpgradePolicy *UpgradePolicy
	// EndpointAccess selects private or public-and-private API access.
	// Default: EndpointPrivate.
	EndpointAccess *EndpointAccess
	// PublicAccessCIDRs limit the public endpoint: IPv4 CIDRs without host
	// bits, required when EndpointAccess is public-and-private and not
	// allowed otherwise. Default: none.
	PublicAccessCIDRs []string
	// AllowOpenPublicEndpoint must be true for PublicAccessCIDRs to contain
	// 0.0.0.0/0; the construct then warns (ballast:cluster-public-endpoint).
	// Default: false.
	AllowOpenPublicEndpoint *bool
	// AdminRoleARNs get cluster-admin access entries. Default: none.
	AdminRoleARNs []string
	// BreakGlass creates an emergency cluster-admin role. With it off,
	// AdminRoleARNs must name at least one role. Default: true.
	BreakGlass *bool
	// BreakGlassPrincipals are the IAM ARNs (account root, users, roles)
	// that may assume the break-glass role. Account roots and users must
	// use MFA. Default: the cluster's account root, with MFA.
	BreakGlassPrincipals []string
	// LogRetentionDays is the retention of the control-plane log group,
	// one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, ...).
	// Default: DefaultLogRetentionDays.
	LogRetentionDays *int
	// RollbackTimeoutMinutes is the window, after a version upgrade, in
	// which EKS can roll the control plane back to the previous version
	// (AWS::EKS::Cluster RollbackConfig.TimeoutMinutes), set explicitly so
	// an in-place upgrade keeps a way back. Default:
	// DefaultRollbackTimeoutMinutes.
	RollbackTimeoutMinutes *int
	// ZonalShift enables ARC zonal shift, so traffic can be moved away
	// from an impaired AZ. Default: true.
	ZonalShift *bool
	// DeletionProtection stops the cluster from being deleted until it is
	// turned off. Default: true.
	DeletionProtection *bool
	// RemovalPolicy applies to the cluster and every resource of this
	// construct when CloudFormation stops managing them.
	// Default: awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
	// ScalingTier is the control-plane scaling tier. Default: TierStandard.
	ScalingTier *ScalingTier
	// Compute selects managed node groups or EKS Auto Mode.
	// Default: ComputeNodeGroups.
	Compute *ComputeMode
	// ControlPlaneEgressCIDRs are the IPv4 blocks the control-plane ENIs
	// may connect to (kubelets, pods, admission webhooks): the VPC's blocks
	// and a secondary pod CIDR. The control-plane security group allows
	// egress to these only. An imported VPC whose block is unknown keeps
	// egress to 0.0.0.0/0 without them, with a warning
	// (ballast:cluster-control-plane-egress-open).
	// Default: the VPC's primary block.
	ControlPlaneEgressCIDRs []string
}
