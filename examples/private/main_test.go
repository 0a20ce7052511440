package main

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

var checked *synthtest.Assembly // synthesized once, with the checkers applied

func TestMain(m *testing.M) {
	synthtest.ExampleMain(m, func(app awscdk.App) { build(app) }, &checked)
}

func TestGolden(t *testing.T) { golden.AssertAll(t, checked.Templates()) }

// privateSubnets returns the logical IDs of the network's private (node)
// subnets and of the route table each is associated with.
func privateSubnets(t *testing.T, net synthtest.Template) (subnets, tables map[string]bool) {
	t.Helper()
	subnets, tables = map[string]bool{}, map[string]bool{}
	for _, s := range net.Resources("AWS::EC2::Subnet") {
		if strings.HasPrefix(s.ID, "NetworkVpcPrivateSubnet") {
			subnets[s.ID] = true
		}
	}
	for _, a := range net.Resources("AWS::EC2::SubnetRouteTableAssociation") {
		if subnets[synthtest.Ref(a.Properties["SubnetId"])] {
			tables[synthtest.Ref(a.Properties["RouteTableId"])] = true
		}
	}
	if len(subnets) != 3 || len(tables) != 3 {
		t.Fatalf("%d private subnets with %d route tables, want 3 and 3", len(subnets), len(tables))
	}
	return subnets, tables
}

// TestNoInternetRoute: no NAT gateway, no internet gateway, no public
// subnet, and no 0.0.0.0/0 route in any route table, the private ones
// among them.
func TestNoInternetRoute(t *testing.T) {
	net := checked.Templates()["vault-network"]
	_, tables := privateSubnets(t, net)
	for _, typ := range []string{"AWS::EC2::NatGateway", "AWS::EC2::InternetGateway", "AWS::EC2::EIP", "AWS::EC2::VPCGatewayAttachment"} {
		if n := net.Count(typ); n != 0 {
			t.Errorf("%d %s, want none", n, typ)
		}
	}
	for _, s := range net.Resources("AWS::EC2::Subnet") {
		if strings.Contains(s.ID, "Public") {
			t.Errorf("public subnet %s", s.ID)
		}
	}
	if _, ok := net.Outputs()["PublicSubnetIds"]; ok {
		t.Error("a public subnet IDs output without public subnets")
	}
	for _, r := range net.Resources("AWS::EC2::Route") {
		if r.Properties["DestinationCidrBlock"] == "0.0.0.0/0" {
			t.Errorf("default route %s (private route table: %v)", r.ID, tables[synthtest.Ref(r.Properties["RouteTableId"])])
		}
	}
}

// TestEndpointsInEveryPrivateSubnet: every interface endpoint (the
// network's InterfaceEndpointServices, ECR, STS, EC2, EKS and EKS Auth
// among them) has private DNS and an ENI in each private subnet, and the
// S3 gateway endpoint (image layers) is on each private route table.
func TestEndpointsInEveryPrivateSubnet(t *testing.T) {
	net := checked.Templates()["vault-network"]
	subnets, tables := privateSubnets(t, net)
	var iface, gateway int
	for _, ep := range net.Resources("AWS::EC2::VPCEndpoint") {
		refs, key := subnets, "SubnetIds"
		if ep.Properties["VpcEndpointType"] == "Interface" {
			iface++
			if ep.Properties["PrivateDnsEnabled"] != true {
				t.Errorf("%s: no private DNS", ep.ID)
			}
		} else {
			gateway++
			refs, key = tables, "RouteTableIds"
		}
		got := map[string]bool{}
		for _, v := range synthtest.Get(ep.Properties, key).([]any) {
			got[synthtest.Ref(v)] = true
		}
		for id := range refs {
			if !got[id] {
				t.Errorf("%s: not in %s", ep.ID, id)
			}
		}
	}
	if iface != network.InterfaceEndpointENIs || gateway != 1 {
		t.Errorf("%d interface and %d gateway endpoints, want %d and 1 (S3)", iface, gateway, network.InterfaceEndpointENIs)
	}
}

// TestPrivateEndpointOnly: the cluster's API endpoint is reachable from
// the VPC only.
func TestPrivateEndpointOnly(t *testing.T) {
	c := checked.Templates()["vault-cluster"].One(t, "AWS::EKS::Cluster")
	vpc := synthtest.Get(c.Properties, "ResourcesVpcConfig")
	if synthtest.Get(vpc, "EndpointPublicAccess") != false || synthtest.Get(vpc, "EndpointPrivateAccess") != true {
		t.Errorf("endpoint access %v", vpc)
	}
}

// TestNodeEgressRuleCatchesAMissingEndpoint is the canary of
// BALLAST-EKS13 over this example: without the ECR image endpoint, the
// rule pack fails every node group (one per AZ, one subnet each), since nothing else lets nodes pull.
func TestNodeEgressRuleCatchesAMissingEndpoint(t *testing.T) {
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	p := props()
	pl := platform.New(app, &p)
	if !*pl.NetworkStack.Network.Node().TryRemoveChild(jsii.String("EndpointEcrDkr")) {
		t.Fatal("no EndpointEcrDkr in the network")
	}
	pl.ApplyChecks()
	a, err := synthtest.Synth(app)
	if err != nil {
		t.Fatal(err)
	}
	var found int
	for _, m := range a.Messages(checks.RuleNodeEgress, "error") {
		if m.Rule() == checks.RuleNodeEgress && strings.Contains(m.Text, "ecr.dkr") {
			found++
		}
	}
	if want := a.ByStackName()["vault-cluster"].Count("AWS::EKS::Nodegroup"); found != want || want == 0 {
		t.Errorf("%d BALLAST-EKS13 errors naming ecr.dkr, want %d: one per node group (one subnet each)", found, want)
	}
}
