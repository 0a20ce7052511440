package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/ec2types"
	"github.com/ballast-eks/ballast/ptr"
)

// NodeGroupConfig sizes and buys one logical node group; sizes are per AZ.
type NodeGroupConfig struct {
	// InstanceTypes are the group's instance types (one architecture).
	InstanceTypes []string
	// CapacityType buys the group on demand or as spot.
	CapacityType nodegroup.CapacityType
	// MinSize, DesiredSize and MaxSize size each per-AZ node group.
	MinSize, DesiredSize, MaxSize int
}

// NodesConfig is the compute configuration: the system node group,
// settings shared by every group, and the optional workers group.
type NodesConfig struct {
	// NodeInstanceTypes are the system node group's instance types.
	NodeInstanceTypes []string
	// NodeMinSize, NodeDesiredSize and NodeMaxSize size each per-AZ node group.
	NodeMinSize, NodeDesiredSize, NodeMaxSize int
	// NodeCapacityType buys the system group on demand or as spot.
	NodeCapacityType nodegroup.CapacityType
	// NodeAMIFamily is the OS of every node group.
	NodeAMIFamily nodegroup.AMIFamily
	// NodeReleaseVersion pins the AMI release of every group; "" = latest
	// at creation.
	NodeReleaseVersion string
	// NodeDiskSizeGiB is every group's image volume size.
	NodeDiskSizeGiB int
	// NodeMetadataHopLimit is the IMDSv2 hop limit of every group.
	NodeMetadataHopLimit int
	// WorkersEnabled adds the workers node group.
	WorkersEnabled bool
	// Workers configures the workers group (used when WorkersEnabled).
	Workers NodeGroupConfig
}

// System returns the system group's settings.
func (c *NodesConfig) System() NodeGroupConfig {
	return NodeGroupConfig{c.NodeInstanceTypes, c.NodeCapacityType, c.NodeMinSize, c.NodeDesiredSize, c.NodeMaxSize}
}

// The compute variables besides BALLAST_NODE_INSTANCE_TYPES and the
// system group's sizes (vars.go).
const (
	VarNodeCapacityType     = "BALLAST_NODE_CAPACITY_TYPE"
	VarNodeAMIFamily        = "BALLAST_NODE_AMI_FAMILY"
	VarNodeReleaseVersion   = "BALLAST_NODE_RELEASE_VERSION"
	VarNodeDiskSizeGiB      = "BALLAST_NODE_DISK_SIZE_GIB"
	VarNodeMetadataHopLimit = "BALLAST_NODE_METADATA_HOP_LIMIT"
	VarWorkersEnabled       = "BALLAST_WORKERS_ENABLED"
	VarWorkersInstanceTypes = "BALLAST_WORKERS_INSTANCE_TYPES"
	VarWorkersCapacityType  = "BALLAST_WORKERS_CAPACITY_TYPE"
	VarWorkersMinSize       = "BALLAST_WORKERS_MIN_SIZE"
	VarWorkersDesiredSize   = "BALLAST_WORKERS_DESIRED_SIZE"
	VarWorkersMaxSize       = "BALLAST_WORKERS_MAX_SIZE"
)

var instanceTypesAccepted = "comma-separated EC2 instance types of one architecture from the families " +
	strings.Join(ec2types.GeneralFamilies(), ", ") + " (sizes medium to 24xlarge), or of one accelerator from the GPU and ML families " +
	strings.Join(ec2types.AcceleratedFamilies(), ", ") + " (a tainted group with the accelerator's AMI); spot needs at least 3 of one size class, such as m6i.xlarge,m6a.xlarge,m7i.xlarge"

var (
	minSizeAccepted = fmt.Sprintf("a whole number from 0 to %d", nodegroup.MaxNodesPerGroup)
	maxSizeAccepted = fmt.Sprintf("a whole number from 1 to %d, at least the min size", nodegroup.MaxNodesPerGroup)
)

var nodeVars = []Var{
	{VarNodeInstanceTypes, "Instance types of the system node group.", instanceTypesAccepted,
		perProfile("m6i.large", "m6i.large", "m6i.xlarge"),
		func(c *Config, raw string) error { c.NodeInstanceTypes = instanceTypes(raw); return nil }},
	{VarNodeMinSize, "Minimum nodes per AZ in the system node group.", minSizeAccepted,
		perProfile("1", "1", "2"), func(c *Config, raw string) error { return setInt(&c.NodeMinSize)(c, raw) }},
	{VarNodeDesiredSize, "Desired nodes per AZ in the system node group (an autoscaler owns it afterwards).", "a whole number between the min and max sizes",
		perProfile("1", "2", "2"), func(c *Config, raw string) error { return setInt(&c.NodeDesiredSize)(c, raw) }},
	{VarNodeMaxSize, "Maximum nodes per AZ in the system node group.", maxSizeAccepted,
		perProfile("3", "5", "10"), func(c *Config, raw string) error { return setInt(&c.NodeMaxSize)(c, raw) }},
	{VarNodeCapacityType, "Capacity type of the system node group.", "on-demand | spot",
		fixed(capacityTypes.spell(string(nodegroup.OnDemand))), capacityTypes.set(func(c *Config) *nodegroup.CapacityType { return &c.NodeCapacityType })},
	{VarNodeAMIFamily, "Operating system of every node group (architecture follows the instance types).", "al2023 | bottlerocket (al2 has reached end of support)",
		fixed(amiFamilies.spell(string(nodegroup.AL2023))), func(c *Config, raw string) error {
			return amiFamilies.set(func(c *Config) *nodegroup.AMIFamily { return &c.NodeAMIFamily })(c, strings.ToLower(raw))
		}},
	{VarNodeReleaseVersion, "AMI release of every node group; bump it to roll patched AMIs. Empty: the latest release when a group is created.", "empty, an AL2023 release such as 1.36.0-20260115 (matching " + VarK8sVersion + "), or a Bottlerocket release such as 1.30.0",
		fixed(""), func(c *Config, raw string) error { c.NodeReleaseVersion = raw; return nil }},
	{VarNodeDiskSizeGiB, "Size of every node's encrypted gp3 image volume, in GiB.", "a whole number from 20 to 16384",
		fixed(strconv.Itoa(nodegroup.DefaultDiskSizeGiB)), func(c *Config, raw string) error { return setInt(&c.NodeDiskSizeGiB)(c, raw) }},
	{VarNodeMetadataHopLimit, "IMDSv2 hop limit of every node: 1 keeps pods away from instance metadata; 2 lets them reach it (warned).", "1 | 2",
		fixed("1"), func(c *Config, raw string) error { return setInt(&c.NodeMetadataHopLimit)(c, raw) }},
	{VarWorkersEnabled, "Adds the workers node group, one per AZ like the system group.", switchAccepted,
		fixed("off"), setOnOff(func(c *Config) *bool { return &c.WorkersEnabled })},
	{VarWorkersInstanceTypes, "Instance types of the workers node group.", instanceTypesAccepted,
		fixed("m6i.xlarge,m6a.xlarge,m7i.xlarge,m5.xlarge"), func(c *Config, raw string) error { c.Workers.InstanceTypes = instanceTypes(raw); return nil }},
	{VarWorkersCapacityType, "Capacity type of the workers node group.", "on-demand | spot",
		fixed(capacityTypes.spell(string(nodegroup.Spot))), capacityTypes.set(func(c *Config) *nodegroup.CapacityType { return &c.Workers.CapacityType })},
	{VarWorkersMinSize, "Minimum nodes per AZ in the workers node group.", minSizeAccepted,
		fixed("1"), func(c *Config, raw string) error { return setInt(&c.Workers.MinSize)(c, raw) }},
	{VarWorkersDesiredSize, "Desired nodes per AZ in the workers node group (an autoscaler owns it afterwards).", "a whole number between the min and max sizes",
		fixed("1"), func(c *Config, raw string) error { return setInt(&c.Workers.DesiredSize)(c, raw) }},
	{VarWorkersMaxSize, "Maximum nodes per AZ in the workers node group.", maxSizeAccepted,
		perProfile("5", "10", "20"), func(c *Config, raw string) error { return setInt(&c.Workers.MaxSize)(c, raw) }},
}

var (
	capacityTypes = enum[nodegroup.CapacityType]{"capacity type",
		map[string]nodegroup.CapacityType{"on-demand": nodegroup.OnDemand, "spot": nodegroup.Spot}}
	// al2 parses, so the node group construct can say why it is refused.
	amiFamilies = enum[nodegroup.AMIFamily]{"AMI family",
		map[string]nodegroup.AMIFamily{"al2023": nodegroup.AL2023, "bottlerocket": nodegroup.Bottlerocket, "al2": nodegroup.AL2}}
)

// instanceTypes parses an instance-type list. A list that names none is
// empty, not nil: nil would give the node group its default types.
func instanceTypes(raw string) []string {
	if types := List(raw); types != nil {
		return types
	}
	return []string{}
}

// Names of the platform's logical node groups.
const (
	SystemNodeGroup  = "system"
	WorkersNodeGroup = "workers"
)

// nodeGroups maps the compute variables to node group sets: system
// always, workers when enabled. With EKS Auto Mode there are none: Auto
// Mode runs the nodes.
func (c *Config) nodeGroups() []nodegroup.NodeGroupSetProps {
	if c.Compute == cluster.ComputeAuto {
		return nil
	}
	groups := []nodegroup.NodeGroupSetProps{c.nodeGroupProps(SystemNodeGroup, c.System())}
	if c.WorkersEnabled {
		groups = append(groups, c.nodeGroupProps(WorkersNodeGroup, c.Workers))
	}
	return groups
}

func (c *Config) nodeGroupProps(name string, g NodeGroupConfig) nodegroup.NodeGroupSetProps {
	props := nodegroup.NodeGroupSetProps{
		Name:             jsii.String(name),
		InstanceTypes:    g.InstanceTypes,
		CapacityType:     ptr.To(g.CapacityType),
		AMIFamily:        ptr.To(c.NodeAMIFamily),
		MinSize:          ptr.To(g.MinSize),
		DesiredSize:      ptr.To(g.DesiredSize),
		MaxSize:          ptr.To(g.MaxSize),
		DiskSizeGiB:      ptr.To(c.NodeDiskSizeGiB),
		MetadataHopLimit: ptr.To(c.NodeMetadataHopLimit),
	}
	if c.NodeReleaseVersion != "" {
		props.ReleaseVersion = jsii.String(c.NodeReleaseVersion)
	}
	return props
}
