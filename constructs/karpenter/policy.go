package karpenter

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
)

// statement is one statement of the controller's policy. Resources may
// hold {P}, {R} and {A} (partition, region, account) or be ARN tokens.
type statement struct {
	sid        string
	actions    []string
	resources  []string
	conditions map[string]any
}

// Tag keys the policy scopes by.
const (
	tagNodePool  = "karpenter.sh/nodepool"
	tagNodeClass = "karpenter.k8s.aws/ec2nodeclass"
	tagNodeClaim = "karpenter.sh/nodeclaim"
	tagEKSName   = "eks:eks-cluster-name"
	tagRegion    = "topology.kubernetes.io/region"
)

// ec2 is an EC2 resource ARN pattern of the region.
func ec2(resource string) string { return "arn:{P}:ec2:{R}:*:" + resource }

// policyGroups are the controller's policies, as Karpenter's own
// CloudFormation reference splits them: node lifecycle, IAM integration,
// EKS integration, interruption and resource discovery. Every EC2 write
// is scoped by the cluster's ownership tag on the request or resource.
func policyGroups(cluster, queueArn, nodeRoleArn, clusterArn string) [][]statement {
	owned := "kubernetes.io/cluster/" + cluster
	launched := []string{ec2("fleet/*"), ec2("instance/*"), ec2("volume/*"), ec2("network-interface/*"), ec2("launch-template/*"), ec2("spot-instances-request/*")}
	requestTags := map[string]any{"aws:RequestTag/" + owned: "owned", "aws:RequestTag/" + tagEKSName: cluster}
	lifecycle := []statement{
		{"AllowScopedEC2InstanceAccessActions", []string{"ec2:RunInstances", "ec2:CreateFleet"},
			[]string{"arn:{P}:ec2:{R}::image/*", "arn:{P}:ec2:{R}::snapshot/*", ec2("security-group/*"), ec2("subnet/*"), ec2("capacity-reservation/*")}, nil},
		{"AllowScopedEC2LaunchTemplateAccessActions", []string{"ec2:RunInstances", "ec2:CreateFleet"}, []string{ec2("launch-template/*")},
			map[string]any{"StringEquals": map[string]any{"aws:ResourceTag/" + owned: "owned"}, "StringLike": map[string]any{"aws:ResourceTag/" + tagNodePool: "*"}}},
		{"AllowScopedEC2InstanceActionsWithTags", []string{"ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"}, launched,
			map[string]any{"StringEquals": requestTags, "StringLike": map[string]any{"aws:RequestTag/" + tagNodePool: "*"}}},
		{"AllowScopedResourceCreationTagging", []string{"ec2:CreateTags"}, launched,
			map[string]any{"StringEquals": merge(requestTags, map[string]any{"ec2:CreateAction": []string{"RunInstances", "CreateFleet", "CreateLaunchTemplate"}}),
				"StringLike": map[string]any{"aws:RequestTag/" + tagNodePool: "*"}}},
		{"AllowScopedResourceTagging", []string{"ec2:CreateTags"}, []string{ec2("instance/*")},
			map[string]any{"StringEquals": map[string]any{"aws:ResourceTag/" + owned: "owned"}, "StringLike": map[string]any{"aws:ResourceTag/" + tagNodePool: "*"},
				"StringEqualsIfExists":      map[string]any{"aws:RequestTag/" + tagEKSName: cluster},
				"ForAllValues:StringEquals": map[string]any{"aws:TagKeys": []string{tagEKSName, tagNodeClaim, "Name"}}}},
		{"AllowScopedDeletion", []string{"ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"}, []string{ec2("instance/*"), ec2("launch-template/*")},
			map[string]any{"StringEquals": map[string]any{"aws:ResourceTag/" + owned: "owned"}, "StringLike": map[string]any{"aws:ResourceTag/" + tagNodePool: "*"}}},
	}
	return [][]statement{lifecycle, iamIntegration(cluster, owned, nodeRoleArn),
		{{"AllowAPIServerEndpointDiscovery", []string{"eks:DescribeCluster"}, []string{clusterArn}, nil}},
		{{"AllowInterruptionQueueActions", []string{"sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"}, []string{queueArn}, nil}},
		discovery()}
}

// iamIntegration lets Karpenter pass the node role to EC2 and manage the
// instance profiles it creates for its node classes, nothing else.
func iamIntegration(cluster, owned, nodeRoleArn string) []statement {
	profiles := []string{"arn:{P}:iam::{A}:instance-profile/*"}
	region := "{R}"
	resourceTags := map[string]any{"aws:ResourceTag/" + owned: "owned", "aws:ResourceTag/" + tagRegion: region}
	requestTags := map[string]any{"aws:RequestTag/" + owned: "owned", "aws:RequestTag/" + tagEKSName: cluster, "aws:RequestTag/" + tagRegion: region}
	return []statement{
		{"AllowPassingInstanceRole", []string{"iam:PassRole"}, []string{nodeRoleArn},
			map[string]any{"StringEquals": map[string]any{"iam:PassedToService": []string{"ec2.amazonaws.com"}}}},
		{"AllowScopedInstanceProfileCreationActions", []string{"iam:CreateInstanceProfile"}, profiles,
			map[string]any{"StringEquals": requestTags, "StringLike": map[string]any{"aws:RequestTag/" + tagNodeClass: "*"}}},
		{"AllowScopedInstanceProfileTagActions", []string{"iam:TagInstanceProfile"}, profiles,
			map[string]any{"StringEquals": merge(resourceTags, requestTags),
				"StringLike": map[string]any{"aws:ResourceTag/" + tagNodeClass: "*", "aws:RequestTag/" + tagNodeClass: "*"}}},
		{"AllowScopedInstanceProfileActions", []string{"iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"}, profiles,
			map[string]any{"StringEquals": resourceTags, "StringLike": map[string]any{"aws:ResourceTag/" + tagNodeClass: "*"}}},
		{"AllowInstanceProfileReadActions", []string{"iam:GetInstanceProfile"}, profiles, nil},
	}
}

// discovery are the read-only calls Karpenter makes to pick instances;
// EC2's Describe calls and the Price List API support no resource-level
// permissions, so the EC2 reads are pinned to the region instead.
func discovery() []statement {
	return []statement{
		{"AllowRegionalReadActions", []string{"ec2:DescribeAvailabilityZones", "ec2:DescribeCapacityReservations", "ec2:DescribeImages", "ec2:DescribeInstances",
			"ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates", "ec2:DescribeSecurityGroups",
			"ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets"}, []string{"*"},
			map[string]any{"StringEquals": map[string]any{"aws:RequestedRegion": "{R}"}}},
		{"AllowSSMReadActions", []string{"ssm:GetParameter"}, []string{"arn:{P}:ssm:{R}::parameter/aws/service/*"}, nil},
		{"AllowPricingReadActions", []string{"pricing:GetProducts"}, []string{"*"}, nil},
	}
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// tokens replaces the placeholders with the stack's pseudo parameters.
func tokens(s string) string {
	return strings.NewReplacer("{P}", *awscdk.Aws_PARTITION(), "{R}", *awscdk.Aws_REGION(), "{A}", *awscdk.Aws_ACCOUNT_ID()).Replace(s)
}

// nagForm is how cdk-nag names a resource pattern in its findings.
func nagForm(s string) string {
	return strings.NewReplacer("{P}", "<AWS::Partition>", "{R}", "<AWS::Region>", "{A}", "<AWS::AccountId>").Replace(s)
}

func (s statement) policyStatement() awsiam.PolicyStatement {
	res := make([]*string, len(s.resources))
	for i, r := range s.resources {
		res[i] = jsii.String(tokens(r))
	}
	props := &awsiam.PolicyStatementProps{Sid: jsii.String(s.sid), Actions: jsii.Strings(s.actions...), Resources: &res}
	if s.conditions != nil {
		c := resolveConditions(s.conditions).(map[string]any)
		props.Conditions = &c
	}
	return awsiam.NewPolicyStatement(props)
}

// resolveConditions replaces placeholders in condition values.
func resolveConditions(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = resolveConditions(e)
		}
		return out
	case []string:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = tokens(e)
		}
		return out
	case string:
		return tokens(x)
	}
	return v
}

// wildcardFindings are the cdk-nag AwsSolutions-IAM5 findings of a group:
// each resource pattern with a wildcard.
func wildcardFindings(group []statement) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range group {
		for _, r := range s.resources {
			f := "Resource::" + nagForm(r)
			if strings.Contains(r, "*") && !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}
