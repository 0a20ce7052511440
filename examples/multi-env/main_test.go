package main

import (
	"strings"
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

// TestNineStacksEachInItsAccount: three environments, three stacks each,
// named after the environment and deploying to its account.
func TestNineStacksEachInItsAccount(t *testing.T) {
	if len(checked.Stacks) != 9 {
		t.Fatalf("%d stacks, want 9", len(checked.Stacks))
	}
	for _, e := range environments {
		for _, part := range []string{"network", "storage", "cluster"} {
			name := "acme-" + e.profile.Name + "-" + part
			var found bool
			for _, s := range checked.Stacks {
				if s.StackName == name {
					found = true
					if !strings.Contains(s.Environment, e.account) {
						t.Errorf("%s deploys to %s, want account %s", name, s.Environment, e.account)
					}
				}
			}
			if !found {
				t.Errorf("no stack %s", name)
			}
		}
	}
}

// TestProfilesDiffer: what the table says differs, differs.
func TestProfilesDiffer(t *testing.T) {
	for _, e := range environments {
		net := checked.Templates()["acme-"+e.profile.Name+"-network"]
		want := map[string]int{"single": 1, "per-az": 3}[string(e.nat)]
		if n := net.Count("AWS::EC2::NatGateway"); n != want {
			t.Errorf("%s: %d NAT gateways, want %d", e.profile.Name, n, want)
		}
		c := checked.Templates()["acme-"+e.profile.Name+"-cluster"].One(t, "AWS::EKS::Cluster")
		if got, want := c.Raw["DeletionPolicy"], map[bool]string{true: "Retain", false: "Delete"}[e.profile.Name == "prod"]; got != want {
			t.Errorf("%s: cluster deletion policy %v, want %s", e.profile.Name, got, want)
		}
	}
}
