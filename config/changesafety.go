package config

// Replacing lists the variables whose change, on a deployed platform,
// replaces or deletes stateful resources: a create-only property changes,
// or a resource goes away. The guard rejects such a change in review
// unless it is allowed (docs/change-safety.md); the configuration table
// appends each sentence to the variable's meaning.
var Replacing = map[string]string{
	VarClusterName:          "Create-only: changing it replaces the cluster and every stack (their names follow it).",
	VarAZs:                  "Create-only: changing an AZ replaces its subnets, NAT gateway and node groups.",
	VarVPCCIDR:              "Create-only: changing it replaces the VPC and everything in it.",
	VarNATMode:              "Going from per-az to single deletes NAT gateways.",
	VarPodCIDR:              "Create-only: changing it replaces the pod subnets.",
	VarFlowLogs:             "Turning it off deletes the flow-log group.",
	VarVPCID:                "Setting it on a platform that created its VPC deletes that VPC.",
	VarPrivateSubnetIDs:     "Create-only: changing them replaces the node groups.",
	VarEFS:                  "Turning it off deletes the file system.",
	VarBackupBucket:         "Turning it off deletes the buckets.",
	VarCompute:              "Going to auto deletes the node groups.",
	VarNodeInstanceTypes:    "Create-only: changing them replaces the system node groups.",
	VarNodeCapacityType:     "Create-only: changing it replaces the system node groups.",
	VarNodeAMIFamily:        "Create-only: changing it replaces every node group.",
	VarWorkersEnabled:       "Turning it off deletes the workers node groups.",
	VarWorkersInstanceTypes: "Create-only: changing them replaces the workers node groups.",
	VarWorkersCapacityType:  "Create-only: changing it replaces the workers node groups.",
}
