package cluster

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

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

// ClusterAdminPolicy is the EKS access policy that grants cluster admin.
const ClusterAdminPolicy = "AmazonEKSClusterAdminPolicy"

// Cluster is an EKS control plane with explicit access and full logging.
type Cluster struct {
	constructs.Construct
	// Cluster is the underlying aws-cdk-lib cluster.
	Cluster awseksv2.Cluster
	// LogGroup receives the control-plane logs.
	LogGroup awslogs.LogGroup
	// BreakGlassRole is an admin role for emergencies, assumable by the
	// account's IAM principals with MFA.
	BreakGlassRole awsiam.Role
	// Version is the Kubernetes version, e.g. "1.36".
	Version string
}

// NewCluster validates props and builds the control plane.
func NewCluster(scope constructs.Construct, id string, props *ClusterProps) *Cluster {
	p := withDefaults(*props)
	if err := p.Validate(); err != nil {
		panic(fmt.Errorf("cluster: invalid props:\n%w", err))
	}
	c := &Cluster{Construct: constructs.NewConstruct(scope, jsii.String(id)), Version: *p.Version}
	c.LogGroup = c.newLogGroup(p)
	c.Cluster = awseksv2.NewCluster(c.Construct, jsii.String(idCluster), &awseksv2.ClusterProps{
		ClusterName:                             p.ClusterName,
		Version:                                 awseksv2.KubernetesVersion_Of(p.Version),
		Vpc:                                     p.Vpc,
		VpcSubnets:                              &[]*awsec2.SubnetSelection{{Subnets: &p.ControlPlaneSubnets}},
		ClusterLogging:                          allLogTypes(),
		SecretsEncryptionKey:                    p.SecretsKey,
		EndpointAccess:                          endpoint(p),
		DefaultCapacityType:                     awseksv2.DefaultCapacityType_NODEGROUP,
		DefaultCapacity:                         jsii.Number(0),
		BootstrapClusterCreatorAdminPermissions: jsii.Bool(false),
		BootstrapSelfManagedAddons:              jsii.Bool(false),
	})
	c.Cluster.Node().AddDependency(c.LogGroup)
	// The warning concerns the optional kubectl Lambda, which Ballast does
	// not create; the control-plane ENIs need no internet route.
	awscdk.Annotations_Of(c.Cluster).AcknowledgeWarning(jsii.String("@aws-cdk/aws-eks:isolatedSubnetsForKubectlPrivateSubnets"),
		jsii.String("no kubectl handler is created; control-plane ENIs need no egress"))
	c.grantAdmins(p)
	return c
}

// newLogGroup creates /aws/eks/<name>/cluster before the cluster does, so
// its retention is owned by code (EKS would create it with no expiry).
func (c *Cluster) newLogGroup(p ClusterProps) awslogs.LogGroup {
	retention, _ := logretention.Of(*p.LogRetentionDays)
	return awslogs.NewLogGroup(c.Construct, jsii.String(idLogGroup), &awslogs.LogGroupProps{
		LogGroupName:  jsii.String("/aws/eks/" + *p.ClusterName + "/cluster"),
		Retention:     retention,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
}

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

// grantAdmins creates cluster-admin access entries for every configured role
// and for a break-glass role that the account's principals can assume with MFA.
func (c *Cluster) grantAdmins(p ClusterProps) {
	for i, arn := range p.AdminRoleARNs {
		c.GrantAdmin(fmt.Sprintf("%s%d", idAdminPrefix, i), arn)
	}
	c.BreakGlassRole = awsiam.NewRole(c.Construct, jsii.String(idBreakGlassRole), &awsiam.RoleProps{
		Description: jsii.String("Ballast break-glass cluster admin for " + *p.ClusterName + "; assume with MFA only in emergencies"),
		AssumedBy: awsiam.NewPrincipalWithConditions(awsiam.NewAccountRootPrincipal(), &map[string]interface{}{
			"Bool": map[string]interface{}{"aws:MultiFactorAuthPresent": "true"},
		}),
	})
	c.GrantAdmin(idBreakGlass, *c.BreakGlassRole.RoleArn())
}

// GrantAdmin gives principalARN cluster-wide admin through an access entry.
// id must be stable: it names the access entry's construct.
func (c *Cluster) GrantAdmin(id, principalARN string) {
	c.Cluster.GrantAccess(jsii.String(id), jsii.String(principalARN), &[]awseksv2.IAccessPolicy{
		awseksv2.AccessPolicy_FromAccessPolicyName(jsii.String(ClusterAdminPolicy), &awseksv2.AccessPolicyNameOptions{
			AccessScopeType: awseksv2.AccessScopeType_CLUSTER,
		}),
	}, nil)
}
