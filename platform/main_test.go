package platform_test

import (
	"maps"
	"os"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

// synthed holds each profile's templates, synthesized once for the package.
var synthed = map[config.Profile]map[string]synthtest.Template{}

// testConfigs are the configurations the root app is tested with: each
// profile's defaults, as a user with no variables set would get them.
func testConfig(t testing.TB, p config.Profile) *config.Config {
	t.Helper()
	cfg, err := config.Defaults(p)
	if err != nil {
		t.Fatalf("defaults for %s: %v", p, err)
	}
	return cfg
}

// nagAssemblies are the same synths as read back with their annotations
// (cdk-nag findings, EKS rule-pack messages, suppressions).
var nagAssemblies = map[config.Profile]*synthtest.Assembly{}

// TestMain synthesizes each profile once, as the root app does, plus
// cdk-nag's AwsSolutions pack; the checkers only annotate, so the same
// templates serve the golden and property tests.
func TestMain(m *testing.M) {
	for _, p := range config.Profiles {
		cfg, err := config.Defaults(p)
		if err != nil {
			panic(err)
		}
		app := synthtest.NewApp()
		synthtest.KeepSynthQuiet(app)
		pl := newPlatform(app, cfg)
		synthtest.AddNag(app)
		pl.ApplyChecks()
		a, err := synthtest.Synth(app)
		if err != nil {
			panic(err)
		}
		nagAssemblies[p] = a
		synthed[p] = map[string]synthtest.Template{}
		for _, s := range a.Stacks {
			synthed[p][s.ID] = s.Template
		}
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

// newPlatform builds the platform a configuration describes, as the root
// app does.
func newPlatform(app awscdk.App, cfg *config.Config) *platform.Platform {
	props := cfg.Props()
	return platform.New(app, &props)
}

// TestGolden compares every stack of every profile with its snapshot; the
// guard rejects a stateful replacement or deletion unless
// allowedReplacements names it.
func TestGolden(t *testing.T) {
	all := map[string]synthtest.Template{}
	for _, p := range config.Profiles {
		maps.Copy(all, synthed[p])
	}
	golden.AssertAll(t, all, allowedReplacements...)
}

func stack(t *testing.T, p config.Profile, part string) synthtest.Template {
	t.Helper()
	name := testConfig(t, p).Props().StackName(part)
	tmpl, ok := synthed[p][name]
	if !ok {
		t.Fatalf("no stack %s", name)
	}
	return tmpl
}

func TestPlatformHasThreeStacksPerProfile(t *testing.T) {
	for _, p := range config.Profiles {
		if got := len(synthed[p]); got != 3 {
			t.Errorf("%s: %d stacks, want 3", p, got)
		}
	}
}
