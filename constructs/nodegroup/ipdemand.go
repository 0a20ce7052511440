package nodegroup

import "github.com/ballast-eks/ballast/internal/ec2types"

// IPDemand is what the network's IP capacity check needs from a set:
// the most nodes one AZ can run (each AZ's node group scales alone, up to
// MaxSize) and the instance type that takes the most addresses per node
// (the worst case among the group's types). Call it on props as given;
// defaults are applied first. ok is false when no instance type is known.
func (p NodeGroupSetProps) IPDemand() (maxNodesPerAZ int, spec ec2types.Spec, ok bool) {
	d := withDefaults(p)
	for _, t := range d.InstanceTypes {
		s, err := d.lookup(t)
		if err != nil {
			continue
		}
		if !ok || s.MaxIPv4() > spec.MaxIPv4() {
			spec, ok = s, true
		}
	}
	return *d.MaxSize, spec, ok
}
