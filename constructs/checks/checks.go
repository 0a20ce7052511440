package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Rule IDs.
const (
	RuleLogging            = "BALLAST-EKS1"
	RuleSecretsEncryption  = "BALLAST-EKS2"
	RuleEndpoint           = "BALLAST-EKS3"
	RulePrivateSubnets     = "BALLAST-EKS4"
	RuleIMDSv2             = "BALLAST-EKS5"
	RuleRootVolume         = "BALLAST-EKS6"
	RuleMultiAZ            = "BALLAST-EKS7"
	RuleNoAL2              = "BALLAST-EKS8"
	RuleDeletionProtection = "BALLAST-EKS9"
	RuleCoreAddons         = "BALLAST-EKS10"
	RulePodIdentityAgent   = "BALLAST-EKS11"
	RuleVersionSkew        = "BALLAST-EKS12"
	RuleNodeEgress         = "BALLAST-EKS13"
	RulePrivateEndpointVpc = "BALLAST-EKS14"
	RuleZoneLabel          = "BALLAST-EKS15"
	RuleAddonOrder         = "BALLAST-EKS16"
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
	opts Options
	done map[string]bool
}

// NewEKSChecks returns the rule pack. Add it with awscdk.Aspects_Of(scope).Add.
func NewEKSChecks(opts Options) *EKSChecks {
	return &EKSChecks{opts: opts, done: map[string]bool{}}
}

// Apply adds the rule pack to scope (usually the app), with the read-only
// priority so it sees what other aspects add.
func Apply(scope constructs.IConstruct, opts Options) {
	awscdk.Aspects_Of(scope).Add(NewEKSChecks(opts), &awscdk.AspectOptions{Priority: awscdk.AspectPriority_READONLY()})
}

// Visit implements awscdk.IAspect. The first construct visited is the one
// the aspect was added to; the whole subtree is checked from there.
func (c *EKSChecks) Visit(node constructs.IConstruct) {
	if len(c.done) > 0 {
		return
	}
	c.done[*node.Node().Path()] = true
	m := index(node)
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
		if slices.Contains(c.opts.Stacks, *awscdk.Stack_Of(r.node).Node().Path()) {
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
