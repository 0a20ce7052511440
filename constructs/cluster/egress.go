package cluster

import (
	"fmt"
	"net/netip"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/jsii-runtime-go"
)

// idControlPlaneSG is the construct ID aws-cdk-lib gives the control-plane
// security group it creates under the cluster.
const idControlPlaneSG = "ControlPlaneSecurityGroup"

// restrictControlPlaneEgress limits the control-plane security group's
// egress to ControlPlaneEgressCIDRs, or the VPC's primary block: the ENIs
// talk to kubelets and to webhooks on pods, never to the internet.
// aws-cdk-lib creates the group allowing all outbound traffic and has no
// prop to change that; replacing the group would change the cluster's
// ResourcesVpcConfig, so its egress is set on the L1 (the logical ID stays).
func restrictControlPlaneEgress(cl awseksv2.Cluster, p ClusterProps) {
	sg, ok := cl.Node().TryFindChild(jsii.String(idControlPlaneSG)).(awsec2.SecurityGroup)
	if !ok {
		return // a security group given to the L2 is the caller's
	}
	var rules []any
	rule := func(cidr *string, what string) {
		rules = append(rules, &awsec2.CfnSecurityGroup_EgressProperty{IpProtocol: jsii.String("-1"), CidrIp: cidr, Description: jsii.String(what)})
	}
	for _, c := range p.ControlPlaneEgressCIDRs {
		rule(jsii.String(c), "Control plane to nodes, pods and webhooks in "+c)
	}
	if vpcCIDR, known := primaryBlock(p.Vpc); known && len(rules) == 0 {
		rule(vpcCIDR, "Control plane to nodes, pods and webhooks in the VPC")
	}
	if len(rules) == 0 {
		awscdk.Annotations_Of(cl).AddWarningV2(jsii.String(WarnControlPlaneEgress), jsii.String(
			"the VPC's CIDR is not known (imported without it), so the control-plane security group keeps egress to 0.0.0.0/0; give the VPC's CIDR (network ExistingNetworkProps.VpcCIDR) or controlPlaneEgressCIDRs."), nil)
		return
	}
	sg.Node().DefaultChild().(awsec2.CfnSecurityGroup).SetSecurityGroupEgress(rules)
}

// primaryBlock returns the VPC's primary IPv4 block; known is false for an
// imported VPC whose block was not given (aws-cdk-lib then throws).
func primaryBlock(vpc awsec2.IVpc) (cidr *string, known bool) {
	defer func() {
		if recover() != nil {
			cidr, known = nil, false
		}
	}()
	return vpc.VpcCidrBlock(), true
}

// checkEgressCIDRs validates ControlPlaneEgressCIDRs: IPv4 blocks without
// host bits, none open to the internet.
func checkEgressCIDRs(cidrs []string) []error {
	var errs []error
	for i, c := range cidrs {
		pr, err := netip.ParsePrefix(c)
		switch {
		case err != nil || !pr.Addr().Is4():
			errs = append(errs, fmt.Errorf("controlPlaneEgressCIDRs[%d]: not an IPv4 CIDR", i))
		case pr.Masked() != pr:
			errs = append(errs, fmt.Errorf("controlPlaneEgressCIDRs[%d]: not an IPv4 CIDR (host bits are set; did you mean %s?)", i, pr.Masked()))
		case IsOpenCIDR(pr):
			errs = append(errs, fmt.Errorf("controlPlaneEgressCIDRs[%d]: opens control-plane egress to the internet (any block larger than a /%d counts); list the VPC's and pod blocks only", i, OpenPrefixBits))
		}
	}
	return errs
}
