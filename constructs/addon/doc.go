// Package addon installs Amazon EKS managed add-ons as native
// AWS::EKS::Addon resources: no kubectl, no Lambda-backed custom resources.
//
// Practices encoded (docs/practices.md, "Control plane",
// "Network", "Data plane"):
//   - every add-on is pinned to an explicit version from one checked-in
//     table (Versions) keyed by Kubernetes version, so upgrading the
//     cluster upgrades its add-ons in the same change and nothing drifts;
//   - ResolveConflicts OVERWRITE: the add-on owns its objects, so a hand
//     edit cannot block an upgrade;
//   - PreserveOnDelete: removing an add-on from the app leaves the software
//     running (unmanaged) instead of deleting the cluster's networking;
//   - each add-on that calls AWS gets its own IAM role through EKS Pod
//     Identity with exactly its AWS managed policy; the node role carries
//     no CNI or CSI permissions;
//   - vpc-cni with prefix delegation (ENABLE_PREFIX_DELEGATION,
//     WARM_PREFIX_TARGET=1) and network policy enforcement;
//   - coredns with 2+ replicas (3 in prod), a PodDisruptionBudget and a
//     topology spread across zones;
//   - kube-proxy in iptables mode, ipvs for large clusters (the EKS guide advises
//     ipvs past ~1000 services);
//   - aws-ebs-csi-driver with a grant on the platform's EBS key and the
//     add-on's default gp3 StorageClass;
//   - metrics-server, which HPA needs;
//   - optional aws-efs-csi-driver and amazon-cloudwatch-observability.
//
// Ordering: eks-pod-identity-agent is created first and every other add-on
// depends on it. vpc-cni, kube-proxy and the agent do not wait for nodes
// (node groups should wait for them: BeforeCompute); add-ons that run
// Deployments (coredns, CSI controllers, metrics-server, CloudWatch) depend
// on the node groups, so a fresh deploy does not leave them DEGRADED.
//
// awseksv2.Cluster creates its own unpinned eks-pod-identity-agent add-on
// the first time Cluster.EksPodIdentityAgent() is called (for example by
// AddServiceAccount with Pod Identity). Ballast calls that getter itself
// and pins the result, so there is only ever one agent add-on.
//
// Configuration values are typed Go structs marshalled to JSON and
// validated before synthesis. Add installs any other EKS add-on by name,
// version, configuration and optional Pod Identity role.
package addon
