package karpenter

import (
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/internal/ec2types"
)

// The files Karpenter adds to the GitOps folder, and the names of its
// objects.
const (
	FileNodePool    = "karpenter-nodepool.yaml"
	FileValues      = "karpenter-values.yaml"
	NodePoolName    = "default"
	NodeClassName   = "default"
	ZoneTopologyKey = "topology.kubernetes.io/zone"
	discoveryTag    = "karpenter.sh/discovery"
	clusterSGTag    = "aws:eks:cluster-name"
)

// Manifests renders the NodePool and EC2NodeClass, and the chart's values,
// from filled, valid props (NewKarpenter's).
func Manifests(p KarpenterProps) []baseline.File {
	return []baseline.File{
		{Name: FileNodePool, Objects: []runtime.Object{nodeClass(p), nodePool(p)}, Note: note(p)},
		{Name: FileValues, Document: values(p), Description: "values of the Karpenter chart " + *p.ChartVersion + " (see below)"},
	}
}

func meta(name string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Labels: map[string]string{baseline.ManagedByLabel: "ballast"}}
}

func nodePool(p KarpenterProps) *NodePool {
	var capacity []string
	for _, c := range p.CapacityTypes {
		capacity = append(capacity, string(c))
	}
	return &NodePool{
		TypeMeta:   metav1.TypeMeta{APIVersion: NodePoolKind.GroupVersion().String(), Kind: NodePoolKind.Kind},
		ObjectMeta: meta(NodePoolName),
		Spec: NodePoolSpec{
			Template: NodeClaimTemplate{Spec: NodeClaimSpec{
				NodeClassRef: NodeClassReference{Group: EC2NodeClassKind.Group, Kind: EC2NodeClassKind.Kind, Name: NodeClassName},
				Requirements: []Requirement{
					{Key: "karpenter.k8s.aws/instance-family", Operator: "In", Values: p.InstanceFamilies},
					{Key: "karpenter.sh/capacity-type", Operator: "In", Values: capacity},
					{Key: ZoneTopologyKey, Operator: "In", Values: p.AvailabilityZones},
					{Key: "kubernetes.io/arch", Operator: "In", Values: []string{arch(p.InstanceFamilies)}},
				},
				ExpireAfter: *p.ExpireAfter,
			}},
			Disruption: Disruption{
				ConsolidationPolicy: string(*p.ConsolidationPolicy), ConsolidateAfter: *p.ConsolidateAfter,
				Budgets: []Budget{{Nodes: *p.DisruptionBudget}},
			},
			Limits: map[string]string{"cpu": fmt.Sprint(*p.CPULimit)},
		},
	}
}

// arch is the Kubernetes architecture of the (validated, one-architecture)
// families.
func arch(families []string) string {
	spec, _ := ec2types.Lookup(families[0] + "." + ec2types.Sizes(families[0])[0])
	if spec.Arch == ec2types.ARM64 {
		return "arm64"
	}
	return "amd64"
}

func nodeClass(p KarpenterProps) *EC2NodeClass {
	return &EC2NodeClass{
		TypeMeta:   metav1.TypeMeta{APIVersion: EC2NodeClassKind.GroupVersion().String(), Kind: EC2NodeClassKind.Kind},
		ObjectMeta: meta(NodeClassName),
		Spec: EC2NodeClassSpec{
			Role:                       NodeRoleName(*p.ClusterName),
			AMISelectorTerms:           []AMISelectorTerm{{Alias: *p.AMIAlias}},
			SubnetSelectorTerms:        []SelectorTerm{{Tags: map[string]string{discoveryTag: *p.ClusterName}}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: map[string]string{clusterSGTag: *p.ClusterName}}},
			MetadataOptions:            MetadataOptions{HTTPEndpoint: "enabled", HTTPProtocolIPv6: "disabled", HTTPPutResponseHopLimit: 1, HTTPTokens: "required"},
			BlockDeviceMappings: []BlockDeviceMapping{{DeviceName: "/dev/xvda", RootVolume: true, EBS: EBSVolume{
				VolumeSize: fmt.Sprintf("%dGi", *p.DiskSizeGiB), VolumeType: "gp3", Encrypted: true, DeleteOnTermination: true,
			}}},
		},
	}
}

func values(p KarpenterProps) Values {
	return Values{
		Settings:                  ValuesSettings{ClusterName: *p.ClusterName, InterruptionQueue: *p.ClusterName},
		ServiceAccount:            ValuesServiceAccount{Create: true, Name: *p.ServiceAccount},
		Replicas:                  2,
		NodeSelector:              p.ControllerNodeSelector,
		TopologySpreadConstraints: []ValuesSpread{{MaxSkew: 1, TopologyKey: ZoneTopologyKey, WhenUnsatisfiable: "DoNotSchedule"}},
	}
}

func note(p KarpenterProps) string {
	return fmt.Sprintf(`## Karpenter

Install the controller (and its CRDs) before applying %s: the AWS side (its
role, Pod Identity association, interruption queue and node role) is in the
cluster stack.

    helm upgrade --install karpenter oci://public.ecr.aws/karpenter/karpenter \
      --version %s --namespace %s -f %s

With Argo CD or Flux, install the same chart and version with these values
(an Application with a Helm source, or a HelmRelease). The EC2NodeClass's
volumes are encrypted with the account's default EBS key.
`, FileNodePool, *p.ChartVersion, *p.Namespace, FileValues)
}
