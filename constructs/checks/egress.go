package checks

import (
	"regexp"
	"slices"
	"strings"
)

// PrivateClusterEndpoints are the AWS services nodes without a NAT route
// need through VPC endpoints to join and pull images: ECR (api and dkr),
// STS, EC2 and EKS Auth as interface endpoints with private DNS, and S3 as
// the gateway endpoint on the subnet's route table (image layers).
var PrivateClusterEndpoints = []string{"ecr.api", "ecr.dkr", "sts", "ec2", "eks-auth", "s3"}

// ZoneLabel is the well-known node label naming a node's AZ.
const ZoneLabel = "topology.kubernetes.io/zone"

// checkEgress reports node group subnets with neither a default route
// through a NAT gateway (or transit or internet gateway) nor the endpoints
// a private cluster needs.
func (c *EKSChecks) checkEgress(m *model, ng *resource) {
	for _, s := range list(ng.props["Subnets"]) { // a token list: BALLAST-EKS4 warns
		subnet := m.ref(s, typeSubnet)
		if subnet == nil {
			c.warn(ng, RuleNodeEgress, RuleNodeEgress+"-unverified", "subnet "+display(s)+" is not a subnet of this app, so its way to the registries and AWS APIs cannot be verified",
				"pass subnets defined in the app, or acknowledge this warning if you know they route 0.0.0.0/0 through a NAT gateway or have the private-cluster endpoints")
			continue
		}
		tables := routeTables(m, subnet)
		if len(tables) == 0 {
			c.warn(ng, RuleNodeEgress, RuleNodeEgress+"-unverified", "subnet "+subnet.path()+" has no route table association in this app, so its routes cannot be verified",
				"associate the subnet with a route table of the app, or acknowledge this warning if you know the main route table has a way out")
			continue
		}
		if hasDefaultRoute(m, tables) {
			continue
		}
		if missing := missingEndpoints(m, subnet, tables); len(missing) > 0 {
			c.fail(ng, RuleNodeEgress, "subnet "+subnet.path()+" has no 0.0.0.0/0 route through a NAT gateway and no VPC endpoints for "+quote(missing)+
				", so its nodes cannot pull images or reach the EKS, STS and EC2 APIs",
				"route 0.0.0.0/0 through a NAT gateway (awsec2 SubnetType PRIVATE_WITH_EGRESS), or add interface endpoints with private DNS for ecr.api, ecr.dkr, sts, ec2 and eks-auth and the S3 gateway endpoint on the subnet's route table (Ballast network InterfaceEndpoints)")
		}
	}
}

// routeTables returns the route table IDs the subnet is associated with.
func routeTables(m *model, subnet *resource) []string {
	var out []string
	for _, assoc := range m.byType(typeAssociation) {
		if t, ok := assoc.props["RouteTableId"].(string); ok && m.ref(assoc.props["SubnetId"], typeSubnet) == subnet {
			out = append(out, t)
		}
	}
	return out
}

func hasDefaultRoute(m *model, tables []string) bool {
	for _, route := range m.byType(typeRoute) {
		t, _ := route.props["RouteTableId"].(string)
		if !slices.Contains(tables, t) || str(route.props["DestinationCidrBlock"]) != "0.0.0.0/0" {
			continue
		}
		gw := route.props["GatewayId"]
		if route.props["NatGatewayId"] != nil || route.props["TransitGatewayId"] != nil ||
			m.ref(gw, typeIGW) != nil || strings.HasPrefix(str(gw), "igw-") {
			return true
		}
	}
	return false
}

// missingEndpoints returns the PrivateClusterEndpoints the subnet's VPC
// lacks: interface endpoints need private DNS, the S3 gateway endpoint
// one of the subnet's route tables.
func missingEndpoints(m *model, subnet *resource, tables []string) []string {
	have := map[string]bool{}
	for _, ep := range m.byType(typeEndpoint) {
		if !sameValue(ep.props["VpcId"], subnet.props["VpcId"]) {
			continue
		}
		svc := serviceOf(ep)
		switch str(ep.props["VpcEndpointType"]) {
		case "Interface":
			dns, _ := boolean(ep.props["PrivateDnsEnabled"])
			have[svc] = have[svc] || (dns && svc != "s3")
		case "", "Gateway":
			have[svc] = have[svc] || slices.ContainsFunc(list(ep.props["RouteTableIds"]), func(t any) bool { ts, _ := t.(string); return slices.Contains(tables, ts) })
		}
	}
	var missing []string
	for _, svc := range PrivateClusterEndpoints {
		if !have[svc] {
			missing = append(missing, svc)
		}
	}
	return missing
}

// serviceRe takes the service out of com.amazonaws.<region>.<service>.
var serviceRe = regexp.MustCompile(`^com\.amazonaws\.[^.]+\.(.+)$`)

// serviceOf returns an endpoint's service ("ecr.api"), resolving the
// region token aws-cdk-lib joins into the name.
func serviceOf(ep *resource) string {
	name := flatten(ep.stack().Resolve(ep.props["ServiceName"]))
	if sm := serviceRe.FindStringSubmatch(name); sm != nil {
		return sm[1]
	}
	return name
}

// flatten renders a resolved string value, with "*" for what is only known
// at deploy time: {"Fn::Join": ["", ["com.amazonaws.", {"Ref": "AWS::Region"}, ".sts"]]}
// is "com.amazonaws.*.sts".
func flatten(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case *string:
		return *x
	case map[string]any:
		join, _ := x["Fn::Join"].([]any)
		if len(join) != 2 {
			return "*"
		}
		sep, _ := join[0].(string)
		var parts []string
		for _, p := range list(join[1]) {
			parts = append(parts, flatten(p))
		}
		return strings.Join(parts, sep)
	}
	return "*"
}

// sameValue reports whether a and b are the same literal or token string.
func sameValue(a, b any) bool {
	as, ok := a.(string)
	bs, _ := b.(string)
	return ok && as != "" && as == bs
}

// checkEndpointVpc reports node groups outside the VPC of a cluster whose
// API endpoint is private-only: the endpoint's private DNS answers in the
// cluster's VPC only.
func (c *EKSChecks) checkEndpointVpc(m *model, ng *resource) {
	cl := clusterOf(m, ng)
	if cl == nil {
		return
	}
	cfg := cl.props["ResourcesVpcConfig"]
	if public, known := boolean(get(cfg, "EndpointPublicAccess")); !known || public {
		return
	}
	clusterVpc, ok := vpcOf(m, list(get(cfg, "SubnetIds")))
	nodeVpc, nodeOK := vpcOf(m, list(ng.props["Subnets"]))
	switch {
	case !ok || !nodeOK:
		c.warn(ng, RulePrivateEndpointVpc, RulePrivateEndpointVpc+"-unverified", "the cluster's endpoint is private-only and the VPC of its or the node group's subnets is not in this app, so the nodes cannot be verified to reach it",
			"pass subnets defined in the app, or acknowledge this warning if you know the nodes run in the cluster's VPC")
	case clusterVpc != nodeVpc:
		c.fail(ng, RulePrivateEndpointVpc, "the cluster's endpoint is private-only and the node group's subnets are in another VPC than the cluster's, so its nodes cannot reach the API server to join",
			"place the node group in subnets of the cluster's VPC, or open the endpoint to the nodes' NAT addresses (public-and-private access with CIDRs)")
	}
}

// vpcOf returns the one VPC ID token of the subnets; ok is false when a
// subnet is not in the app, or they span VPCs ("" returned with ok).
func vpcOf(m *model, subnets []any) (vpc string, ok bool) {
	for _, s := range subnets {
		subnet := m.ref(s, typeSubnet)
		if subnet == nil {
			return "", false
		}
		id, _ := subnet.props["VpcId"].(string)
		if vpc != "" && id != vpc {
			return "", true
		}
		vpc = id
	}
	return vpc, vpc != ""
}

// checkZoneLabels reports a topology.kubernetes.io/zone label or taint
// that names another AZ than the node group's subnets.
func (c *EKSChecks) checkZoneLabels(m *model, ng *resource) {
	claims := map[string]string{} // claimed zone -> "label" or "taint"
	if z := str(get(ng.props, "Labels", ZoneLabel)); z != "" {
		claims[z] = "label"
	}
	for _, t := range list(ng.props["Taints"]) {
		if str(get(t, "Key")) == ZoneLabel && str(get(t, "Value")) != "" {
			claims[str(get(t, "Value"))] = "taint"
		}
	}
	for _, zone := range keysOf(claims) {
		for _, s := range list(ng.props["Subnets"]) {
			subnet := m.ref(s, typeSubnet)
			az := ""
			if subnet != nil {
				az = str(subnet.props["AvailabilityZone"])
			}
			if az != "" && az != zone {
				c.fail(ng, RuleZoneLabel, "the node group's "+claims[zone]+" "+ZoneLabel+"="+zone+" names another AZ than its subnet "+subnet.path()+" ("+az+"), so pods pinned to a zone land in the wrong one",
					"drop the label or taint (the kubelet sets "+ZoneLabel+" from the instance's AZ), or use one node group per AZ with the matching value")
				break
			}
		}
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
