package cluster

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
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

// Validate reports every problem with the (defaulted) props at once, each
// with its field path. It makes no jsii calls beyond nil checks.
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
	if p.ClusterName == nil || !nameRe.MatchString(*p.ClusterName) {
		add("clusterName: required, 1-100 letters, digits, '-' or '_', starting with a letter or digit")
	}
	errs = append(errs, p.validateVersion()...)
	errs = append(errs, p.validateEndpoint()...)
	errs = append(errs, p.validateAccess()...)
	errs = append(errs, p.validateOptions()...)
	return errors.Join(errs...)
}

func (p ClusterProps) validateVersion() []error {
	var errs []error
	policy := deref(p.UpgradePolicy, DefaultUpgradePolicy)
	if policy != UpgradeStandard && policy != UpgradeExtended {
		errs = append(errs, fmt.Errorf("upgradePolicy: must be %q or %q, got %q", UpgradeStandard, UpgradeExtended, policy))
	}
	if p.Version == nil {
		return errs
	}
	switch v := *p.Version; {
	case slices.Contains(SupportedVersions, v):
	case slices.Contains(ExtendedSupportVersions, v):
		if policy != UpgradeExtended {
			errs = append(errs, fmt.Errorf("version: %q is only in EKS extended support; set upgradePolicy to %q (extra cost) or use one of %v", v, UpgradeExtended, SupportedVersions))
		}
	default:
		errs = append(errs, fmt.Errorf("version: %q is not one of %v (or, with extended support, %v)", v, SupportedVersions, ExtendedSupportVersions))
	}
	return errs
}

func (p ClusterProps) validateEndpoint() []error {
	var errs []error
	switch access := deref(p.EndpointAccess, EndpointPrivate); access {
	case EndpointPrivate:
		if len(p.PublicAccessCIDRs) > 0 {
			errs = append(errs, fmt.Errorf("publicAccessCIDRs: set, but endpointAccess is private"))
		}
	case EndpointPublicAndPrivate:
		if len(p.PublicAccessCIDRs) == 0 {
			errs = append(errs, fmt.Errorf("publicAccessCIDRs: required when endpointAccess is public-and-private"))
		}
	default:
		errs = append(errs, fmt.Errorf("endpointAccess: must be %q or %q, got %q", EndpointPrivate, EndpointPublicAndPrivate, access))
	}
	for i, c := range p.PublicAccessCIDRs {
		pr, err := netip.ParsePrefix(c)
		switch {
		case err != nil || !pr.Addr().Is4():
			errs = append(errs, fmt.Errorf("publicAccessCIDRs[%d]: %q is not an IPv4 CIDR", i, c))
		case IsOpenCIDR(pr) && !deref(p.AllowOpenPublicEndpoint, false):
			errs = append(errs, fmt.Errorf("publicAccessCIDRs[%d]: %q opens the API endpoint to the whole internet; set allowOpenPublicEndpoint to accept that", i, c))
		}
	}
	return errs
}

func (p ClusterProps) validateAccess() []error {
	var errs []error
	for i, arn := range p.AdminRoleARNs {
		if !RoleARNPattern.MatchString(arn) {
			errs = append(errs, fmt.Errorf("adminRoleARNs[%d]: %q is not an IAM role ARN", i, arn))
		}
	}
	breakGlass := deref(p.BreakGlass, true)
	for i, arn := range p.BreakGlassPrincipals {
		if !PrincipalARNPattern.MatchString(arn) {
			errs = append(errs, fmt.Errorf("breakGlassPrincipals[%d]: %q is not an IAM account root, user or role ARN", i, arn))
		}
	}
	if !breakGlass && len(p.BreakGlassPrincipals) > 0 {
		errs = append(errs, fmt.Errorf("breakGlassPrincipals: set, but breakGlass is off"))
	}
	if !breakGlass && len(p.AdminRoleARNs) == 0 {
		errs = append(errs, fmt.Errorf("adminRoleARNs: no principal could administer the cluster: name at least one admin role or keep breakGlass on"))
	}
	return errs
}

func (p ClusterProps) validateOptions() []error {
	var errs []error
	if p.LogRetentionDays != nil && *p.LogRetentionDays <= 0 {
		errs = append(errs, fmt.Errorf("logRetentionDays: must be positive, got %d", *p.LogRetentionDays))
	}
	if t := deref(p.ScalingTier, DefaultScalingTier); !slices.Contains(ScalingTiers, t) {
		errs = append(errs, fmt.Errorf("scalingTier: %q is not one of %v", t, ScalingTiers))
	}
	if c := deref(p.Compute, DefaultCompute); c != ComputeNodeGroups && c != ComputeAuto {
		errs = append(errs, fmt.Errorf("compute: must be %q or %q, got %q", ComputeNodeGroups, ComputeAuto, c))
	}
	if r := deref(p.RemovalPolicy, DefaultRemovalPolicy); !slices.Contains([]awscdk.RemovalPolicy{
		awscdk.RemovalPolicy_RETAIN, awscdk.RemovalPolicy_DESTROY, awscdk.RemovalPolicy_RETAIN_ON_UPDATE_OR_DELETE,
	}, r) {
		errs = append(errs, fmt.Errorf("removalPolicy: %q is not RETAIN, DESTROY or RETAIN_ON_UPDATE_OR_DELETE", r))
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

func deref[T any](v *T, def T) T {
	if v == nil {
		return def
	}
	return *v
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
