package config

import (
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
)

// TestConstructRulesReachTheEnv: rules that live only in the construct
// packages (config restates none) reach the user of the env-driven app
// under the variable's name, with its value and what it accepts. Each of
// these once drifted between config and the constructs.
func TestConstructRulesReachTheEnv(t *testing.T) {
	byo := map[string]string{VarVPCID: "vpc-0a1b2c3d", VarPrivateSubnetIDs: "subnet-11111111,subnet-22222222,subnet-33333333"}
	with := func(m map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	for _, tt := range []struct {
		name string
		vars map[string]string
		want []string
	}{
		{"log retention that CloudWatch does not offer", map[string]string{VarLogRetentionDays: "45"},
			[]string{`BALLAST_LOG_RETENTION_DAYS="45": not a CloudWatch Logs retention value; accepted: one of the CloudWatch Logs retention values`}},
		{"public access CIDR with host bits", map[string]string{VarEndpointAccess: "public-and-private", VarPublicAccessCIDRs: "10.0.0.1/24"},
			[]string{`BALLAST_PUBLIC_ACCESS_CIDRS="10.0.0.1/24": not an IPv4 CIDR (host bits are set; did you mean 10.0.0.0/24?)`}},
		{"seven AZs", map[string]string{VarAZs: "us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f,us-east-1g"},
			[]string{`BALLAST_AZS="us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f,us-east-1g": need 2 to 6 availability zones`}},
		{"a subnet both private and control plane", with(byo, VarControlPlaneSubnetIDs, "subnet-11111111,subnet-44444444,subnet-55555555"),
			[]string{`BALLAST_CONTROL_PLANE_SUBNET_IDS="subnet-11111111": listed more than once (also BALLAST_PRIVATE_SUBNET_IDS[0])`}},
		{"a field named in the problem becomes its variable", map[string]string{VarNodeMinSize: "4"},
			[]string{`BALLAST_NODE_MAX_SIZE="3": must be >= BALLAST_NODE_MIN_SIZE (min=4 desired=1 max=3)`}},
		{"an enum named in the problem is spelt as the variable accepts it", map[string]string{VarK8sVersion: "1.33"},
			[]string{`opt in with BALLAST_UPGRADE_POLICY=extended`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(env(tt.vars))
			wanterr.Check(t, err, tt.want)
		})
	}
}

// TestEveryFieldPathNamesAVariable keeps the field-path table honest: each
// entry names a variable of Vars.
func TestEveryFieldPathNamesAVariable(t *testing.T) {
	for _, f := range fieldVars {
		if accepted(f.name) == "" {
			t.Errorf("%s -> %s: not a variable of Vars", f.path, f.name)
		}
	}
}

// TestExistingVPCBlockReachesTheNetwork: an env-configured existing VPC
// with the shared file system validates once its block is given, and the
// block reaches the imported network (NFS scope, control-plane egress).
func TestExistingVPCBlockReachesTheNetwork(t *testing.T) {
	c, err := Load(env(map[string]string{VarEnv: "staging", VarVPCID: "vpc-0a1b2c3d",
		VarPrivateSubnetIDs: "subnet-11111111,subnet-22222222,subnet-33333333", VarExistingVPCCIDR: "10.20.0.0/16"}))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Props()
	if p.ExistingNetwork == nil || p.ExistingNetwork.VpcCIDR == nil || *p.ExistingNetwork.VpcCIDR != "10.20.0.0/16" || p.Storage.FileSystem == nil {
		t.Errorf("existing network %+v, file system %v", p.ExistingNetwork, p.Storage.FileSystem)
	}
}
