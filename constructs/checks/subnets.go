package checks

import "strings"

// checkSubnets reports node group subnets that are public (error) or that
// cannot be resolved to a subnet of the app (warning).
func (c *EKSChecks) checkSubnets(m *model, ng *resource) {
	raw := ng.props["Subnets"]
	subnets := list(raw)
	if subnets == nil {
		c.warn(ng, RulePrivateSubnets, WarnSubnetsUnverified, "the node group's subnets are a deploy-time value, so they cannot be verified as private",
			"pass subnets defined in the app, or acknowledge this warning if you know they are private")
		return
	}
	for _, s := range subnets {
		subnet := m.ref(s, typeSubnet)
		if subnet == nil {
			c.warn(ng, RulePrivateSubnets, WarnSubnetsUnverified, "subnet "+display(s)+" is not a subnet of this app, so it cannot be verified as private",
				"pass subnets defined in the app, or acknowledge this warning if you know they are private")
			continue
		}
		if why := publicReason(m, subnet); why != "" {
			c.fail(ng, RulePrivateSubnets, "the node group is in public subnet "+subnet.path()+" ("+why+")",
				"place nodes in private subnets (awsec2 SubnetType PRIVATE_WITH_EGRESS or PRIVATE_ISOLATED); public subnets are for load balancers and NAT gateways")
		}
	}
}

// publicReason says why a subnet is public, or "" if it is private.
func publicReason(m *model, subnet *resource) string {
	if pub, _ := boolean(subnet.props["MapPublicIpOnLaunch"]); pub {
		return "MapPublicIpOnLaunch is true"
	}
	for _, t := range list(subnet.props["Tags"]) {
		if str(get(t, "Key")) == "aws-cdk:subnet-type" && str(get(t, "Value")) == "Public" {
			return "tagged aws-cdk:subnet-type=Public"
		}
	}
	for _, assoc := range m.byType(typeAssociation) {
		if m.ref(assoc.props["SubnetId"], typeSubnet) != subnet {
			continue
		}
		table := assoc.props["RouteTableId"]
		for _, route := range m.byType(typeRoute) {
			if route.props["RouteTableId"] != table {
				continue
			}
			gw := route.props["GatewayId"]
			if m.ref(gw, typeIGW) != nil || strings.HasPrefix(str(gw), "igw-") {
				return "its route table routes to an internet gateway"
			}
		}
	}
	return ""
}

func display(v any) string {
	if s := str(v); s != "" {
		return s
	}
	return "(a token)"
}
