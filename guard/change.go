package guard

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// Template is a CloudFormation template as decoded from JSON.
type Template = map[string]any

// Kind is what a deployment does to a resource, from harmless to
// destructive.
type Kind int

// The kinds of change, in increasing order of harm.
const (
	// Add creates a resource.
	Add Kind = iota
	// Update changes a resource in place (or rolls it, as an EKS node
	// group does for a new launch template version).
	Update
	// MayReplace marks a create-only property whose value is only known at
	// deploy time and may change: a reference now points elsewhere, or at
	// a resource that is itself replaced.
	MayReplace
	// Replace creates a new resource and deletes the old one: a create-only
	// property or the resource type changed.
	Replace
	// Delete removes the resource: its logical ID is gone.
	Delete
)

var kindNames = [...]string{"add", "update", "may replace", "replace", "delete"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Change is what a deployment does to one resource.
type Change struct {
	// Stack is the stack name; LogicalID and Type name the resource (the
	// new type when it changed).
	Stack, LogicalID, Type string
	Kind                   Kind
	// Stateful is true for the types IsStateful names and for retained
	// resources, in either template.
	Stateful bool
	// Construct is the resource's construct path when known (Compare on
	// cloud assemblies), e.g. /ballast-prod-cluster/Cluster/Resource.
	Construct string
	// Paths are, for a replacement or possible replacement, the create-only
	// properties that cause it as JSON pointers ("/properties/InstanceTypes"),
	// or "Type"; for an update, the changed properties and attributes.
	Paths []string
	// Details explain the change, one line each, e.g.
	// `/properties/InstanceTypes/0: was "m6i.xlarge", now "m6i.2xlarge"`.
	Details []string
}

// Dangerous reports whether the change replaces, may replace or deletes a
// stateful resource.
func (c Change) Dangerous() bool { return c.Stateful && c.Kind >= MayReplace }

// String is the change on one line: stack/logical ID (type), kind, paths.
func (c Change) String() string {
	s := fmt.Sprintf("%s/%s (%s", c.Stack, c.LogicalID, c.Type)
	if c.Stateful {
		s += ", stateful"
	}
	s += "): " + c.Kind.String()
	if len(c.Paths) > 0 {
		s += " " + strings.Join(c.Paths, ", ")
	}
	return s
}

type key struct{ stack, id string }

// Compare lists the changes from old to new of one stack, sorted by
// logical ID.
func Compare(stack string, old, new Template) []Change {
	return CompareStacks(map[string]Template{stack: old}, map[string]Template{stack: new})
}

// CompareStacks lists the changes from old to new templates, keyed by
// stack name, sorted by stack and logical ID. A stack missing from new
// deletes all its resources. References across stacks (Fn::GetStackOutput,
// Fn::ImportValue) are followed to the resource they export.
func CompareStacks(old, new map[string]Template) []Change {
	c := comparison{old: old, new: new, changes: map[key]*Change{}}
	for _, stack := range slices.Sorted(maps.Keys(mergedStacks(old, new))) {
		c.stack(stack)
	}
	c.propagate()
	out := make([]Change, 0, len(c.changes))
	for _, ch := range c.changes {
		out = append(out, *ch)
	}
	slices.SortFunc(out, func(a, b Change) int {
		return strings.Compare(a.Stack+"\x00"+a.LogicalID, b.Stack+"\x00"+b.LogicalID)
	})
	return out
}

func mergedStacks(a, b map[string]Template) map[string]Template {
	m := make(map[string]Template, len(a)+len(b))
	maps.Copy(m, a)
	maps.Copy(m, b)
	return m
}

type comparison struct {
	old, new map[string]Template
	changes  map[key]*Change
}

func (c *comparison) stack(name string) {
	oldRes, newRes := resources(c.old[name]), resources(c.new[name])
	for _, id := range slices.Sorted(maps.Keys(merged(oldRes, newRes))) {
		o, _ := oldRes[id].(map[string]any)
		n, _ := newRes[id].(map[string]any)
		if typeOf(o) == "AWS::CDK::Metadata" || typeOf(n) == "AWS::CDK::Metadata" {
			continue
		}
		if ch := classify(o, n); ch != nil {
			ch.Stack, ch.LogicalID = name, id
			c.changes[key{name, id}] = ch
		}
	}
}

func resources(t Template) map[string]any {
	r, _ := t["Resources"].(map[string]any)
	return r
}

func typeOf(r map[string]any) string {
	t, _ := r["Type"].(string)
	return t
}

func props(r map[string]any) map[string]any {
	p, _ := r["Properties"].(map[string]any)
	return p
}

// classify returns the change from resource o to n (either may be nil),
// or nil when nothing that matters changed.
func classify(o, n map[string]any) *Change {
	switch {
	case o == nil:
		return &Change{Type: typeOf(n), Kind: Add, Stateful: IsStateful(n)}
	case n == nil:
		return &Change{Type: typeOf(o), Kind: Delete, Stateful: IsStateful(o),
			Details: []string{"the logical ID is gone from the template"}}
	}
	ch := &Change{Type: typeOf(n), Stateful: IsStateful(o) || IsStateful(n)}
	if typeOf(o) != typeOf(n) {
		ch.Kind, ch.Paths = Replace, []string{"Type"}
		ch.Details = []string{fmt.Sprintf("Type: was %s, now %s", typeOf(o), typeOf(n))}
		return ch
	}
	if replacement(ch, o, n) {
		return ch
	}
	ch.Kind, ch.Paths = Update, updated(o, n)
	if len(ch.Paths) == 0 {
		return nil
	}
	return ch
}

// replacement fills ch when a create-only property of the resource
// differs, and reports whether one does.
func replacement(ch *Change, o, n map[string]any) bool {
	pointers, known := CreateOnly(ch.Type)
	if !known {
		if reflect.DeepEqual(props(o), props(n)) {
			return false
		}
		ch.Kind, ch.Paths = MayReplace, []string{"/properties"}
		ch.Details = []string{ch.Type + " is not in the create-only table: any property change may replace it"}
		return true
	}
	for _, p := range pointers {
		locs := propertyDiffs(p, props(o), props(n))
		if len(locs) == 0 {
			continue
		}
		ch.Kind = max(ch.Kind, kindOf(worst(locs)))
		ch.Paths = append(ch.Paths, p)
		for _, l := range locs {
			ch.Details = append(ch.Details, fmt.Sprintf("%s: was %s, now %s", l.path, show(l.old), show(l.new)))
		}
	}
	return len(ch.Paths) > 0
}

func kindOf(d difference) Kind {
	if d == literal {
		return Replace
	}
	return MayReplace
}

// attributes are the resource attributes an update can change.
var attributes = []string{"Condition", "CreationPolicy", "DeletionPolicy", "DependsOn", "UpdatePolicy", "UpdateReplacePolicy"}

// updated lists the properties and attributes that differ.
func updated(o, n map[string]any) []string {
	var out []string
	op, np := props(o), props(n)
	for _, k := range slices.Sorted(maps.Keys(merged(op, np))) {
		if !reflect.DeepEqual(op[k], np[k]) {
			out = append(out, "/properties/"+k)
		}
	}
	for _, a := range attributes {
		if !reflect.DeepEqual(o[a], n[a]) {
			out = append(out, a)
		}
	}
	return out
}
