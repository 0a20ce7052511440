package platform_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestAccessSummary: the lines printed at synth name who can administer
// the cluster (MFA for roots and users, not for roles) and how its
// endpoint is reached.
func TestAccessSummary(t *testing.T) {
	var out bytes.Buffer
	newPlatform(synthtest.NewApp(), testConfig(t, config.ProfileProd)).WriteAccess(&out)
	got := out.String()
	for _, want := range []string{"ballast: cluster ballast-prod administrators: ", "break-glass role (output ballast-prod-cluster.BreakGlassRoleArn)",
		"with MFA", "ballast: cluster ballast-prod endpoint: private: reachable only from inside the VPC"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	sso := "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"
	admin := "arn:aws:iam::123456789012:role/PlatformAdmin"
	pl := newPlatform(synthtest.NewApp(), load(t, map[string]string{config.VarEnv: "dev",
		config.VarBreakGlassPrincipals: sso + ",arn:aws:iam::123456789012:user/alice", config.VarAdminRoleARNs: admin,
		config.VarEndpointAccess: "public-and-private", config.VarPublicAccessCIDRs: "203.0.113.0/24"}))
	lines := pl.AccessSummary()
	for _, want := range []string{admin + " (access entry)", sso + " (a role: no MFA key", "arn:aws:iam::123456789012:user/alice with MFA"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("administrators line lacks %q: %s", want, lines[0])
		}
	}
	if !strings.Contains(lines[1], "public from 203.0.113.0/24, and private inside the VPC") {
		t.Errorf("endpoint line: %s", lines[1])
	}
}
