package network

// DefaultCIDR is the VPC block used when none is given.
const DefaultCIDR = "10.0.0.0/16"

// DefaultNATMode is one NAT gateway per AZ.
const DefaultNATMode = NATPerAZ

// withDefaults returns a filled copy of p; p is not modified.
func withDefaults(p NetworkProps) NetworkProps {
	out := p
	out.AvailabilityZones = append([]string(nil), p.AvailabilityZones...)
	if out.CIDR == nil {
		cidr := DefaultCIDR
		out.CIDR = &cidr
	}
	if out.NATMode == nil {
		m := DefaultNATMode
		out.NATMode = &m
	}
	return out
}
