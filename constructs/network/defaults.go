package network

// DefaultCIDR is the VPC block used when none is given.
const DefaultCIDR = "10.0.0.0/16"

// DefaultNATMode is one NAT gateway per AZ.
const DefaultNATMode = NATPerAZ

// DefaultFlowLogRetentionDays is the flow-log retention when none is given.
const DefaultFlowLogRetentionDays = 365

// withDefaults returns a filled copy of p; p is not modified.
func withDefaults(p NetworkProps) NetworkProps {
	out := p
	out.AvailabilityZones = append([]string(nil), p.AvailabilityZones...)
	out.IPDemand = append([]AZDemand(nil), p.IPDemand...)
	out.CIDR = orDefault(p.CIDR, DefaultCIDR)
	out.NATMode = orDefault(p.NATMode, DefaultNATMode)
	out.FlowLogs = orDefault(p.FlowLogs, true)
	out.FlowLogRetentionDays = orDefault(p.FlowLogRetentionDays, DefaultFlowLogRetentionDays)
	out.InterfaceEndpoints = orDefault(p.InterfaceEndpoints, false)
	out.RestrictDefaultSecurityGroup = orDefault(p.RestrictDefaultSecurityGroup, false)
	out.CNI = orDefault(p.CNI, DefaultCNI)
	return out
}

// orDefault returns v, or a pointer to a copy of def when v is nil.
func orDefault[T any](v *T, def T) *T {
	if v != nil {
		return v
	}
	return &def
}
