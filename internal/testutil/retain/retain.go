// Package retain checks synthesized CloudFormation templates for stateful
// resources that CloudFormation would delete: every resource of a stateful
// type must carry DeletionPolicy Retain (removed from the template) and
// UpdateReplacePolicy Retain (replaced by an update). Any stack's tests can
// use it; it works on plain template maps, no jsii.
package retain

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

// StatefulTypes are the resource types whose loss loses data or makes it
// unreadable: the guard's data types.
var StatefulTypes = guard.DataTypes

const policyRetain = "Retain"

// Violations returns one line per resource of a stateful type in template
// (a CloudFormation template as a map) that lacks DeletionPolicy or
// UpdateReplacePolicy Retain, sorted by logical ID. types overrides
// StatefulTypes when given.
func Violations(template map[string]any, types ...string) []string {
	if len(types) == 0 {
		types = StatefulTypes
	}
	resources, _ := template["Resources"].(map[string]any)
	var out []string
	for id, r := range resources {
		res, _ := r.(map[string]any)
		typ, _ := res["Type"].(string)
		if !slices.Contains(types, typ) {
			continue
		}
		for _, attr := range []string{"DeletionPolicy", "UpdateReplacePolicy"} {
			if got := res[attr]; got != policyRetain {
				out = append(out, fmt.Sprintf("%s (%s): %s is %v, want %s", id, typ, attr, orUnset(got), policyRetain))
			}
		}
	}
	sort.Strings(out)
	return out
}

// Count returns how many resources of the given types (default
// StatefulTypes) template has, so a test can tell "all retained" from
// "nothing checked".
func Count(template map[string]any, types ...string) int {
	if len(types) == 0 {
		types = StatefulTypes
	}
	resources, _ := template["Resources"].(map[string]any)
	n := 0
	for _, r := range resources {
		res, _ := r.(map[string]any)
		if typ, _ := res["Type"].(string); slices.Contains(types, typ) {
			n++
		}
	}
	return n
}

// Assert fails tb once per violation in template.
func Assert(tb testing.TB, template map[string]any, types ...string) {
	tb.Helper()
	for _, v := range Violations(template, types...) {
		tb.Error(v)
	}
}

func orUnset(v any) any {
	if v == nil {
		return "unset (Delete)"
	}
	return v
}
