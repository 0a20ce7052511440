package nodegroup

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
)

// NodeGroupSetProps configures a NodeGroupSet.
type NodeGroupSetProps struct {
	// Cluster the nodes join. Required.
	Cluster awseksv2.ICluster
	// Name of the logical group, e.g. "system". Required.
	Name *string
	// Subnets are the private subnets, one per AZ; one node group is made
	// for each. Required, at least 2.
	Subnets []awsec2.ISubnet
	// AvailabilityZones name the AZ of each subnet, in the same order.
	// Required, same length as Subnets.
	AvailabilityZones []string
	// InstanceTypes of the nodes. Default: DefaultInstanceTypes.
	InstanceTypes []string
	// MinSize per AZ. Default: DefaultMinSize.
	MinSize *int
	// DesiredSize per AZ. Default: MinSize.
	DesiredSize *int
	// MaxSize per AZ. Default: DefaultMaxSize.
	MaxSize *int
	// Labels are added to every node, besides the group label.
	// Default: none.
	Labels map[string]string
}
