// Package cluster provides the EKS control plane, built on aws-cdk-lib's
// awseksv2.Cluster (a native AWS::EKS::Cluster; no kubectl Lambda).
//
// Practices encoded (../shared/docs/eks-practices.md, "Control plane"):
//   - a pinned Kubernetes version;
//   - control-plane ENIs only in the subnets given (private or dedicated
//     control-plane subnets), across every AZ;
//   - all five control-plane log types, into a log group the construct owns,
//     so retention is set by code rather than left at "never expire";
//   - Kubernetes secrets envelope-encrypted with a customer-managed key;
//   - explicit access: API authentication mode with access entries only, no
//     implicit admin for the cluster creator, an admin entry for each
//     configured role, and a break-glass admin role;
//   - self-managed add-ons are not bootstrapped: the add-on room installs
//     managed, pinned add-ons explicitly.
//
// The cluster name is a create-only property: changing it replaces the
// cluster.
package cluster
