package main

import (
	"slices"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

var checked *synthtest.Assembly // synthesized once, with the checkers applied

func TestMain(m *testing.M) {
	synthtest.ExampleMain(m, func(app awscdk.App) { build(app) }, &checked)
}

func TestGolden(t *testing.T) { golden.AssertAll(t, checked.Templates()) }

// TestMinimalIsAWorkingPlatform asserts what a cluster needs to run pods
// once deployed: the core add-ons, pinned for the cluster's version; nodes
// started only after networking and credentials exist; add-ons that run
// pods created only once nodes exist; someone able to administer it. The
// rule pack's deploy-readiness rules (TestCheckersPass) check the same from
// the resources; this test names the facts.
func TestMinimalIsAWorkingPlatform(t *testing.T) {
	tmpl := checked.Templates()["minimal-eks"]
	if tmpl == nil {
		t.Fatal("no minimal-eks stack")
	}
	cl := tmpl.One(t, "AWS::EKS::Cluster")
	version, _ := cl.Properties["Version"].(string)
	addons := map[string]synthtest.Resource{}
	for _, a := range tmpl.Resources("AWS::EKS::Addon") {
		if synthtest.Ref(a.Properties["ClusterName"]) != cl.ID {
			t.Errorf("add-on %s is not on the cluster", a.ID)
		}
		addons[a.Properties["AddonName"].(string)] = a
	}
	for _, name := range addon.DefaultAddons {
		a, ok := addons[string(name)]
		if !ok {
			t.Errorf("add-on %s missing: the nodes or their pods would not work", name)
			continue
		}
		if want, _ := addon.VersionFor(version, name); a.Properties["AddonVersion"] != want {
			t.Errorf("%s: version %v, want %s (the table's for Kubernetes %s)", name, a.Properties["AddonVersion"], want, version)
		}
	}
	nodes := tmpl.Resources("AWS::EKS::Nodegroup")
	if len(nodes) == 0 {
		t.Fatal("no node groups")
	}
	for _, ng := range nodes {
		for _, need := range []addon.Name{addon.VpcCni, addon.KubeProxy, addon.PodIdentityAgent} {
			if !dependsOn(ng, addons[string(need)].ID) {
				t.Errorf("node group %s is not ordered after %s: its nodes could start without it", ng.ID, need)
			}
		}
	}
	for _, name := range checks.PodAddons {
		if a, ok := addons[name]; ok && !dependsOn(a, nodes[0].ID) {
			t.Errorf("add-on %s runs pods but is not ordered after the node groups", name)
		}
	}
	if tmpl.Count("AWS::EKS::AccessEntry") < 1 {
		t.Error("no admin access entry: nobody could administer the cluster")
	}
}

func dependsOn(r synthtest.Resource, id string) bool {
	deps, _ := r.Raw["DependsOn"].([]any)
	return id != "" && slices.Contains(deps, any(id))
}
