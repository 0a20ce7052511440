package addon

// Name is an EKS add-on name as the EKS API spells it.
type Name string

// The add-ons Ballast installs.
const (
	PodIdentityAgent        Name = "eks-pod-identity-agent"
	VpcCni                  Name = "vpc-cni"
	CoreDNS                 Name = "coredns"
	KubeProxy               Name = "kube-proxy"
	EbsCsiDriver            Name = "aws-ebs-csi-driver"
	MetricsServer           Name = "metrics-server"
	EfsCsiDriver            Name = "aws-efs-csi-driver"
	CloudWatchObservability Name = "amazon-cloudwatch-observability"
	NodeMonitoringAgent     Name = "eks-node-monitoring-agent"
)

// DefaultAddons are installed by default, in creation order (the node
// monitoring agent can be turned off: AddonsProps.NodeMonitoringAgent).
var DefaultAddons = []Name{PodIdentityAgent, VpcCni, CoreDNS, KubeProxy, EbsCsiDriver, MetricsServer, NodeMonitoringAgent}

// OptionalAddons are installed when their props switch them on.
var OptionalAddons = []Name{EfsCsiDriver, CloudWatchObservability}

// Construct IDs. Renaming one replaces the add-on (and its role).
const (
	idVpcCni        = "VpcCni"
	idCoreDNS       = "CoreDns"
	idKubeProxy     = "KubeProxy"
	idEbsCsi        = "EbsCsiDriver"
	idMetricsServer = "MetricsServer"
	idEfsCsi        = "EfsCsiDriver"
	idCloudWatch    = "CloudWatchObservability"
	idNodeMonitor   = "NodeMonitoringAgent"
	idRoleSuffix    = "Role"
)

// Service accounts the add-ons' Pod Identity associations bind to, and the
// AWS managed policy each role gets (exactly one).
const (
	VpcCniServiceAccount     = "aws-node"
	EbsCsiServiceAccount     = "ebs-csi-controller-sa"
	EfsCsiServiceAccount     = "efs-csi-controller-sa"
	CloudWatchServiceAccount = "cloudwatch-agent"

	VpcCniPolicy     = "AmazonEKS_CNI_Policy"
	EbsCsiPolicy     = "service-role/AmazonEBSCSIDriverPolicy"
	EfsCsiPolicy     = "service-role/AmazonEFSCSIDriverPolicy"
	CloudWatchPolicy = "CloudWatchAgentServerPolicy"
)

// ResolveConflicts is what every Ballast add-on sets.
const ResolveConflicts = "OVERWRITE"

// podIdentityPrincipal is the service principal EKS Pod Identity assumes
// roles as.
const podIdentityPrincipal = "pods.eks.amazonaws.com"
