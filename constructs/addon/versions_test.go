package addon_test

import (
	"testing"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
)

// Every Kubernetes version the library (and so the config) accepts has a
// row with every default and optional add-on, in the EKS version format.
func TestVersionTableCoversSupportedVersions(t *testing.T) {
	for _, k8s := range cluster.SupportedVersions {
		for _, name := range append(append([]addon.Name{}, addon.DefaultAddons...), addon.OptionalAddons...) {
			v, ok := addon.VersionFor(k8s, name)
			if !ok {
				t.Errorf("Kubernetes %s: no %s version", k8s, name)
			} else if !addon.ValidVersion(v) {
				t.Errorf("Kubernetes %s: %s version %q is malformed", k8s, name, v)
			}
		}
	}
}

// kube-proxy must match the control-plane minor.
func TestKubeProxyMatchesMinor(t *testing.T) {
	for k8s := range addon.Versions {
		if v, _ := addon.VersionFor(k8s, addon.KubeProxy); len(v) < len(k8s)+2 || v[1:len(k8s)+2] != k8s+"." {
			t.Errorf("Kubernetes %s: kube-proxy %s is for another minor", k8s, v)
		}
	}
}

func TestValidVersion(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.19.0-eksbuild.1": true, "v0.8.1-eksbuild.10": true,
		"1.19.0-eksbuild.1": false, "v1.19.0": false, "v1.19-eksbuild.1": false, "latest": false, "": false,
		"v1.19.0-eksbuild.1 ": false,
	} {
		if got := addon.ValidVersion(v); got != want {
			t.Errorf("ValidVersion(%q) = %v, want %v", v, got, want)
		}
	}
}
