package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/ec2types"
)

// CapacityType says how a node group's instances are bought.
type CapacityType string

// The capacity types BALLAST_NODE_CAPACITY_TYPE and
// BALLAST_WORKERS_CAPACITY_TYPE accept.
const (
	CapacityOnDemand CapacityType = "on-demand"
	CapacitySpot     CapacityType = "spot"
)

// AMIFamily is the operating system of every node group.
type AMIFamily string

// The AMI families BALLAST_NODE_AMI_FAMILY accepts (al2 is rejected: end of
// support).
const (
	AMIAL2023       AMIFamily = "al2023"
	AMIBottlerocket AMIFamily = "bottlerocket"
)

// NodeGroupConfig sizes and buys one logical node group; sizes are per AZ.
type NodeGroupConfig struct {
	// InstanceTypes are the group's instance types (one architecture).
	InstanceTypes []string
	// CapacityType buys the group on demand or as spot.
	CapacityType CapacityType
	// MinSize, DesiredSize and MaxSize size each per-AZ node group.
	MinSize, DesiredSize, MaxSize int
}

// NodesConfig is the compute room's configuration: the system node group,
// settings shared by every group, and the optional workers group.
type NodesConfig struct {
	// NodeInstanceTypes are the system node group's instance types.
	NodeInstanceTypes []string
	// NodeMinSize, NodeDesiredSize and NodeMaxSize size each per-AZ node group.
	NodeMinSize, NodeDesiredSize, NodeMaxSize int
	// NodeCapacityType buys the system group on demand or as spot.
	NodeCapacityType CapacityType
	// NodeAMIFamily is the OS of every node group.
	NodeAMIFamily AMIFamily
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

// The compute room's variables besides BALLAST_NODE_INSTANCE_TYPES and the
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

// MaxNodesPerGroup is the EKS quota on nodes in one managed node group.
const MaxNodesPerGroup = nodegroup.MaxNodesPerGroup

var instanceTypesAccepted = "comma-separated EC2 instance types of one architecture from the families " +
	strings.Join(ec2types.Families(), ", ") + " (sizes medium to 24xlarge); spot needs at least 3 of one size class, such as m6i.xlarge,m6a.xlarge,m7i.xlarge"

var nodeVars = []Var{
	{VarNodeInstanceTypes, "Instance types of the system node group.", instanceTypesAccepted,
		perProfile("m6i.large", "m6i.large", "m6i.xlarge"),
		func(c *Config, raw string) error { c.NodeInstanceTypes = List(raw); return nil }},
	{VarNodeMinSize, "Minimum nodes per AZ in the system node group.", "a whole number from 0 to 450",
		perProfile("1", "1", "2"), func(c *Config, raw string) error { return setInt(&c.NodeMinSize)(c, raw) }},
	{VarNodeDesiredSize, "Desired nodes per AZ in the system node group (an autoscaler owns it afterwards).", "a whole number between the min and max sizes",
		perProfile("1", "2", "2"), func(c *Config, raw string) error { return setInt(&c.NodeDesiredSize)(c, raw) }},
	{VarNodeMaxSize, "Maximum nodes per AZ in the system node group.", "a whole number from 1 to 450, at least the min size",
		perProfile("3", "5", "10"), func(c *Config, raw string) error { return setInt(&c.NodeMaxSize)(c, raw) }},
	{VarNodeCapacityType, "Capacity type of the system node group.", "on-demand | spot",
		fixed(string(CapacityOnDemand)), func(c *Config, raw string) error { c.NodeCapacityType = CapacityType(raw); return nil }},
	{VarNodeAMIFamily, "Operating system of every node group (architecture follows the instance types).", "al2023 | bottlerocket (al2 has reached end of support)",
		fixed(string(AMIAL2023)), func(c *Config, raw string) error { c.NodeAMIFamily = AMIFamily(strings.ToLower(raw)); return nil }},
	{VarNodeReleaseVersion, "AMI release of every node group; bump it to roll patched AMIs. Empty: the latest release when a group is created.", "empty, an AL2023 release such as 1.36.0-20260115 (matching " + VarK8sVersion + "), or a Bottlerocket release such as 1.30.0",
		fixed(""), func(c *Config, raw string) error { c.NodeReleaseVersion = raw; return nil }},
	{VarNodeDiskSizeGiB, "Size of every node's encrypted gp3 image volume, in GiB.", "a whole number from 20 to 16384",
		fixed(strconv.Itoa(nodegroup.DefaultDiskSizeGiB)), func(c *Config, raw string) error { return setInt(&c.NodeDiskSizeGiB)(c, raw) }},
	{VarNodeMetadataHopLimit, "IMDSv2 hop limit of every node: 1 keeps pods away from instance metadata; 2 lets them reach it (warned).", "1 | 2",
		fixed("1"), func(c *Config, raw string) error { return setInt(&c.NodeMetadataHopLimit)(c, raw) }},
	{VarWorkersEnabled, "Adds the workers node group, one per AZ like the system group.", switchAccepted,
		fixed("off"), setOnOff(func(c *Config) *bool { return &c.WorkersEnabled })},
	{VarWorkersInstanceTypes, "Instance types of the workers node group.", instanceTypesAccepted,
		fixed("m6i.xlarge,m6a.xlarge,m7i.xlarge,m5.xlarge"), func(c *Config, raw string) error { c.Workers.InstanceTypes = List(raw); return nil }},
	{VarWorkersCapacityType, "Capacity type of the workers node group.", "on-demand | spot",
		fixed(string(CapacitySpot)), func(c *Config, raw string) error { c.Workers.CapacityType = CapacityType(raw); return nil }},
	{VarWorkersMinSize, "Minimum nodes per AZ in the workers node group.", "a whole number from 0 to 450",
		fixed("1"), func(c *Config, raw string) error { return setInt(&c.Workers.MinSize)(c, raw) }},
	{VarWorkersDesiredSize, "Desired nodes per AZ in the workers node group (an autoscaler owns it afterwards).", "a whole number between the min and max sizes",
		fixed("1"), func(c *Config, raw string) error { return setInt(&c.Workers.DesiredSize)(c, raw) }},
	{VarWorkersMaxSize, "Maximum nodes per AZ in the workers node group.", "a whole number from 1 to 450, at least the min size",
		perProfile("5", "10", "20"), func(c *Config, raw string) error { return setInt(&c.Workers.MaxSize)(c, raw) }},
}

// groupVars names the variables of one node group, for messages.
type groupVars struct{ types, capacity, min, desired, max string }

var (
	systemVars  = groupVars{VarNodeInstanceTypes, VarNodeCapacityType, VarNodeMinSize, VarNodeDesiredSize, VarNodeMaxSize}
	workersVars = groupVars{VarWorkersInstanceTypes, VarWorkersCapacityType, VarWorkersMinSize, VarWorkersDesiredSize, VarWorkersMaxSize}
)

func (c *Config) validateNodes(p *problems) {
	validateGroup(p, systemVars, c.System())
	if c.WorkersEnabled {
		validateGroup(p, workersVars, c.Workers)
	}
	switch c.NodeAMIFamily {
	case AMIAL2023, AMIBottlerocket:
		if c.NodeReleaseVersion != "" {
			if err := nodegroup.CheckReleaseVersion(c.NodeAMIFamily.NodeGroup(), c.KubernetesVersion, c.NodeReleaseVersion); err != nil {
				p.add(VarNodeReleaseVersion, c.NodeReleaseVersion, "%v", err)
			}
		}
	case "al2":
		p.add(VarNodeAMIFamily, string(c.NodeAMIFamily), "Amazon Linux 2 has reached end of support; use al2023 or bottlerocket")
	default:
		p.add(VarNodeAMIFamily, string(c.NodeAMIFamily), "unknown AMI family")
	}
	if d := c.NodeDiskSizeGiB; d < nodegroup.MinDiskSizeGiB || d > nodegroup.MaxDiskSizeGiB {
		p.add(VarNodeDiskSizeGiB, strconv.Itoa(d), "out of range")
	}
	if h := c.NodeMetadataHopLimit; h != 1 && h != 2 {
		p.add(VarNodeMetadataHopLimit, strconv.Itoa(h), "out of range")
	}
}

func validateGroup(p *problems, v groupVars, g NodeGroupConfig) {
	if g.CapacityType != CapacityOnDemand && g.CapacityType != CapacitySpot {
		p.add(v.capacity, string(g.CapacityType), "unknown capacity type")
	}
	for _, err := range nodegroup.CheckInstanceTypes(g.CapacityType.NodeGroup(), g.InstanceTypes) {
		p.add(v.types, joinList(g.InstanceTypes), "%v", err)
	}
	sizes := fmt.Sprintf("min=%d desired=%d max=%d", g.MinSize, g.DesiredSize, g.MaxSize)
	if g.MinSize < 0 || g.MinSize > MaxNodesPerGroup {
		p.add(v.min, strconv.Itoa(g.MinSize), "out of range")
	}
	if g.MaxSize < 1 || g.MaxSize > MaxNodesPerGroup {
		p.add(v.max, strconv.Itoa(g.MaxSize), "out of range (the EKS quota is %d nodes per node group)", MaxNodesPerGroup)
	}
	if g.MinSize > g.MaxSize {
		p.add(v.max, strconv.Itoa(g.MaxSize), "must be >= %s (%s)", v.min, sizes)
	}
	if g.DesiredSize < g.MinSize || g.DesiredSize > g.MaxSize {
		p.add(v.desired, strconv.Itoa(g.DesiredSize), "must be between min and max (%s)", sizes)
	}
}

// NodeGroup returns the construct's capacity type for t.
func (t CapacityType) NodeGroup() nodegroup.CapacityType {
	if t == CapacitySpot {
		return nodegroup.Spot
	}
	return nodegroup.OnDemand
}

// NodeGroup returns the construct's AMI family for f.
func (f AMIFamily) NodeGroup() nodegroup.AMIFamily {
	if f == AMIBottlerocket {
		return nodegroup.Bottlerocket
	}
	return nodegroup.AL2023
}
