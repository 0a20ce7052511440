package baseline_test

import (
	"testing"

	"github.com/ballast-eks/ballast/constructs/baseline"
)

// BenchmarkRenderFolder renders the sample folder (two teams,
// over-provisioning): the cost synthesis adds for the baseline.
func BenchmarkRenderFolder(b *testing.B) {
	p := sample()
	for b.Loop() {
		files, err := baseline.Render(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := baseline.RenderFolder(files); err != nil {
			b.Fatal(err)
		}
	}
}
