package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
)

// clusterEnv returns a Lookup over vars, with BALLAST_ENV=profile unless vars sets it.
func clusterEnv(profile Profile, vars map[string]string) Lookup {
	return func(name string) (string, bool) {
		if v, ok := vars[name]; ok {
			return v, true
		}
		if name == VarEnv {
			return string(profile), true
		}
		return "", false
	}
}

func TestClusterDefaults(t *testing.T) {
	type want struct {
		endpoint           cluster.EndpointAccess
		retention          int
		deletionProtection bool
	}
	for p, w := range map[Profile]want{
		ProfileDev:     {cluster.EndpointPrivate, 30, false},
		ProfileStaging: {cluster.EndpointPrivate, 90, true},
		ProfileProd:    {cluster.EndpointPrivate, 365, true},
	} {
		t.Run(string(p), func(t *testing.T) {
			c, err := Defaults(p)
			if err != nil {
				t.Fatal(err)
			}
			if c.KubernetesVersion != cluster.DefaultVersion || c.UpgradePolicy != cluster.UpgradeStandard {
				t.Errorf("version %s/%s, want %s/standard", c.KubernetesVersion, c.UpgradePolicy, cluster.DefaultVersion)
			}
			if c.EndpointAccess != w.endpoint || len(c.PublicAccessCIDRs) != 0 || c.AllowOpenEndpoint {
				t.Errorf("endpoint %s %v open=%v", c.EndpointAccess, c.PublicAccessCIDRs, c.AllowOpenEndpoint)
			}
			if c.LogRetentionDays != w.retention || c.DeletionProtection != w.deletionProtection {
				t.Errorf("retention %d, deletion protection %v; want %+v", c.LogRetentionDays, c.DeletionProtection, w)
			}
			if !c.BreakGlass || len(c.BreakGlassPrincipals) != 0 || len(c.AdminRoleARNs) != 0 {
				t.Errorf("break glass %v %v, admins %v", c.BreakGlass, c.BreakGlassPrincipals, c.AdminRoleARNs)
			}
			if c.ControlPlaneTier != "standard" || c.Compute != cluster.ComputeNodeGroups {
				t.Errorf("tier %s, compute %s", c.ControlPlaneTier, c.Compute)
			}
		})
	}
}

func TestDevEndpointFollowsPublicCIDRs(t *testing.T) {
	for p, want := range map[Profile]cluster.EndpointAccess{ProfileDev: cluster.EndpointPublicAndPrivate, ProfileProd: cluster.EndpointPrivate} {
		c, err := Load(clusterEnv(p, map[string]string{VarPublicAccessCIDRs: "203.0.113.0/24", VarEndpointAccess: ""}))
		if p == ProfileProd {
			// prod stays private, so the CIDRs are a mistake to report.
			if err == nil || !strings.Contains(err.Error(), VarEndpointAccess+"=public-and-private") {
				t.Errorf("prod: err = %v", err)
			}
			continue
		}
		if err != nil || c.EndpointAccess != want {
			t.Errorf("%s: endpoint %v, err %v; want %s", p, c, err, want)
		}
	}
}

func TestClusterValidation(t *testing.T) {
	const role = "arn:aws:iam::123456789012:role/Admin"
	tests := []struct {
		name    string
		profile Profile
		vars    map[string]string
		want    []string // substrings of the error; none means valid
	}{
		{"unknown version", ProfileDev, map[string]string{VarK8sVersion: "1.99"},
			[]string{`BALLAST_K8S_VERSION="1.99": unsupported Kubernetes version (standard support: 1.34, 1.35, 1.36; with BALLAST_UPGRADE_POLICY=extended also 1.32, 1.33); accepted: one of 1.34, 1.35, 1.36`}},
		{"version past extended support", ProfileDev, map[string]string{VarK8sVersion: "1.31", VarUpgradePolicy: "extended"},
			[]string{`BALLAST_K8S_VERSION="1.31": unsupported`}},
		{"extended support without opt-in", ProfileDev, map[string]string{VarK8sVersion: "1.33"},
			[]string{`BALLAST_K8S_VERSION="1.33": only in EKS extended support, which costs extra; opt in with BALLAST_UPGRADE_POLICY=extended`}},
		{"extended support with opt-in", ProfileProd, map[string]string{VarK8sVersion: "1.32", VarUpgradePolicy: "extended"}, nil},
		{"unknown upgrade policy", ProfileDev, map[string]string{VarUpgradePolicy: "forever"}, []string{`BALLAST_UPGRADE_POLICY="forever"`}},
		{"public 0.0.0.0/0 without opt-in", ProfileProd,
			map[string]string{VarEndpointAccess: "public-and-private", VarPublicAccessCIDRs: "0.0.0.0/0"},
			[]string{`BALLAST_PUBLIC_ACCESS_CIDRS="0.0.0.0/0": opens the Kubernetes API endpoint to the whole internet (any block larger than a /8 counts); if that is really meant, opt in with BALLAST_ALLOW_OPEN_ENDPOINT=on`}},
		{"the internet as two halves without opt-in", ProfileDev, map[string]string{VarEndpointAccess: "public-and-private", VarPublicAccessCIDRs: "0.0.0.0/1,128.0.0.0/1"},
			[]string{`BALLAST_PUBLIC_ACCESS_CIDRS="0.0.0.0/1": opens the Kubernetes API endpoint to the whole internet`, `BALLAST_PUBLIC_ACCESS_CIDRS="128.0.0.0/1": opens`}},
		{"public 0.0.0.0/0 with opt-in", ProfileProd,
			map[string]string{VarEndpointAccess: "public-and-private", VarPublicAccessCIDRs: "0.0.0.0/0", VarAllowOpenEndpoint: "true"}, nil},
		{"open-endpoint flag not a bool", ProfileDev, map[string]string{VarAllowOpenEndpoint: "yes"},
			[]string{`BALLAST_ALLOW_OPEN_ENDPOINT="yes": must be on or off`}},
		{"malformed CIDR", ProfileDev, map[string]string{VarPublicAccessCIDRs: "203.0.113.1/24"},
			[]string{`BALLAST_PUBLIC_ACCESS_CIDRS="203.0.113.1/24": not an IPv4 CIDR`}},
		{"public access without CIDRs", ProfileStaging, map[string]string{VarEndpointAccess: "public-and-private"},
			[]string{`BALLAST_PUBLIC_ACCESS_CIDRS="": public-and-private endpoint access needs the CIDRs`}},
		{"unknown endpoint mode", ProfileDev, map[string]string{VarEndpointAccess: "public"}, []string{`BALLAST_ENDPOINT_ACCESS="public": unknown`}},
		{"malformed role ARN", ProfileDev, map[string]string{VarAdminRoleARNs: role + ",arn:aws:iam::123456789012:user/bob"},
			[]string{`BALLAST_ADMIN_ROLE_ARNS="arn:aws:iam::123456789012:user/bob": not an IAM role ARN`}},
		{"no admin principal", ProfileProd, map[string]string{VarBreakGlass: "false"},
			[]string{`BALLAST_ADMIN_ROLE_ARNS="": no principal could administer the cluster`}},
		{"admin role without break-glass", ProfileProd, map[string]string{VarBreakGlass: "false", VarAdminRoleARNs: role}, nil},
		{"malformed break-glass principal", ProfileDev, map[string]string{VarBreakGlassPrincipals: "arn:aws:iam::123456789012:group/ops"},
			[]string{`BALLAST_BREAK_GLASS_PRINCIPALS="arn:aws:iam::123456789012:group/ops": not an IAM account root, user or role ARN`}},
		{"break-glass principals", ProfileProd, map[string]string{
			VarBreakGlassPrincipals: "arn:aws:iam::123456789012:root, arn:aws:iam::123456789012:user/alice,arn:aws:iam::123456789012:role/OnCall"}, nil},
		{"break-glass principals while off", ProfileDev, map[string]string{
			VarBreakGlass: "false", VarAdminRoleARNs: role, VarBreakGlassPrincipals: "arn:aws:iam::123456789012:root"},
			[]string{`BALLAST_BREAK_GLASS_PRINCIPALS="arn:aws:iam::123456789012:root": set, but BALLAST_BREAK_GLASS=false`}},
		{"bad retention", ProfileDev, map[string]string{VarLogRetentionDays: "42"}, []string{`BALLAST_LOG_RETENTION_DAYS="42"`}},
		{"unknown tier", ProfileDev, map[string]string{VarControlPlaneTier: "tier-9xl"},
			[]string{`BALLAST_CONTROL_PLANE_TIER="tier-9xl": unknown control-plane scaling tier; accepted: standard | tier-xl`}},
		{"tier", ProfileProd, map[string]string{VarControlPlaneTier: "tier-2xl"}, nil},
		{"unknown compute", ProfileDev, map[string]string{VarCompute: "fargate"}, []string{`BALLAST_COMPUTE="fargate": unknown compute mode`}},
		{"auto mode", ProfileDev, map[string]string{VarCompute: "auto"}, nil},
		{"deletion protection off in prod", ProfileProd, map[string]string{VarDeletionProtection: "false"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(clusterEnv(tt.profile, tt.vars))
			wanterr.Check(t, err, tt.want)
		})
	}
}

func TestClusterVarsAreDocumented(t *testing.T) {
	for _, name := range []string{VarUpgradePolicy, VarAllowOpenEndpoint, VarBreakGlass, VarBreakGlassPrincipals,
		VarDeletionProtection, VarControlPlaneTier, VarCompute} {
		i := slices.IndexFunc(Vars, func(v Var) bool { return v.Name == name })
		if i < 0 || Vars[i].Meaning == "" || Vars[i].Accepted == "" {
			t.Errorf("%s: missing or undocumented in Vars", name)
		}
	}
}
