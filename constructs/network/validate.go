package network

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"

	"github.com/ballast-eks/ballast/internal/defaults"

	"github.com/ballast-eks/ballast/internal/logretention"
)

var (
	vpcIDRe    = regexp.MustCompile(`^vpc-[0-9a-f]{8}([0-9a-f]{9})?$`)
	subnetIDRe = regexp.MustCompile(`^subnet-[0-9a-f]{8}([0-9a-f]{9})?$`)
)

// Validate reports every problem with the (defaulted) props at once, each
// with its field path. It makes no jsii calls.
func (p NetworkProps) Validate() error {
	errs := validateAZs(p.AvailabilityZones)
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.NATMode != nil && *p.NATMode != NATPerAZ && *p.NATMode != NATSingle {
		add("natMode: must be %q or %q, got %q", NATPerAZ, NATSingle, *p.NATMode)
	}
	if p.FlowLogRetentionDays != nil && !logretention.Valid(*p.FlowLogRetentionDays) {
		add("flowLogRetentionDays: %d is not a CloudWatch Logs retention; accepted: %v", *p.FlowLogRetentionDays, logretention.Days())
	}
	if p.CNI != nil && (p.CNI.WarmPrefixTarget < 0 || p.CNI.WarmENITarget < 0) {
		add("cni: warm targets must be >= 0, got WarmPrefixTarget=%d WarmENITarget=%d", p.CNI.WarmPrefixTarget, p.CNI.WarmENITarget)
	}
	if len(p.AvailabilityZones) == 0 || p.CIDR == nil {
		return errors.Join(errs...)
	}
	plan, err := p.plan()
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	if p.IPDemand != nil {
		if _, err := CheckIPCapacity(plan, *defaults.Or(p.CNI, DefaultCNI), p.IPDemand); err != nil {
			add("ipDemand: %w", err)
		}
	}
	return errors.Join(errs...)
}

// Plan returns the subnet plan the props produce (after defaults).
func (p NetworkProps) Plan() (Plan, error) { return withDefaults(p).plan() }

func (p NetworkProps) plan() (Plan, error) {
	if pr, err := netip.ParsePrefix(*p.CIDR); err == nil && pr.Masked() != pr {
		return Plan{}, fmt.Errorf("cidr: %s has host bits set; did you mean %s?", pr, pr.Masked())
	}
	plan, err := PlanSubnets(*p.CIDR, p.AvailabilityZones)
	if err != nil {
		return plan, fmt.Errorf("cidr: %w", err)
	}
	if p.PodCIDR != nil {
		if plan, err = PlanPodSubnets(plan, *p.PodCIDR); err != nil {
			return plan, fmt.Errorf("podCIDR: %w", err)
		}
	}
	return plan, nil
}

// Validate reports every problem with the props at once. Subnet lists must
// have one ID per AZ (optional lists may be empty).
func (p ExistingNetworkProps) Validate() error {
	errs := validateAZs(p.AvailabilityZones)
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.VpcID == nil || !vpcIDRe.MatchString(*p.VpcID) {
		add("vpcID: required, vpc- followed by 8 or 17 hex digits")
	}
	n := len(p.AvailabilityZones)
	lists := []struct {
		name     string
		ids      []string
		optional bool
	}{{"privateSubnetIDs", p.PrivateSubnetIDs, false}, {"publicSubnetIDs", p.PublicSubnetIDs, true}, {"controlPlaneSubnetIDs", p.ControlPlaneSubnetIDs, true}}
	seen := map[string]string{}
	for _, l := range lists {
		if len(l.ids) != n && !(l.optional && len(l.ids) == 0) {
			add("%s: need one subnet per AZ (%d), got %d", l.name, n, len(l.ids))
		}
		for i, id := range l.ids {
			if !subnetIDRe.MatchString(id) {
				add("%s[%d]: %q is not a subnet ID", l.name, i, id)
			}
			if prev, dup := seen[id]; dup && !(l.name == "controlPlaneSubnetIDs" && prev == "privateSubnetIDs") {
				add("%s[%d]: %s is also in %s", l.name, i, id, prev)
			}
			seen[id] = l.name
		}
	}
	return errors.Join(errs...)
}

func validateAZs(azs []string) []error {
	var errs []error
	if n := len(azs); n < 2 {
		errs = append(errs, fmt.Errorf("availabilityZones: need at least 2, got %d", n))
	}
	seen := map[string]bool{}
	for i, az := range azs {
		if seen[az] {
			errs = append(errs, fmt.Errorf("availabilityZones[%d]: %q is listed twice", i, az))
		}
		seen[az] = true
		if len(az) < 2 || len(azs[0]) < 2 || az[:len(az)-1] != azs[0][:len(azs[0])-1] {
			errs = append(errs, fmt.Errorf("availabilityZones[%d]: %q is not in the same region as %q", i, az, azs[0]))
		}
	}
	return errs
}
