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

func TestMinimalIsAWorkingPlatform(t *testing.T) {
	tmpl := checked.Templates()["minimal-eks"]
	if tmpl == nil {
		t.Fatal("no minimal-eks stack")
	}
	for typ, want := range map[string]int{
		"AWS::EC2::VPC": 1, "AWS::EC2::NatGateway": 3, "AWS::EKS::Cluster": 1, "AWS::EKS::Nodegroup": 3,
	} {
		if got := tmpl.Count(typ); got != want {
			t.Errorf("%s: %d, want %d", typ, got, want)
		}
	}
	if tmpl.Count("AWS::EKS::AccessEntry") < 1 {
		t.Error("no admin access entry: nobody could administer the cluster")
	}
}
