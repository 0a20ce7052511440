package config

import (
	"net/netip"
	"slices"
)

// NATMode says how private subnets reach the internet.
type NATMode string

// The NAT modes BALLAST_NAT_MODE accepts.
const (
	// NATPerAZ gives every AZ its own NAT gateway, so losing one AZ does not
	// cut egress in the others.
	NATPerAZ NATMode = "per-az"
	// NATSingle shares one NAT gateway across AZs: cheaper, one AZ's failure
	// cuts egress everywhere. Suitable for dev only.
	NATSingle NATMode = "single"
)

// NetworkConfig is the network room's configuration.
type NetworkConfig struct {
	// AZs are explicit availability-zone names; no lookups are ever made.
	AZs []string
	// VPCCIDR is the VPC's IPv4 block.
	VPCCIDR string
	// NATMode selects one NAT gateway per AZ or a single shared one.
	NATMode NATMode
}

// privateRanges are the blocks a VPC CIDR may come from.
var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
}

var networkVars = []Var{
	{VarAZs, "Availability zones, explicit (never looked up).", "2 to 6 distinct AZ names of the region, comma-separated",
		func(_ Profile, c *Config, _ Lookup) string { return c.Region + "a," + c.Region + "b," + c.Region + "c" },
		func(c *Config, raw string) error { c.AZs = List(raw); return nil }},
	{VarVPCCIDR, "VPC IPv4 CIDR block.", "an IPv4 CIDR with a prefix from /16 to /24 in a private range (10/8, 172.16/12, 192.168/16, 100.64/10)",
		fixed("10.0.0.0/16"), func(c *Config, raw string) error { c.VPCCIDR = raw; return nil }},
	{VarNATMode, "NAT gateways: one per AZ, or one shared.", "per-az | single",
		perProfile(string(NATSingle), string(NATPerAZ), string(NATPerAZ)),
		func(c *Config, raw string) error { c.NATMode = NATMode(raw); return nil }},
}

func (c *Config) validateNetwork(p *problems) {
	azs := joinList(c.AZs)
	if len(c.AZs) < 2 || len(c.AZs) > 6 {
		p.add(VarAZs, azs, "need 2 to 6 availability zones (3 recommended), got %d", len(c.AZs))
	}
	seen := map[string]bool{}
	for _, az := range c.AZs {
		if seen[az] {
			p.add(VarAZs, azs, "availability zone %s is listed twice", az)
		}
		seen[az] = true
		if !isAZOf(az, c.Region) {
			p.add(VarAZs, azs, "%s is not an availability zone of region %s", az, c.Region)
		}
	}
	c.validateVPCCIDR(p)
	if c.NATMode != NATPerAZ && c.NATMode != NATSingle {
		p.add(VarNATMode, string(c.NATMode), "unknown NAT mode")
	}
}

// isAZOf reports whether az is the region name followed by one zone letter.
func isAZOf(az, region string) bool {
	return len(az) == len(region)+1 && az[:len(region)] == region && az[len(region)] >= 'a' && az[len(region)] <= 'z'
}

func (c *Config) validateVPCCIDR(p *problems) {
	prefix, err := netip.ParsePrefix(c.VPCCIDR)
	switch {
	case err != nil || !prefix.Addr().Is4():
		p.add(VarVPCCIDR, c.VPCCIDR, "not an IPv4 CIDR")
	case prefix.Masked() != prefix:
		p.add(VarVPCCIDR, c.VPCCIDR, "host bits are set; did you mean %s?", prefix.Masked())
	case prefix.Bits() < 16 || prefix.Bits() > 24:
		p.add(VarVPCCIDR, c.VPCCIDR, "prefix /%d is outside /16 to /24", prefix.Bits())
	case !slices.ContainsFunc(privateRanges, func(r netip.Prefix) bool { return r.Overlaps(prefix) && r.Bits() <= prefix.Bits() }):
		p.add(VarVPCCIDR, c.VPCCIDR, "not in a private range")
	}
}
