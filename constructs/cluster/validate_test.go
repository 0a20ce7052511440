package cluster_test

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/internal/wanterr"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"

	"github.com/ballast-eks/ballast/constructs/cluster"
)

// Fakes satisfy the interfaces without jsii: Validate only checks for nil.
type (
	fakeVpc    struct{ awsec2.IVpc }
	fakeSubnet struct{ awsec2.ISubnet }
	fakeKey    struct{ awskms.IKey }
)

func validProps() cluster.ClusterProps {
	return cluster.ClusterProps{
		Vpc:                 fakeVpc{},
		ControlPlaneSubnets: []awsec2.ISubnet{fakeSubnet{}, fakeSubnet{}},
		SecretsKey:          fakeKey{},
		LogsKey:             fakeKey{},
		ClusterName:         ptr("ballast-test"),
	}
}

func ptr[T any](v T) *T { return &v }

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*cluster.ClusterProps)
		want   []string // substrings of the error; none means valid
	}{
		{"defaults are valid", func(*cluster.ClusterProps) {}, nil},
		{"missing dependencies", func(p *cluster.ClusterProps) {
			p.Vpc, p.SecretsKey, p.LogsKey, p.ControlPlaneSubnets = nil, nil, nil, nil
		}, []string{"vpc: required", "secretsKey: required", "logsKey: required", "controlPlaneSubnets: need at least 2"}},
		{"bad cluster name", func(p *cluster.ClusterProps) { p.ClusterName = ptr("-x") }, []string{"clusterName:"}},
		{"unknown version", func(p *cluster.ClusterProps) { p.Version = ptr("1.99") }, []string{`version: "1.99" is not one of`}},
		{"version the library no longer accepts", func(p *cluster.ClusterProps) { p.Version = ptr("1.31") }, []string{`version: "1.31"`}},
		{"extended-support version without opt-in", func(p *cluster.ClusterProps) { p.Version = ptr("1.33") },
			[]string{`version: "1.33" is only in EKS extended support; set upgradePolicy to "EXTENDED"`}},
		{"extended-support version with opt-in", func(p *cluster.ClusterProps) {
			p.Version, p.UpgradePolicy = ptr("1.33"), ptr(cluster.UpgradeExtended)
		}, nil},
		{"unknown upgrade policy", func(p *cluster.ClusterProps) { p.UpgradePolicy = ptr(cluster.UpgradePolicy("LTS")) }, []string{"upgradePolicy:"}},
		{"public endpoint without CIDRs", func(p *cluster.ClusterProps) { p.EndpointAccess = ptr(cluster.EndpointPublicAndPrivate) },
			[]string{"publicAccessCIDRs: required"}},
		{"CIDRs with private endpoint", func(p *cluster.ClusterProps) { p.PublicAccessCIDRs = []string{"203.0.113.0/24"} },
			[]string{"publicAccessCIDRs: set, but endpointAccess is private"}},
		{"malformed CIDR", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = ptr(cluster.EndpointPublicAndPrivate), []string{"203.0.113.0/24", "nope"}
		}, []string{`publicAccessCIDRs[1]: "nope" is not an IPv4 CIDR`}},
		{"public 0.0.0.0/0 without opt-in", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = ptr(cluster.EndpointPublicAndPrivate), []string{"0.0.0.0/0"}
		}, []string{`publicAccessCIDRs[0]: "0.0.0.0/0" opens the API endpoint to the whole internet; set allowOpenPublicEndpoint`}},
		{"public 0.0.0.0/0 with opt-in", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = ptr(cluster.EndpointPublicAndPrivate), []string{"0.0.0.0/0"}
			p.AllowOpenPublicEndpoint = ptr(true)
		}, nil},
		{"malformed admin role ARN", func(p *cluster.ClusterProps) {
			p.AdminRoleARNs = []string{"arn:aws:iam::123456789012:role/ok", "arn:aws:iam::123:user/bob"}
		}, []string{`adminRoleARNs[1]: "arn:aws:iam::123:user/bob" is not an IAM role ARN`}},
		{"malformed break-glass principal", func(p *cluster.ClusterProps) { p.BreakGlassPrincipals = []string{"alice"} },
			[]string{`breakGlassPrincipals[0]: "alice" is not an IAM account root, user or role ARN`}},
		{"no admin principal", func(p *cluster.ClusterProps) { p.BreakGlass = ptr(false) },
			[]string{"adminRoleARNs: no principal could administer the cluster"}},
		{"admin role without break-glass", func(p *cluster.ClusterProps) {
			p.BreakGlass, p.AdminRoleARNs = ptr(false), []string{"arn:aws:iam::123456789012:role/Admin"}
		}, nil},
		{"break-glass principals while off", func(p *cluster.ClusterProps) {
			p.BreakGlass, p.AdminRoleARNs = ptr(false), []string{"arn:aws:iam::123456789012:role/Admin"}
			p.BreakGlassPrincipals = []string{"arn:aws:iam::123456789012:root"}
		}, []string{"breakGlassPrincipals: set, but breakGlass is off"}},
		{"unknown scaling tier", func(p *cluster.ClusterProps) { p.ScalingTier = ptr(cluster.ScalingTier("tier-huge")) }, []string{"scalingTier:"}},
		{"unknown compute mode", func(p *cluster.ClusterProps) { p.Compute = ptr(cluster.ComputeMode("fargate")) }, []string{"compute:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProps()
			tt.modify(&p)
			err := p.Validate()
			wanterr.Check(t, err, tt.want)
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	p := validProps()
	p.Version, p.BreakGlass, p.AdminRoleARNs = ptr("1.2"), ptr(false), []string{"x"}
	err := p.Validate()
	if n := strings.Count(err.Error(), "\n") + 1; n != 2 {
		t.Errorf("want 2 problems (version, adminRoleARNs[0]), got %d:\n%v", n, err)
	}
}

func TestNewClusterPanicsBeforeBuilding(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "vpc: required") {
			t.Errorf("panic = %v, want the validation error", r)
		}
	}()
	cluster.NewCluster(nil, "Cluster", &cluster.ClusterProps{}) // no jsii call before validation
}

func TestValidateNamespaces(t *testing.T) {
	if err := cluster.ValidateNamespaces(nil); err == nil {
		t.Error("empty namespace list accepted")
	}
	if err := cluster.ValidateNamespaces([]string{"team-a", "Team_B"}); err == nil || !strings.Contains(err.Error(), `namespaces[1]: "Team_B"`) {
		t.Errorf("err = %v", err)
	}
	if err := cluster.ValidateNamespaces([]string{"team-a"}); err != nil {
		t.Error(err)
	}
}

func TestDefaultVersionIsSupported(t *testing.T) {
	want := cluster.SupportedVersions[len(cluster.SupportedVersions)-1]
	if cluster.DefaultVersion != want {
		t.Errorf("DefaultVersion %s, want the newest supported version %s", cluster.DefaultVersion, want)
	}
}
