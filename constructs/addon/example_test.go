package addon_test

import (
	"fmt"

	"github.com/ballast-eks/ballast/constructs/addon"
)

// Add-on versions are pinned per Kubernetes version; bumping the cluster's
// version moves every add-on with it.
func ExampleVersionFor() {
	for _, k8s := range addon.KubernetesVersions() {
		v, _ := addon.VersionFor(k8s, addon.CoreDNS)
		fmt.Println(k8s, addon.CoreDNS, v != "")
	}
	// Output:
	// 1.32 coredns true
	// 1.33 coredns true
	// 1.34 coredns true
	// 1.35 coredns true
	// 1.36 coredns true
}
