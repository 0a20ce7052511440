package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
)

// Output logical IDs of NetworkStack. Never rename one: other apps import
// the exports by name.
const (
	OutputVpcID                 = "VpcId"
	OutputPrivateSubnetIDs      = "PrivateSubnetIds"
	OutputPublicSubnetIDs       = "PublicSubnetIds"
	OutputControlPlaneSubnetIDs = "ControlPlaneSubnetIds"
	OutputPodSubnetIDs          = "PodSubnetIds"
)

// NetworkStackProps configures NetworkStack.
type NetworkStackProps struct {
	awscdk.StackProps
	// Network configures the VPC the stack creates.
	Network network.NetworkProps
	// Existing, when set, imports an existing VPC instead: the stack
	// creates nothing and Network is ignored.
	Existing *network.ExistingNetworkProps
	// ExportPrefix, when set, adds outputs for the VPC and subnet IDs
	// exported as <prefix>-vpc-id, <prefix>-private-subnet-ids,
	// <prefix>-public-subnet-ids, <prefix>-control-plane-subnet-ids (and
	// <prefix>-pod-subnet-ids) for other apps; subnet lists are
	// comma-separated in AZ order. Not for an existing VPC (its IDs are
	// already known, and a stack of outputs only cannot deploy).
	ExportPrefix string
}

// NetworkStack holds the VPC.
type NetworkStack struct {
	awscdk.Stack
	Network *network.Network
}

// NewNetworkStack creates the network stack.
func NewNetworkStack(scope constructs.Construct, id string, props *NetworkStackProps) *NetworkStack {
	s := &NetworkStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	if props.Existing != nil {
		s.Network = network.ImportNetwork(s.Stack, "Network", props.Existing)
		// The stack is empty on purpose; the CDK CLI skips empty stacks.
		awscdk.Validations_Of(s.Stack).Acknowledge(&awscdk.Acknowledgment{
			Id: jsii.String("CloudFormation-Validate::F0001"), Reason: jsii.String("existing VPC: the network stack creates nothing"),
		})
		return s
	}
	s.Network = network.NewNetwork(s.Stack, "Network", &props.Network)
	if props.ExportPrefix != "" {
		s.addOutputs(props.ExportPrefix)
	}
	return s
}

func (s *NetworkStack) addOutputs(prefix string) {
	n := s.Network
	s.output(OutputVpcID, prefix+"-vpc-id", "VPC ID", n.Vpc.VpcId())
	s.output(OutputPrivateSubnetIDs, prefix+"-private-subnet-ids", "Private (node and pod) subnet IDs, in AZ order", joinIDs(n.PrivateSubnets))
	if len(n.PublicSubnets) > 0 { // none with network.NATNone
		s.output(OutputPublicSubnetIDs, prefix+"-public-subnet-ids", "Public subnet IDs, in AZ order", joinIDs(n.PublicSubnets))
	}
	s.output(OutputControlPlaneSubnetIDs, prefix+"-control-plane-subnet-ids", "EKS control-plane subnet IDs, in AZ order", joinIDs(n.ControlPlaneSubnets))
	if len(n.PodSubnets) > 0 {
		s.output(OutputPodSubnetIDs, prefix+"-pod-subnet-ids", "Custom-networking pod subnet IDs, in AZ order", joinIDs(n.PodSubnets))
	}
}

func (s *NetworkStack) output(id, export, description string, value *string) {
	awscdk.NewCfnOutput(s.Stack, jsii.String(id), &awscdk.CfnOutputProps{
		Value: value, ExportName: jsii.String(export), Description: jsii.String(description),
	})
}

func joinIDs(subnets []awsec2.ISubnet) *string {
	ids := make([]*string, len(subnets))
	for i, sn := range subnets {
		ids[i] = sn.SubnetId()
	}
	return awscdk.Fn_Join(jsii.String(","), &ids)
}
