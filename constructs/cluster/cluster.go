package cluster

import (
	"github.com/ballast-eks/ballast/internal/nag"
	"github.com/ballast-eks/ballast/internal/propcheck"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/logretention"
)

// Construct IDs. Renaming one replaces real infrastructure (the cluster!).
const (
	idCluster        = "Cluster"
	idLogGroup       = "ControlPlaneLogs"
	idBreakGlassRole = "BreakGlassRole"
	idBreakGlass     = "BreakGlassAdmin"
	idAdminPrefix    = "Admin"
)

// Warning IDs this construct may emit; a stack can acknowledge them.
// Each one's comment says what triggers it; its Field line names the prop
// that changes it (docs/warnings.md is generated from these comments).
const (
	// WarnPublicEndpoint: the public API endpoint is open to 0.0.0.0/0,
	// opted in with AllowOpenPublicEndpoint. Field: allowOpenPublicEndpoint.
	WarnPublicEndpoint = "ballast:cluster-public-endpoint"
	// WarnControlPlaneEgress: the control-plane security group keeps
	// egress to 0.0.0.0/0 because the VPC's block is not known (an
	// imported VPC without its CIDR); give ExistingNetworkProps.VpcCIDR or
	// ClusterProps.ControlPlaneEgressCIDRs. Field: none.
	WarnControlPlaneEgress = "ballast:cluster-control-plane-egress-open"
	// WarnExtendedSupport: UpgradePolicy is UpgradeExtended, which keeps
	// the version past standard support at an extra hourly cost.
	// Field: upgradePolicy.
	WarnExtendedSupport = "ballast:cluster-extended-support"
	// WarnNoDeletionGuard: DeletionProtection is off, so a stack deletion
	// or an API call can delete the cluster. Field: deletionProtection.
	WarnNoDeletionGuard = "ballast:cluster-deletion-protection-off"
)

// Cluster is an EKS control plane with explicit access and full logging.
type Cluster struct {
	constructs.Construct
	// Resource is the underlying aws-cdk-lib cluster.
	Resource awseksv2.Cluster
	// LogGroup receives the control-plane logs.
	LogGroup awslogs.LogGroup
	// BreakGlassRole is an admin role for emergencies, assumable only by
	// the configured principals (MFA for account roots and users); nil when
	// the break-glass role is turned off.
	BreakGlassRole awsiam.Role
	// Version is the Kubernetes version, e.g. "1.36".
	Version string
	// AutoMode is true when EKS Auto Mode runs the data plane: node groups
	// must not be added, and EKS manages the core networking add-ons.
	AutoMode bool

	granted    map[string]bool // principal ARN + " " + access policy
	nodeRole   awsiam.Role
	nodeGroups []*nodegroup.NodeGroupSet
	addons     *addon.Addons
}

// NewCluster validates props and builds the control plane.
func NewCluster(scope constructs.Construct, id string, props *ClusterProps) *Cluster {
	p := withDefaults(propcheck.Deref(props))
	propcheck.Must(scope, id, "cluster", p.Validate())
	c := &Cluster{Construct: constructs.NewConstruct(scope, jsii.String(id)), Version: *p.Version, AutoMode: *p.Compute == ComputeAuto}
	c.LogGroup = c.newLogGroup(p)
	c.Resource = awseksv2.NewCluster(c.Construct, jsii.String(idCluster), c.clusterProps(p))
	setUnmodelledProperties(c.Resource, p)
	restrictControlPlaneEgress(c.Resource, p)
	nag.SuppressManagedPolicies(c.Resource.Role(), "EKS requires the AWS managed AmazonEKSClusterPolicy on the cluster "+
		"service role; AWS keeps it in step with EKS", "AmazonEKSClusterPolicy")
	if c.AutoMode {
		c.suppressAutoModePolicies()
	}
	c.Resource.Node().AddDependency(c.LogGroup)
	// The warning concerns the optional kubectl Lambda, which Ballast does
	// not create; the control-plane ENIs need no internet route.
	awscdk.Annotations_Of(c.Resource).AcknowledgeWarning(jsii.String("@aws-cdk/aws-eks:isolatedSubnetsForKubectlPrivateSubnets"),
		jsii.String("no kubectl handler is created; control-plane ENIs need no egress"))
	c.grantAdmins(p)
	c.warn(p)
	return c
}

func (c *Cluster) clusterProps(p ClusterProps) *awseksv2.ClusterProps {
	cp := &awseksv2.ClusterProps{
		ClusterName:                             p.ClusterName,
		Version:                                 awseksv2.KubernetesVersion_Of(p.Version),
		Vpc:                                     p.Vpc,
		VpcSubnets:                              &[]*awsec2.SubnetSelection{{Subnets: &p.ControlPlaneSubnets}},
		ClusterLogging:                          allLogTypes(),
		SecretsEncryptionKey:                    p.SecretsKey,
		EndpointAccess:                          endpoint(p),
		ControlPlaneScalingTier:                 awseksv2.ControlPlaneScalingTier_Of(jsii.String(string(*p.ScalingTier))),
		RemovalPolicy:                           *p.RemovalPolicy,
		BootstrapClusterCreatorAdminPermissions: jsii.Bool(false),
		BootstrapSelfManagedAddons:              jsii.Bool(false),
		// The stack writes its own kubeconfig outputs.
		OutputConfigCommand: jsii.Bool(false),
	}
	if c.AutoMode {
		cp.DefaultCapacityType = awseksv2.DefaultCapacityType_AUTOMODE
		cp.Compute = &awseksv2.ComputeConfig{NodePools: jsii.Strings(AutoModeNodePools...)}
	} else {
		cp.DefaultCapacityType = awseksv2.DefaultCapacityType_NODEGROUP
		cp.DefaultCapacity = jsii.Number(0)
	}
	return cp
}

// setUnmodelledProperties sets the AWS::EKS::Cluster properties that
// aws-cdk-lib 2.276's awseksv2.Cluster does not model, and acknowledges the
// one validation warning about what the L2 writes there. With
// restrictControlPlaneEgress it is the only place Ballast reaches under
// the L2; drop a line when the L2 gains the property.
func setUnmodelledProperties(cl awseksv2.Cluster, p ClusterProps) {
	cfn := cl.Node().DefaultChild().(awseksv2.CfnCluster)
	cfn.SetZonalShiftConfig(&awseksv2.CfnCluster_ZonalShiftConfigProperty{Enabled: p.ZonalShift})
	cfn.SetDeletionProtection(p.DeletionProtection)
	cfn.SetRollbackConfig(&awseksv2.CfnCluster_RollbackConfigProperty{TimeoutMinutes: jsii.Number(float64(*p.RollbackTimeoutMinutes))})
	cfn.SetUpgradePolicy(&awseksv2.CfnCluster_UpgradePolicyProperty{SupportType: jsii.String(string(*p.UpgradePolicy))})
	// aws-cdk-lib's CloudFormation validation (2.276) calls the
	// EncryptionConfig's Resources list deprecated (W9009), yet the L2
	// writes it for secrets encryption and EKS's API takes "secrets" there.
	awscdk.Validations_Of(cfn).Acknowledge(&awscdk.Acknowledgment{
		Id:     jsii.String("CloudFormation-Validate::W9009"),
		Reason: jsii.String("awseksv2.Cluster writes EncryptionConfig Resources [secrets] for envelope encryption with the secrets key; EKS accepts it"),
	})
}

// suppressAutoModePolicies acknowledges the AWS managed policies EKS Auto
// Mode requires: on the cluster role (compute, block storage, load
// balancing, networking) and on the role aws-cdk-lib creates for the
// built-in node pools.
func (c *Cluster) suppressAutoModePolicies() {
	nag.SuppressManagedPolicies(c.Resource.Role(), "EKS Auto Mode requires these AWS managed policies on the cluster role "+
		"to run nodes, volumes, load balancers and networking; AWS keeps them in step with Auto Mode",
		"AmazonEKSComputePolicy", "AmazonEKSBlockStoragePolicy", "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingPolicy")
	if role := c.Resource.Node().TryFindChild(jsii.String(idCluster + "nodePoolRole")); role != nil {
		nag.SuppressManagedPolicies(role, "EKS Auto Mode's documented node role policies for the built-in node pools; "+
			"only EC2 instances Auto Mode launches assume the role", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly")
	}
}

// newLogGroup creates /aws/eks/<name>/cluster before the cluster does, so
// its retention and encryption are owned by code (EKS would create it
// unencrypted, with no expiry). Its name is fixed by EKS, so it shares the
// cluster's removal policy: a group retained after its cluster was deleted
// would make recreating that cluster fail on the taken name.
func (c *Cluster) newLogGroup(p ClusterProps) awslogs.LogGroup {
	retention, _ := logretention.Of(*p.LogRetentionDays) // Validate accepted it
	return awslogs.NewLogGroup(c.Construct, jsii.String(idLogGroup), &awslogs.LogGroupProps{
		LogGroupName:  jsii.String(LogGroupName(*p.ClusterName)),
		Retention:     retention,
		EncryptionKey: p.LogsKey,
		RemovalPolicy: *p.RemovalPolicy,
	})
}

// LogGroupName is the log group EKS writes control-plane logs to.
func LogGroupName(clusterName string) string { return "/aws/eks/" + clusterName + "/cluster" }

func allLogTypes() *[]awseksv2.ClusterLoggingTypes {
	return &[]awseksv2.ClusterLoggingTypes{
		awseksv2.ClusterLoggingTypes_API, awseksv2.ClusterLoggingTypes_AUDIT,
		awseksv2.ClusterLoggingTypes_AUTHENTICATOR, awseksv2.ClusterLoggingTypes_CONTROLLER_MANAGER,
		awseksv2.ClusterLoggingTypes_SCHEDULER,
	}
}

func endpoint(p ClusterProps) awseksv2.EndpointAccess {
	if *p.EndpointAccess == EndpointPublicAndPrivate {
		return awseksv2.EndpointAccess_PUBLIC_AND_PRIVATE().OnlyFrom(*jsii.Strings(p.PublicAccessCIDRs...)...)
	}
	return awseksv2.EndpointAccess_PRIVATE()
}

// warn records the departures from best practice the props ask for.
func (c *Cluster) warn(p ClusterProps) {
	w := func(id, why string) {
		awscdk.Annotations_Of(c.Construct).AddWarningV2(jsii.String(id), jsii.String(why), nil)
	}
	if *p.AllowOpenPublicEndpoint && opensToInternet(p.PublicAccessCIDRs) {
		w(WarnPublicEndpoint, "the Kubernetes API endpoint is reachable from 0.0.0.0/0; only authentication protects it. Restrict the public access CIDRs or use a private endpoint.")
	}
	if *p.UpgradePolicy == UpgradeExtended {
		w(WarnExtendedSupport, "extended support keeps Kubernetes "+*p.Version+" running past standard support at an extra hourly cost per cluster (about 6x the standard control-plane price); plan the upgrade.")
	}
	if !*p.DeletionProtection {
		w(WarnNoDeletionGuard, "deletion protection is off: the cluster can be deleted by a stack deletion or an API call.")
	}
}
