package config

import (
	"fmt"
	"strconv"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/ptr"
)

// The add-on variables.
const (
	VarCoreDNSReplicas  = "BALLAST_COREDNS_REPLICAS"
	VarKubeProxyMode    = "BALLAST_KUBE_PROXY_MODE"
	VarAddonEFS         = "BALLAST_ADDON_EFS_CSI"
	VarAddonCloudWatch  = "BALLAST_ADDON_CLOUDWATCH"
	minProdCoreDNSCount = 2
)

// AddonsConfig is the add-ons' configuration.
type AddonsConfig struct {
	// CoreDNSReplicas is the CoreDNS replica count (2, 3 in prod).
	CoreDNSReplicas int
	// KubeProxyMode is iptables, or ipvs for clusters with ~1000+ services.
	KubeProxyMode addon.KubeProxyMode
	// AddonEFSCSI installs the aws-efs-csi-driver add-on.
	AddonEFSCSI bool
	// AddonCloudWatch installs amazon-cloudwatch-observability (Container
	// Insights; billed by CloudWatch usage).
	AddonCloudWatch bool
}

var addonVars = []Var{
	{VarCoreDNSReplicas, "CoreDNS replicas (spread across zones, with a PodDisruptionBudget).", fmt.Sprintf("a whole number from 1 to %d; at least %d outside dev", addon.MaxCoreDNSReplicas, minProdCoreDNSCount),
		perProfile("2", "2", "3"), func(c *Config, raw string) error { return setInt(&c.CoreDNSReplicas)(c, raw) }},
	{VarKubeProxyMode, "kube-proxy mode; ipvs scales better past ~1000 services.", "iptables | ipvs",
		fixed(string(addon.DefaultKubeProxyMode)), kubeProxyModes.set(func(c *Config) *addon.KubeProxyMode { return &c.KubeProxyMode })},
	{VarAddonEFS, "Install the aws-efs-csi-driver add-on (with its own Pod Identity role and mount access to the shared file system); on when " + VarEFS + " is on.", switchAccepted,
		func(_ Profile, c *Config, _ Lookup) string { return onIf(c.EFS) }, setOnOff(func(c *Config) *bool { return &c.AddonEFSCSI })},
	{VarAddonCloudWatch, "Install the amazon-cloudwatch-observability add-on (Container Insights, billed by usage).", switchAccepted,
		fixed("off"), setOnOff(func(c *Config) *bool { return &c.AddonCloudWatch })},
}

var kubeProxyModes = sameSpelling("kube-proxy mode", addon.KubeProxyIPTables, addon.KubeProxyIPVS)

// validateAddons holds the add-on rule of the profiles: outside dev, one
// CoreDNS replica is refused (the construct only warns).
func (c *Config) validateAddons(p *problems) {
	if c.Env != ProfileDev && c.CoreDNSReplicas == 1 && c.Compute != cluster.ComputeAuto {
		p.add(VarCoreDNSReplicas, strconv.Itoa(c.CoreDNSReplicas), "one CoreDNS replica is a single point of failure for every DNS lookup; allowed only in dev")
	}
}

// addonsProps maps the add-on variables; the version table row follows the
// cluster's Kubernetes version. Auto Mode runs the core add-ons itself and
// gets the ones it lacks (metrics-server, the EFS CSI driver, CloudWatch).
func (c *Config) addonsProps() *addon.AddonsProps {
	if c.Compute == cluster.ComputeAuto {
		return &addon.AddonsProps{EFS: jsii.Bool(c.AddonEFSCSI), CloudWatchObservability: jsii.Bool(c.AddonCloudWatch)}
	}
	return &addon.AddonsProps{
		CoreDNS:                 &addon.CoreDNSConfig{Replicas: ptr.To(c.CoreDNSReplicas)},
		KubeProxy:               &addon.KubeProxyConfig{Mode: ptr.To(c.KubeProxyMode)},
		EFS:                     jsii.Bool(c.AddonEFSCSI),
		CloudWatchObservability: jsii.Bool(c.AddonCloudWatch),
	}
}
