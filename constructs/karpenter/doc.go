// Package karpenter builds Karpenter's AWS side for an EKS cluster, without
// Helm or a kubectl Lambda in the template, and renders its Kubernetes side
// as typed manifests for the cluster's GitOps folder (constructs/baseline):
//
//   - the controller's IAM role with a least-privilege policy (every EC2
//     write scoped by the cluster's ownership tag, instance profiles by the
//     cluster's and region's tags, PassRole only for the node role, reads
//     pinned to the region), bound to the controller's service account by
//     an EKS Pod Identity association;
//   - the interruption queue (SQS, encrypted, TLS only, a queue policy that
//     admits only the cluster's own EventBridge rules) and the four rules
//     feeding it: spot interruption warnings, rebalance recommendations,
//     instance state changes and scheduled AWS Health events;
//   - the node role (the node group role's managed policies) with an
//     EC2_LINUX access entry, so Karpenter's nodes join without aws-auth;
//   - subnets are discovered by the karpenter.sh/discovery tag the network
//     construct sets, security groups by the EKS cluster security group's
//     aws:eks:cluster-name tag;
//   - into the GitOps folder: a NodePool (instance families, capacity
//     types, AZs, expiry, consolidation and disruption budgets) and an
//     EC2NodeClass (IMDSv2 only, hop limit 1, encrypted gp3), plus the
//     controller chart's values (the system node group runs the
//     controller, two replicas spread across zones).
package karpenter
