package nodegroup

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NodeGroupSet is one logical node group spread as one managed node group
// per AZ.
type NodeGroupSet struct {
	constructs.Construct
	// NodeGroups are the per-AZ node groups, in AZ order.
	NodeGroups []awseksv2.Nodegroup
}

// NewNodeGroupSet validates props and creates one node group per AZ. The
// construct ID of each is "AZ<index>" (stable: index in the AZ list).
func NewNodeGroupSet(scope constructs.Construct, id string, props *NodeGroupSetProps) *NodeGroupSet {
	p := withDefaults(*props)
	if err := p.Validate(); err != nil {
		panic(fmt.Errorf("nodegroup: invalid props:\n%w", err))
	}
	s := &NodeGroupSet{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	for i, subnet := range p.Subnets {
		s.NodeGroups = append(s.NodeGroups, s.newNodeGroup(i, subnet, p))
	}
	return s
}

func (s *NodeGroupSet) newNodeGroup(i int, subnet awsec2.ISubnet, p NodeGroupSetProps) awseksv2.Nodegroup {
	labels := map[string]*string{GroupLabel: p.Name}
	for k, v := range p.Labels {
		labels[k] = jsii.String(v)
	}
	instanceTypes := make([]awsec2.InstanceType, len(p.InstanceTypes))
	for j, it := range p.InstanceTypes {
		instanceTypes[j] = awsec2.NewInstanceType(jsii.String(it))
	}
	return awseksv2.NewNodegroup(s.Construct, jsii.String(fmt.Sprintf("AZ%d", i)), &awseksv2.NodegroupProps{
		Cluster:       p.Cluster,
		Subnets:       &awsec2.SubnetSelection{Subnets: &[]awsec2.ISubnet{subnet}},
		AmiType:       awseksv2.NodegroupAmiType_AL2023_X86_64_STANDARD,
		InstanceTypes: &instanceTypes,
		MinSize:       jsii.Number(*p.MinSize),
		DesiredSize:   jsii.Number(*p.DesiredSize),
		MaxSize:       jsii.Number(*p.MaxSize),
		Labels:        &labels,
		Tags:          &map[string]*string{"ballast.dev/availability-zone": jsii.String(p.AvailabilityZones[i])},
	})
}
