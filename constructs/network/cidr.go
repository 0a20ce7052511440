package network

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// MinVPCBits and MaxVPCBits bound the prefix length of a VPC block or a
// secondary pod block: a /16 is the largest block EC2 accepts, and a block
// smaller than a /24 leaves the nodes of 2 to 6 AZs almost no addresses.
const (
	MinVPCBits = 16
	MaxVPCBits = 24
)

// PrivateRanges are the ranges a VPC block may come from: the RFC 1918
// private ranges and the RFC 6598 shared address space.
var PrivateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
}

// PodRanges are the ranges a secondary pod block may come from:
// PrivateRanges plus 198.19.0.0/16, which AWS also allows for VPC CNI
// custom networking.
var PodRanges = append(slices.Clone(PrivateRanges), netip.MustParsePrefix("198.19.0.0/16"))

// CheckCIDR returns the problem with cidr as a VPC or pod block drawn from
// ranges (PrivateRanges or PodRanges), or nil: it must be IPv4, without
// host bits, from /MinVPCBits to /MaxVPCBits, inside one of the ranges.
func CheckCIDR(cidr string, ranges []netip.Prefix) error {
	prefix, err := netip.ParsePrefix(cidr)
	switch {
	case err != nil || !prefix.Addr().Is4():
		return errors.New("not an IPv4 CIDR")
	case prefix.Masked() != prefix:
		return fmt.Errorf("host bits are set; did you mean %s?", prefix.Masked())
	case prefix.Bits() < MinVPCBits || prefix.Bits() > MaxVPCBits:
		return fmt.Errorf("prefix /%d is outside /%d to /%d", prefix.Bits(), MinVPCBits, MaxVPCBits)
	case !inRanges(prefix, ranges):
		return fmt.Errorf("not in an allowed range (%s)", joinPrefixes(ranges))
	}
	return nil
}

// inRanges reports whether prefix lies wholly inside one of ranges.
func inRanges(prefix netip.Prefix, ranges []netip.Prefix) bool {
	return slices.ContainsFunc(ranges, func(r netip.Prefix) bool {
		return r.Bits() <= prefix.Bits() && r.Contains(prefix.Addr())
	})
}

func joinPrefixes(ps []netip.Prefix) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}
