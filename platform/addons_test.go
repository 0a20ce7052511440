package platform_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// clusterAddons returns a cluster template's add-ons by name.
func clusterAddons(t *testing.T, tmpl synthtest.Template) map[string]synthtest.Resource {
	t.Helper()
	out := map[string]synthtest.Resource{}
	for _, r := range tmpl.Resources("AWS::EKS::Addon") {
		name := r.Properties["AddonName"].(string)
		if _, dup := out[name]; dup {
			t.Fatalf("two %s add-ons", name)
		}
		out[name] = r
	}
	return out
}

func TestProdAddonsPinnedWithOverwrite(t *testing.T) {
	cfg := testConfig(t, config.ProfileProd)
	tmpl := stack(t, config.ProfileProd, "cluster")
	got := clusterAddons(t, tmpl)
	for _, name := range addon.DefaultAddons {
		r, ok := got[string(name)]
		want, _ := addon.VersionFor(cfg.KubernetesVersion, name)
		if !ok || r.Properties["AddonVersion"] != want || r.Properties["ResolveConflicts"] != "OVERWRITE" {
			t.Errorf("%s: %v, want version %s with OVERWRITE", name, r.Properties, want)
		}
	}
	t.Run("pod identity roles have exactly their managed policy", func(t *testing.T) {
		for name, policy := range map[string]string{"vpc-cni": addon.VpcCniPolicy, "aws-ebs-csi-driver": addon.EbsCsiPolicy} {
			roleID := synthtest.Ref(synthtest.Get(got[name].Properties, "PodIdentityAssociations", 0, "RoleArn"))
			arns, _ := synthtest.Get(map[string]any(tmpl), "Resources", roleID, "Properties", "ManagedPolicyArns").([]any)
			b, _ := json.Marshal(arns)
			if len(arns) != 1 || !strings.Contains(strings.ReplaceAll(string(b), `","`, ""), ":iam::aws:policy/"+policy) {
				t.Errorf("%s: role %s managed policies %s, want exactly %s", name, roleID, b, policy)
			}
		}
	})
	t.Run("coredns runs 3 replicas in prod", func(t *testing.T) {
		var v map[string]any
		_ = json.Unmarshal([]byte(got["coredns"].Properties["ConfigurationValues"].(string)), &v)
		if v["replicaCount"] != 3.0 {
			t.Errorf("replicaCount %v", v["replicaCount"])
		}
	})
	t.Run("node groups wait for vpc-cni", func(t *testing.T) {
		for _, ng := range tmpl.Resources("AWS::EKS::Nodegroup") {
			deps, _ := ng.Raw["DependsOn"].([]any)
			if !slices.Contains(deps, any(got["vpc-cni"].ID)) {
				t.Errorf("%s does not depend on vpc-cni (%v)", ng.ID, deps)
			}
		}
	})
}

// Changing BALLAST_K8S_VERSION moves every add-on to that table row.
func TestAddonVersionsFollowKubernetesVersion(t *testing.T) {
	const k8s = "1.34"
	cfg, err := config.Load(func(name string) (string, bool) {
		if name == config.VarK8sVersion {
			return k8s, true
		}
		return "", false
	})
	if err != nil {
		t.Fatal(err)
	}
	app := synthtest.NewApp()
	newPlatform(app, cfg)
	got := clusterAddons(t, synthtest.MustSynth(app).Templates()[cfg.Props().StackName("cluster")])
	for _, name := range addon.DefaultAddons {
		want, _ := addon.VersionFor(k8s, name)
		if v := got[string(name)].Properties["AddonVersion"]; v != want {
			t.Errorf("%s: %v, want %s", name, v, want)
		}
	}
}
