package config

import (
	"fmt"
	"regexp"
	"strconv"
)

// NodesConfig is the compute room's configuration: the system node group.
type NodesConfig struct {
	// NodeInstanceTypes are the system node group's instance types.
	NodeInstanceTypes []string
	// NodeMinSize, NodeDesiredSize and NodeMaxSize size each per-AZ node group.
	NodeMinSize, NodeDesiredSize, NodeMaxSize int
}

// MaxNodesPerGroup is the EKS quota on nodes in one managed node group.
const MaxNodesPerGroup = 450

var instanceRe = regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z0-9]+$`)

var nodeVars = []Var{
	{VarNodeInstanceTypes, "Instance types of the system node group.", "comma-separated EC2 instance types such as m6i.large",
		perProfile("m6i.large", "m6i.large", "m6i.xlarge"),
		func(c *Config, raw string) error { c.NodeInstanceTypes = List(raw); return nil }},
	{VarNodeMinSize, "Minimum nodes per AZ in the system node group.", "a whole number from 0 to 450",
		perProfile("1", "1", "2"), func(c *Config, raw string) error { return setInt(&c.NodeMinSize)(c, raw) }},
	{VarNodeDesiredSize, "Desired nodes per AZ in the system node group.", "a whole number between the min and max sizes",
		perProfile("1", "2", "2"), func(c *Config, raw string) error { return setInt(&c.NodeDesiredSize)(c, raw) }},
	{VarNodeMaxSize, "Maximum nodes per AZ in the system node group.", "a whole number from 1 to 450, at least the min size",
		perProfile("3", "5", "10"), func(c *Config, raw string) error { return setInt(&c.NodeMaxSize)(c, raw) }},
}

func (c *Config) validateNodes(p *problems) {
	if len(c.NodeInstanceTypes) == 0 {
		p.add(VarNodeInstanceTypes, "", "at least one instance type is required")
	}
	for _, it := range c.NodeInstanceTypes {
		if !instanceRe.MatchString(it) {
			p.add(VarNodeInstanceTypes, it, "not an EC2 instance type")
		}
	}
	sizes := fmt.Sprintf("min=%d desired=%d max=%d", c.NodeMinSize, c.NodeDesiredSize, c.NodeMaxSize)
	if c.NodeMinSize < 0 || c.NodeMinSize > MaxNodesPerGroup {
		p.add(VarNodeMinSize, strconv.Itoa(c.NodeMinSize), "out of range")
	}
	if c.NodeMaxSize < 1 || c.NodeMaxSize > MaxNodesPerGroup {
		p.add(VarNodeMaxSize, strconv.Itoa(c.NodeMaxSize), "out of range")
	}
	if c.NodeMinSize > c.NodeMaxSize {
		p.add(VarNodeMaxSize, strconv.Itoa(c.NodeMaxSize), "must be >= %s (%s)", VarNodeMinSize, sizes)
	}
	if c.NodeDesiredSize < c.NodeMinSize || c.NodeDesiredSize > c.NodeMaxSize {
		p.add(VarNodeDesiredSize, strconv.Itoa(c.NodeDesiredSize), "must be between min and max (%s)", sizes)
	}
}
