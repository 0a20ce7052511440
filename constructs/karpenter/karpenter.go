package karpenter

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsevents"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/nag"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs. Renaming one replaces the resource.
const (
	idControllerRole = "ControllerRole"
	idPodIdentity    = "PodIdentity"
	idQueue          = "InterruptionQueue"
	idDeadLetters    = "InterruptionDeadLetters"
	idNodeRole       = "NodeRole"
	idNodeAccess     = "NodeAccess"
	nodeRoleSuffix   = "-karpenter-node"
)

// policyIDs name the controller's policies, in policyGroups order.
var policyIDs = []string{"NodeLifecyclePolicy", "IAMIntegrationPolicy", "EKSIntegrationPolicy", "InterruptionPolicy", "ResourceDiscoveryPolicy"}

// podIdentityPrincipal is the service principal EKS Pod Identity assumes
// roles as.
const podIdentityPrincipal = "pods.eks.amazonaws.com"

// Rules are the EventBridge rules feeding the interruption queue, by
// construct ID: each event Karpenter drains or replaces a node for.
var Rules = []struct {
	ID, Source, DetailType string
}{
	{"SpotInterruptionRule", "aws.ec2", "EC2 Spot Instance Interruption Warning"},
	{"RebalanceRule", "aws.ec2", "EC2 Instance Rebalance Recommendation"},
	{"InstanceStateChangeRule", "aws.ec2", "EC2 Instance State-change Notification"},
	{"ScheduledChangeRule", "aws.health", "AWS Health Event"},
}

// Karpenter is Karpenter's AWS side for one cluster.
type Karpenter struct {
	constructs.Construct
	// ControllerRole is the controller's role, assumed through Pod Identity.
	ControllerRole awsiam.Role
	// NodeRole is the role of the nodes Karpenter launches, named
	// <cluster>-karpenter-node (the EC2NodeClass names it).
	NodeRole awsiam.Role
	// Queue receives the interruption events.
	Queue awssqs.Queue
	// Files are the manifests for the cluster's GitOps folder: the
	// NodePool and EC2NodeClass, and the chart's values.
	Files []baseline.File
}

// NewKarpenter validates props and builds Karpenter's AWS side.
func NewKarpenter(scope constructs.Construct, id string, props *KarpenterProps) *Karpenter {
	p := propcheck.Deref(props).WithDefaults()
	propcheck.Must(scope, id, "karpenter", p.Validate())
	k := &Karpenter{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	k.Queue = k.newQueue(p)
	k.NodeRole = k.newNodeRole(p)
	k.ControllerRole = k.newControllerRole(p)
	awseksv2.NewCfnPodIdentityAssociation(k.Construct, jsii.String(idPodIdentity), &awseksv2.CfnPodIdentityAssociationProps{
		ClusterName: p.Cluster.ClusterName(), Namespace: p.Namespace, ServiceAccount: p.ServiceAccount, RoleArn: k.ControllerRole.RoleArn(),
	})
	awseksv2.NewAccessEntry(k.Construct, jsii.String(idNodeAccess), &awseksv2.AccessEntryProps{
		Cluster: p.Cluster, Principal: k.NodeRole.RoleArn(), AccessEntryType: awseksv2.AccessEntryType_EC2_LINUX,
		AccessPolicies: &[]awseksv2.IAccessPolicy{},
	})
	k.Files = Manifests(p)
	return k
}

// newQueue creates the interruption queue and its rules. Messages older
// than 5 minutes are useless (a spot notice gives 2), so they expire;
// notices the controller failed to handle 5 times are kept 4 days in a
// dead-letter queue for diagnosis. The rules' target grants add the
// queue policy admitting only these rules.
func (k *Karpenter) newQueue(p KarpenterProps) awssqs.Queue {
	dlq := awssqs.NewQueue(k.Construct, jsii.String(idDeadLetters), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(4)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
		EnforceSSL:      jsii.Bool(true),
	})
	q := awssqs.NewQueue(k.Construct, jsii.String(idQueue), &awssqs.QueueProps{
		QueueName:       p.ClusterName,
		RetentionPeriod: awscdk.Duration_Minutes(jsii.Number(5)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
		EnforceSSL:      jsii.Bool(true),
		DeadLetterQueue: &awssqs.DeadLetterQueue{Queue: dlq, MaxReceiveCount: jsii.Number(5)},
	})
	for _, r := range Rules {
		rule := awsevents.NewRule(k.Construct, jsii.String(r.ID), &awsevents.RuleProps{
			Description:  jsii.String("Karpenter (" + *p.ClusterName + "): " + r.DetailType),
			EventPattern: &awsevents.EventPattern{Source: jsii.Strings(r.Source), DetailType: jsii.Strings(r.DetailType)},
		})
		rule.AddTarget(&queueTarget{q})
	}
	return q
}

// queueTarget sends a rule's events to an SQS queue (whose key is SQS's
// own), admitting only that rule: what aws-cdk-lib's events-targets
// SqsQueue does for such a queue. That package's Go module links the Go
// bindings of some 70 other services (API Gateway, Glue, SageMaker, ...)
// into every program that imports Ballast, for this one target.
type queueTarget struct{ queue awssqs.IQueue }

// Bind implements awsevents.IRuleTarget.
func (t *queueTarget) Bind(rule interfacesawsevents.IRuleRef, _ *string) *awsevents.RuleTargetConfig {
	t.queue.GrantSendMessages(awsiam.NewServicePrincipal(jsii.String("events.amazonaws.com"), &awsiam.ServicePrincipalOpts{
		Conditions: &map[string]any{"ArnEquals": map[string]any{"aws:SourceArn": awsevents.CfnRule_ArnForRule(rule)}},
	}))
	return &awsevents.RuleTargetConfig{Arn: t.queue.QueueArn(), TargetResource: t.queue}
}

// newNodeRole creates the nodes' role (the node group role's policies)
// with a fixed name the EC2NodeClass refers to.
func (k *Karpenter) newNodeRole(p KarpenterProps) awsiam.Role {
	policies := make([]awsiam.IManagedPolicy, len(nodegroup.NodeRolePolicies))
	for i, name := range nodegroup.NodeRolePolicies {
		policies[i] = awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(name))
	}
	role := awsiam.NewRole(k.Construct, jsii.String(idNodeRole), &awsiam.RoleProps{
		RoleName:        jsii.String(NodeRoleName(*p.ClusterName)),
		Description:     jsii.String("Ballast: nodes Karpenter launches for " + *p.ClusterName),
		AssumedBy:       awsiam.NewServicePrincipal(jsii.String("ec2.amazonaws.com"), nil),
		ManagedPolicies: &policies,
	})
	nag.SuppressManagedPolicies(role, "EKS documents exactly these AWS managed policies for the node IAM role "+
		"(node registration, image pulls, SSM access instead of SSH); AWS keeps them in step with EKS", nodegroup.NodeRolePolicies...)
	return role
}

// NodeRoleName is the name of the Karpenter node role of a cluster.
func NodeRoleName(clusterName string) string { return clusterName + nodeRoleSuffix }

// newControllerRole creates the controller's role: assumable only by EKS
// Pod Identity, with the five least-privilege policies.
func (k *Karpenter) newControllerRole(p KarpenterProps) awsiam.Role {
	pi := awsiam.NewServicePrincipal(jsii.String(podIdentityPrincipal), nil)
	role := awsiam.NewRole(k.Construct, jsii.String(idControllerRole), &awsiam.RoleProps{
		Description: jsii.String("Ballast: Karpenter controller of " + *p.ClusterName + " (EKS Pod Identity, " + *p.Namespace + "/" + *p.ServiceAccount + ")"),
		AssumedBy:   pi,
	})
	role.AssumeRolePolicy().AddStatements(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("sts:TagSession"), Principals: &[]awsiam.IPrincipal{pi},
	}))
	groups := policyGroups(*p.ClusterName, *k.Queue.QueueArn(), *k.NodeRole.RoleArn(), *p.Cluster.ClusterArn())
	for i, g := range groups {
		var stmts []awsiam.PolicyStatement
		for _, s := range g {
			stmts = append(stmts, s.policyStatement())
		}
		mp := awsiam.NewManagedPolicy(k.Construct, jsii.String(policyIDs[i]), &awsiam.ManagedPolicyProps{
			Description: jsii.String("Karpenter controller of " + *p.ClusterName), Statements: &stmts, Roles: &[]awsiam.IRole{role},
		})
		if f := wildcardFindings(g); len(f) > 0 {
			nag.Suppress(mp, "AwsSolutions-IAM5", "Karpenter creates and names its instances, launch templates, fleets and instance "+
				"profiles at run time: writes are scoped by the cluster's ownership tags instead of names, and EC2 Describe and "+
				"pricing reads support no resource-level permissions (pinned to the region)", f...)
		}
	}
	return role
}
