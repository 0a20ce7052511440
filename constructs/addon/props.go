package addon

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
)

// AddonsProps configures Addons.
type AddonsProps struct {
	// Cluster the add-ons install into. Required.
	Cluster awseksv2.Cluster
	// KubernetesVersion selects the row of Versions, e.g. "1.36". Required.
	KubernetesVersion *string
	// EBSKey encrypts EBS volumes; the EBS CSI driver's role is granted its
	// use. Required.
	EBSKey awskms.IKey
	// NodeGroups are what add-ons that run Deployments wait for (node
	// groups, or anything else that brings capacity). Default: none, with a
	// warning.
	NodeGroups []constructs.IDependable
	// VersionOverrides pin a different version of an add-on than the table
	// row. Default: none.
	VersionOverrides map[Name]string
	// VpcCni configures vpc-cni. Default: prefix delegation and network
	// policy on (see VpcCniConfig).
	VpcCni *VpcCniConfig
	// CoreDNS configures coredns. Default: see CoreDNSConfig.
	CoreDNS *CoreDNSConfig
	// KubeProxy configures kube-proxy. Default: iptables mode.
	KubeProxy *KubeProxyConfig
	// EbsCsi configures aws-ebs-csi-driver. Default: default gp3 class on.
	EbsCsi *EbsCsiConfig
	// EFS installs aws-efs-csi-driver with its own Pod Identity role.
	// Default: false.
	EFS *bool
	// CloudWatchObservability installs amazon-cloudwatch-observability
	// (Container Insights) with its own Pod Identity role. Default: false.
	CloudWatchObservability *bool
	// NodeMonitoringAgent installs eks-node-monitoring-agent, the DaemonSet
	// that reports node health problems (kernel, network, storage, GPU) as
	// NodeConditions, which node auto repair acts on. Default: true.
	NodeMonitoringAgent *bool
	// AutoMode installs only the add-ons EKS Auto Mode lacks: metrics-server,
	// and the EFS CSI driver and CloudWatch observability when switched on,
	// each with its Pod Identity role. Auto Mode runs vpc-cni, kube-proxy,
	// CoreDNS, the EBS CSI driver and the Pod Identity agent itself, so
	// VpcCni, CoreDNS, KubeProxy, EbsCsi and EBSKey must be unset.
	// Cluster.AddAddons sets it from the cluster. Default: false.
	AutoMode *bool
}

// AutoModeAddons are the add-ons Addons installs under EKS Auto Mode, the
// optional ones when switched on.
var AutoModeAddons = []Name{MetricsServer, EfsCsiDriver, CloudWatchObservability}
