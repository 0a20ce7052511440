package config

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
)

// env returns a Lookup over a fixed map.
func env(vars map[string]string) Lookup {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

func load(t *testing.T, vars map[string]string) (*Config, error) {
	t.Helper()
	return Load(env(vars))
}

func mustLoad(t *testing.T, vars map[string]string) *Config {
	t.Helper()
	c, err := load(t, vars)
	if err != nil {
		t.Fatalf("Load(%v): %v", vars, err)
	}
	return c
}

func TestDefaultsPerProfile(t *testing.T) {
	tests := []struct {
		profile                Profile
		nat                    network.NATMode
		endpoint               cluster.EndpointAccess
		min, desired, max, log int
		instance               string
	}{
		{ProfileDev, network.NATSingle, cluster.EndpointPrivate, 1, 1, 3, 30, "m6i.large"},
		{ProfileStaging, network.NATPerAZ, cluster.EndpointPrivate, 1, 2, 5, 90, "m6i.large"},
		{ProfileProd, network.NATPerAZ, cluster.EndpointPrivate, 2, 2, 10, 365, "m6i.xlarge"},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			c, err := Defaults(tt.profile)
			if err != nil {
				t.Fatal(err)
			}
			if c.Env != tt.profile || c.NATMode != tt.nat || c.EndpointAccess != tt.endpoint {
				t.Errorf("env/nat/endpoint = %s/%s/%s", c.Env, c.NATMode, c.EndpointAccess)
			}
			if c.NodeMinSize != tt.min || c.NodeDesiredSize != tt.desired || c.NodeMaxSize != tt.max {
				t.Errorf("sizes = %d/%d/%d", c.NodeMinSize, c.NodeDesiredSize, c.NodeMaxSize)
			}
			if c.LogRetentionDays != tt.log || !slices.Equal(c.NodeInstanceTypes, []string{tt.instance}) {
				t.Errorf("log=%d instances=%v", c.LogRetentionDays, c.NodeInstanceTypes)
			}
			if c.Region != "us-east-1" || !slices.Equal(c.AZs, []string{"us-east-1a", "us-east-1b", "us-east-1c"}) {
				t.Errorf("region/azs = %s %v", c.Region, c.AZs)
			}
			if c.ClusterName != "ballast-"+string(tt.profile) || c.KubernetesVersion != cluster.DefaultVersion || c.VPCCIDR != "10.0.0.0/16" {
				t.Errorf("name/version/cidr = %s %s %s", c.ClusterName, c.KubernetesVersion, c.VPCCIDR)
			}
			if c.Account != "" {
				t.Errorf("account = %q, want env-agnostic", c.Account)
			}
		})
	}
}

func TestNoEnvIsDev(t *testing.T) {
	if c := mustLoad(t, nil); c.Env != ProfileDev {
		t.Errorf("Env = %s", c.Env)
	}
}

func TestFallbacks(t *testing.T) {
	c := mustLoad(t, map[string]string{"CDK_DEFAULT_ACCOUNT": "111122223333", "CDK_DEFAULT_REGION": "eu-west-1"})
	if c.Account != "111122223333" || c.Region != "eu-west-1" {
		t.Errorf("account/region = %s/%s", c.Account, c.Region)
	}
	if !slices.Equal(c.AZs, []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}) {
		t.Errorf("AZs derive from region: %v", c.AZs)
	}
	c = mustLoad(t, map[string]string{"CDK_DEFAULT_ACCOUNT": "111122223333", VarAccount: "444455556666", VarRegion: "us-west-2"})
	if c.Account != "444455556666" || c.Region != "us-west-2" {
		t.Errorf("BALLAST_ vars must win over CDK_DEFAULT_*: %s/%s", c.Account, c.Region)
	}
}

func TestOverrides(t *testing.T) {
	c := mustLoad(t, map[string]string{
		VarEnv: "prod", VarAZs: " eu-west-1a, eu-west-1b ", VarRegion: "eu-west-1", VarNATMode: "single",
		VarPublicAccessCIDRs: "203.0.113.0/24", VarEndpointAccess: "public-and-private",
		VarAdminRoleARNs: "arn:aws:iam::111122223333:role/Admins", VarTags: "team=platform, cost-center=42",
		VarNodeInstanceTypes: "m7i.large,m6i.large", VarNodeMinSize: "0", VarNodeDesiredSize: "1", VarNodeMaxSize: "4",
		VarLogRetentionDays: "731", VarClusterName: "payments", VarK8sVersion: "1.35", VarVPCCIDR: "172.20.0.0/18",
	})
	if !slices.Equal(c.AZs, []string{"eu-west-1a", "eu-west-1b"}) || c.NATMode != network.NATSingle || c.EndpointAccess != cluster.EndpointPublicAndPrivate {
		t.Errorf("network/endpoint: %v %s %s", c.AZs, c.NATMode, c.EndpointAccess)
	}
	if c.Tags["team"] != "platform" || c.Tags["cost-center"] != "42" || len(c.AdminRoleARNs) != 1 {
		t.Errorf("tags/admins: %v %v", c.Tags, c.AdminRoleARNs)
	}
	if c.NodeMinSize != 0 || c.NodeMaxSize != 4 || c.LogRetentionDays != 731 || c.KubernetesVersion != "1.35" {
		t.Errorf("sizes/log/version: %+v", c)
	}
}

func TestDevEndpointIsPublicOnlyWithCIDRs(t *testing.T) {
	if c := mustLoad(t, map[string]string{VarPublicAccessCIDRs: "198.51.100.0/24"}); c.EndpointAccess != cluster.EndpointPublicAndPrivate {
		t.Errorf("dev with CIDRs: %s", c.EndpointAccess)
	}
	if c := mustLoad(t, map[string]string{VarEnv: "prod"}); c.EndpointAccess != cluster.EndpointPrivate {
		t.Errorf("prod: %s", c.EndpointAccess)
	}
}

// TestValidationRules checks each rule: the bad value is rejected with a
// message naming the variable, the value and what is accepted.
func TestValidationRules(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		want string // the variable the message must name
		frag string // a fragment of the problem
	}{
		{"unknown profile", map[string]string{VarEnv: "qa"}, VarEnv, "unknown profile"},
		{"bad account", map[string]string{VarAccount: "12345"}, VarAccount, "12-digit"},
		{"bad region", map[string]string{VarRegion: "mars"}, VarRegion, "not a region"},
		{"one AZ", map[string]string{VarAZs: "us-east-1a"}, VarAZs, "need 2 to 6"},
		{"seven AZs", map[string]string{VarAZs: "us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f,us-east-1g"}, VarAZs, "need 2 to 6"},
		{"duplicate AZ", map[string]string{VarAZs: "us-east-1a,us-east-1a,us-east-1b"}, VarAZs, "listed twice"},
		{"AZ of other region", map[string]string{VarAZs: "us-east-1a,eu-west-1b"}, VarAZs, "not an availability zone of region us-east-1"},
		{"bad cluster name", map[string]string{VarClusterName: "-bad name"}, VarClusterName, "not a valid EKS cluster name"},
		{"unknown k8s version", map[string]string{VarK8sVersion: "banana"}, VarK8sVersion, "unsupported Kubernetes version"},
		{"bad cidr", map[string]string{VarVPCCIDR: "10.0.0.0"}, VarVPCCIDR, "not an IPv4 CIDR"},
		{"cidr host bits", map[string]string{VarVPCCIDR: "10.0.0.1/16"}, VarVPCCIDR, "did you mean 10.0.0.0/16"},
		{"cidr too big", map[string]string{VarVPCCIDR: "10.0.0.0/8"}, VarVPCCIDR, "outside /16 to /24"},
		{"cidr public", map[string]string{VarVPCCIDR: "8.8.0.0/16"}, VarVPCCIDR, "not in an allowed range"},
		{"unknown NAT mode", map[string]string{VarNATMode: "none"}, VarNATMode, "unknown NAT mode"},
		{"unknown endpoint", map[string]string{VarEndpointAccess: "public"}, VarEndpointAccess, "unknown endpoint access"},
		{"public without CIDRs", map[string]string{VarEndpointAccess: "public-and-private"}, VarPublicAccessCIDRs, "needs the CIDRs"},
		{"CIDRs on private", map[string]string{VarEnv: "prod", VarPublicAccessCIDRs: "198.51.100.0/24"}, VarPublicAccessCIDRs, "need BALLAST_ENDPOINT_ACCESS=public-and-private"},
		{"bad public CIDR", map[string]string{VarPublicAccessCIDRs: "198.51.100.0/33"}, VarPublicAccessCIDRs, "not an IPv4 CIDR"},
		{"bad role ARN", map[string]string{VarAdminRoleARNs: "arn:aws:iam::1:user/bob"}, VarAdminRoleARNs, "not an IAM role ARN"},
		{"no instance types", map[string]string{VarNodeInstanceTypes: " , "}, VarNodeInstanceTypes, "at least one"},
		{"bad instance type", map[string]string{VarNodeInstanceTypes: "large"}, VarNodeInstanceTypes, "unknown instance type"},
		{"min not a number", map[string]string{VarNodeMinSize: "two"}, VarNodeMinSize, "whole number"},
		{"negative min", map[string]string{VarNodeMinSize: "-1", VarNodeDesiredSize: "0"}, VarNodeMinSize, "out of range"},
		{"max over quota", map[string]string{VarNodeMaxSize: "451"}, VarNodeMaxSize, "out of range"},
		{"min over max", map[string]string{VarNodeMinSize: "5", VarNodeDesiredSize: "5", VarNodeMaxSize: "3"}, VarNodeMaxSize, "must be >="},
		{"desired outside", map[string]string{VarNodeDesiredSize: "9"}, VarNodeDesiredSize, "between min and max"},
		{"bad retention", map[string]string{VarLogRetentionDays: "31"}, VarLogRetentionDays, "not a CloudWatch Logs retention"},
		{"retention not a number", map[string]string{VarLogRetentionDays: "month"}, VarLogRetentionDays, "whole number"},
		{"bad tags", map[string]string{VarTags: "novalue"}, VarTags, "key=value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.vars)
			if err == nil {
				t.Fatal("want an error")
			}
			var fe *FieldError
			found := false
			for _, e := range unwrap(err) {
				if errors.As(e, &fe) && fe.Var == tt.want && strings.Contains(fe.Problem, tt.frag) {
					found = true
					if fe.Accepted == "" {
						t.Errorf("%s: no accepted values in %q", tt.want, fe.Error())
					}
				}
			}
			if !found {
				t.Errorf("no problem for %s containing %q in:\n%v", tt.want, tt.frag, err)
			}
		})
	}
}

func unwrap(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestAllProblemsAtOnce(t *testing.T) {
	_, err := load(t, map[string]string{VarAZs: "us-east-1a", VarK8sVersion: "banana", VarNodeMinSize: "x"})
	if err == nil {
		t.Fatal("want error")
	}
	msg := err.Error()
	for _, v := range []string{VarAZs, VarK8sVersion, VarNodeMinSize} {
		if !strings.Contains(msg, v) {
			t.Errorf("message lacks %s:\n%s", v, msg)
		}
	}
	// A value that failed to parse is reported once, by its parser.
	if n := strings.Count(msg, VarNodeMinSize+"="); n != 1 {
		t.Errorf("%s reported %d times:\n%s", VarNodeMinSize, n, msg)
	}
}

func TestEveryVarIsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range Vars {
		if !strings.HasPrefix(v.Name, "BALLAST_") || v.Meaning == "" || v.Accepted == "" || v.Default == nil || v.Set == nil {
			t.Errorf("incomplete Var %+v", v.Name)
		}
		if seen[v.Name] {
			t.Errorf("%s listed twice", v.Name)
		}
		seen[v.Name] = true
	}
}
