// Package stacks composes Ballast's constructs into deployable stacks:
// NetworkStack (VPC), StorageStack (keys and data) and ClusterStack (control
// plane and nodes). Rarely-changing, stateful resources live apart from the
// cluster so it can be rebuilt without touching them. Stacks hold no
// business logic: they wire constructs together and expose typed fields.
package stacks
