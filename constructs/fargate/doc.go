// Package fargate adds EKS Fargate profiles to a cluster, the data plane
// AWS manages most of: each pod gets its own micro-VM, with nothing to
// patch or scale. A profile's selectors (a namespace and optional labels)
// say which pods run there; pods run only in the private subnets given
// (Fargate assigns no public address), with one pod execution role that
// only the cluster's own profiles can use (aws:SourceArn scoped to them).
package fargate
