package config

import (
	"fmt"
	"strconv"
)

// KubeProxyMode is kube-proxy's proxy mode.
type KubeProxyMode string

// The kube-proxy modes BALLAST_KUBE_PROXY_MODE accepts.
const (
	KubeProxyIPTables KubeProxyMode = "iptables"
	KubeProxyIPVS     KubeProxyMode = "ipvs"
)

// The add-on room's variables.
const (
	VarCoreDNSReplicas  = "BALLAST_COREDNS_REPLICAS"
	VarKubeProxyMode    = "BALLAST_KUBE_PROXY_MODE"
	VarAddonEFS         = "BALLAST_ADDON_EFS_CSI"
	VarAddonCloudWatch  = "BALLAST_ADDON_CLOUDWATCH"
	MaxCoreDNSReplicas  = 50
	minProdCoreDNSCount = 2
)

// AddonsConfig is the add-on room's configuration.
type AddonsConfig struct {
	// CoreDNSReplicas is the CoreDNS replica count (2, 3 in prod).
	CoreDNSReplicas int
	// KubeProxyMode is iptables, or ipvs for clusters with ~1000+ services.
	KubeProxyMode KubeProxyMode
	// AddonEFSCSI installs the aws-efs-csi-driver add-on.
	AddonEFSCSI bool
	// AddonCloudWatch installs amazon-cloudwatch-observability (Container
	// Insights; billed by CloudWatch usage).
	AddonCloudWatch bool
}

var addonVars = []Var{
	{VarCoreDNSReplicas, "CoreDNS replicas (spread across zones, with a PodDisruptionBudget).", fmt.Sprintf("a whole number from 1 to %d; at least %d outside dev", MaxCoreDNSReplicas, minProdCoreDNSCount),
		perProfile("2", "2", "3"), func(c *Config, raw string) error { return setInt(&c.CoreDNSReplicas)(c, raw) }},
	{VarKubeProxyMode, "kube-proxy mode; ipvs scales better past ~1000 services.", "iptables | ipvs",
		fixed(string(KubeProxyIPTables)), func(c *Config, raw string) error { c.KubeProxyMode = KubeProxyMode(raw); return nil }},
	{VarAddonEFS, "Install the aws-efs-csi-driver add-on (with its own Pod Identity role and mount access to the shared file system); on when " + VarEFS + " is on.", switchAccepted,
		func(_ Profile, c *Config, _ Lookup) string { return onIf(c.EFS) }, setOnOff(func(c *Config) *bool { return &c.AddonEFSCSI })},
	{VarAddonCloudWatch, "Install the amazon-cloudwatch-observability add-on (Container Insights, billed by usage).", switchAccepted,
		fixed("off"), setOnOff(func(c *Config) *bool { return &c.AddonCloudWatch })},
}

func (c *Config) validateAddons(p *problems) {
	if c.CoreDNSReplicas < 1 || c.CoreDNSReplicas > MaxCoreDNSReplicas {
		p.add(VarCoreDNSReplicas, strconv.Itoa(c.CoreDNSReplicas), "out of range")
	} else if c.Env != ProfileDev && c.CoreDNSReplicas < minProdCoreDNSCount {
		p.add(VarCoreDNSReplicas, strconv.Itoa(c.CoreDNSReplicas), "one CoreDNS replica is a single point of failure for every DNS lookup; allowed only in dev")
	}
	if c.KubeProxyMode != KubeProxyIPTables && c.KubeProxyMode != KubeProxyIPVS {
		p.add(VarKubeProxyMode, string(c.KubeProxyMode), "unknown kube-proxy mode")
	}
}
