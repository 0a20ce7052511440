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

// TestEKSRunsTheNodes: Auto Mode's compute, storage and load-balancing
// settings are on, with the built-in node pools, and Ballast creates no
// node group and no add-on.
func TestEKSRunsTheNodes(t *testing.T) {
	tmpl := checked.Templates()["auto-cluster"]
	if tmpl == nil {
		t.Fatal("no auto-cluster stack")
	}
	c := tmpl.One(t, "AWS::EKS::Cluster").Properties
	if got := synthtest.Get(c, "ComputeConfig", "Enabled"); got != true {
		t.Errorf("ComputeConfig.Enabled %v", got)
	}
	pools, _ := synthtest.Get(c, "ComputeConfig", "NodePools").([]any)
	if len(pools) != 2 || pools[0] != "system" || pools[1] != "general-purpose" {
		t.Errorf("node pools %v", pools)
	}
	if got := synthtest.Get(c, "StorageConfig", "BlockStorage", "Enabled"); got != true {
		t.Errorf("block storage %v", got)
	}
	if got := synthtest.Get(c, "KubernetesNetworkConfig", "ElasticLoadBalancing", "Enabled"); got != true {
		t.Errorf("load balancing %v", got)
	}
	for _, typ := range []string{"AWS::EKS::Nodegroup", "AWS::EKS::Addon"} {
		if n := tmpl.Count(typ); n != 0 {
			t.Errorf("%d %s, want none", n, typ)
		}
	}
}
