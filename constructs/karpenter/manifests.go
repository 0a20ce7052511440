package karpenter

import (
	"encoding/json"
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// The Go types of the Karpenter objects Ballast renders: the fields of
// karpenter.sh/v1 NodePool and karpenter.k8s.aws/v1 EC2NodeClass it sets,
// named and nested as Karpenter's CRDs define them (the CRDs are not
// k8s.io/api types, and Karpenter's own module would bring its
// controllers along).
type (
	// NodePool is a karpenter.sh/v1 NodePool.
	NodePool struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              NodePoolSpec `json:"spec"`
	}
	// NodePoolSpec is a NodePool's spec.
	NodePoolSpec struct {
		Template   NodeClaimTemplate `json:"template"`
		Disruption Disruption        `json:"disruption"`
		Limits     map[string]string `json:"limits,omitempty"`
	}
	// NodeClaimTemplate is the template of the pool's nodes.
	NodeClaimTemplate struct {
		Metadata *ObjectMeta   `json:"metadata,omitempty"`
		Spec     NodeClaimSpec `json:"spec"`
	}
	// ObjectMeta is the labels a NodeClaim template gives its nodes.
	ObjectMeta struct {
		Labels map[string]string `json:"labels,omitempty"`
	}
	// NodeClaimSpec is what a node of the pool is.
	NodeClaimSpec struct {
		NodeClassRef NodeClassReference `json:"nodeClassRef"`
		Requirements []Requirement      `json:"requirements"`
		ExpireAfter  string             `json:"expireAfter,omitempty"`
	}
	// NodeClassReference names the EC2NodeClass.
	NodeClassReference struct {
		Group string `json:"group"`
		Kind  string `json:"kind"`
		Name  string `json:"name"`
	}
	// Requirement is a node selector requirement.
	Requirement struct {
		Key      string   `json:"key"`
		Operator string   `json:"operator"`
		Values   []string `json:"values,omitempty"`
	}
	// Disruption is how Karpenter may disrupt the pool's nodes.
	Disruption struct {
		ConsolidationPolicy string   `json:"consolidationPolicy"`
		ConsolidateAfter    string   `json:"consolidateAfter"`
		Budgets             []Budget `json:"budgets,omitempty"`
	}
	// Budget limits concurrent disruptions.
	Budget struct {
		Nodes string `json:"nodes"`
	}

	// EC2NodeClass is a karpenter.k8s.aws/v1 EC2NodeClass.
	EC2NodeClass struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              EC2NodeClassSpec `json:"spec"`
	}
	// EC2NodeClassSpec is how the pool's instances are launched.
	EC2NodeClassSpec struct {
		Role                       string               `json:"role"`
		AMISelectorTerms           []AMISelectorTerm    `json:"amiSelectorTerms"`
		SubnetSelectorTerms        []SelectorTerm       `json:"subnetSelectorTerms"`
		SecurityGroupSelectorTerms []SelectorTerm       `json:"securityGroupSelectorTerms"`
		MetadataOptions            MetadataOptions      `json:"metadataOptions"`
		BlockDeviceMappings        []BlockDeviceMapping `json:"blockDeviceMappings"`
	}
	// AMISelectorTerm selects AMIs by alias.
	AMISelectorTerm struct {
		Alias string `json:"alias"`
	}
	// SelectorTerm selects subnets or security groups by tags.
	SelectorTerm struct {
		Tags map[string]string `json:"tags"`
	}
	// MetadataOptions are the instances' IMDS settings.
	MetadataOptions struct {
		HTTPEndpoint            string `json:"httpEndpoint"`
		HTTPProtocolIPv6        string `json:"httpProtocolIPv6"`
		HTTPPutResponseHopLimit int    `json:"httpPutResponseHopLimit"`
		HTTPTokens              string `json:"httpTokens"`
	}
	// BlockDeviceMapping is one volume of the instances.
	BlockDeviceMapping struct {
		DeviceName string    `json:"deviceName"`
		RootVolume bool      `json:"rootVolume"`
		EBS        EBSVolume `json:"ebs"`
	}
	// EBSVolume is an EBS volume's settings.
	EBSVolume struct {
		VolumeSize          string `json:"volumeSize"`
		VolumeType          string `json:"volumeType"`
		Encrypted           bool   `json:"encrypted"`
		DeleteOnTermination bool   `json:"deleteOnTermination"`
	}
)

// The API groups and versions of the Karpenter objects.
var (
	NodePoolKind     = schema.GroupVersionKind{Group: "karpenter.sh", Version: "v1", Kind: "NodePool"}
	EC2NodeClassKind = schema.GroupVersionKind{Group: "karpenter.k8s.aws", Version: "v1", Kind: "EC2NodeClass"}
)

// DeepCopyObject copies the NodePool (runtime.Object).
func (n *NodePool) DeepCopyObject() runtime.Object { return deepCopy(n, &NodePool{}) }

// DeepCopyObject copies the EC2NodeClass (runtime.Object).
func (n *EC2NodeClass) DeepCopyObject() runtime.Object { return deepCopy(n, &EC2NodeClass{}) }

func deepCopy[T runtime.Object](from T, to T) runtime.Object {
	b, err := json.Marshal(from)
	if err == nil {
		err = json.Unmarshal(b, to)
	}
	if err != nil {
		panic(fmt.Errorf("karpenter: copying %T: %w", from, err))
	}
	return to
}

// Values are the Karpenter chart values Ballast sets.
type Values struct {
	Settings       ValuesSettings       `json:"settings"`
	ServiceAccount ValuesServiceAccount `json:"serviceAccount"`
	Replicas       int                  `json:"replicas"`
	NodeSelector   map[string]string    `json:"nodeSelector,omitempty"`
	// TopologySpreadConstraints spread the controller across zones.
	TopologySpreadConstraints []ValuesSpread `json:"topologySpreadConstraints"`
}

// ValuesSettings are the chart's settings block.
type ValuesSettings struct {
	ClusterName       string `json:"clusterName"`
	InterruptionQueue string `json:"interruptionQueue"`
}

// ValuesServiceAccount names the controller's service account (bound to
// its role by the Pod Identity association, so no annotation).
type ValuesServiceAccount struct {
	Create bool   `json:"create"`
	Name   string `json:"name"`
}

// ValuesSpread is a topology spread constraint of the chart's pods.
type ValuesSpread struct {
	MaxSkew           int    `json:"maxSkew"`
	TopologyKey       string `json:"topologyKey"`
	WhenUnsatisfiable string `json:"whenUnsatisfiable"`
}
