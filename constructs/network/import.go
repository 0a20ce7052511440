package network

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs of imported resources (no CloudFormation resources).
const (
	idImportedVpc              = "ImportedVpc"
	idImportedControlPlanePrfx = "ImportedControlPlaneSubnet"
)

// ImportNetwork exposes a VPC created elsewhere through the same fields as
// NewNetwork, creating nothing. The VPC is imported from its attributes
// (Vpc.fromVpcAttributes): no context lookups, no AWS calls. It panics with
// every validation problem if props are invalid.
func ImportNetwork(scope constructs.Construct, id string, props *ExistingNetworkProps) *Network {
	p := propcheck.Deref(props)
	propcheck.Must(scope, id, "existing network", p.Validate())
	n := &Network{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	attrs := &awsec2.VpcAttributes{
		VpcId:             p.VpcID,
		AvailabilityZones: jsii.Strings(p.AvailabilityZones...),
		PrivateSubnetIds:  jsii.Strings(p.PrivateSubnetIDs...),
		VpcCidrBlock:      p.VpcCIDR,
	}
	if len(p.PublicSubnetIDs) > 0 {
		attrs.PublicSubnetIds = jsii.Strings(p.PublicSubnetIDs...)
	}
	n.Vpc = awsec2.Vpc_FromVpcAttributes(n.Construct, jsii.String(idImportedVpc), attrs)
	n.PrivateSubnets = *n.Vpc.PrivateSubnets()
	n.PublicSubnets = *n.Vpc.PublicSubnets()
	n.ControlPlaneSubnets = n.PrivateSubnets
	if len(p.ControlPlaneSubnetIDs) > 0 {
		n.ControlPlaneSubnets = nil
		for i, sid := range p.ControlPlaneSubnetIDs {
			n.ControlPlaneSubnets = append(n.ControlPlaneSubnets, awsec2.Subnet_FromSubnetAttributes(n.Construct,
				jsii.String(fmt.Sprintf("%s%d", idImportedControlPlanePrfx, i+1)),
				&awsec2.SubnetAttributes{SubnetId: jsii.String(sid), AvailabilityZone: jsii.String(p.AvailabilityZones[i])}))
		}
	}
	// Ballast never reads an imported subnet's route table.
	awscdk.Annotations_Of(n.Construct).AcknowledgeWarning(jsii.String("@aws-cdk/aws-ec2:noSubnetRouteTableId"),
		jsii.String("Ballast does not use imported subnets' route tables"))
	return n
}
