package nodegroup

// Defaults.
const (
	DefaultMinSize = 1
	DefaultMaxSize = 3
	// MaxNodesPerGroup is the EKS quota on nodes in one managed node group.
	MaxNodesPerGroup = 450
	// GroupLabel is the node label naming the logical group.
	GroupLabel = "ballast.dev/node-group"
)

// DefaultInstanceTypes are used when none are given.
var DefaultInstanceTypes = []string{"m6i.large"}

func withDefaults(p NodeGroupSetProps) NodeGroupSetProps {
	out := p
	if len(out.InstanceTypes) == 0 {
		out.InstanceTypes = append([]string(nil), DefaultInstanceTypes...)
	}
	if out.MinSize == nil {
		n := DefaultMinSize
		out.MinSize = &n
	}
	if out.MaxSize == nil {
		n := DefaultMaxSize
		out.MaxSize = &n
	}
	if out.DesiredSize == nil {
		n := *out.MinSize
		out.DesiredSize = &n
	}
	return out
}
