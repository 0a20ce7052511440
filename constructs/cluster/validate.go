package cluster

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
)

var (
	nameRe    = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`)
	roleARNRe = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:iam::\d{12}:role/[\w+=,.@/-]{1,512}$`)
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
	if p.ClusterName == nil || !nameRe.MatchString(*p.ClusterName) {
		add("clusterName: required, 1-100 letters, digits, '-' or '_', starting with a letter or digit")
	}
	if p.Version != nil && !slices.Contains(SupportedVersions, *p.Version) {
		add("version: %q is not one of %v", *p.Version, SupportedVersions)
	}
	errs = append(errs, p.validateEndpoint()...)
	for i, arn := range p.AdminRoleARNs {
		if !roleARNRe.MatchString(arn) {
			add("adminRoleARNs[%d]: %q is not an IAM role ARN", i, arn)
		}
	}
	return errors.Join(errs...)
}

func (p ClusterProps) validateEndpoint() []error {
	var errs []error
	if p.EndpointAccess == nil {
		return nil
	}
	switch *p.EndpointAccess {
	case EndpointPrivate:
		if len(p.PublicAccessCIDRs) > 0 {
			errs = append(errs, fmt.Errorf("publicAccessCIDRs: set, but endpointAccess is private"))
		}
	case EndpointPublicAndPrivate:
		if len(p.PublicAccessCIDRs) == 0 {
			errs = append(errs, fmt.Errorf("publicAccessCIDRs: required when endpointAccess is public-and-private"))
		}
	default:
		errs = append(errs, fmt.Errorf("endpointAccess: must be %q or %q, got %q", EndpointPrivate, EndpointPublicAndPrivate, *p.EndpointAccess))
	}
	for i, c := range p.PublicAccessCIDRs {
		if pr, err := netip.ParsePrefix(c); err != nil || !pr.Addr().Is4() {
			errs = append(errs, fmt.Errorf("publicAccessCIDRs[%d]: %q is not an IPv4 CIDR", i, c))
		}
	}
	return errs
}
