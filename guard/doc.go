// Package guard tells a safe infrastructure change from one that replaces
// or deletes stateful resources, before anything is deployed.
//
// Given two synthesized templates (or two cloud assemblies), Compare lists
// every change per logical ID: an addition, an update, a replacement (a
// create-only property changed, nested paths and list items included, or
// the resource type changed), a possible replacement (a reference in a
// create-only property now points elsewhere, or points at a resource that
// is itself replaced: what it resolves to is only known at deploy time),
// or a deletion (the logical ID is gone). Each change says whether the
// resource is stateful: clusters, node groups, VPCs, subnets, NAT
// gateways, keys, file systems, buckets, log groups, backup vaults, data
// stores, and anything with DeletionPolicy Retain or Snapshot.
//
// Judge weighs the changes against an allow-list: a replacement, possible
// replacement or deletion of a stateful resource is rejected unless an
// Allowance names its stack, logical ID and a reason; an allowance that
// matches nothing is stale and rejected too, so the list only shrinks.
//
// Which properties are create-only comes from the CloudFormation resource
// schemas, in a table generated offline from the schemas cfn-lint ships
// (SchemaSource names the version): `go generate ./guard` rewrites it.
// `cdk diff` in template mode reads top-level properties only, so it shows
// a change to AccessConfig.BootstrapClusterCreatorAdminPermissions (which
// replaces an EKS cluster) as a plain modification; the guard reads the
// nested paths the schemas declare.
package guard

//go:generate go run ./internal/gen -out createonly_table.go
