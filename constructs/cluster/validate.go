package cluster

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/internal/logretention"
)

var (
	nameRe = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`)
	// RoleARNPattern matches an IAM role ARN.
	RoleARNPattern = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:iam::\d{12}:role/[\w+=,.@/-]{1,512}$`)
	// PrincipalARNPattern matches the IAM principals that may assume the
	// break-glass role: an account root, a user or a role.
	PrincipalARNPattern = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(user|role)/[\w+=,.@/-]{1,512})$`)
	// namespaceRe is a Kubernetes namespace name (RFC 1123 label).
	namespaceRe = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)
)

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>": the resources the cluster is
// wired to (Vpc, ControlPlaneSubnets, SecretsKey, LogsKey), then every
// rule of ValidateSettings. It makes no jsii calls beyond nil checks.
func (p ClusterProps) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.Vpc == nil {
		add("vpc: required")
	}
	if len(p.ControlPlaneSubnets) < 2 {
		add("controlPlaneSubnets: need at least 2 (one per AZ), got %d", len(p.ControlPlaneSubnets))
	}
	if p.SecretsKey == nil {
		add("secretsKey: required (secrets envelope encryption)")
	}
	if p.LogsKey == nil {
		add("logsKey: required (control-plane log encryption)")
	}
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings reports every problem with the props except the
// presence of the resources the cluster is wired to, so the settings can
// be checked before those resources exist. Unset fields are checked as
// their defaults; errors are as from Validate.
func (p ClusterProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p ClusterProps) settings() []error {
	p = withDefaults(p)
	var errs []error
	switch {
	case p.ClusterName == nil:
		errs = append(errs, errors.New("clusterName: required"))
	case !nameRe.MatchString(*p.ClusterName):
		errs = append(errs, errors.New("clusterName: not a valid EKS cluster name (1-100 letters, digits, '-' or '_', starting with a letter or digit)"))
	}
	errs = append(errs, p.validateVersion()...)
	errs = append(errs, p.validateEndpoint()...)
	errs = append(errs, p.validateAccess()...)
	errs = append(errs, checkEgressCIDRs(p.ControlPlaneEgressCIDRs)...)
	return append(errs, p.validateOptions()...)
}

func (p ClusterProps) validateVersion() []error {
	var errs []error
	policy := *p.UpgradePolicy
	if policy != UpgradeStandard && policy != UpgradeExtended {
		errs = append(errs, errors.New("upgradePolicy: unknown upgrade policy"))
	}
	switch v := *p.Version; {
	case slices.Contains(SupportedVersions, v):
	case slices.Contains(ExtendedSupportVersions, v):
		if policy != UpgradeExtended {
			errs = append(errs, fmt.Errorf("version: only in EKS extended support, which costs extra; opt in with upgradePolicy=%s or use %s",
				UpgradeExtended, strings.Join(SupportedVersions, ", ")))
		}
	default:
		errs = append(errs, fmt.Errorf("version: unsupported Kubernetes version (standard support: %s; with upgradePolicy=%s also %s)",
			strings.Join(SupportedVersions, ", "), UpgradeExtended, strings.Join(ExtendedSupportVersions, ", ")))
	}
	return errs
}

func (p ClusterProps) validateEndpoint() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	switch *p.EndpointAccess {
	case EndpointPrivate:
		if len(p.PublicAccessCIDRs) > 0 {
			add("publicAccessCIDRs: public access CIDRs need endpointAccess=%s", EndpointPublicAndPrivate)
		}
	case EndpointPublicAndPrivate:
		if len(p.PublicAccessCIDRs) == 0 {
			add("publicAccessCIDRs: public-and-private endpoint access needs the CIDRs allowed to reach it")
		}
	default:
		add("endpointAccess: unknown endpoint access mode")
	}
	for i, c := range p.PublicAccessCIDRs {
		pr, err := netip.ParsePrefix(c)
		switch {
		case err != nil || !pr.Addr().Is4():
			add("publicAccessCIDRs[%d]: not an IPv4 CIDR", i)
		case pr.Masked() != pr:
			add("publicAccessCIDRs[%d]: not an IPv4 CIDR (host bits are set; did you mean %s?)", i, pr.Masked())
		case IsOpenCIDR(pr) && !*p.AllowOpenPublicEndpoint:
			add("publicAccessCIDRs[%d]: opens the Kubernetes API endpoint to the whole internet (any block larger than a /%d counts); if that is really meant, opt in with allowOpenPublicEndpoint=true (the synth then warns %s)",
				i, OpenPrefixBits, WarnPublicEndpoint)
		}
	}
	return errs
}

func (p ClusterProps) validateAccess() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	for i, arn := range p.AdminRoleARNs {
		if !RoleARNPattern.MatchString(arn) {
			add("adminRoleARNs[%d]: not an IAM role ARN", i)
		}
	}
	for i, arn := range p.BreakGlassPrincipals {
		if !PrincipalARNPattern.MatchString(arn) {
			add("breakGlassPrincipals[%d]: not an IAM account root, user or role ARN", i)
		}
	}
	if !*p.BreakGlass && len(p.BreakGlassPrincipals) > 0 {
		add("breakGlassPrincipals: set, but breakGlass=false")
	}
	if !*p.BreakGlass && len(p.AdminRoleARNs) == 0 {
		add("adminRoleARNs: no principal could administer the cluster: name at least one admin role, or keep breakGlass=true")
	}
	return errs
}

func (p ClusterProps) validateOptions() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !logretention.Valid(*p.LogRetentionDays) {
		add("logRetentionDays: not a CloudWatch Logs retention value")
	}
	if *p.RollbackTimeoutMinutes < 1 {
		add("rollbackTimeoutMinutes: must be a positive number of minutes")
	}
	if !slices.Contains(ScalingTiers, *p.ScalingTier) {
		add("scalingTier: unknown control-plane scaling tier")
	}
	if c := *p.Compute; c != ComputeNodeGroups && c != ComputeAuto && c != ComputeKarpenter {
		add("compute: unknown compute mode")
	}
	if r := *p.RemovalPolicy; !slices.Contains([]awscdk.RemovalPolicy{
		awscdk.RemovalPolicy_RETAIN, awscdk.RemovalPolicy_DESTROY, awscdk.RemovalPolicy_RETAIN_ON_UPDATE_OR_DELETE,
	}, r) {
		add("removalPolicy: %q is not RETAIN, DESTROY or RETAIN_ON_UPDATE_OR_DELETE", r)
	}
	return errs
}

// ValidateNamespaces checks namespace names for a namespace-scoped grant.
func ValidateNamespaces(namespaces []string) error {
	if len(namespaces) == 0 {
		return errors.New("namespaces: at least one namespace is required")
	}
	var errs []error
	for i, ns := range namespaces {
		if !namespaceRe.MatchString(ns) {
			errs = append(errs, fmt.Errorf("namespaces[%d]: %q is not a Kubernetes namespace name", i, ns))
		}
	}
	return errors.Join(errs...)
}

// OpenPrefixBits: a public-access CIDR shorter than this (more than 16
// million addresses, such as 0.0.0.0/0 or the halves 0.0.0.0/1 and
// 128.0.0.0/1) counts as open to the whole internet.
const OpenPrefixBits = 8

// IsOpenCIDR reports whether a public-access block counts as the internet.
func IsOpenCIDR(pr netip.Prefix) bool { return pr.Bits() < OpenPrefixBits }

// opensToInternet reports whether any CIDR counts as the internet.
func opensToInternet(cidrs []string) bool {
	for _, c := range cidrs {
		if pr, err := netip.ParsePrefix(c); err == nil && IsOpenCIDR(pr) {
			return true
		}
	}
	return false
}
