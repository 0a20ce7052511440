package nodegroup

import "fmt"

// CheckClusterNodeGroups reports when a cluster would have more managed
// node groups than EKS allows (every AZ of every set counts).
func CheckClusterNodeGroups(n int) error {
	if n > MaxNodeGroupsPerCluster {
		return fmt.Errorf("nodeGroups: %d managed node groups (one per AZ of each set); EKS allows %d per cluster", n, MaxNodeGroupsPerCluster)
	}
	return nil
}
