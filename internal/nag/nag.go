// Package nag lets Ballast's constructs acknowledge a cdk-nag finding at the
// resource, with a reason a reviewer would accept.
//
// It writes the CloudFormation resource metadata cdk-nag reads
// (Metadata.cdk_nag.rules_to_suppress, the format NagSuppressions
// .addResourceSuppressions writes) without importing cdk-nag, so the library
// does not load cdk-nag's jsii bundle in users' apps. Suppressions are
// narrow by construction: one resource (never a stack), and for the granular
// IAM rules (AwsSolutions-IAM4, AwsSolutions-IAM5) the exact findings
// (appliesTo) are required. Every suppression is listed, with its reason, in
// docs/suppressions.md (generated: go test ./platform -run Suppressions -update).
//
// Usage, in a construct, after creating the resource:
//
//	nag.Suppress(role, "AwsSolutions-IAM4",
//	    "EKS requires this AWS managed policy on the cluster role; AWS keeps it current as EKS changes",
//	    "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy")
//
// The equivalent cdk-nag call (for apps that import cdk-nag) is
// cdknag.NagSuppressions_AddResourceSuppressions(construct,
// &[]*cdknag.NagPackSuppression{{Id, Reason, AppliesTo}}, jsii.Bool(false)).
package nag

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
)

// MetadataKey is the resource metadata key cdk-nag reads suppressions from.
const MetadataKey = "cdk_nag"

// granular rules must name the findings they suppress.
var granular = map[string]bool{"AwsSolutions-IAM4": true, "AwsSolutions-IAM5": true}

// Suppress records that rule does not apply to scope's CloudFormation
// resource (scope itself if it is one, else its default child), for reason.
// appliesTo narrows it to the named findings (required for IAM4 and IAM5).
// It panics on a construct with no CloudFormation resource, a reason under
// 10 characters or a granular rule without appliesTo: these are programming
// errors a unit test catches.
func Suppress(scope constructs.IConstruct, rule, reason string, appliesTo ...string) {
	if err := check(rule, reason, appliesTo); err != nil {
		panic(fmt.Errorf("nag.Suppress(%s): %w", *scope.Node().Path(), err))
	}
	res := cfnResource(scope)
	entry := map[string]any{"id": rule, "reason": reason}
	if len(appliesTo) > 0 {
		list := make([]any, len(appliesTo))
		for i, a := range appliesTo {
			list[i] = a
		}
		entry["applies_to"] = list
	}
	rules := existing(res)
	for _, r := range rules {
		if fmt.Sprint(r) == fmt.Sprint(entry) {
			return
		}
	}
	rules = append(rules, entry)
	res.AddMetadata(strPtr(MetadataKey), map[string]any{"rules_to_suppress": rules})
}

func check(rule, reason string, appliesTo []string) error {
	switch {
	case rule == "" || strings.ContainsAny(rule, "[] "):
		return fmt.Errorf("rule %q: give the rule ID; name findings in appliesTo", rule)
	case utf8.RuneCountInString(strings.TrimSpace(reason)) < 10:
		return fmt.Errorf("rule %s: a reason of 10 or more characters is required", rule)
	case strings.IndexFunc(reason, func(r rune) bool { return r > 255 }) >= 0:
		return fmt.Errorf("rule %s: keep the reason in Latin-1 (cdk-nag base64-encodes anything else)", rule)
	case granular[rule] && len(appliesTo) == 0:
		return fmt.Errorf("rule %s: name the findings it applies to (appliesTo), never the whole rule", rule)
	}
	return nil
}

// cfnResource returns scope's CloudFormation resource.
func cfnResource(scope constructs.IConstruct) awscdk.CfnResource {
	candidates := []constructs.IConstruct{scope}
	if d := scope.Node().DefaultChild(); d != nil {
		candidates = append([]constructs.IConstruct{d}, candidates...)
	}
	for _, c := range candidates {
		if r, ok := c.(awscdk.CfnResource); ok && *awscdk.CfnResource_IsCfnResource(c) {
			return r
		}
	}
	panic(fmt.Errorf("nag.Suppress(%s): neither it nor its default child is a CloudFormation resource", *scope.Node().Path()))
}

func existing(res awscdk.CfnResource) []any {
	m, _ := res.GetMetadata(strPtr(MetadataKey)).(map[string]any)
	rules, _ := m["rules_to_suppress"].([]any)
	return rules
}

func strPtr(s string) *string { return &s }

// ManagedPolicyFinding is how cdk-nag's IAM4 names an AWS managed policy.
func ManagedPolicyFinding(name string) string {
	return "Policy::arn:<AWS::Partition>:iam::aws:policy/" + name
}

// SuppressManagedPolicies suppresses AwsSolutions-IAM4 on role for exactly
// the named AWS managed policies (such as "AmazonEKSClusterPolicy" or
// "service-role/AmazonEBSCSIDriverPolicy"), with reason.
func SuppressManagedPolicies(role constructs.IConstruct, reason string, names ...string) {
	findings := make([]string, len(names))
	for i, n := range names {
		findings[i] = ManagedPolicyFinding(n)
	}
	Suppress(role, "AwsSolutions-IAM4", reason, findings...)
}
