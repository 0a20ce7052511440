package fargate

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
)

// FargateProps configures the Fargate profiles of one cluster.
type FargateProps struct {
	// Cluster the profiles belong to. Required.
	Cluster awseksv2.Cluster
	// ClusterName is the cluster's name as a literal: the pod execution
	// role trusts only this cluster's profiles. Required.
	ClusterName *string
	// Subnets are the private subnets pods run in. Required, at least 1.
	Subnets []awsec2.ISubnet
	// Profiles are the Fargate profiles. Required, at least 1.
	Profiles []ProfileProps
}

// ProfileProps is one Fargate profile.
type ProfileProps struct {
	// Name of the profile (create-only). Required.
	Name string
	// Selectors pick the pods the profile runs, 1 to MaxSelectors.
	// Required.
	Selectors []Selector
}

// Selector picks pods by namespace and, optionally, labels.
type Selector struct {
	// Namespace of the pods. Required.
	Namespace string
	// Labels the pods must all carry. Default: none (every pod of the
	// namespace).
	Labels map[string]string
}
