package platform_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestAutoModeInstallsTheAddonsItLacks: prod with EKS Auto Mode has EFS
// on, so besides metrics-server it gets the EFS CSI driver, with its Pod
// Identity role and mount access to the file system; nothing Auto Mode
// runs itself (Pod Identity agent, vpc-cni, kube-proxy, CoreDNS, EBS CSI)
// is installed.
func TestAutoModeInstallsTheAddonsItLacks(t *testing.T) {
	cfg := load(t, map[string]string{config.VarEnv: "prod", config.VarCompute: "auto", config.VarAddonCloudWatch: "on"})
	app := synthtest.NewApp()
	newPlatform(app, cfg)
	a := synthtest.MustSynth(app)
	tmpl := a.Templates()[cfg.Props().StackName("cluster")]
	got := clusterAddons(t, tmpl)
	want := []string{string(addon.CloudWatchObservability), string(addon.EfsCsiDriver), string(addon.MetricsServer)}
	if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, want) {
		t.Fatalf("add-ons %v, want exactly %v", names, want)
	}
	for name, policy := range map[string]string{string(addon.EfsCsiDriver): addon.EfsCsiPolicy, string(addon.CloudWatchObservability): addon.CloudWatchPolicy} {
		roleID := synthtest.Ref(synthtest.Get(got[name].Properties, "PodIdentityAssociations", 0, "RoleArn"))
		if roleID == "" || !strings.Contains(toJSONString(synthtest.Get(map[string]any(tmpl), "Resources", roleID, "Properties", "ManagedPolicyArns")), policy) {
			t.Errorf("%s: no Pod Identity role with %s (role %q)", name, policy, roleID)
		}
	}
	if v, _ := addon.VersionFor(cfg.KubernetesVersion, addon.MetricsServer); got[string(addon.MetricsServer)].Properties["AddonVersion"] != v {
		t.Errorf("metrics-server version %v, want %s", got[string(addon.MetricsServer)].Properties["AddonVersion"], v)
	}
	efsRole := synthtest.Ref(synthtest.Get(got[string(addon.EfsCsiDriver)].Properties, "PodIdentityAssociations", 0, "RoleArn"))
	mounts := false
	for _, p := range tmpl.Resources("AWS::IAM::Policy") {
		doc := toJSONString(p.Properties)
		mounts = mounts || strings.Contains(doc, "elasticfilesystem:ClientMount") && strings.Contains(toJSONString(p.Properties["Roles"]), efsRole)
	}
	if !mounts {
		t.Errorf("the EFS CSI driver's role %s may not mount the file system", efsRole)
	}
}
