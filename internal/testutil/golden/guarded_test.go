package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

const prodCluster = "ballast-prod-cluster"

// prodSnapshot copies the platform's committed prod cluster snapshot into a
// temporary directory and returns the directory and the template.
func prodSnapshot(t *testing.T) (string, map[string]any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "platform", "testdata", prodCluster+".golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, prodCluster+".golden.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, parse(t, string(b))
}

// nodeGroups applies f to every node group's properties and returns their
// logical IDs.
func nodeGroups(tmpl map[string]any, f func(props map[string]any)) []string {
	var ids []string
	for id, r := range tmpl["Resources"].(map[string]any) {
		rm := r.(map[string]any)
		if rm["Type"] == "AWS::EKS::Nodegroup" {
			f(rm["Properties"].(map[string]any))
			ids = append(ids, id)
		}
	}
	return ids
}

func withUpdate(on bool, f func()) {
	*update = on
	defer func() { *update = false }()
	f()
}

// TestGuardRejectsProdInstanceTypeChange simulates changing the prod
// profile's default node instance type: the snapshot comparison fails with
// the guard's message naming the three node groups and the create-only
// path, with or without -update, until each is allowed with a reason; the
// allowances then go stale once the snapshot holds the change.
func TestGuardRejectsProdInstanceTypeChange(t *testing.T) {
	dir, tmpl := prodSnapshot(t)
	ids := nodeGroups(tmpl, func(p map[string]any) { p["InstanceTypes"] = []any{"m6i.2xlarge"} })
	if len(ids) != 3 {
		t.Fatalf("%d node groups in the prod snapshot, want 3", len(ids))
	}
	snapshot := filepath.Join(dir, prodCluster+".golden.json")
	before, _ := os.ReadFile(snapshot)
	for _, upd := range []bool{false, true} {
		ft := &fakeT{TB: t}
		withUpdate(upd, func() { AssertIn(ft, dir, prodCluster, tmpl) })
		assertRejected(t, ft, ids, upd)
		if after, _ := os.ReadFile(snapshot); !bytes.Equal(before, after) {
			t.Fatalf("update=%v rewrote a snapshot the guard rejects", upd)
		}
	}
	var allow []guard.Allowance
	for _, id := range ids {
		allow = append(allow, guard.Allow(prodCluster, id, "bigger system nodes; the groups are drained one at a time"))
	}
	ft := &fakeT{TB: t}
	withUpdate(true, func() { AssertIn(ft, dir, prodCluster, tmpl, allow...) })
	if ft.failed {
		t.Fatalf("allowed change refused:\n%s", ft.msg)
	}
	if after, _ := os.ReadFile(snapshot); bytes.Equal(before, after) || !strings.Contains(string(after), "m6i.2xlarge") {
		t.Fatal("allowed -update did not rewrite the snapshot")
	}
	ft = &fakeT{TB: t}
	AssertIn(ft, dir, prodCluster, tmpl, allow...)
	if strings.Count(ft.msg, "stale allowance") != 3 {
		t.Errorf("allowances matching nothing not reported as stale:\n%s", ft.msg)
	}
	ft = &fakeT{TB: t}
	AssertIn(ft, dir, prodCluster, tmpl)
	if ft.failed {
		t.Errorf("snapshot holding the change still fails:\n%s", ft.msg)
	}
}

func assertRejected(t *testing.T, ft *fakeT, ids []string, upd bool) {
	t.Helper()
	if !ft.failed {
		t.Fatalf("update=%v: instance type change passed", upd)
	}
	for _, want := range append(ids, "guard: template ballast-prod-cluster replaces or deletes 3 stateful resource(s)",
		"(AWS::EKS::Nodegroup, stateful): replace /properties/InstanceTypes",
		`/properties/InstanceTypes/0: was "m6i.xlarge", now "m6i.2xlarge"`) {
		if !strings.Contains(ft.msg, want) {
			t.Errorf("update=%v: message lacks %q:\n%s", upd, want, ft.msg)
		}
	}
	if upd && !strings.Contains(ft.msg, "-update refuses to rewrite") {
		t.Errorf("-update: message does not say it refused:\n%s", ft.msg)
	}
}

// TestGuardLetsSizeChangeThrough: a node-group size change is an update;
// -update rewrites the snapshot without a word from the guard.
func TestGuardLetsSizeChangeThrough(t *testing.T) {
	dir, tmpl := prodSnapshot(t)
	nodeGroups(tmpl, func(p map[string]any) { p["ScalingConfig"].(map[string]any)["MaxSize"] = 20.0 })
	ft := &fakeT{TB: t}
	AssertIn(ft, dir, prodCluster, tmpl)
	if strings.Contains(ft.msg, "guard") || !strings.Contains(ft.msg, "ScalingConfig.MaxSize: was 10, now 20") {
		t.Errorf("size change: want a plain diff, got:\n%s", ft.msg)
	}
	ft = &fakeT{TB: t}
	withUpdate(true, func() { AssertIn(ft, dir, prodCluster, tmpl) })
	if ft.failed {
		t.Errorf("-update refused a size change:\n%s", ft.msg)
	}
}

func TestUnknownTypeFails(t *testing.T) {
	ft := &fakeT{TB: t}
	tmpl := parse(t, `{"Resources": {"X": {"Type": "AWS::Nowhere::Thing"}}}`)
	withUpdate(true, func() { AssertIn(ft, t.TempDir(), "x", tmpl) })
	if !strings.Contains(ft.msg, "X has type AWS::Nowhere::Thing, which the guard's create-only table lacks") {
		t.Errorf("unknown type not reported: %q", ft.msg)
	}
}
