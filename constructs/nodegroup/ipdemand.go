package nodegroup

// NodeAddresses is what one node of a group can take from its subnet, for
// the network's IP capacity check: the figures of the group's instance
// type that takes the most addresses.
type NodeAddresses struct {
	// InstanceType is that instance type, e.g. "m6i.4xlarge".
	InstanceType string
	// ENIs is how many network interfaces it attaches; IPv4PerENI how many
	// addresses each holds.
	ENIs, IPv4PerENI int
	// MaxPods is the pods a node runs with individual addresses;
	// MaxPodsWithPrefixes with vpc-cni prefix delegation.
	MaxPods, MaxPodsWithPrefixes int
}

// MaxIPv4 is the most addresses one node can hold.
func (n NodeAddresses) MaxIPv4() int { return n.ENIs * n.IPv4PerENI }

// Pods is the node's max pods with or without prefix delegation.
func (n NodeAddresses) Pods(prefixDelegation bool) int {
	if prefixDelegation {
		return n.MaxPodsWithPrefixes
	}
	return n.MaxPods
}

// IPDemand is what the network's IP capacity check needs from a set: the
// most nodes one AZ can run (each AZ's node group scales alone, up to
// MaxSize) and the addresses of the instance type that takes the most per
// node (the worst case among the group's types). Call it on props as
// given; defaults are applied first. ok is false when no instance type is
// known.
func (p NodeGroupSetProps) IPDemand() (maxNodesPerAZ int, node NodeAddresses, ok bool) {
	d := withDefaults(p)
	for _, t := range d.InstanceTypes {
		s, err := d.lookup(t)
		if err != nil {
			continue
		}
		if !ok || s.MaxIPv4() > node.MaxIPv4() {
			node = NodeAddresses{InstanceType: s.Type, ENIs: s.MaxENIs, IPv4PerENI: s.IPv4PerENI,
				MaxPods: s.MaxPods(false), MaxPodsWithPrefixes: s.MaxPods(true)}
			ok = true
		}
	}
	return *d.MaxSize, node, ok
}
