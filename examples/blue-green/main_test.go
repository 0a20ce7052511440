package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

var (
	checked *synthtest.Assembly // synthesized once, with the checkers applied
	built   *platform.Platform
)

func TestMain(m *testing.M) {
	synthtest.ExampleMain(m, func(app awscdk.App) { built = build(app) }, &checked)
}

func TestGolden(t *testing.T) { golden.AssertAll(t, checked.Templates()) }

// TestCheckersPass fails on any unsuppressed cdk-nag finding and any EKS
// rule-pack message over all four stacks.
func TestCheckersPass(t *testing.T) { synthtest.AssertClean(t, checked, "../..") }

func TestTwoGenerationsOneNetwork(t *testing.T) {
	got := checked.Templates()
	for stack, want := range map[string]struct {
		vpcs, clusters int
		version        string
	}{
		"web-network": {1, 0, ""}, "web-storage": {0, 0, ""},
		"web-cluster-blue": {0, 1, "1.35"}, "web-cluster-green": {0, 1, "1.36"},
	} {
		tmpl := got[stack]
		if tmpl == nil {
			t.Fatalf("no stack %s", stack)
		}
		if n := tmpl.Count("AWS::EC2::VPC"); n != want.vpcs {
			t.Errorf("%s: %d VPCs, want %d", stack, n, want.vpcs)
		}
		if n := tmpl.Count("AWS::EKS::Cluster"); n != want.clusters {
			t.Errorf("%s: %d clusters, want %d", stack, n, want.clusters)
		}
		if want.clusters == 1 {
			if v := tmpl.One(t, "AWS::EKS::Cluster").Properties["Version"]; v != want.version {
				t.Errorf("%s: version %v, want %s", stack, v, want.version)
			}
			assertOwnPodIdentityRoles(t, stack, tmpl)
		}
	}
	if len(got) != 4 {
		t.Errorf("%d stacks, want 4", len(got))
	}
}

// TestBothGenerationsFitAtMaxScale: the summary the IP check keeps counts
// both generations' node groups in every AZ.
func TestBothGenerationsFitAtMaxScale(t *testing.T) {
	report, ok := built.IPCapacity()
	if !ok || len(report.Pools) != 3 {
		t.Fatalf("IP capacity report %v (ok %v), want one pool per AZ", report, ok)
	}
	for _, p := range report.Pools {
		if p.Needed > p.Usable {
			t.Errorf("%s", p)
		}
		for _, g := range []string{"blue/system", "green/system"} {
			if !contains(p.Detail, g) {
				t.Errorf("AZ %s does not count %s: %s", p.AZ, g, p.Detail)
			}
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// assertOwnPodIdentityRoles: every Pod Identity association of the
// generation's add-ons uses a role of the generation's own stack.
func assertOwnPodIdentityRoles(t *testing.T, stack string, tmpl synthtest.Template) {
	t.Helper()
	roles := map[string]bool{}
	for _, r := range tmpl.Resources("AWS::IAM::Role") {
		roles[r.ID] = true
	}
	n := 0
	for _, a := range tmpl.Resources("AWS::EKS::Addon") {
		assocs, _ := a.Properties["PodIdentityAssociations"].([]any)
		for i := range assocs {
			n++
			if role := synthtest.Get(assocs, i, "RoleArn", "Fn::GetAtt", 0); !roles[fmt.Sprint(role)] {
				t.Errorf("%s: add-on %s uses role %v, not one of its own stack", stack, a.ID, role)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no Pod Identity associations", stack)
	}
}
