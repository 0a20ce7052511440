package addon

import "strconv"

// VpcCniConfig configures the vpc-cni add-on.
type VpcCniConfig struct {
	// PrefixDelegation assigns /28 IPv4 prefixes to ENIs instead of single
	// addresses: more pods per node, fewer EC2 API calls. The network's
	// IP capacity check must count prefixes when it is on.
	// Default: DefaultPrefixDelegation.
	PrefixDelegation *bool
	// WarmPrefixTarget is how many spare /28 prefixes each node keeps.
	// Only with PrefixDelegation. Default: DefaultWarmPrefixTarget.
	WarmPrefixTarget *int
	// NetworkPolicy turns on Kubernetes NetworkPolicy enforcement by the
	// VPC CNI's network policy agent. Default: DefaultNetworkPolicy.
	NetworkPolicy *bool
}

// CoreDNSConfig configures the coredns add-on.
type CoreDNSConfig struct {
	// Replicas of the CoreDNS Deployment; fewer than 2 is a single point of
	// failure for every name lookup (warned). Default: DefaultCoreDNSReplicas.
	Replicas *int
	// MaxUnavailable of its PodDisruptionBudget. Default: DefaultCoreDNSMaxUnavailable.
	MaxUnavailable *int
	// ZoneSpread is the topology spread across zones: ScheduleAnyway keeps
	// DNS schedulable when a zone has no room, DoNotSchedule enforces the
	// spread. Default: DefaultZoneSpread.
	ZoneSpread *ZoneSpread
}

// ZoneSpread is a topologySpreadConstraints whenUnsatisfiable value.
type ZoneSpread string

// The ZoneSpread values.
const (
	ZoneSpreadScheduleAnyway ZoneSpread = "ScheduleAnyway"
	ZoneSpreadDoNotSchedule  ZoneSpread = "DoNotSchedule"
)

// KubeProxyConfig configures the kube-proxy add-on.
type KubeProxyConfig struct {
	// Mode is iptables, or ipvs for clusters with many (~1000+) services.
	// Default: DefaultKubeProxyMode.
	Mode *KubeProxyMode
}

// KubeProxyMode is a kube-proxy proxy mode.
type KubeProxyMode string

// The kube-proxy modes Ballast accepts.
const (
	KubeProxyIPTables KubeProxyMode = "iptables"
	KubeProxyIPVS     KubeProxyMode = "ipvs"
)

// EbsCsiConfig configures the aws-ebs-csi-driver add-on.
type EbsCsiConfig struct {
	// DefaultStorageClass creates the add-on's default StorageClass
	// "ebs-csi-default-sc" (gp3, WaitForFirstConsumer, expandable). The
	// add-on's option sets no parameters, so volumes are encrypted only
	// where the account has EBS encryption by default; an encrypted class
	// with the platform key belongs to the Kubernetes layer.
	// Default: DefaultEbsDefaultStorageClass.
	DefaultStorageClass *bool
}

// The JSON shapes of the add-ons' configuration values (their EKS
// configuration schemas: aws eks describe-addon-configuration).
type (
	vpcCniValues struct {
		Env                 map[string]string `json:"env,omitempty"`
		EnableNetworkPolicy string            `json:"enableNetworkPolicy"`
	}
	coreDNSValues struct {
		ReplicaCount              int                    `json:"replicaCount"`
		PodDisruptionBudget       pdbValues              `json:"podDisruptionBudget"`
		TopologySpreadConstraints []topologySpreadValues `json:"topologySpreadConstraints"`
	}
	pdbValues struct {
		Enabled        bool `json:"enabled"`
		MaxUnavailable int  `json:"maxUnavailable"`
	}
	topologySpreadValues struct {
		MaxSkew           int           `json:"maxSkew"`
		TopologyKey       string        `json:"topologyKey"`
		WhenUnsatisfiable string        `json:"whenUnsatisfiable"`
		LabelSelector     labelSelector `json:"labelSelector"`
	}
	labelSelector struct {
		MatchLabels map[string]string `json:"matchLabels"`
	}
	kubeProxyValues struct {
		Mode string `json:"mode"`
	}
	ebsCsiValues struct {
		DefaultStorageClass enabledValue `json:"defaultStorageClass"`
	}
	enabledValue struct {
		Enabled bool `json:"enabled"`
	}
)

// ZoneTopologyKey is the well-known label CoreDNS pods spread across.
const ZoneTopologyKey = "topology.kubernetes.io/zone"

func (c VpcCniConfig) values() vpcCniValues {
	v := vpcCniValues{EnableNetworkPolicy: strconv.FormatBool(*c.NetworkPolicy)}
	if *c.PrefixDelegation {
		v.Env = map[string]string{
			"ENABLE_PREFIX_DELEGATION": "true",
			"WARM_PREFIX_TARGET":       strconv.Itoa(*c.WarmPrefixTarget),
		}
	}
	return v
}

func (c CoreDNSConfig) values() coreDNSValues {
	return coreDNSValues{
		ReplicaCount:        *c.Replicas,
		PodDisruptionBudget: pdbValues{Enabled: true, MaxUnavailable: *c.MaxUnavailable},
		TopologySpreadConstraints: []topologySpreadValues{{
			MaxSkew: 1, TopologyKey: ZoneTopologyKey, WhenUnsatisfiable: string(*c.ZoneSpread),
			LabelSelector: labelSelector{MatchLabels: map[string]string{"k8s-app": "kube-dns"}},
		}},
	}
}

func (c KubeProxyConfig) values() kubeProxyValues { return kubeProxyValues{Mode: string(*c.Mode)} }

func (c EbsCsiConfig) values() ebsCsiValues {
	return ebsCsiValues{DefaultStorageClass: enabledValue{Enabled: *c.DefaultStorageClass}}
}
