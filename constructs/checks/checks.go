package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Rule IDs. A finding is an error that fails synthesis; each comment says
// what triggers it (docs/warnings.md is generated from these comments).
const (
	// RuleLogging: a cluster does not send all five control-plane log
	// types to CloudWatch Logs.
	RuleLogging = "BALLAST-EKS1"
	// RuleSecretsEncryption: a cluster does not envelope-encrypt
	// Kubernetes secrets with a KMS key.
	RuleSecretsEncryption = "BALLAST-EKS2"
	// RuleEndpoint: a cluster's public API endpoint is open to 0.0.0.0/0
	// (or blocks larger than a /8), or public with no CIDRs at all.
	RuleEndpoint = "BALLAST-EKS3"
	// RulePrivateSubnets: a node group is in a public subnet.
	RulePrivateSubnets = "BALLAST-EKS4"
	// RuleIMDSv2: a node group has no launch template, or a launch
	// template does not require IMDSv2.
	RuleIMDSv2 = "BALLAST-EKS5"
	// RuleRootVolume: a node root volume is not encrypted (no launch
	// template, no block device mappings, or Encrypted not true).
	RuleRootVolume = "BALLAST-EKS6"
	// RuleMultiAZ: all of a cluster's node groups are in one AZ.
	RuleMultiAZ = "BALLAST-EKS7"
	// RuleNoAL2: a node group uses an Amazon Linux 2 AMI type.
	RuleNoAL2 = "BALLAST-EKS8"
	// RuleDeletionProtection: a cluster has deletion protection off; only
	// with Options.RequireDeletionProtection.
	RuleDeletionProtection = "BALLAST-EKS9"
	// RuleCoreAddons: a cluster with managed node groups and
	// BootstrapSelfManagedAddons false lacks the vpc-cni, kube-proxy or
	// coredns add-on, so its nodes never become Ready.
	RuleCoreAddons = "BALLAST-EKS10"
	// RulePodIdentityAgent: a Pod Identity association (or an add-on's)
	// on a cluster without the eks-pod-identity-agent add-on.
	RulePodIdentityAgent = "BALLAST-EKS11"
	// RuleVersionSkew: a node group newer than its cluster or more minor
	// versions behind than Kubernetes allows (a smaller lag warns), or
	// kube-proxy built for another version.
	RuleVersionSkew = "BALLAST-EKS12"
	// RuleNodeEgress: a node group's subnet has neither a 0.0.0.0/0 route
	// through a NAT or transit gateway nor the interface endpoints and S3
	// gateway a private cluster needs.
	RuleNodeEgress = "BALLAST-EKS13"
	// RulePrivateEndpointVpc: a cluster with a private-only endpoint has
	// node groups outside its VPC.
	RulePrivateEndpointVpc = "BALLAST-EKS14"
	// RuleZoneLabel: a node group's topology.kubernetes.io/zone label or
	// taint names another AZ than its subnet's.
	RuleZoneLabel = "BALLAST-EKS15"
	// RuleAddonOrder: an add-on that runs pods is not ordered after any
	// node group, so it sits DEGRADED while the nodes come up (a warning).
	RuleAddonOrder = "BALLAST-EKS16"
)

// Warning IDs of the rule pack: what a rule cannot verify. Acknowledge one
// with Annotations.AcknowledgeWarning when you know the resource complies.
const (
	// WarnSubnetsUnverified: a node group's subnet is not a subnet of
	// this app (a literal ID, an import or a deploy-time value), so
	// BALLAST-EKS4 cannot tell whether it is private. Field: none.
	WarnSubnetsUnverified = RulePrivateSubnets + "-unverified"
	// WarnLaunchTemplateUnverified: a node group's launch template is not
	// in this app, so BALLAST-EKS5 and BALLAST-EKS6 cannot be verified.
	// Field: none.
	WarnLaunchTemplateUnverified = RuleIMDSv2 + "-unverified"
)

// Rules lists every rule ID.
var Rules = []string{RuleLogging, RuleSecretsEncryption, RuleEndpoint, RulePrivateSubnets, RuleIMDSv2,
	RuleRootVolume, RuleMultiAZ, RuleNoAL2, RuleDeletionProtection, RuleCoreAddons, RulePodIdentityAgent,
	RuleVersionSkew, RuleNodeEgress, RulePrivateEndpointVpc, RuleZoneLabel, RuleAddonOrder}

// LogTypes are the five EKS control-plane log types.
var LogTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

// Options configures the rule pack.
type Options struct {
	// RequireDeletionProtection turns on BALLAST-EKS9 (use it in prod).
	// Default: false.
	RequireDeletionProtection bool
	// Skip lists rule IDs not to run, e.g. while a fix is being rolled out.
	// Prefer acknowledging a finding at the resource. Default: none.
	Skip []string
	// Stacks, when set, limits the findings to resources of the stacks with
	// these construct paths; every resource under the scope is still read,
	// so references across stacks resolve. Several platforms in one app
	// each apply the pack to the app with their own options and stacks.
	// Default: every resource under the scope.
	Stacks []string
}

// EKSChecks is the rule pack, an awscdk.IAspect. It checks everything under
// the construct it is added to, once, when the aspect visits that construct.
type EKSChecks struct {
	opts  Options
	done  map[string]bool
	scope constructs.IConstruct // set by Apply: what to check
	m     *model                // what Visit indexed
}

// NewEKSChecks returns the rule pack. Add it with awscdk.Aspects_Of(scope).Add.
func NewEKSChecks(opts Options) *EKSChecks {
	return &EKSChecks{opts: opts, done: map[string]bool{}}
}

// applyID names the empty construct Apply adds the rule pack to.
const applyID = "BallastEKSChecks"

// Apply adds the rule pack to scope (usually the app), with the read-only
// priority. It is added to an empty construct created last under scope, so
// synthesis calls it once (an aspect on scope itself would be called back
// for every construct) and after the aspects of everything before it.
func Apply(scope constructs.IConstruct, opts Options) {
	checks := NewEKSChecks(opts)
	target := scope
	if parent, ok := scope.(constructs.Construct); ok {
		id := applyID
		for i := 2; scope.Node().TryFindChild(jsii.String(id)) != nil; i++ {
			id = fmt.Sprintf("%s%d", applyID, i)
		}
		target, checks.scope = constructs.NewConstruct(parent, jsii.String(id)), scope
	}
	awscdk.Aspects_Of(target).Add(checks, &awscdk.AspectOptions{Priority: awscdk.AspectPriority_READONLY()})
}

// Visit implements awscdk.IAspect. The first construct visited is the one
// the aspect was added to; the whole subtree is checked from there (from
// the scope given to Apply).
func (c *EKSChecks) Visit(node constructs.IConstruct) {
	if len(c.done) > 0 {
		return
	}
	if c.scope != nil {
		node = c.scope
	}
	c.done[*node.Node().Path()] = true
	m := index(node)
	c.m = m
	for _, cl := range c.mine(m.byType(typeCluster)) {
		c.checkCluster(m, cl)
	}
	for _, ng := range c.mine(m.byType(typeNodegroup)) {
		c.checkNodegroup(m, ng)
	}
	for _, lt := range c.mine(m.byType(typeLaunchTemplate)) {
		c.checkLaunchTemplate(lt)
	}
	c.checkReadiness(m)
}

// mine keeps the resources of Options.Stacks (all without it).
func (c *EKSChecks) mine(rs []*resource) []*resource {
	if len(c.opts.Stacks) == 0 {
		return rs
	}
	var out []*resource
	for _, r := range rs {
		if slices.Contains(c.opts.Stacks, c.m.stackPath(r)) {
			out = append(out, r)
		}
	}
	return out
}

func (c *EKSChecks) on(rule string) bool {
	if rule == RuleDeletionProtection && !c.opts.RequireDeletionProtection {
		return false
	}
	return !slices.Contains(c.opts.Skip, rule)
}

// fail reports an error on r: rule ID, what is wrong, how to fix it.
func (c *EKSChecks) fail(r *resource, rule, what, fix string) {
	if !c.on(rule) {
		return
	}
	awscdk.Annotations_Of(r.node).AddError(jsii.String(fmt.Sprintf("%s: %s. Fix: %s", rule, what, fix)))
}

// warn reports a warning that can be acknowledged with id.
func (c *EKSChecks) warn(r *resource, rule, id, what, fix string) {
	if !c.on(rule) {
		return
	}
	awscdk.Annotations_Of(r.node).AddWarningV2(jsii.String(id), jsii.String(fmt.Sprintf("%s: %s. Fix: %s", rule, what, fix)), nil)
}

func quote(xs []string) string { return "[" + strings.Join(xs, ", ") + "]" }
