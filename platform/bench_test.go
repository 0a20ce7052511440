package platform_test

import (
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// BenchmarkLoadConfig measures loading and validating the prod profile
// (subnet plan and IP capacity check included): the work done before any
// jsii call.
func BenchmarkLoadConfig(b *testing.B) {
	for b.Loop() {
		if _, err := config.Defaults(config.ProfileProd); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSynthPlatform measures building and synthesizing the prod
// reference platform (three stacks, validation plugin off as in tests).
func BenchmarkSynthPlatform(b *testing.B) {
	cfg, err := config.Defaults(config.ProfileProd)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		app := synthtest.NewApp()
		newPlatform(app, cfg)
		synthtest.MustSynth(app)
	}
}

// BenchmarkSynthPlatformChecked is BenchmarkSynthPlatform with the EKS
// rule pack applied; the difference is the rule pack's cost.
func BenchmarkSynthPlatformChecked(b *testing.B) {
	cfg, err := config.Defaults(config.ProfileProd)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		app := synthtest.NewApp()
		newPlatform(app, cfg).ApplyChecks()
		synthtest.MustSynth(app)
	}
}
