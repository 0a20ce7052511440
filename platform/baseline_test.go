package platform_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/manifest"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
)

// gitOpsFiles reads the GitOps folder a profile's synthesis wrote.
func gitOpsFiles(t *testing.T, p config.Profile) map[string][]byte {
	t.Helper()
	dir := filepath.Join(nagged(t)[p].Dir, baseline.GitOpsDir(testConfig(t, p).ClusterName))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%s: no GitOps folder: %v", p, err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestGoldenGitOps compares every file each profile writes into its
// GitOps folder with its snapshot.
func TestGoldenGitOps(t *testing.T) {
	for _, p := range config.Profiles {
		files := gitOpsFiles(t, p)
		dir := filepath.Join("testdata", "gitops", testConfig(t, p).ClusterName)
		if !golden.Updating() {
			if want, _ := os.ReadDir(dir); len(want) != len(files) {
				t.Errorf("%s: %d files written, %d snapshots in %s", p, len(files), len(want), dir)
			}
		}
		for name, b := range files {
			t.Run(string(p)+"/"+name, func(t *testing.T) { golden.AssertFile(t, dir, name, b) })
		}
	}
}

// TestGitOpsDecodesStrictly decodes every document of every profile's
// manifests back into its k8s.io/api type.
func TestGitOpsDecodesStrictly(t *testing.T) {
	types := manifest.KubernetesTypes()
	for _, p := range config.Profiles {
		kinds := map[string]int{}
		for name, b := range gitOpsFiles(t, p) {
			if !strings.HasSuffix(name, ".yaml") || name == baseline.FileKustomization {
				continue
			}
			for _, doc := range manifest.Docs(b) {
				obj, err := manifest.Decode(doc, types)
				if err != nil {
					t.Errorf("%s %s: %v", p, name, err)
					continue
				}
				kinds[obj.(runtime.Object).GetObjectKind().GroupVersionKind().Kind]++
			}
		}
		want := []string{"Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "PriorityClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "PodDisruptionBudget"}
		if p != config.ProfileDev {
			want = append(want, "Deployment")
		}
		for _, k := range want {
			if kinds[k] == 0 {
				t.Errorf("%s renders no %s (kinds: %v)", p, k, kinds)
			}
		}
	}
}

func TestBaselinePropsWiredByThePlatform(t *testing.T) {
	props := testConfig(t, config.ProfileProd).Props()
	props.Baseline.ClusterName = jsii.String("other")
	props.Baseline.OverProvisioning.AvailabilityZones = []string{"us-east-1a"}
	wanterr.Check(t, props.Validate(), []string{"baseline.clusterName: set by the platform",
		"baseline.overProvisioning.availabilityZones: set by the platform"})
	props = testConfig(t, config.ProfileProd).Props()
	props.Baseline.Teams = append(props.Baseline.Teams, props.Baseline.Teams[0])
	wanterr.Check(t, props.Validate(), []string{"baseline.teams[apps]: listed twice"})
}
