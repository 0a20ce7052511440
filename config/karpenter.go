package config

import (
	"strings"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/internal/ec2types"
)

// The Karpenter variables (with BALLAST_COMPUTE=karpenter).
const (
	VarKarpenterInstanceFamilies = "BALLAST_KARPENTER_INSTANCE_FAMILIES"
	VarKarpenterCapacityTypes    = "BALLAST_KARPENTER_CAPACITY_TYPES"
)

// KarpenterConfig is Karpenter's node pool configuration.
type KarpenterConfig struct {
	// KarpenterInstanceFamilies are the families Karpenter may launch.
	KarpenterInstanceFamilies []string
	// KarpenterCapacityTypes are the capacity types Karpenter may buy.
	KarpenterCapacityTypes []karpenter.CapacityType
}

var karpenterVars = []Var{
	{VarKarpenterInstanceFamilies, "With " + VarCompute + "=karpenter: instance families of Karpenter's node pool.",
		"comma-separated instance families of one architecture from " + strings.Join(ec2types.Families(), ", "),
		fixed(strings.Join(karpenter.DefaultInstanceFamilies, ",")), func(c *Config, raw string) error {
			c.KarpenterInstanceFamilies = instanceTypes(raw)
			return nil
		}},
	{VarKarpenterCapacityTypes, "With " + VarCompute + "=karpenter: capacity types of Karpenter's node pool (spot preferred when listed).",
		"comma-separated: on-demand, spot", fixed("on-demand,spot"), func(c *Config, raw string) error {
			c.KarpenterCapacityTypes = []karpenter.CapacityType{}
			for _, s := range List(raw) {
				c.KarpenterCapacityTypes = append(c.KarpenterCapacityTypes, karpenter.CapacityType(s))
			}
			return nil
		}},
}

// karpenterProps maps the Karpenter variables, in Karpenter mode.
func (c *Config) karpenterProps() *karpenter.KarpenterProps {
	if c.Compute != cluster.ComputeKarpenter {
		return nil
	}
	return &karpenter.KarpenterProps{InstanceFamilies: c.KarpenterInstanceFamilies, CapacityTypes: c.KarpenterCapacityTypes}
}
