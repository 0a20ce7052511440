package fargate

import (
	"maps"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/nag"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs. Renaming one replaces the role or a profile.
const (
	idPodExecutionRole = "PodExecutionRole"
	idProfilePrefix    = "Profile-"
)

// PodExecutionPolicy is the AWS managed policy of the pod execution role.
const PodExecutionPolicy = "AmazonEKSFargatePodExecutionRolePolicy"

// Fargate is a cluster's Fargate profiles and their pod execution role.
type Fargate struct {
	constructs.Construct
	// PodExecutionRole pulls images and writes logs for Fargate pods.
	PodExecutionRole awsiam.Role
	// Profiles by name.
	Profiles map[string]awseksv2.FargateProfile
}

// NewFargate validates props and creates the profiles.
func NewFargate(scope constructs.Construct, id string, props *FargateProps) *Fargate {
	p := propcheck.Deref(props)
	propcheck.Must(scope, id, "fargate", p.Validate())
	f := &Fargate{Construct: constructs.NewConstruct(scope, jsii.String(id)), Profiles: map[string]awseksv2.FargateProfile{}}
	f.PodExecutionRole = newPodExecutionRole(f.Construct, *p.ClusterName)
	for _, pr := range p.Profiles {
		f.Profiles[pr.Name] = awseksv2.NewFargateProfile(f.Construct, jsii.String(idProfilePrefix+pr.Name), &awseksv2.FargateProfileProps{
			Cluster:            p.Cluster,
			FargateProfileName: jsii.String(pr.Name),
			PodExecutionRole:   f.PodExecutionRole,
			Selectors:          selectors(pr.Selectors),
			Vpc:                p.Cluster.Vpc(),
			SubnetSelection:    &awsec2.SubnetSelection{Subnets: &p.Subnets},
		})
	}
	return f
}

// newPodExecutionRole trusts EKS Fargate on behalf of this cluster's
// profiles only (the confused-deputy guard AWS documents).
func newPodExecutionRole(scope constructs.Construct, cluster string) awsiam.Role {
	principal := awsiam.NewServicePrincipal(jsii.String("eks-fargate-pods.amazonaws.com"), nil).WithConditions(&map[string]any{
		"ArnLike": map[string]any{"aws:SourceArn": "arn:" + *awscdk.Aws_PARTITION() + ":eks:" + *awscdk.Aws_REGION() + ":" +
			*awscdk.Aws_ACCOUNT_ID() + ":fargateprofile/" + cluster + "/*"},
	})
	role := awsiam.NewRole(scope, jsii.String(idPodExecutionRole), &awsiam.RoleProps{
		Description:     jsii.String("Ballast: Fargate pod execution role of " + cluster),
		AssumedBy:       principal,
		ManagedPolicies: &[]awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(PodExecutionPolicy))},
	})
	nag.SuppressManagedPolicies(role, "EKS documents this AWS managed policy for the Fargate pod execution role "+
		"(image pulls); only this cluster's Fargate profiles can assume the role", PodExecutionPolicy)
	return role
}

func selectors(ss []Selector) *[]*awseksv2.Selector {
	out := make([]*awseksv2.Selector, len(ss))
	for i, s := range ss {
		sel := &awseksv2.Selector{Namespace: jsii.String(s.Namespace)}
		if len(s.Labels) > 0 {
			labels := map[string]*string{}
			for _, k := range slices.Sorted(maps.Keys(s.Labels)) {
				labels[k] = jsii.String(s.Labels[k])
			}
			sel.Labels = &labels
		}
		out[i] = sel
	}
	return &out
}
