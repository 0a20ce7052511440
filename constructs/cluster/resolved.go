package cluster

// WithDefaults returns a copy of p with every unset field set to its
// default, as NewCluster builds it; p is not modified.
func (p ClusterProps) WithDefaults() ClusterProps { return withDefaults(p) }
