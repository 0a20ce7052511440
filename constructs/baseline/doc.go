// Package baseline renders the in-cluster half of an EKS platform as
// Kubernetes manifests for GitOps, instead of applying them from
// CloudFormation through a kubectl Lambda or Helm at deploy time: the
// templates stay free of custom resources, and a private cluster pulls
// nothing at deploy time.
//
// Every object is a typed k8s.io/api value (never a hand-written YAML
// string), rendered deterministically (fixed file names and order, keys
// sorted, no clock) into the cloud assembly at synthesis, under
// <cluster name>/gitops/ (see Baseline). The folder holds:
//
//   - team namespaces with Pod Security Admission labels (baseline
//     enforced, restricted warned and audited: PSA baseline already
//     rejects unsafe sysctls), a ResourceQuota and a LimitRange from typed
//     team settings, a default-deny NetworkPolicy for ingress and egress
//     and an allow for DNS to CoreDNS (the VPC CNI enforces policies);
//   - PriorityClasses and an over-provisioning Deployment of pause pods
//     with negative priority, one node's worth per AZ by default, spread
//     across zones, so the autoscaler adds a node before real pods wait;
//   - PodDisruptionBudgets for system workloads whose add-ons ship none;
//   - a ValidatingAdmissionPolicy (CEL, evaluated in the API server: no
//     webhook to fail) with its binding, rejecting a catch-all admission
//     webhook unless it fails open with a timeout under 30 s;
//   - a kustomization.yaml listing every manifest, and a README saying how
//     to apply the folder with Argo CD, Flux or kubectl apply -k.
//
// Render is pure Go (tests golden the files without synthesizing); the
// Baseline construct validates its props like every Ballast construct and
// writes the files when the app synthesizes. Other packages add their own
// typed manifests to the folder with Baseline.AddFile.
package baseline
