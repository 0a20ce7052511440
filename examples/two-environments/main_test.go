package main

import (
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

var (
	checked *synthtest.Assembly // synthesized once, with the checkers applied
	built   []*platform.Platform
)

func TestMain(m *testing.M) {
	// The library stands alone: nothing of the environment is read.
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "BALLAST_") {
			os.Unsetenv(name)
		}
	}
	synthtest.ExampleMain(m, func(app awscdk.App) { built = build(app) }, &checked)
}

func TestGolden(t *testing.T) { golden.AssertAll(t, checked.Templates()) }

func TestSixStacksWithDistinctNames(t *testing.T) {
	want := []string{"shop-dev-network", "shop-dev-storage", "shop-dev-cluster", "shop-prod-network", "shop-prod-storage", "shop-prod-cluster"}
	if len(checked.Templates()) != len(want) {
		t.Fatalf("%d stacks, want %d: %v", len(checked.Templates()), len(want), keys(checked.Templates()))
	}
	for _, name := range want {
		if checked.Templates()[name] == nil {
			t.Errorf("no stack %s: %v", name, keys(checked.Templates()))
		}
	}
}

func TestEachEnvironmentKeepsItsOwnPolicy(t *testing.T) {
	for env, want := range map[string]struct {
		nat        int
		protection bool
		policy     string
	}{"shop-dev": {1, false, "Delete"}, "shop-prod": {3, true, "Retain"}} {
		if n := checked.Templates()[env+"-network"].Count("AWS::EC2::NatGateway"); n != want.nat {
			t.Errorf("%s: %d NAT gateways, want %d", env, n, want.nat)
		}
		c := checked.Templates()[env+"-cluster"].One(t, "AWS::EKS::Cluster")
		if got := c.Properties["DeletionProtection"]; got != want.protection {
			t.Errorf("%s: deletion protection %v", env, got)
		}
		if got := c.Raw["DeletionPolicy"]; got != want.policy {
			t.Errorf("%s: cluster deletion policy %v, want %s", env, got, want.policy)
		}
	}
	for _, p := range built {
		if got, want := *p.StorageStack.TerminationProtection(), p.Props.Profile.Protects(platform.PartStorage); got != want {
			t.Errorf("%s: storage termination protection %v, want %v", p.Props.Name, got, want)
		}
		if got, want := *p.NetworkStack.TerminationProtection(), p.Props.Profile.Protects(platform.PartNetwork); got != want {
			t.Errorf("%s: network termination protection %v, want %v", p.Props.Name, got, want)
		}
	}
}

func TestEnvironmentsStayInTheirAccounts(t *testing.T) {
	for _, s := range checked.Stacks {
		account := map[bool]string{true: "111111111111", false: "222222222222"}[strings.HasPrefix(s.ID, "shop-dev-")]
		if !strings.Contains(s.Environment, account) {
			t.Errorf("%s deploys to %q, want account %s", s.ID, s.Environment, account)
		}
	}
}

func keys(m map[string]synthtest.Template) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
