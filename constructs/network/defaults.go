package network

import "github.com/ballast-eks/ballast/internal/defaults"

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
	out.CIDR = defaults.Or(p.CIDR, DefaultCIDR)
	out.NATMode = defaults.Or(p.NATMode, DefaultNATMode)
	out.FlowLogs = defaults.Or(p.FlowLogs, true)
	out.FlowLogRetentionDays = defaults.Or(p.FlowLogRetentionDays, DefaultFlowLogRetentionDays)
	out.InterfaceEndpoints = defaults.Or(p.InterfaceEndpoints, false)
	out.RestrictDefaultSecurityGroup = defaults.Or(p.RestrictDefaultSecurityGroup, false)
	return out
}
