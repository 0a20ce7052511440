package network

import (
	"errors"
	"fmt"
	"net/netip"
)

// Validate reports every problem with the (defaulted) props at once, each
// with its field path. It makes no jsii calls.
func (p NetworkProps) Validate() error {
	var errs []error
	if n := len(p.AvailabilityZones); n < 2 {
		errs = append(errs, fmt.Errorf("availabilityZones: need at least 2, got %d", n))
	}
	seen := map[string]bool{}
	for i, az := range p.AvailabilityZones {
		if seen[az] {
			errs = append(errs, fmt.Errorf("availabilityZones[%d]: %q is listed twice", i, az))
		}
		seen[az] = true
	}
	if p.CIDR != nil {
		if _, err := PlanSubnets(*p.CIDR, len(p.AvailabilityZones)); err != nil {
			errs = append(errs, fmt.Errorf("cidr: %w", err))
		}
	}
	if p.NATMode != nil && *p.NATMode != NATPerAZ && *p.NATMode != NATSingle {
		errs = append(errs, fmt.Errorf("natMode: must be %q or %q, got %q", NATPerAZ, NATSingle, *p.NATMode))
	}
	return errors.Join(errs...)
}

// Plan gives the subnet sizes (prefix lengths) of each role.
type Plan struct {
	VPC         netip.Prefix
	PrivateBits int
	PublicBits  int
	ControlBits int
	AZCount     int
}

// PlanSubnets computes the subnet sizes for a VPC CIDR and AZ count and
// checks that the whole plan fits.
func PlanSubnets(cidr string, azs int) (Plan, error) {
	prefix, err := netip.ParsePrefix(cidr)
	if err != nil || !prefix.Addr().Is4() {
		return Plan{}, fmt.Errorf("%q is not an IPv4 CIDR", cidr)
	}
	bits := prefix.Bits()
	p := Plan{VPC: prefix.Masked(), PrivateBits: min(bits+3, 28), PublicBits: min(bits+6, 28), ControlBits: 28, AZCount: azs}
	need := azs * (size(p.PrivateBits) + size(p.PublicBits) + size(p.ControlBits))
	if need > size(bits) {
		return p, fmt.Errorf("%s has %d addresses but %d AZs need %d; use a larger block such as /%d", cidr, size(bits), azs, need, bits-1)
	}
	return p, nil
}

func size(bits int) int { return 1 << (32 - bits) }
