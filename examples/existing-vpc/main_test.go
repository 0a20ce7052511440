package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

var checked *synthtest.Assembly // synthesized once, with the checkers applied

func TestMain(m *testing.M) {
	synthtest.ExampleMain(m, build, &checked)
}

func TestGolden(t *testing.T) { golden.AssertAll(t, checked.Templates()) }

func TestNothingIsCreatedInTheNetworkTeamsVPC(t *testing.T) {
	tmpl := checked.Templates()["payments-eks"]
	for _, typ := range []string{"AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::NatGateway", "AWS::EC2::RouteTable"} {
		if n := tmpl.Count(typ); n != 0 {
			t.Errorf("%d %s created in an imported VPC", n, typ)
		}
	}
	subnets := synthtest.Get(tmpl.One(t, "AWS::EKS::Cluster").Properties, "ResourcesVpcConfig", "SubnetIds").([]any)
	for i, s := range subnets {
		if s != privateSubnets[i] {
			t.Errorf("control-plane subnet %d = %v, want the imported %s", i, s, privateSubnets[i])
		}
	}
	for i, ng := range tmpl.Resources("AWS::EKS::Nodegroup") {
		if got := synthtest.Get(ng.Properties, "Subnets", 0); got != privateSubnets[i] {
			t.Errorf("%s in %v, want %s", ng.ID, got, privateSubnets[i])
		}
	}
}

func TestTeamGetsEditOnItsNamespacesOnly(t *testing.T) {
	for _, e := range checked.Templates()["payments-eks"].Resources("AWS::EKS::AccessEntry") {
		if e.Properties["PrincipalArn"] != teamRole {
			continue
		}
		policy := synthtest.Get(e.Properties, "AccessPolicies", 0)
		if arn := fmt.Sprint(synthtest.Get(policy, "PolicyArn")); !strings.Contains(arn, ":eks::aws:cluster-access-policy/AmazonEKSEditPolicy") {
			t.Errorf("team policy %v", synthtest.Get(policy, "PolicyArn"))
		}
		scope := synthtest.Get(policy, "AccessScope")
		if synthtest.Get(scope, "Type") != "namespace" || len(synthtest.Get(scope, "Namespaces").([]any)) != 2 {
			t.Errorf("team scope %v, want its two namespaces", scope)
		}
		return
	}
	t.Error("no access entry for the team role")
}
