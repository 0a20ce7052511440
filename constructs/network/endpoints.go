package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

// Construct IDs of the endpoints. Never rename one.
const (
	idS3Endpoint       = "S3Endpoint"
	idEndpointSG       = "EndpointSecurityGroup"
	idEndpointIDPrefix = "Endpoint"
)

// InterfaceEndpoint is one AWS service a private cluster reaches through an
// interface endpoint.
type InterfaceEndpoint struct {
	// ID is the endpoint's construct ID suffix (stable).
	ID string
	// Service returns the aws-cdk-lib service.
	Service func() awsec2.InterfaceVpcEndpointAwsService
}

// InterfaceEndpointServices are the services nodes, add-ons and operators
// of a private EKS cluster call: image pulls (ecr.api, ecr.dkr; layers come
// through the S3 gateway endpoint), IAM roles for pods (sts, eks-auth),
// the VPC CNI and node bootstrap (ec2, eks), logs, load balancer and
// autoscaling controllers, and SSM Session Manager.
var InterfaceEndpointServices = []InterfaceEndpoint{
	{"EcrApi", awsec2.InterfaceVpcEndpointAwsService_ECR},
	{"EcrDkr", awsec2.InterfaceVpcEndpointAwsService_ECR_DOCKER},
	{"Sts", awsec2.InterfaceVpcEndpointAwsService_STS},
	{"Ec2", awsec2.InterfaceVpcEndpointAwsService_EC2},
	{"Logs", awsec2.InterfaceVpcEndpointAwsService_CLOUDWATCH_LOGS},
	{"ElasticLoadBalancing", awsec2.InterfaceVpcEndpointAwsService_ELASTIC_LOAD_BALANCING},
	{"AutoScaling", awsec2.InterfaceVpcEndpointAwsService_AUTOSCALING},
	{"Eks", awsec2.InterfaceVpcEndpointAwsService_EKS},
	{"EksAuth", awsec2.InterfaceVpcEndpointAwsService_EKS_AUTH},
	{"Ssm", awsec2.InterfaceVpcEndpointAwsService_SSM},
	{"SsmMessages", awsec2.InterfaceVpcEndpointAwsService_SSM_MESSAGES},
	{"Ec2Messages", awsec2.InterfaceVpcEndpointAwsService_EC2_MESSAGES},
}

// InterfaceEndpointENIs is how many addresses the interface endpoints take
// in each AZ's private subnet (one ENI per endpoint per AZ).
var InterfaceEndpointENIs = len(InterfaceEndpointServices)

// addEndpoints creates the S3 gateway endpoint (free; keeps image-layer
// and other S3 traffic off the NAT gateways) on every subnet's route
// table, and the interface endpoints when asked.
func (n *Network) addEndpoints(p NetworkProps, plan Plan) {
	all := append(append(append(append([]awsec2.ISubnet(nil), n.PrivateSubnets...), n.PublicSubnets...), n.ControlPlaneSubnets...), n.PodSubnets...)
	awsec2.NewGatewayVpcEndpoint(n.Construct, jsii.String(idS3Endpoint), &awsec2.GatewayVpcEndpointProps{
		Vpc:     n.Vpc,
		Service: awsec2.GatewayVpcEndpointAwsService_S3(),
		Subnets: &[]*awsec2.SubnetSelection{{Subnets: &all}},
	})
	if !*p.InterfaceEndpoints {
		return
	}
	n.EndpointSecurityGroup = n.newEndpointSecurityGroup(plan)
	for _, e := range InterfaceEndpointServices {
		awsec2.NewInterfaceVpcEndpoint(n.Construct, jsii.String(idEndpointIDPrefix+e.ID), &awsec2.InterfaceVpcEndpointProps{
			Vpc:               n.Vpc,
			Service:           e.Service(),
			Subnets:           &awsec2.SubnetSelection{Subnets: &n.PrivateSubnets},
			PrivateDnsEnabled: jsii.Bool(true),
			SecurityGroups:    &[]awsec2.ISecurityGroup{n.EndpointSecurityGroup},
			Open:              jsii.Bool(false),
		})
	}
}

// newEndpointSecurityGroup allows HTTPS from the VPC's own blocks only.
func (n *Network) newEndpointSecurityGroup(plan Plan) awsec2.SecurityGroup {
	sg := awsec2.NewSecurityGroup(n.Construct, jsii.String(idEndpointSG), &awsec2.SecurityGroupProps{
		Vpc:              n.Vpc,
		Description:      jsii.String("Interface VPC endpoints: HTTPS from the VPC only"),
		AllowAllOutbound: jsii.Bool(false),
	})
	sg.AddIngressRule(awsec2.Peer_Ipv4(jsii.String(plan.VPC.String())), awsec2.Port_Tcp(jsii.Number(443)), jsii.String("HTTPS from the VPC"), nil)
	if plan.PodCIDR.IsValid() {
		sg.AddIngressRule(awsec2.Peer_Ipv4(jsii.String(plan.PodCIDR.String())), awsec2.Port_Tcp(jsii.Number(443)), jsii.String("HTTPS from the pod CIDR"), nil)
	}
	return sg
}
