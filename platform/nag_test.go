package platform_test

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// pendingFile lists known findings awaiting a fix (see synthtest.Pending).
const pendingFile = "../.ci/pending.json"

// nagged returns every profile's assembly, synthesized once in TestMain with
// cdk-nag's AwsSolutions pack and the EKS rule pack applied.
func nagged(t *testing.T) map[config.Profile]*synthtest.Assembly {
	t.Helper()
	return nagAssemblies
}

// TestCdkNag applies cdk-nag's AwsSolutions pack to every stack of every
// profile and fails on any unsuppressed error or warning. Findings listed
// in .ci/pending.json (awaiting a fix) are reported, not failed;
// a pending entry that no longer matches fails, so the list only shrinks.
// STRICT_CHECKS=1 ignores the pending list.
func TestCdkNag(t *testing.T) {
	pending, err := synthtest.LoadPending(pendingFile, "cdk-nag")
	if err != nil {
		t.Fatal(err)
	}
	var all []synthtest.Message
	for _, p := range config.Profiles {
		t.Run(string(p), func(t *testing.T) {
			findings := nagged(t)[p].NagFindings()
			all = append(all, findings...)
			covered, open, _ := synthtest.Split(findings, pending)
			if len(covered) > 0 {
				t.Logf("%d findings pending a fix (.ci/pending.json):%s", len(covered), synthtest.Report(covered))
			}
			if len(open) > 0 {
				t.Errorf("cdk-nag AwsSolutions: %d unsuppressed findings. Fix them in the construct, or suppress one at the resource with a reason (internal/nag.Suppress):%s",
					len(open), synthtest.Report(open))
			}
		})
	}
	if _, _, stale := synthtest.Split(all, pending); len(stale) > 0 {
		var b strings.Builder
		for _, s := range stale {
			b.WriteString("\n  " + s.String())
		}
		t.Errorf("pending cdk-nag findings no longer occur; remove them from %s:%s", pendingFile, b.String())
	}
}

// TestCdkNagNoStackWideSuppressions keeps suppressions at the resource.
func TestCdkNagNoStackWideSuppressions(t *testing.T) {
	for p, a := range nagged(t) {
		for _, s := range a.Suppressions() {
			if strings.HasSuffix(s.Path, "(stack)") {
				t.Errorf("%s: stack-wide suppression of %s at %s; suppress at the resource instead", p, s.Rule, s.Path)
			}
			if (s.Rule == "AwsSolutions-IAM4" || s.Rule == "AwsSolutions-IAM5") && s.AppliesTo == "" {
				t.Errorf("%s: %s suppressed at %s without appliesTo", p, s.Rule, s.Path)
			}
		}
	}
}
