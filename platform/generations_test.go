package platform_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// blueGreen is the staging platform with two generations: blue on the
// previous Kubernetes version, green on the current one.
// staging is the staging profile without what watches or extends a single
// cluster (monitoring, the GitOps baseline), which generations refuse.
func staging(t *testing.T) platform.Props {
	props := testConfig(t, config.ProfileStaging).Props()
	props.Monitoring, props.Baseline = nil, nil
	return props
}

func blueGreen(t *testing.T) platform.Props {
	props := staging(t)
	props.Generations = []platform.Generation{{Name: "blue", Version: ptr.To("1.35")}, {Name: "green", Version: ptr.To("1.36")}}
	return props
}

// TestGenerationsShareNetworkAndStorage: two generations are one network,
// one storage and two cluster stacks, each with its own cluster name,
// both wired to the one network and the one set of keys.
func TestGenerationsShareNetworkAndStorage(t *testing.T) {
	props := blueGreen(t)
	app := synthtest.NewApp()
	p := platform.New(app, &props)
	got := synthtest.MustSynth(app).ByStackName()
	want := map[string]string{"ballast-staging-cluster-blue": "ballast-staging-blue", "ballast-staging-cluster-green": "ballast-staging-green"}
	if len(got) != 4 || got["ballast-staging-network"] == nil || got["ballast-staging-storage"] == nil || len(p.ClusterStacks) != 2 {
		t.Fatalf("stacks %v, want network, storage and two cluster stacks", keysOf(got))
	}
	for stack, cluster := range want {
		tmpl := got[stack]
		if tmpl == nil {
			t.Fatalf("no stack %s", stack)
		}
		if name := tmpl.One(t, "AWS::EKS::Cluster").Properties["Name"]; name != cluster {
			t.Errorf("%s: cluster %v, want %s", stack, name, cluster)
		}
		b, _ := json.Marshal(tmpl)
		for _, shared := range []string{"ballast-staging-network", "ballast-staging-storage"} {
			if !strings.Contains(string(b), `"StackName":"`+shared+`"`) {
				t.Errorf("%s reads no output of %s", stack, shared)
			}
		}
	}
}

// TestGenerationsDifferOnlyInNameAndVersion: with the generation's name
// swapped, the blue and green cluster templates differ only where the
// Kubernetes version shows (the control plane's, the node groups', the
// add-on versions pinned for it).
func TestGenerationsDifferOnlyInNameAndVersion(t *testing.T) {
	props := blueGreen(t)
	app := synthtest.NewApp()
	platform.New(app, &props)
	got := synthtest.MustSynth(app).ByStackName()
	rename := func(tmpl synthtest.Template) map[string]any {
		b, _ := json.Marshal(golden.Normalize(tmpl))
		var out map[string]any
		_ = json.Unmarshal([]byte(strings.ReplaceAll(string(b), "blue", "green")), &out)
		return out
	}
	diffs := golden.Diff(rename(got["ballast-staging-cluster-blue"]), golden.Normalize(got["ballast-staging-cluster-green"]))
	if len(diffs) == 0 {
		t.Fatal("no difference at all: the versions should differ")
	}
	for _, d := range diffs {
		path, _, _ := strings.Cut(d, ": ")
		if !strings.HasSuffix(path, ".Version") && !strings.HasSuffix(path, ".AddonVersion") {
			t.Errorf("blue and green differ beyond name and version: %s", d)
		}
	}
}

func TestIPCheckCountsEveryGeneration(t *testing.T) {
	props := staging(t)
	props.NodeGroups[0].MaxSize = ptr.To(100)
	if err := props.Validate(); err != nil {
		t.Fatalf("one cluster should fit: %v", err)
	}
	props.Generations = []platform.Generation{{Name: "blue"}, {Name: "green"}}
	err := props.Validate()
	if err == nil || !strings.Contains(err.Error(), "cannot hold max scale") || !strings.Contains(err.Error(), "green/system") {
		t.Fatalf("two generations at max scale: err = %v, want the shared subnets too small, naming green's nodes", err)
	}
}

func TestControlPlaneSubnetsHoldEveryGeneration(t *testing.T) {
	props := staging(t)
	props.Generations = []platform.Generation{{Name: "blue"}, {Name: "green"}, {Name: "teal"}}
	if err := props.Validate(); err != nil {
		t.Fatalf("three generations over three AZs (27 of 33 addresses): %v", err)
	}
	props.Network.AvailabilityZones = props.Network.AvailabilityZones[:2]
	props.NodeGroups[0].MaxSize = ptr.To(3)
	err := props.Validate()
	if err == nil || !strings.Contains(err.Error(), "generations: 3 clusters need up to 27 control-plane addresses") {
		t.Fatalf("three generations over two AZs: err = %v", err)
	}
}

func TestGenerationProblems(t *testing.T) {
	props := staging(t)
	props.Generations = []platform.Generation{{Name: "Blue"}, {Name: "green"}, {Name: "green", Version: ptr.To("1.20")}}
	err := props.Validate()
	for _, want := range []string{
		`generations[0].name: "Blue" is not a generation name`,
		`generations[2].name: "green" is listed twice`,
		`generations[2] (green): cluster.version:`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("no problem %q in:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "cluster.version:"); n != 1 {
		t.Errorf("the bad version is reported %d times, want once:\n%v", n, err)
	}
}

func keysOf(m map[string]synthtest.Template) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
