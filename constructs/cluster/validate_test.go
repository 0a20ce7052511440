package cluster_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
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
		ClusterName:         ptr.To("ballast-test"),
	}
}

const role = "arn:aws:iam::123456789012:role/Admin"

func TestValidate(t *testing.T) {
	public := ptr.To(cluster.EndpointPublicAndPrivate)
	tests := []struct {
		name   string
		modify func(*cluster.ClusterProps)
		want   []string // substrings of the error; none means valid
	}{
		{"defaults are valid", func(*cluster.ClusterProps) {}, nil},
		{"control-plane egress blocks", func(p *cluster.ClusterProps) {
			p.ControlPlaneEgressCIDRs = []string{"10.0.0.0/16", "100.64.0.1/16", "0.0.0.0/0", "x"}
		}, []string{"controlPlaneEgressCIDRs[1]: not an IPv4 CIDR (host bits are set; did you mean 100.64.0.0/16?)",
			"controlPlaneEgressCIDRs[2]: opens control-plane egress to the internet", "controlPlaneEgressCIDRs[3]: not an IPv4 CIDR"}},
		{"missing resources", func(p *cluster.ClusterProps) {
			p.Vpc, p.SecretsKey, p.LogsKey, p.ControlPlaneSubnets = nil, nil, nil, nil
		}, []string{"vpc: required", "secretsKey: required", "logsKey: required", "controlPlaneSubnets: need at least 2 (one per AZ), got 0"}},
		{"cluster name missing", func(p *cluster.ClusterProps) { p.ClusterName = nil }, []string{"clusterName: required"}},
		{"cluster name malformed", func(p *cluster.ClusterProps) { p.ClusterName = ptr.To("-x") }, []string{"clusterName: not a valid EKS cluster name"}},
		{"cluster name too long", func(p *cluster.ClusterProps) { p.ClusterName = ptr.To(strings.Repeat("c", 101)) }, []string{"clusterName: not a valid EKS cluster name"}},
		{"unknown version", func(p *cluster.ClusterProps) { p.Version = ptr.To("1.99") }, []string{"version: unsupported Kubernetes version"}},
		{"version past extended support", func(p *cluster.ClusterProps) {
			p.Version, p.UpgradePolicy = ptr.To("1.31"), ptr.To(cluster.UpgradeExtended)
		}, []string{"version: unsupported Kubernetes version"}},
		{"extended-support version without opt-in", func(p *cluster.ClusterProps) { p.Version = ptr.To("1.33") },
			[]string{"version: only in EKS extended support", "opt in with upgradePolicy=EXTENDED"}},
		{"extended-support version with opt-in", func(p *cluster.ClusterProps) {
			p.Version, p.UpgradePolicy = ptr.To("1.33"), ptr.To(cluster.UpgradeExtended)
		}, nil},
		{"unknown upgrade policy", func(p *cluster.ClusterProps) { p.UpgradePolicy = ptr.To(cluster.UpgradePolicy("LTS")) }, []string{"upgradePolicy: unknown upgrade policy"}},
		{"unknown endpoint access", func(p *cluster.ClusterProps) { p.EndpointAccess = ptr.To(cluster.EndpointAccess("public")) },
			[]string{"endpointAccess: unknown endpoint access mode"}},
		{"public endpoint without CIDRs", func(p *cluster.ClusterProps) { p.EndpointAccess = public },
			[]string{"publicAccessCIDRs: public-and-private endpoint access needs the CIDRs allowed to reach it"}},
		{"CIDRs with private endpoint", func(p *cluster.ClusterProps) { p.PublicAccessCIDRs = []string{"203.0.113.0/24"} },
			[]string{"publicAccessCIDRs: public access CIDRs need endpointAccess=public-and-private"}},
		{"malformed CIDR", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = public, []string{"203.0.113.0/24", "nope"}
		}, []string{"publicAccessCIDRs[1]: not an IPv4 CIDR"}},
		{"IPv6 CIDR", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = public, []string{"2001:db8::/32"}
		}, []string{"publicAccessCIDRs[0]: not an IPv4 CIDR"}},
		{"public 0.0.0.0/0 without opt-in", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = public, []string{"0.0.0.0/0"}
		}, []string{"publicAccessCIDRs[0]: opens the Kubernetes API endpoint to the whole internet", "opt in with allowOpenPublicEndpoint=true"}},
		{"public as two halves without opt-in", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = public, []string{"0.0.0.0/1", "128.0.0.0/1"}
		}, []string{"publicAccessCIDRs[0]: opens", "publicAccessCIDRs[1]: opens"}},
		{"public 0.0.0.0/0 with opt-in", func(p *cluster.ClusterProps) {
			p.EndpointAccess, p.PublicAccessCIDRs = public, []string{"0.0.0.0/0"}
			p.AllowOpenPublicEndpoint = ptr.To(true)
		}, nil},
		{"malformed admin role ARN", func(p *cluster.ClusterProps) {
			p.AdminRoleARNs = []string{role, "arn:aws:iam::123:user/bob"}
		}, []string{"adminRoleARNs[1]: not an IAM role ARN"}},
		{"malformed break-glass principal", func(p *cluster.ClusterProps) { p.BreakGlassPrincipals = []string{"alice"} },
			[]string{"breakGlassPrincipals[0]: not an IAM account root, user or role ARN"}},
		{"no admin principal", func(p *cluster.ClusterProps) { p.BreakGlass = ptr.To(false) },
			[]string{"adminRoleARNs: no principal could administer the cluster", "keep breakGlass=true"}},
		{"admin role without break-glass", func(p *cluster.ClusterProps) {
			p.BreakGlass, p.AdminRoleARNs = ptr.To(false), []string{role}
		}, nil},
		{"break-glass principals while off", func(p *cluster.ClusterProps) {
			p.BreakGlass, p.AdminRoleARNs = ptr.To(false), []string{role}
			p.BreakGlassPrincipals = []string{"arn:aws:iam::123456789012:root"}
		}, []string{"breakGlassPrincipals: set, but breakGlass=false"}},
		{"log retention", func(p *cluster.ClusterProps) { p.LogRetentionDays = ptr.To(0) }, []string{"logRetentionDays: not a CloudWatch Logs retention value"}},
		{"rollback window", func(p *cluster.ClusterProps) { p.RollbackTimeoutMinutes = ptr.To(0) }, []string{"rollbackTimeoutMinutes: must be a positive number of minutes"}},
		{"unknown scaling tier", func(p *cluster.ClusterProps) { p.ScalingTier = ptr.To(cluster.ScalingTier("tier-huge")) },
			[]string{"scalingTier: unknown control-plane scaling tier"}},
		{"unknown compute mode", func(p *cluster.ClusterProps) { p.Compute = ptr.To(cluster.ComputeMode("fargate")) }, []string{"compute: unknown compute mode"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProps()
			tt.modify(&p)
			wanterr.Check(t, p.Validate(), tt.want)
		})
	}
}

// The construct accepted any positive retention and failed later, in
// NewCluster; Validate now rejects what CloudWatch Logs does not offer.
func TestLogRetentionDaysIsACloudWatchValue(t *testing.T) {
	p := validProps()
	p.LogRetentionDays = ptr.To(45)
	wanterr.Check(t, p.Validate(), []string{"logRetentionDays: not a CloudWatch Logs retention value"})
}

// The construct accepted a public-access CIDR with host bits set.
func TestPublicAccessCIDRWithHostBits(t *testing.T) {
	p := validProps()
	p.EndpointAccess, p.PublicAccessCIDRs = ptr.To(cluster.EndpointPublicAndPrivate), []string{"10.0.0.1/24"}
	wanterr.Check(t, p.Validate(), []string{"publicAccessCIDRs[0]: not an IPv4 CIDR (host bits are set; did you mean 10.0.0.0/24?)"})
}

func TestValidateSettingsWithoutResources(t *testing.T) {
	p := cluster.ClusterProps{ClusterName: ptr.To("ballast-test")}
	wanterr.Check(t, p.ValidateSettings(), nil)
	wanterr.Check(t, p.Validate(), []string{"vpc: required", "controlPlaneSubnets: need at least 2"})
	p.Version = ptr.To("1.99")
	wanterr.Check(t, p.ValidateSettings(), []string{"version: unsupported Kubernetes version"})
}

// Each problem is its own error, one line, starting with its field path.
func TestValidateOneErrorPerProblem(t *testing.T) {
	p := validProps()
	p.Version, p.BreakGlass, p.AdminRoleARNs = ptr.To("1.2"), ptr.To(false), []string{"x"}
	p.LogRetentionDays = ptr.To(45)
	err := p.Validate()
	wanterr.OnePerProblem(t, err, 3)
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
