package nodegroup

import (
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/ec2types"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs. Renaming one replaces real infrastructure: node groups are
// "AZ<index in the AZ list>".
const (
	idLaunchTemplate = "LaunchTemplate"
	idNodeGroupFmt   = "AZ%d"
)

// NodeGroupSet is one logical node group spread as one managed node group
// per AZ, sharing one launch template.
type NodeGroupSet struct {
	constructs.Construct
	// NodeGroups are the per-AZ node groups, in AZ order.
	NodeGroups []awseksv2.Nodegroup
	// LaunchTemplate is the group's launch template.
	LaunchTemplate awsec2.LaunchTemplate
}

// NewNodeGroupSet validates props and creates the launch template and one
// node group per AZ.
func NewNodeGroupSet(scope constructs.Construct, id string, props *NodeGroupSetProps) *NodeGroupSet {
	p := withDefaults(propcheck.Deref(props))
	propcheck.Must(scope, id, "nodegroup", p.Validate())
	s := &NodeGroupSet{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	for _, w := range p.Warnings() {
		awscdk.Annotations_Of(s.Construct).AddWarningV2(jsii.String(w.ID), jsii.String(w.Message), nil)
	}
	s.LaunchTemplate = s.newLaunchTemplate(p)
	cluster := clusterResource(p.Cluster)
	for i, subnet := range p.Subnets {
		s.NodeGroups = append(s.NodeGroups, s.newNodeGroup(i, subnet, p, cluster))
	}
	return s
}

// newNodeGroup makes the set's node group in subnet i, ordered after the
// cluster's resource.
func (s *NodeGroupSet) newNodeGroup(i int, subnet awsec2.ISubnet, p NodeGroupSetProps, cluster constructs.IConstruct) awseksv2.Nodegroup {
	az := p.AvailabilityZones[i]
	ng := awseksv2.NewNodegroup(s.Construct, jsii.String(fmt.Sprintf(idNodeGroupFmt, i)), &awseksv2.NodegroupProps{
		Cluster:  p.Cluster,
		NodeRole: p.NodeRole,
		Subnets:  &awsec2.SubnetSelection{Subnets: &[]awsec2.ISubnet{subnet}},
		LaunchTemplateSpec: &awseksv2.LaunchTemplateSpec{
			Id:      s.LaunchTemplate.LaunchTemplateId(),
			Version: s.LaunchTemplate.LatestVersionNumber(),
		},
		AmiType:                  amiType(p),
		CapacityType:             awseksv2.CapacityType(*p.CapacityType),
		InstanceTypes:            instanceTypes(p.InstanceTypes),
		ReleaseVersion:           p.ReleaseVersion,
		MinSize:                  jsii.Number(*p.MinSize),
		DesiredSize:              jsii.Number(*p.DesiredSize),
		MaxSize:                  jsii.Number(*p.MaxSize),
		Labels:                   labels(p, az),
		Taints:                   taints(p.Taints),
		MaxUnavailablePercentage: jsii.Number(*p.MaxUnavailablePercentage),
		ForceUpdate:              p.ForceUpdate,
		EnableNodeAutoRepair:     jsii.Bool(true),
		Tags:                     &map[string]*string{ZoneLabel: jsii.String(az), GroupLabel: p.Name},
	})
	// The L2 has no version property. Every node group follows the
	// cluster's version, so bumping it in code rolls the nodes.
	node := ng.Node()
	cfn := node.DefaultChild().(awseksv2.CfnNodegroup)
	cfn.SetVersion(p.KubernetesVersion)
	setNodeRepairConfig(cfn, p)
	// Control plane first: the nodes upgrade after the cluster. (The
	// cluster name reference implies it; this states it, on the
	// AWS::EKS::Cluster only, not on every resource under the L2.)
	node.AddDependency(cluster)
	return ng
}

// amiType maps the AMI family and the instance types' architecture to the
// EKS AMI type.
func amiType(p NodeGroupSetProps) awseksv2.NodegroupAmiType {
	arm, acc := false, ec2types.Accelerator("")
	if s, err := p.lookup(p.InstanceTypes[0]); err == nil {
		arm, acc = s.Arch == ec2types.ARM64, s.Accelerator
	}
	if ami, ok := acceleratedAMI(*p.AMIFamily, acc, arm); ok {
		return ami
	}
	switch {
	case *p.AMIFamily == Bottlerocket && arm:
		return awseksv2.NodegroupAmiType_BOTTLEROCKET_ARM_64
	case *p.AMIFamily == Bottlerocket:
		return awseksv2.NodegroupAmiType_BOTTLEROCKET_X86_64
	case arm:
		return awseksv2.NodegroupAmiType_AL2023_ARM_64_STANDARD
	default:
		return awseksv2.NodegroupAmiType_AL2023_X86_64_STANDARD
	}
}

func instanceTypes(types []string) *[]awsec2.InstanceType {
	out := make([]awsec2.InstanceType, len(types))
	for i, t := range types {
		out[i] = awsec2.NewInstanceType(jsii.String(t))
	}
	return &out
}

func labels(p NodeGroupSetProps, az string) *map[string]*string {
	out := map[string]*string{GroupLabel: p.Name, ZoneLabel: jsii.String(az)}
	if acc := p.Accelerator(); acc != "" {
		out[AcceleratorLabel] = jsii.String(acc)
	}
	for _, k := range slices.Sorted(maps.Keys(p.Labels)) {
		out[k] = jsii.String(p.Labels[k])
	}
	return &out
}

var taintEffects = map[TaintEffect]awseksv2.TaintEffect{
	NoSchedule:       awseksv2.TaintEffect_NO_SCHEDULE,
	PreferNoSchedule: awseksv2.TaintEffect_PREFER_NO_SCHEDULE,
	NoExecute:        awseksv2.TaintEffect_NO_EXECUTE,
}

func taints(ts []Taint) *[]*awseksv2.TaintSpec {
	if len(ts) == 0 {
		return nil
	}
	out := make([]*awseksv2.TaintSpec, len(ts))
	for i, t := range ts {
		out[i] = &awseksv2.TaintSpec{Key: jsii.String(t.Key), Value: jsii.String(t.Value), Effect: taintEffects[t.Effect]}
	}
	return &out
}

// clusterResource is the cluster's AWS::EKS::Cluster, or the cluster itself
// when it has no default child (an imported cluster).
func clusterResource(c awseksv2.ICluster) constructs.IConstruct {
	if r := c.Node().DefaultChild(); r != nil {
		return r
	}
	return c
}

// Dependables returns the set's node groups as dependencies, for what must
// wait until nodes can exist (add-ons that run pods).
func (s *NodeGroupSet) Dependables() []constructs.IDependable {
	out := make([]constructs.IDependable, len(s.NodeGroups))
	for i, ng := range s.NodeGroups {
		out[i] = ng
	}
	return out
}
