// Package golden compares synthesized CloudFormation templates with
// reviewed snapshots in testdata/<name>.golden.json.
//
// Templates are normalized first so that only meaningful changes show:
// the bootstrap-version parameter and rule, CDK metadata resources and
// per-resource metadata, and asset hashes are removed or masked.
//
// Run `go test ./... -update` to rewrite the snapshots, then read the diff:
// a changed logical ID or create-only property replaces real infrastructure.
package golden

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

var update = flag.Bool("update", false, "rewrite golden snapshot files in testdata/")

// Updating reports whether the test run rewrites snapshots.
func Updating() bool { return *update }

var assetHash = regexp.MustCompile(`[0-9a-f]{64}`)

// Normalize returns a copy of a template without the parts that change
// between otherwise identical synths.
func Normalize(template map[string]any) map[string]any {
	out := deepCopy(template).(map[string]any)
	if params, ok := out["Parameters"].(map[string]any); ok {
		delete(params, "BootstrapVersion")
		if len(params) == 0 {
			delete(out, "Parameters")
		}
	}
	if rules, ok := out["Rules"].(map[string]any); ok {
		delete(rules, "CheckBootstrapVersion")
		if len(rules) == 0 {
			delete(out, "Rules")
		}
	}
	if res, ok := out["Resources"].(map[string]any); ok {
		for id, r := range res {
			rm, _ := r.(map[string]any)
			if rm["Type"] == "AWS::CDK::Metadata" {
				delete(res, id)
				continue
			}
			delete(rm, "Metadata")
		}
	}
	if conds, ok := out["Conditions"].(map[string]any); ok {
		delete(conds, "CDKMetadataAvailable")
		if len(conds) == 0 {
			delete(out, "Conditions")
		}
	}
	return maskHashes(out).(map[string]any)
}

func deepCopy(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

func maskHashes(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = maskHashes(e)
		}
	case []any:
		for i, e := range x {
			x[i] = maskHashes(e)
		}
	case string:
		return assetHash.ReplaceAllString(x, "<asset-hash>")
	}
	return v
}

// Assert compares the normalized template with testdata/<name>.golden.json,
// or rewrites that file when -update is set. A mismatch fails t with the
// differing paths, resource by resource. The guard compares the template
// with the snapshot first: a replacement or deletion of a stateful resource
// fails t, and -update refuses to write it, unless an allowance names the
// stack, the logical ID and a reason.
func Assert(t testing.TB, name string, template map[string]any, allow ...guard.Allowance) {
	t.Helper()
	AssertIn(t, "testdata", name, template, allow...)
}

// AssertAll asserts every template of an app, by stack name, each as a
// subtest. The guard compares them with their snapshots together, so a
// reference into a replaced resource of another stack counts; an
// allowance that matches no rejected change fails t (remove it once the
// snapshots hold the change).
func AssertAll[T ~map[string]any](t *testing.T, templates map[string]T, allow ...guard.Allowance) {
	t.Helper()
	plain := map[string]map[string]any{}
	for name, tmpl := range templates {
		plain[name] = tmpl
	}
	s := newSet(t, "testdata", plain, allow)
	for _, name := range slices.Sorted(maps.Keys(plain)) {
		t.Run(name, func(t *testing.T) { s.assert(t, name) })
	}
}

// AssertIn is Assert with an explicit directory.
func AssertIn(t testing.TB, dir, name string, template map[string]any, allow ...guard.Allowance) {
	t.Helper()
	newSet(t, dir, map[string]map[string]any{name: template}, allow).assert(t, name)
}

func format(diffs []string, max int) string {
	s := ""
	for i, d := range diffs {
		if i == max {
			return s + fmt.Sprintf("  ... and %d more\n", len(diffs)-max)
		}
		s += "  " + d + "\n"
	}
	return s
}
