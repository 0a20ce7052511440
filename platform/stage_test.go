package platform_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

// TestStageKeepsStackNamesAndTemplates moves a platform into a stage: the
// stacks keep their names (CDK would otherwise call them <stage>-<id>, a
// new cluster) and their templates are the same, logical IDs and physical
// names included. The one difference is the Name tag aws-cdk-lib's L2s
// give VPCs, subnets, flow logs and file systems (their construct path,
// which now starts with the stage): an in-place tag update.
func TestStageKeepsStackNamesAndTemplates(t *testing.T) {
	props := testConfig(t, config.ProfileStaging).Props()
	props.Account = "111111111111"

	plain := synthtest.NewApp()
	platform.New(plain, &props)
	staged := synthtest.NewApp()
	st := platform.NewStage(staged, "Staging", &props)
	want, got := synthtest.MustSynth(plain).ByStackName(), synthtest.MustSynth(staged).ByStackName()

	names := func(m map[string]synthtest.Template) []string { return slices.Sorted(maps.Keys(m)) }
	wantNames := []string{props.StackName(platform.PartCluster), props.StackName(platform.PartNetwork), props.StackName(platform.PartStorage)}
	if !slices.Equal(names(want), wantNames) || !slices.Equal(names(got), wantNames) {
		t.Fatalf("stack names: in a stage %v, outside %v, want %v", names(got), names(want), wantNames)
	}
	for _, name := range wantNames {
		inStage := golden.Normalize(got[name])
		if n := trimNameTags(inStage, "Staging/"); n == 0 && name == props.StackName(platform.PartNetwork) {
			t.Errorf("%s: no Name tag starts with the stage; the comparison below proves nothing about them", name)
		}
		if !reflect.DeepEqual(inStage, golden.Normalize(want[name])) {
			t.Errorf("%s: the template differs inside the stage:\n%s", name, strings.Join(golden.Diff(golden.Normalize(want[name]), inStage), "\n"))
		}
	}
	for _, s := range st.Platform.Stacks() {
		if !strings.HasPrefix(*s.Node().Path(), "Staging/") {
			t.Errorf("stack %s is not in the stage (path %s)", *s.StackName(), *s.Node().Path())
		}
	}
}

func TestStageNeedsAnAccount(t *testing.T) {
	props := testConfig(t, config.ProfileDev).Props()
	props.Account = ""
	err := props.ValidateStage()
	if err == nil || !strings.Contains(err.Error(), "account: required in a stage") {
		t.Fatalf("ValidateStage() = %v, want the account required", err)
	}
	props.Account = "111111111111"
	if err := props.ValidateStage(); err != nil {
		t.Errorf("with an account: %v", err)
	}
}

// trimNameTags removes prefix from the value of every Name tag in v (Tags
// lists and EFS's FileSystemTags alike) and counts them.
func trimNameTags(v any, prefix string) int {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		if value, ok := x["Value"].(string); ok && x["Key"] == "Name" && strings.HasPrefix(value, prefix) {
			x["Value"] = strings.TrimPrefix(value, prefix)
			n++
		}
		for _, e := range x {
			n += trimNameTags(e, prefix)
		}
	case []any:
		for _, e := range x {
			n += trimNameTags(e, prefix)
		}
	}
	return n
}
