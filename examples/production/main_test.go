package main

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

var checked *synthtest.Assembly // synthesized once, with the checkers applied

func TestMain(m *testing.M) {
	synthtest.ExampleMain(m, func(app awscdk.App) { build(app) }, &checked)
}

func TestGolden(t *testing.T) { golden.AssertAll(t, checked.Templates()) }

func TestCheckersPass(t *testing.T) { synthtest.AssertClean(t, checked, "../..") }

// TestProductionOptions: what the options promise shows in the templates.
func TestProductionOptions(t *testing.T) {
	tpl := checked.Templates()
	net, data, eks := tpl["prod-network"], tpl["prod-storage"], tpl["prod-cluster"]
	if net == nil || data == nil || eks == nil {
		t.Fatalf("stacks %v", len(tpl))
	}
	counts := []struct {
		tmpl synthtest.Template
		typ  string
		want int
	}{
		{net, "AWS::EC2::NatGateway", 3},
		{net, "AWS::EC2::VPCCidrBlock", 1},
		{net, "AWS::EC2::Subnet", 12}, // public, private, control plane and pod subnets in three AZs
		{data, "AWS::EFS::FileSystem", 1},
		{data, "AWS::Backup::BackupPlan", 1},
		{eks, "AWS::EKS::Nodegroup", 6},
		{eks, "AWS::EKS::AccessEntry", 2}, // platform-admins and break-glass
	}
	for _, c := range counts {
		if got := c.tmpl.Count(c.typ); got != c.want {
			t.Errorf("%s: %d, want %d", c.typ, got, c.want)
		}
	}
	if n := net.Count("AWS::EC2::VPCEndpoint"); n < 10 {
		t.Errorf("%d VPC endpoints, want the interface endpoints of a private cluster", n)
	}
	c := eks.One(t, "AWS::EKS::Cluster")
	if got := synthtest.Get(c.Properties, "ResourcesVpcConfig", "EndpointPublicAccess"); got != false {
		t.Errorf("public endpoint %v", got)
	}
	if c.Properties["DeletionProtection"] != true || c.Raw["DeletionPolicy"] != "Retain" {
		t.Errorf("deletion protection %v, policy %v", c.Properties["DeletionProtection"], c.Raw["DeletionPolicy"])
	}
	addons := map[string]bool{}
	for _, a := range eks.Resources("AWS::EKS::Addon") {
		addons[a.Properties["AddonName"].(string)] = true
	}
	for _, name := range []string{"aws-efs-csi-driver", "coredns", "vpc-cni", "aws-ebs-csi-driver"} {
		if !addons[name] {
			t.Errorf("no %s add-on: %v", name, addons)
		}
	}
}
