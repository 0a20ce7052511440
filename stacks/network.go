package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
)

// NetworkStackProps configures NetworkStack.
type NetworkStackProps struct {
	awscdk.StackProps
	Network network.NetworkProps
}

// NetworkStack holds the VPC.
type NetworkStack struct {
	awscdk.Stack
	Network *network.Network
}

// NewNetworkStack creates the network stack.
func NewNetworkStack(scope constructs.Construct, id string, props *NetworkStackProps) *NetworkStack {
	s := &NetworkStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	s.Network = network.NewNetwork(s.Stack, "Network", &props.Network)
	return s
}
