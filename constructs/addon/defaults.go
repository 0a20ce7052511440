package addon

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
	cni := deref(p.VpcCni)
	setDefault(&cni.PrefixDelegation, DefaultPrefixDelegation)
	if *cni.PrefixDelegation {
		setDefault(&cni.WarmPrefixTarget, DefaultWarmPrefixTarget)
	}
	setDefault(&cni.NetworkPolicy, DefaultNetworkPolicy)
	out.VpcCni = &cni

	dns := deref(p.CoreDNS)
	setDefault(&dns.Replicas, DefaultCoreDNSReplicas)
	setDefault(&dns.MaxUnavailable, DefaultCoreDNSMaxUnavailable)
	setDefault(&dns.ZoneSpread, DefaultZoneSpread)
	out.CoreDNS = &dns

	proxy := deref(p.KubeProxy)
	setDefault(&proxy.Mode, DefaultKubeProxyMode)
	out.KubeProxy = &proxy

	ebs := deref(p.EbsCsi)
	setDefault(&ebs.DefaultStorageClass, DefaultEbsDefaultStorageClass)
	out.EbsCsi = &ebs

	setDefault(&out.EFS, false)
	setDefault(&out.CloudWatchObservability, false)
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func setDefault[T any](field **T, v T) {
	if *field == nil {
		*field = &v
	}
}
