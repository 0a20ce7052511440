// Package platform composes one Ballast environment from Go values: a
// network stack (the VPC, or an imported one), a storage stack (KMS keys,
// the shared file system, backups) and a cluster stack (control plane,
// node groups, add-ons), deployed in that order. Rarely-changing, stateful
// resources live apart from the cluster so it can be rebuilt without
// touching them.
//
// Props holds the construct props of every part plus the profile policy
// (Profile: removal policy, termination protection, accepted warnings,
// rule-pack options) as data. Props.Validate reports every problem at once
// with field paths before any construct exists; New builds the stacks,
// wiring VPC, subnets, keys, the node role and the ordering between node
// groups and add-ons. The platform owns the IP demand: it derives it once
// from the node groups and the one vpc-cni setting and hands the same
// values to the network's capacity check and to the vpc-cni add-on.
//
// Stack names come from Props.Name, so several environments (dev and
// prod) or cluster generations (blue and green) live in one app:
//
//	app := cdkapp.NewApp("")
//	platform.New(app, &devProps)
//	platform.New(app, &prodProps)
//
// The env-driven app (config.Load, then platform.New) is a thin adapter
// over this package.
package platform
