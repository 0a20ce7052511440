package main

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// badInput is one invalid configuration: the variables set, and the
// variable the error message must name.
type badInput struct {
	name string
	vars map[string]string
	want string
	// pending names the room whose config validation will reject this
	// input; until then the case is skipped (and listed in the report).
	pending string
}

// corpus is the bad-input corpus: at least one case per config.Vars entry
// (TestCorpusCoversEveryVar), wrong types, out-of-range values, malformed
// CIDRs/ARNs/AZs and contradictory combinations. Add the rooms' variables'
// cases here.
var corpus = []badInput{
	{"unknown profile", vars(config.VarEnv, "qa"), config.VarEnv, ""},
	{"profile in capitals", vars(config.VarEnv, "PROD"), config.VarEnv, ""},
	{"two profiles", vars(config.VarEnv, "dev,prod"), config.VarEnv, ""},
	{"account too short", vars(config.VarAccount, "12345"), config.VarAccount, ""},
	{"account too long", vars(config.VarAccount, "1234567890123"), config.VarAccount, ""},
	{"account with dashes", vars(config.VarAccount, "1111-2222-3333"), config.VarAccount, ""},
	{"account not digits", vars(config.VarAccount, "abcdefghijkl"), config.VarAccount, ""},
	{"region unknown form", vars(config.VarRegion, "mars"), config.VarRegion, ""},
	{"region in capitals", vars(config.VarRegion, "US-EAST-1"), config.VarRegion, ""},
	{"region is an AZ", vars(config.VarRegion, "us-east-1a"), config.VarRegion, ""},
	{"cluster name leading dash", vars(config.VarClusterName, "-bad"), config.VarClusterName, ""},
	{"cluster name with space", vars(config.VarClusterName, "my cluster"), config.VarClusterName, ""},
	{"cluster name too long", vars(config.VarClusterName, strings.Repeat("c", 101)), config.VarClusterName, ""},
	{"cluster name punctuation", vars(config.VarClusterName, "prod!"), config.VarClusterName, ""},
	{"tag without value", vars(config.VarTags, "novalue"), config.VarTags, ""},
	{"tag without key", vars(config.VarTags, "=v"), config.VarTags, ""},
	{"tag value too long", vars(config.VarTags, "k="+strings.Repeat("v", 257)), config.VarTags, ""},
	{"tag key bad characters", vars(config.VarTags, "k{}=v"), config.VarTags, ""},
	{"one AZ", vars(config.VarAZs, "us-east-1a"), config.VarAZs, ""},
	{"seven AZs", vars(config.VarAZs, "us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f,us-east-1g"), config.VarAZs, ""},
	{"duplicate AZ", vars(config.VarAZs, "us-east-1a,us-east-1a,us-east-1b"), config.VarAZs, ""},
	{"AZ of another region", vars(config.VarAZs, "us-east-1a,eu-west-1b"), config.VarAZs, ""},
	{"AZ is a region", vars(config.VarAZs, "us-east-1,us-east-1b"), config.VarAZs, ""},
	{"AZ with two letters", vars(config.VarAZs, "us-east-1aa,us-east-1b"), config.VarAZs, ""},
	{"AZs of the default region after a region change", vars(config.VarRegion, "eu-west-1", config.VarAZs, "us-east-1a,us-east-1b"), config.VarAZs, ""},
	{"CIDR without prefix", vars(config.VarVPCCIDR, "10.0.0.0"), config.VarVPCCIDR, ""},
	{"CIDR host bits", vars(config.VarVPCCIDR, "10.0.0.1/16"), config.VarVPCCIDR, ""},
	{"CIDR too large", vars(config.VarVPCCIDR, "10.0.0.0/8"), config.VarVPCCIDR, ""},
	{"CIDR too small", vars(config.VarVPCCIDR, "10.0.0.0/25"), config.VarVPCCIDR, ""},
	{"CIDR public range", vars(config.VarVPCCIDR, "8.8.0.0/16"), config.VarVPCCIDR, ""},
	{"CIDR IPv6", vars(config.VarVPCCIDR, "fd00::/48"), config.VarVPCCIDR, ""},
	{"CIDR garbage", vars(config.VarVPCCIDR, "ten-dot-zero"), config.VarVPCCIDR, ""},
	{"CIDR bad octet", vars(config.VarVPCCIDR, "10.0.256.0/16"), config.VarVPCCIDR, ""},
	{"NAT mode none", vars(config.VarNATMode, "none"), config.VarNATMode, ""},
	{"NAT mode misspelt", vars(config.VarNATMode, "per_az"), config.VarNATMode, ""},
	{"k8s version word", vars(config.VarK8sVersion, "banana"), config.VarK8sVersion, ""},
	{"k8s version too old", vars(config.VarK8sVersion, "1.20"), config.VarK8sVersion, ""},
	{"k8s version too new", vars(config.VarK8sVersion, "1.37"), config.VarK8sVersion, ""},
	{"k8s version with v", vars(config.VarK8sVersion, "v1.36"), config.VarK8sVersion, ""},
	{"public CIDR prefix 33", vars(config.VarPublicAccessCIDRs, "198.51.100.0/33"), config.VarPublicAccessCIDRs, ""},
	{"public CIDR host bits", vars(config.VarPublicAccessCIDRs, "198.51.100.1/24"), config.VarPublicAccessCIDRs, ""},
	{"public CIDR IPv6", vars(config.VarPublicAccessCIDRs, "2001:db8::/32"), config.VarPublicAccessCIDRs, ""},
	{"public CIDRs on a private endpoint", vars(config.VarEnv, "prod", config.VarPublicAccessCIDRs, "198.51.100.0/24"), config.VarPublicAccessCIDRs, ""},
	{"prod public to the world without opt-in", vars(config.VarEnv, "prod", config.VarEndpointAccess, "public-and-private", config.VarPublicAccessCIDRs, "0.0.0.0/0"), config.VarPublicAccessCIDRs, "cluster"},
	{"endpoint public only", vars(config.VarEndpointAccess, "public"), config.VarEndpointAccess, ""},
	{"endpoint in capitals", vars(config.VarEndpointAccess, "PRIVATE"), config.VarEndpointAccess, ""},
	{"public endpoint without CIDRs", vars(config.VarEndpointAccess, "public-and-private"), config.VarPublicAccessCIDRs, ""},
	{"admin ARN is a user", vars(config.VarAdminRoleARNs, "arn:aws:iam::111122223333:user/bob"), config.VarAdminRoleARNs, ""},
	{"admin ARN short account", vars(config.VarAdminRoleARNs, "arn:aws:iam::1:role/Admin"), config.VarAdminRoleARNs, ""},
	{"admin ARN wildcard", vars(config.VarAdminRoleARNs, "arn:aws:iam::111122223333:role/*"), config.VarAdminRoleARNs, ""},
	{"admin ARN not an ARN", vars(config.VarAdminRoleARNs, "Admin"), config.VarAdminRoleARNs, ""},
	{"admin ARN other service", vars(config.VarAdminRoleARNs, "arn:aws:s3:::bucket"), config.VarAdminRoleARNs, ""},
	{"retention not offered", vars(config.VarLogRetentionDays, "31"), config.VarLogRetentionDays, ""},
	{"retention a word", vars(config.VarLogRetentionDays, "month"), config.VarLogRetentionDays, ""},
	{"retention negative", vars(config.VarLogRetentionDays, "-1"), config.VarLogRetentionDays, ""},
	{"retention fraction", vars(config.VarLogRetentionDays, "1.5"), config.VarLogRetentionDays, ""},
	{"no instance types", vars(config.VarNodeInstanceTypes, " , "), config.VarNodeInstanceTypes, ""},
	{"instance type without family", vars(config.VarNodeInstanceTypes, "large"), config.VarNodeInstanceTypes, ""},
	{"instance type in capitals", vars(config.VarNodeInstanceTypes, "M6I.LARGE"), config.VarNodeInstanceTypes, ""},
	{"one bad instance type among good", vars(config.VarNodeInstanceTypes, "m6i.large,m6i"), config.VarNodeInstanceTypes, ""},
	{"min size a word", vars(config.VarNodeMinSize, "two"), config.VarNodeMinSize, ""},
	{"min size negative", vars(config.VarNodeMinSize, "-1", config.VarNodeDesiredSize, "0"), config.VarNodeMinSize, ""},
	{"min size over quota", vars(config.VarNodeMinSize, "451", config.VarNodeDesiredSize, "451", config.VarNodeMaxSize, "451"), config.VarNodeMinSize, ""},
	{"min size fraction", vars(config.VarNodeMinSize, "1.5"), config.VarNodeMinSize, ""},
	{"desired above max", vars(config.VarNodeDesiredSize, "9"), config.VarNodeDesiredSize, ""},
	{"desired below min", vars(config.VarEnv, "prod", config.VarNodeDesiredSize, "1"), config.VarNodeDesiredSize, ""},
	{"desired a word", vars(config.VarNodeDesiredSize, "x"), config.VarNodeDesiredSize, ""},
	{"max over quota", vars(config.VarNodeMaxSize, "451"), config.VarNodeMaxSize, ""},
	{"max zero", vars(config.VarNodeMinSize, "0", config.VarNodeDesiredSize, "0", config.VarNodeMaxSize, "0"), config.VarNodeMaxSize, ""},
	{"min above max", vars(config.VarNodeMinSize, "5", config.VarNodeDesiredSize, "5", config.VarNodeMaxSize, "3"), config.VarNodeMaxSize, ""},
	{"max a word", vars(config.VarNodeMaxSize, "ten"), config.VarNodeMaxSize, ""},
}

func vars(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// TestBadInputCorpus runs the real binary on every bad input: it must exit
// with code 2, name the variable and what is accepted, and write nothing.
func TestBadInputCorpus(t *testing.T) {
	if len(corpus) < 40 {
		t.Errorf("corpus has %d cases, want at least 40", len(corpus))
	}
	binary(t) // build once, before the parallel subtests
	for _, c := range corpus {
		t.Run(c.name, func(t *testing.T) {
			if c.pending != "" {
				t.Skipf("pending: the %s room's config validation must reject this (today it reaches synthesis)", c.pending)
			}
			t.Parallel()
			r := runBinary(t, c.vars)
			if r.code != 2 {
				t.Fatalf("exit code %d, want 2; stderr:\n%s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.want+"=") || !strings.Contains(r.stderr, "accepted:") {
				t.Errorf("stderr must name %s and what is accepted:\n%s", c.want, r.stderr)
			}
			if es := r.entries(t); len(es) != 0 {
				t.Errorf("bad input wrote %v", es)
			}
		})
	}
}

// TestCorpusCoversEveryVar fails when a config variable has no bad-input
// case, so each room's new variables get theirs.
func TestCorpusCoversEveryVar(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range corpus {
		if c.pending == "" {
			covered[c.want] = true
		}
	}
	for _, v := range config.Vars {
		if !covered[v.Name] {
			t.Errorf("%s has no case in the bad-input corpus (corpus_test.go)", v.Name)
		}
	}
}
