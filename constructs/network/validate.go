package network

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"

	"github.com/ballast-eks/ballast/internal/logretention"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// MinAvailabilityZones and MaxAvailabilityZones bound the AZs a network
// spans: fewer than 2 cannot survive an AZ failure, and no region has more
// than 6.
const (
	MinAvailabilityZones = 2
	MaxAvailabilityZones = 6
)

var (
	vpcIDRe    = regexp.MustCompile(`^vpc-[0-9a-f]{8}([0-9a-f]{9})?$`)
	subnetIDRe = regexp.MustCompile(`^subnet-[0-9a-f]{8}([0-9a-f]{9})?$`)
)

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>". Unset fields are checked as
// their defaults. It is pure Go.
func (p NetworkProps) Validate() error {
	p = withDefaults(p)
	errs := validateAZs(p.AvailabilityZones)
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	cidrErr := CheckCIDR(*p.CIDR, PrivateRanges)
	if cidrErr != nil {
		add("cidr: %v", cidrErr)
	}
	var podErr error
	if p.PodCIDR != nil {
		if podErr = CheckCIDR(*p.PodCIDR, PodRanges); podErr != nil {
			add("podCIDR: %v", podErr)
		}
	}
	switch *p.NATMode {
	case NATPerAZ, NATSingle:
	case NATNone:
		if !*p.InterfaceEndpoints {
			add("interfaceEndpoints: required with natMode %q: without a NAT gateway, nodes reach ECR, STS, EC2 and EKS only through the interface endpoints", NATNone)
		}
	default:
		add("natMode: unknown NAT mode (accepted: %s, %s, %s)", NATPerAZ, NATSingle, NATNone)
	}
	if !logretention.Valid(*p.FlowLogRetentionDays) {
		add("flowLogRetentionDays: not a CloudWatch Logs retention value")
	}
	if p.CNI == nil && p.IPDemand != nil {
		add("cni: required with ipDemand: the vpc-cni settings the capacity check counts addresses with")
	}
	if p.CNI != nil && (p.CNI.WarmPrefixTarget < 0 || p.CNI.WarmENITarget < 0) {
		add("cni: warm targets must be >= 0, got WarmPrefixTarget=%d WarmENITarget=%d", p.CNI.WarmPrefixTarget, p.CNI.WarmENITarget)
	}
	if cidrErr == nil && podErr == nil && len(p.AvailabilityZones) > 0 {
		errs = append(errs, p.validatePlan()...)
	}
	return errors.Join(errs...)
}

// validatePlan checks that the blocks hold the subnet plan and, with
// IPDemand, that the subnets hold it at max scale: one error per pool
// that cannot.
func (p NetworkProps) validatePlan() []error {
	plan, err := p.plan()
	if err != nil {
		return []error{err}
	}
	if p.IPDemand == nil || p.CNI == nil {
		return nil
	}
	_, err = CheckIPCapacity(plan, *p.CNI, p.IPDemand)
	var errs []error
	for _, e := range propcheck.Problems(err) {
		errs = append(errs, fmt.Errorf("ipDemand: %w", e))
	}
	return errs
}

// Plan returns the subnet plan the props produce (after defaults). It
// fails when a block breaks a CheckCIDR rule or cannot hold the plan.
func (p NetworkProps) Plan() (Plan, error) { return withDefaults(p).plan() }

func (p NetworkProps) plan() (Plan, error) {
	if err := CheckCIDR(*p.CIDR, PrivateRanges); err != nil {
		return Plan{}, fmt.Errorf("cidr: %w", err)
	}
	plan, err := PlanSubnets(*p.CIDR, p.AvailabilityZones)
	if err != nil {
		return plan, fmt.Errorf("cidr: %w", err)
	}
	if p.PodCIDR == nil {
		return plan, nil
	}
	if err := CheckCIDR(*p.PodCIDR, PodRanges); err != nil {
		return plan, fmt.Errorf("podCIDR: %w", err)
	}
	if plan, err = PlanPodSubnets(plan, *p.PodCIDR); err != nil {
		return plan, fmt.Errorf("podCIDR: %w", err)
	}
	return plan, nil
}

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>". Each subnet list has one ID per
// AZ (the optional lists may be empty), and a subnet ID appears once
// across all lists: one subnet, one role.
func (p ExistingNetworkProps) Validate() error {
	errs := validateAZs(p.AvailabilityZones)
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	switch {
	case p.VpcID == nil:
		add("vpcID: required")
	case !vpcIDRe.MatchString(*p.VpcID):
		add("vpcID: not a VPC ID (vpc- followed by 8 or 17 hex digits)")
	}
	n := len(p.AvailabilityZones)
	lists := []struct {
		name     string
		ids      []string
		optional bool
	}{{"privateSubnetIDs", p.PrivateSubnetIDs, false}, {"publicSubnetIDs", p.PublicSubnetIDs, true}, {"controlPlaneSubnetIDs", p.ControlPlaneSubnetIDs, true}}
	seen := map[string]string{} // subnet ID -> the path it was first seen at
	for _, l := range lists {
		if len(l.ids) != n && !(l.optional && len(l.ids) == 0) {
			add("%s: need one subnet per availability zone (%d in availabilityZones), got %d", l.name, n, len(l.ids))
		}
		for i, id := range l.ids {
			path := fmt.Sprintf("%s[%d]", l.name, i)
			if !subnetIDRe.MatchString(id) {
				add("%s: not a subnet ID", path)
			}
			if first, dup := seen[id]; dup {
				add("%s: listed more than once (also %s); each subnet serves one role in one AZ", path, first)
				continue
			}
			seen[id] = path
		}
	}
	if c := p.VpcCIDR; c != nil {
		if pr, err := netip.ParsePrefix(*c); err != nil || !pr.Addr().Is4() || pr.Masked() != pr {
			add("vpcCIDR: not an IPv4 CIDR without host bits")
		}
	}
	return errors.Join(errs...)
}

func validateAZs(azs []string) []error {
	var errs []error
	if n := len(azs); n < MinAvailabilityZones || n > MaxAvailabilityZones {
		errs = append(errs, fmt.Errorf("availabilityZones: need %d to %d availability zones (3 recommended), got %d", MinAvailabilityZones, MaxAvailabilityZones, n))
	}
	seen := map[string]bool{}
	for i, az := range azs {
		if seen[az] {
			errs = append(errs, fmt.Errorf("availabilityZones[%d]: %s is listed twice", i, az))
		}
		seen[az] = true
		if !sameRegion(az, azs[0]) {
			errs = append(errs, fmt.Errorf("availabilityZones[%d]: %s is not in the same region as %s", i, az, azs[0]))
		}
	}
	return errs
}

// sameRegion reports whether two AZ names differ at most in the last
// letter (us-east-1a and us-east-1c).
func sameRegion(az, first string) bool {
	return len(az) >= 2 && len(first) >= 2 && az[:len(az)-1] == first[:len(first)-1]
}
