package cluster

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
)

// EndpointAccess says where the Kubernetes API endpoint is reachable from.
type EndpointAccess string

// Endpoint access modes.
const (
	EndpointPrivate          EndpointAccess = "private"
	EndpointPublicAndPrivate EndpointAccess = "public-and-private"
)

// ClusterProps configures a Cluster.
type ClusterProps struct {
	// Vpc the cluster runs in. Required.
	Vpc awsec2.IVpc
	// ControlPlaneSubnets receive the control-plane ENIs; give one private
	// (or dedicated control-plane) subnet per AZ. Required, at least 2.
	ControlPlaneSubnets []awsec2.ISubnet
	// SecretsKey encrypts Kubernetes secrets. Required.
	SecretsKey awskms.IKey
	// ClusterName is the EKS cluster name (create-only). Required.
	ClusterName *string
	// Version is the Kubernetes version, one of SupportedVersions.
	// Default: DefaultVersion.
	Version *string
	// EndpointAccess selects private or public-and-private API access.
	// Default: EndpointPrivate.
	EndpointAccess *EndpointAccess
	// PublicAccessCIDRs limit the public endpoint; required when
	// EndpointAccess is public-and-private. Default: none.
	PublicAccessCIDRs []string
	// AdminRoleARNs get cluster-admin access entries. Default: none.
	AdminRoleARNs []string
	// LogRetentionDays is the retention of the control-plane log group.
	// Default: DefaultLogRetentionDays.
	LogRetentionDays *int
}
