// Package nodegroup provides NodeGroupSet, one logical group of EKS managed
// nodes (e.g. "system" on-demand, "workers" spot) created as one managed node
// group per availability zone, and NewNodeRole, the node IAM role every group
// of a cluster shares.
//
// Practices encoded (docs/practices.md, "Data plane"):
//   - nodes only in private subnets, one node group per AZ pinned to that
//     AZ's subnet: the Cluster Autoscaler scales the zone a pending pod (and
//     its EBS volume) needs, and losing an AZ removes only its share; each
//     node carries ZoneLabel, equal to topology.kubernetes.io/zone;
//   - a launch template per group: IMDSv2 required with hop limit 1 (2 is
//     allowed with a warning), encrypted gp3 volumes with a customer-managed
//     key, no SSH key (use SSM Session Manager), tags propagated to instances
//     and volumes; disk size lives in the template (the L2 forbids diskSize
//     with a launch template);
//   - EKS-optimized AMIs: Amazon Linux 2023 by default, Bottlerocket as an
//     option, the architecture derived from the instance types (mixing is an
//     error); AL2 is rejected (end of support); the AMI release is pinnable,
//     to roll patched AMIs deliberately;
//   - bounded rolling updates: at most 33% of a group's nodes unavailable,
//     PodDisruptionBudgets respected (force update off unless asked, with a
//     warning), node auto repair on;
//   - each node group's Version is the cluster's, and node groups depend on
//     the cluster: a version bump upgrades the control plane, then the nodes;
//   - no fixed node group names, so CloudFormation can replace a group
//     create-before-delete; construct IDs are stable ("AZ<i>");
//   - spot groups need at least 3 instance types of one size class (vCPUs
//     and memory) and one architecture, with a warning below 3 families;
//   - quotas checked at synth: min <= desired <= max, max <= 450 nodes per
//     group, at most 30 managed node groups per cluster (CheckClusterQuota);
//   - one least-privilege node role: AmazonEKSWorkerNodePolicy,
//     AmazonEC2ContainerRegistryPullOnly, AmazonSSMManagedInstanceCore, and
//     not AmazonEKS_CNI_Policy (the VPC CNI has its own Pod Identity role).
//
// The volume key's policy must let the EC2 Auto Scaling service-linked role
// use it, or instances with customer-managed-key volumes fail to launch:
// storage.Keys.EBS does; for a key of your own call
// storage.AllowAutoScalingVolumes on it.
//
// # Desired size and autoscalers
//
// DesiredSize is the node count EKS starts each AZ's group with. Once a
// Cluster Autoscaler (or anything else) scales the group, it owns the desired
// size, and EKS does not reset it while the template's scaling config is
// unchanged. But a deployment that changes any of MinSize, DesiredSize or
// MaxSize sends all three, resetting the count the autoscaler chose, and can
// remove nodes in use. So with an autoscaler: keep DesiredSize at MinSize,
// change sizes rarely and deliberately, and raise MinSize (not DesiredSize)
// to add baseline capacity. The autoscaler finds the groups by the tags EKS
// puts on their Auto Scaling groups; scale-from-zero needs MinSize 0 and the
// group labels, which every node group carries.
//
// # IP capacity
//
// IPDemand gives the network's IP capacity check the most nodes per AZ
// and the instance facts (ENIs, IPv4 per ENI) of the hungriest type; for a
// type the ec2types table lacks, InstanceFacts supply them.
//
// # Accelerated groups
//
// A group of GPU (NVIDIA) or Neuron (Inferentia, Trainium) instance types
// runs the accelerator's AMI type (AL2023 or Bottlerocket NVIDIA, AL2023
// Neuron), is labelled AcceleratorLabel and, unless AcceleratorTaint is
// false, tainted NVIDIATaintKey (or NeuronTaintKey)=true:NoSchedule so only
// pods that tolerate it land there. One group holds one accelerator kind.
package nodegroup
