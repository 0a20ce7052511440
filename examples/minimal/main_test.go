package main

import (
	"os"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/internal/testutil/verify"
)

var (
	checked   *verify.Assembly // synthesized once, with the checkers applied
	templates map[string]synthtest.Template
)

func TestMain(m *testing.M) {
	var err error
	if checked, err = verify.SynthChecked(func(app awscdk.App) { build(app) }, checks.Options{}); err != nil {
		panic(err)
	}
	templates = checked.Templates()
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func TestGolden(t *testing.T) {
	for name, tmpl := range templates {
		golden.Assert(t, name, tmpl)
	}
}

func TestMinimalIsAWorkingPlatform(t *testing.T) {
	tmpl := templates["minimal-eks"]
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
