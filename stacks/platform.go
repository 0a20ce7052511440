package stacks

import (
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
)

// Platform is the reference platform: network, storage and cluster stacks
// built from one environment's configuration.
type Platform struct {
	Network *NetworkStack
	Storage *StorageStack
	Cluster *ClusterStack
}

// Stacks returns the platform's stacks in deployment order.
func (p *Platform) Stacks() []awscdk.Stack {
	return []awscdk.Stack{p.Network.Stack, p.Storage.Stack, p.Cluster.Stack}
}

// StackName returns the name of one of the platform's stacks, e.g.
// "ballast-dev-network".
func StackName(cfg *config.Config, part string) string { return cfg.ClusterName + "-" + part }

// NewPlatform builds the reference platform into app. app must have no
// children yet: the explicit AZs are recorded as context first, so no
// availability-zone lookup is ever needed.
func NewPlatform(app awscdk.App, cfg *config.Config) *Platform {
	PinAvailabilityZones(app, cfg.Account, cfg.Region, cfg.AZs)
	for _, k := range slices.Sorted(maps.Keys(cfg.Tags)) {
		awscdk.Tags_Of(app).Add(jsii.String(k), jsii.String(cfg.Tags[k]), nil)
	}
	awscdk.Tags_Of(app).Add(jsii.String("ballast:env"), jsii.String(string(cfg.Env)), nil)
	p := &Platform{}
	p.Network = NewNetworkStack(app, StackName(cfg, "network"), &NetworkStackProps{
		StackProps:   stackProps(cfg, "VPC and subnets"),
		Network:      networkProps(cfg),
		Existing:     existingNetworkProps(cfg),
		ExportPrefix: cfg.ClusterName,
	})
	if cfg.Env == config.ProfileDev && cfg.NATMode == config.NATSingle {
		// A single NAT gateway is the dev profile's deliberate trade of AZ
		// resilience for cost; outside dev the warning stands.
		awscdk.Annotations_Of(p.Network.Stack).AcknowledgeWarning(jsii.String("ballast:network-single-nat"), jsii.String("dev profile: one NAT gateway by design"))
	}
	p.Storage = NewStorageStack(app, StackName(cfg, "storage"), storageProps(cfg, p))
	// Deploy (and tear down) in one order whatever the references: network,
	// storage, cluster. Without EFS the storage stack references nothing.
	p.Storage.Stack.AddDependency(p.Network.Stack, jsii.String("the platform deploys network, then storage, then cluster"))
	p.Cluster = NewClusterStack(app, StackName(cfg, "cluster"), &ClusterStackProps{
		StackProps:    stackProps(cfg, "EKS control plane and node groups"),
		Cluster:       clusterProps(cfg, p),
		NodeGroups:    nodeGroups(cfg, p),
		NodeVolumeKey: p.Storage.Keys.EBS,
		Addons:        addonsProps(cfg, p),
	})
	acknowledgeClusterWarnings(cfg, p.Cluster)
	grantFileSystemToEFSDriver(p)
	return p
}

// PinAvailabilityZones records azs as the CDK context value an AZ lookup
// would return, so stacks with a concrete account never look them up.
func PinAvailabilityZones(scope constructs.Construct, account, region string, azs []string) {
	if account == "" {
		return // env-agnostic stacks never look up AZs
	}
	key := fmt.Sprintf("availability-zones:account=%s:region=%s", account, region)
	scope.Node().SetContext(jsii.String(key), jsii.Strings(azs...))
}

func stackProps(cfg *config.Config, what string) awscdk.StackProps {
	env := &awscdk.Environment{Region: jsii.String(cfg.Region)}
	if cfg.Account != "" {
		env.Account = jsii.String(cfg.Account)
	}
	return awscdk.StackProps{
		Env:                   env,
		Description:           jsii.String(fmt.Sprintf("Ballast %s: %s (%s)", cfg.Env, what, cfg.ClusterName)),
		TerminationProtection: jsii.Bool(cfg.IsProd()),
	}
}

// networkProps maps the network room's configuration. The IP demand is the
// configured node groups' at max scale, counted the way vpc-cni assigns
// addresses (cfg.CNI, prefix delegation on by default).
func networkProps(cfg *config.Config) network.NetworkProps {
	nat := network.NATMode(cfg.NATMode)
	cni := cfg.CNI()
	p := network.NetworkProps{
		AvailabilityZones:            cfg.AZs,
		CIDR:                         jsii.String(cfg.VPCCIDR),
		NATMode:                      &nat,
		ClusterName:                  jsii.String(cfg.ClusterName),
		FlowLogs:                     jsii.Bool(cfg.FlowLogs),
		FlowLogRetentionDays:         &cfg.FlowLogRetentionDays,
		InterfaceEndpoints:           jsii.Bool(cfg.InterfaceEndpointsEnabled()),
		RestrictDefaultSecurityGroup: jsii.Bool(cfg.RestrictDefaultSG),
		IPDemand:                     cfg.IPDemand(),
		CNI:                          &cni,
	}
	if cfg.PodCIDR != "" {
		p.PodCIDR = jsii.String(cfg.PodCIDR)
	}
	return p
}

// existingNetworkProps is nil unless the configuration names an existing VPC.
func existingNetworkProps(cfg *config.Config) *network.ExistingNetworkProps {
	if !cfg.BringYourOwnVPC() {
		return nil
	}
	return &network.ExistingNetworkProps{
		VpcID:                 jsii.String(cfg.VPCID),
		AvailabilityZones:     cfg.AZs,
		PrivateSubnetIDs:      cfg.PrivateSubnetIDs,
		PublicSubnetIDs:       cfg.PublicSubnetIDs,
		ControlPlaneSubnetIDs: cfg.ControlPlaneSubnetIDs,
	}
}

// storageProps maps the storage room's configuration. EFS clients are
// allowed by the VPC's CIDR: the cluster stack depends on this one, so its
// security groups cannot be referenced here without a cycle.
func storageProps(cfg *config.Config, p *Platform) *StorageStackProps {
	retention := cfg.BackupRetentionDays
	props := &StorageStackProps{
		StackProps:     stackProps(cfg, "KMS keys and data"),
		ExportPrefix:   cfg.ClusterName,
		Keys:           storage.KeysProps{AliasPrefix: jsii.String("alias/ballast/" + cfg.ClusterName)},
		Vpc:            p.Network.Network.Vpc,
		PrivateSubnets: p.Network.Network.PrivateSubnets,
		Backup:         storage.BackupProps{RetentionDays: &retention},
	}
	if cfg.EFS {
		props.FileSystem = &storage.FileSystemProps{}
	}
	if cfg.BackupBucket {
		props.BackupBucket = &storage.BackupBucketProps{NoncurrentVersionDays: &retention}
	}
	return props
}

// clusterProps maps the cluster room's configuration to the construct.
// Prod retains the cluster when CloudFormation lets go of it; dev and
// staging clean up (staging still has deletion protection). With Auto Mode
// the control plane gets the private subnets instead of the /28
// control-plane subnets, because Auto Mode's built-in node pools place
// nodes in the cluster's subnets.
func clusterProps(cfg *config.Config, p *Platform) cluster.ClusterProps {
	endpoint := cluster.EndpointAccess(cfg.EndpointAccess)
	upgrade := cluster.UpgradeStandard
	if cfg.UpgradePolicy == config.UpgradeExtended {
		upgrade = cluster.UpgradeExtended
	}
	removal := awscdk.RemovalPolicy_DESTROY
	if cfg.IsProd() {
		removal = awscdk.RemovalPolicy_RETAIN
	}
	compute := cluster.ComputeMode(cfg.Compute)
	subnets := p.Network.Network.ControlPlaneSubnets
	if compute == cluster.ComputeAuto {
		subnets = p.Network.Network.PrivateSubnets
	}
	tier := cluster.ScalingTier(cfg.ControlPlaneTier)
	retention := cfg.LogRetentionDays
	return cluster.ClusterProps{
		Vpc:                     p.Network.Network.Vpc,
		ControlPlaneSubnets:     subnets,
		SecretsKey:              p.Storage.Keys.Secrets,
		LogsKey:                 p.Storage.Keys.Logs,
		ClusterName:             jsii.String(cfg.ClusterName),
		Version:                 jsii.String(cfg.KubernetesVersion),
		UpgradePolicy:           &upgrade,
		EndpointAccess:          &endpoint,
		PublicAccessCIDRs:       cfg.PublicAccessCIDRs,
		AllowOpenPublicEndpoint: jsii.Bool(cfg.AllowOpenEndpoint),
		AdminRoleARNs:           cfg.AdminRoleARNs,
		BreakGlass:              jsii.Bool(cfg.BreakGlass),
		BreakGlassPrincipals:    cfg.BreakGlassPrincipals,
		LogRetentionDays:        &retention,
		ZonalShift:              jsii.Bool(true),
		DeletionProtection:      jsii.Bool(cfg.DeletionProtection),
		RemovalPolicy:           &removal,
		ScalingTier:             &tier,
		Compute:                 &compute,
	}
}

// acknowledgeClusterWarnings accepts the cluster departures a profile makes
// by design: dev has no deletion protection unless asked for.
func acknowledgeClusterWarnings(cfg *config.Config, s *ClusterStack) {
	if cfg.Env == config.ProfileDev && !cfg.DeletionProtection {
		awscdk.Annotations_Of(s.Stack).AcknowledgeWarning(jsii.String(cluster.WarnNoDeletionGuard), jsii.String("dev profile: clusters are disposable"))
	}
}

// Names of the platform's logical node groups.
const (
	SystemNodeGroup  = "system"
	WorkersNodeGroup = "workers"
)

// nodeGroups maps the compute configuration to node group sets: system
// always, workers when enabled. With EKS Auto Mode (BALLAST_COMPUTE=auto)
// there are none: Auto Mode runs the nodes.
func nodeGroups(cfg *config.Config, p *Platform) []nodegroup.NodeGroupSetProps {
	if cfg.Compute == config.ComputeAuto {
		return nil
	}
	groups := []nodegroup.NodeGroupSetProps{systemNodeGroup(cfg, p)}
	if cfg.WorkersEnabled {
		groups = append(groups, nodeGroupProps(cfg, p, WorkersNodeGroup, cfg.Workers))
	}
	return groups
}

func systemNodeGroup(cfg *config.Config, p *Platform) nodegroup.NodeGroupSetProps {
	return nodeGroupProps(cfg, p, SystemNodeGroup, cfg.System())
}

func nodeGroupProps(cfg *config.Config, p *Platform, name string, g config.NodeGroupConfig) nodegroup.NodeGroupSetProps {
	minSize, desired, maxSize := g.MinSize, g.DesiredSize, g.MaxSize
	capacity, ami := g.CapacityType.NodeGroup(), cfg.NodeAMIFamily.NodeGroup()
	disk, hops := cfg.NodeDiskSizeGiB, cfg.NodeMetadataHopLimit
	props := nodegroup.NodeGroupSetProps{
		Name:              jsii.String(name),
		Subnets:           p.Network.Network.PrivateSubnets,
		AvailabilityZones: cfg.AZs,
		InstanceTypes:     g.InstanceTypes,
		CapacityType:      &capacity,
		AMIFamily:         &ami,
		MinSize:           &minSize,
		DesiredSize:       &desired,
		MaxSize:           &maxSize,
		DiskSizeGiB:       &disk,
		MetadataHopLimit:  &hops,
	}
	if cfg.NodeReleaseVersion != "" {
		props.ReleaseVersion = jsii.String(cfg.NodeReleaseVersion)
	}
	return props
}
