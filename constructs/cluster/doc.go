// Package cluster provides the EKS control plane, built on aws-cdk-lib's
// awseksv2.Cluster (a native AWS::EKS::Cluster; no kubectl Lambda).
//
// Practices encoded (docs/practices.md, "Control plane"):
//   - a pinned Kubernetes version (DefaultVersion, the newest version
//     aws-cdk-lib names that is in EKS standard support), upgrade policy
//     STANDARD; versions only in extended support are accepted only with
//     UpgradeExtended, which warns about its cost
//     (ballast:cluster-extended-support);
//   - a private API endpoint by default; a public one needs CIDRs, and
//     0.0.0.0/0 needs AllowOpenPublicEndpoint and warns
//     (ballast:cluster-public-endpoint);
//   - control-plane ENIs only in the subnets given (private or dedicated
//     control-plane subnets), across every AZ;
//   - all five control-plane log types, into /aws/eks/<name>/cluster, which
//     the construct creates before the cluster with retention and KMS
//     encryption (EKS's own log group never expires and is unencrypted);
//   - Kubernetes secrets envelope-encrypted with a customer-managed key;
//   - explicit access: API authentication mode with access entries only, no
//     implicit admin for the cluster creator (bootstrapClusterCreatorAdmin
//     Permissions is false from the first deploy; changing it later
//     replaces the cluster), an admin entry for each configured role, and a
//     break-glass admin role trusted only by the configured principals
//     (MFA required for account roots and users). Validation fails when no
//     principal could administer the cluster. GrantAdmin, GrantClusterView
//     and GrantNamespaceView/Edit/Admin add access entries later;
//   - ARC zonal shift on; deletion protection on (warns when off:
//     ballast:cluster-deletion-protection-off); removal policy RETAIN;
//   - self-managed add-ons are not bootstrapped: constructs/addon installs
//     managed, pinned add-ons explicitly;
//   - EKS Auto Mode as an option (ComputeAuto): EKS runs the nodes in the
//     cluster's subnets and the core add-ons; Cluster.AutoMode tells callers
//     not to add node groups, and AddAddons installs only the add-ons Auto
//     Mode lacks (metrics-server, EFS CSI, CloudWatch observability).
//
// The properties awseksv2.Cluster does not model (ZonalShiftConfig,
// DeletionProtection, UpgradePolicy) are set on the CfnCluster in one
// function, setUnmodelledProperties.
//
// The cluster name is a create-only property: changing it replaces the
// cluster (and, with deletion protection on, the replacement fails until
// protection is turned off).
package cluster
