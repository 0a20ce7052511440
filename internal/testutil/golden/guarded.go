package golden

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

// set is a group of templates compared with their snapshots, and the
// guard's verdict on the change from the snapshots to the templates.
type set struct {
	dir      string
	got      map[string]map[string]any // normalized
	want     map[string]map[string]any // the snapshots that exist
	readErr  map[string]error
	rejected map[string][]guard.Change // by stack
}

func newSet(t testing.TB, dir string, templates map[string]map[string]any, allow []guard.Allowance) *set {
	t.Helper()
	s := &set{dir: dir, got: map[string]map[string]any{}, want: map[string]map[string]any{},
		readErr: map[string]error{}, rejected: map[string][]guard.Change{}}
	old, cur := map[string]guard.Template{}, map[string]guard.Template{}
	for name, tmpl := range templates {
		s.got[name] = Normalize(tmpl)
		checkKnownTypes(t, name, s.got[name])
		want, err := readSnapshot(s.path(name))
		if err != nil {
			s.readErr[name] = err
			continue
		}
		s.want[name] = want
		old[name], cur[name] = want, deepCopy(s.got[name]).(map[string]any)
	}
	v := guard.Judge(guard.CompareStacks(old, cur), allow...)
	for _, c := range v.Rejected {
		s.rejected[c.Stack] = append(s.rejected[c.Stack], c)
	}
	for _, p := range v.Problems() {
		if !strings.HasPrefix(p, "rejected: ") {
			t.Errorf("guard: %s", p)
		}
	}
	return s
}

func (s *set) path(name string) string { return filepath.Join(s.dir, name+".golden.json") }

// readSnapshot returns the snapshot, or fs.ErrNotExist when there is none.
func readSnapshot(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		return nil, fmt.Errorf("golden %s: %w", path, err)
	}
	return want, nil
}

// checkKnownTypes fails t for a resource type the guard cannot judge.
func checkKnownTypes(t testing.TB, name string, tmpl map[string]any) {
	t.Helper()
	res, _ := tmpl["Resources"].(map[string]any)
	for _, id := range slices.Sorted(maps.Keys(res)) {
		typ := resourceType(tmpl, id)
		if _, ok := guard.CreateOnly(typ); !ok {
			t.Errorf("%s: %s has type %s, which the guard's create-only table lacks: add its service to guard/internal/gen, then go generate ./guard", name, id, typ)
		}
	}
}

func (s *set) assert(t testing.TB, name string) {
	t.Helper()
	path := s.path(name)
	switch err := s.readErr[name]; {
	case err == nil, *update && errors.Is(err, fs.ErrNotExist):
	case *update:
		t.Fatalf("golden %s: %v (the guard cannot compare with it: delete it to write a new snapshot)", path, err)
	default:
		t.Fatalf("golden %s: %v (run `go test -update` and review the new file)", path, err)
	}
	if rejected := s.rejected[name]; len(rejected) > 0 {
		msg := rejection(name, rejected)
		if *update {
			t.Errorf("%s-update refuses to rewrite %s.", msg, path)
			return
		}
		t.Errorf("%s", msg)
	}
	if *update {
		s.write(t, name)
		return
	}
	if diffs := Diff(s.want[name], deepCopy(s.got[name]).(map[string]any)); len(diffs) > 0 {
		t.Errorf("template %s differs from %s (%d differences; review, then `go test -update`):\n%s",
			name, path, len(diffs), format(diffs, 40))
	}
}

func (s *set) write(t testing.TB, name string) {
	b, _ := json.MarshalIndent(s.got[name], "", "  ")
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.path(name), append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rejection explains the guard's rejection of a stack's change and how to
// allow it.
func rejection(stack string, changes []guard.Change) string {
	var b strings.Builder
	fmt.Fprintf(&b, "guard: template %s replaces or deletes %d stateful resource(s); deploying it loses or rebuilds them:\n", stack, len(changes))
	for _, c := range changes {
		fmt.Fprintf(&b, "  %s\n", c)
		for _, d := range c.Details {
			fmt.Fprintf(&b, "      %s\n", d)
		}
	}
	b.WriteString("If this is intended, add one allowance per resource to the test's allow-list:\n")
	for _, c := range changes {
		fmt.Fprintf(&b, "  guard.Allow(%q, %q, \"<why this is safe>\"),\n", c.Stack, c.LogicalID)
	}
	b.WriteString("then run -update and review the diff; remove the allowances once the snapshots hold the change.\n")
	return b.String()
}
