package guard_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

// BenchmarkCompareProd compares the prod platform's three snapshots with a
// copy whose node groups changed instance types.
func BenchmarkCompareProd(b *testing.B) {
	old, cur := map[string]guard.Template{}, map[string]guard.Template{}
	files, _ := filepath.Glob("../platform/testdata/ballast-prod-*.golden.json")
	if len(files) != 3 {
		b.Fatalf("%d prod snapshots", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".golden.json")
		var o, n guard.Template
		_ = json.Unmarshal(raw, &o)
		_ = json.Unmarshal([]byte(strings.ReplaceAll(string(raw), `"m6i.xlarge"`, `"m6i.2xlarge"`)), &n)
		old[name], cur[name] = o, n
	}
	b.ResetTimer()
	for b.Loop() {
		if v := guard.Judge(guard.CompareStacks(old, cur)); len(v.Rejected) != 3 {
			b.Fatalf("%d rejected, want 3", len(v.Rejected))
		}
	}
}
