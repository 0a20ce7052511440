package config

import (
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/logretention"
)

// EndpointAccess says where the Kubernetes API endpoint is reachable from.
type EndpointAccess string

// The endpoint modes BALLAST_ENDPOINT_ACCESS accepts.
const (
	EndpointPrivate          EndpointAccess = "private"
	EndpointPublicAndPrivate EndpointAccess = "public-and-private"
)

// ClusterConfig is the cluster room's configuration.
type ClusterConfig struct {
	// KubernetesVersion is the control-plane version, e.g. "1.36".
	KubernetesVersion string
	// EndpointAccess selects private or public-and-private API access.
	EndpointAccess EndpointAccess
	// PublicAccessCIDRs limit the public endpoint.
	PublicAccessCIDRs []string
	// AdminRoleARNs receive cluster-admin access entries.
	AdminRoleARNs []string
	// LogRetentionDays is the retention of control-plane log groups.
	LogRetentionDays int
}

var roleARNRe = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:iam::\d{12}:role/[\w+=,.@/-]{1,512}$`)

var clusterVars = []Var{
	{VarK8sVersion, "Kubernetes version of the control plane and node groups.", "one of " + strings.Join(KubernetesVersions, ", "),
		fixed(DefaultKubernetesVersion), func(c *Config, raw string) error { c.KubernetesVersion = raw; return nil }},
	{VarPublicAccessCIDRs, "CIDRs allowed to reach the public API endpoint.", "comma-separated IPv4 CIDRs",
		fixed(""), func(c *Config, raw string) error { c.PublicAccessCIDRs = List(raw); return nil }},
	{VarEndpointAccess, "Kubernetes API endpoint access. In dev the default is public-and-private when " + VarPublicAccessCIDRs + " is set, else private.", "private | public-and-private",
		func(p Profile, c *Config, _ Lookup) string {
			if p == ProfileDev && len(c.PublicAccessCIDRs) > 0 {
				return string(EndpointPublicAndPrivate)
			}
			return string(EndpointPrivate)
		},
		func(c *Config, raw string) error { c.EndpointAccess = EndpointAccess(raw); return nil }},
	{VarAdminRoleARNs, "IAM role ARNs granted cluster admin through access entries.", "comma-separated IAM role ARNs (arn:aws:iam::<12 digits>:role/<name>)",
		fixed(""), func(c *Config, raw string) error { c.AdminRoleARNs = List(raw); return nil }},
	{VarLogRetentionDays, "Retention of control-plane logs, in days.", "one of the CloudWatch Logs retention values (" + retentionList() + ")",
		perProfile("30", "90", "365"), func(c *Config, raw string) error { return setInt(&c.LogRetentionDays)(c, raw) }},
}

func (c *Config) validateCluster(p *problems) {
	if !slices.Contains(KubernetesVersions, c.KubernetesVersion) {
		p.add(VarK8sVersion, c.KubernetesVersion, "unsupported Kubernetes version")
	}
	switch c.EndpointAccess {
	case EndpointPrivate:
		if len(c.PublicAccessCIDRs) > 0 {
			p.add(VarPublicAccessCIDRs, joinList(c.PublicAccessCIDRs), "public access CIDRs need %s=public-and-private", VarEndpointAccess)
		}
	case EndpointPublicAndPrivate:
		if len(c.PublicAccessCIDRs) == 0 {
			p.add(VarPublicAccessCIDRs, "", "public-and-private endpoint access needs the CIDRs allowed to reach it")
		}
	default:
		p.add(VarEndpointAccess, string(c.EndpointAccess), "unknown endpoint access mode")
	}
	for _, cidr := range c.PublicAccessCIDRs {
		if pr, err := netip.ParsePrefix(cidr); err != nil || !pr.Addr().Is4() || pr.Masked() != pr {
			p.add(VarPublicAccessCIDRs, cidr, "not an IPv4 CIDR")
		}
	}
	for _, arn := range c.AdminRoleARNs {
		if !roleARNRe.MatchString(arn) {
			p.add(VarAdminRoleARNs, arn, "not an IAM role ARN")
		}
	}
	if !logretention.Valid(c.LogRetentionDays) {
		p.add(VarLogRetentionDays, strconv.Itoa(c.LogRetentionDays), "not a CloudWatch Logs retention value")
	}
}

// KubernetesVersions are the versions the library accepts (cluster.SupportedVersions).
var KubernetesVersions = cluster.SupportedVersions

// DefaultKubernetesVersion is the library's default version.
const DefaultKubernetesVersion = cluster.DefaultVersion

func retentionList() string {
	var s []string
	for _, d := range logretention.Days() {
		s = append(s, strconv.Itoa(d))
	}
	return strings.Join(s, ", ")
}
