package addon

import "github.com/ballast-eks/ballast/internal/defaults"

// Defaults of AddonsProps.
const (
	DefaultPrefixDelegation       = true
	DefaultWarmPrefixTarget       = 1
	DefaultNetworkPolicy          = true
	DefaultCoreDNSReplicas        = 2
	DefaultCoreDNSMaxUnavailable  = 1
	DefaultZoneSpread             = ZoneSpreadScheduleAnyway
	DefaultKubeProxyMode          = KubeProxyIPTables
	DefaultEbsDefaultStorageClass = true
)

// withDefaults returns a filled copy of p; the caller's props (and the
// configs they point to) are not modified.
func withDefaults(p AddonsProps) AddonsProps {
	out := p
	defaults.Set(&out.EFS, false)
	defaults.Set(&out.CloudWatchObservability, false)
	defaults.Set(&out.AutoMode, false)
	if *out.AutoMode {
		return out // EKS Auto Mode configures the add-ons it runs itself
	}
	cni := p.VpcCni.WithDefaults()
	out.VpcCni = &cni

	dns := deref(p.CoreDNS)
	defaults.Set(&dns.Replicas, DefaultCoreDNSReplicas)
	defaults.Set(&dns.MaxUnavailable, DefaultCoreDNSMaxUnavailable)
	defaults.Set(&dns.ZoneSpread, DefaultZoneSpread)
	out.CoreDNS = &dns

	proxy := deref(p.KubeProxy)
	defaults.Set(&proxy.Mode, DefaultKubeProxyMode)
	out.KubeProxy = &proxy

	ebs := deref(p.EbsCsi)
	defaults.Set(&ebs.DefaultStorageClass, DefaultEbsDefaultStorageClass)
	out.EbsCsi = &ebs

	defaults.Set(&out.NodeMonitoringAgent, true)
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
