// Package nodegroup provides NodeGroupSet: one logical group of managed
// nodes, created as one EKS managed node group per availability zone.
//
// Practices encoded (../shared/docs/eks-practices.md, "Data plane"):
//   - nodes only in private subnets;
//   - one node group per AZ, each pinned to that AZ's private subnet, so the
//     Cluster Autoscaler scales the right zone for EBS-backed workloads and
//     an AZ failure removes at most its share of capacity;
//   - EKS-optimized Amazon Linux 2023 AMIs (AL2 has reached end of support);
//   - no fixed node group names, so CloudFormation can replace a group
//     create-before-delete.
//
// Desired size: EKS sets the Auto Scaling group's desired size on create;
// once an autoscaler runs, it owns the desired size.
package nodegroup
