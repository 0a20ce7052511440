package guard

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// propagate marks resources whose create-only properties refer to a
// replaced (or possibly replaced) resource: the reference resolves to a
// new value at deploy time, so they may be replaced too. It repeats until
// nothing more is marked.
func (c *comparison) propagate() {
	for c.propagateOnce() {
	}
}

func (c *comparison) propagateOnce() bool {
	marked := false
	for _, stack := range slices.Sorted(maps.Keys(c.new)) {
		res, current := resources(c.old[stack]), resources(c.new[stack])
		for _, id := range slices.Sorted(maps.Keys(current)) {
			n, _ := current[id].(map[string]any)
			if _, existed := res[id]; !existed || !c.open(key{stack, id}) {
				continue
			}
			if c.markDependent(stack, id, n) {
				marked = true
			}
		}
	}
	return marked
}

// open reports whether a resource present in both templates can still be
// marked as possibly replaced.
func (c *comparison) open(k key) bool {
	ch := c.changes[k]
	return ch == nil || ch.Kind == Update
}

func (c *comparison) markDependent(stack, id string, n map[string]any) bool {
	pointers, _ := CreateOnly(typeOf(n))
	var paths, details []string
	for _, p := range pointers {
		segs := strings.Split(strings.TrimPrefix(p, "/properties/"), "/")
		for _, v := range valuesAt(segs, asAny(props(n))) {
			for _, target := range c.targets(stack, v) {
				if ch := c.changes[target]; ch != nil && (ch.Kind == Replace || ch.Kind == MayReplace) {
					paths = appendNew(paths, p)
					details = append(details, fmt.Sprintf("%s: refers to %s/%s, which is %s", p, target.stack, target.id, pastTense(ch.Kind)))
				}
			}
		}
	}
	if len(paths) == 0 {
		return false
	}
	ch := c.changes[key{stack, id}]
	if ch == nil {
		ch = &Change{Stack: stack, LogicalID: id, Type: typeOf(n), Stateful: IsStateful(n) || IsStateful(c.oldResource(stack, id))}
		c.changes[key{stack, id}] = ch
	} else {
		details = append(details, "also updated: "+strings.Join(ch.Paths, ", "))
	}
	ch.Kind, ch.Paths, ch.Details = MayReplace, paths, details
	return true
}

func (c *comparison) oldResource(stack, id string) map[string]any {
	r, _ := resources(c.old[stack])[id].(map[string]any)
	return r
}

func pastTense(k Kind) string {
	if k == Replace {
		return "replaced"
	}
	return "possibly replaced"
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// valuesAt returns the values a create-only pointer selects in v.
func valuesAt(segs []string, v any) []any {
	if v == nil {
		return nil
	}
	if len(segs) == 0 || isIntrinsic(v) {
		return []any{v}
	}
	if segs[0] == "*" {
		l, _ := v.([]any)
		var out []any
		for _, e := range l {
			out = append(out, valuesAt(segs[1:], e)...)
		}
		return out
	}
	m, ok := v.(map[string]any)
	if !ok {
		return []any{v}
	}
	return valuesAt(segs[1:], m[segs[0]])
}

var subRef = regexp.MustCompile(`\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}`)

// targets returns the resources v refers to, following cross-stack
// references to the resource the producing stack exports.
func (c *comparison) targets(stack string, v any) []key {
	switch x := v.(type) {
	case []any:
		var out []key
		for _, e := range x {
			out = append(out, c.targets(stack, e)...)
		}
		return out
	case map[string]any:
		return c.mapTargets(stack, x)
	}
	return nil
}

func (c *comparison) mapTargets(stack string, m map[string]any) []key {
	if isToken(m) {
		return c.tokenTargets(stack, m)
	}
	var out []key
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, c.targets(stack, m[k])...)
	}
	return out
}

func (c *comparison) tokenTargets(stack string, m map[string]any) []key {
	switch {
	case m["Ref"] != nil:
		return c.resource(stack, m["Ref"])
	case m["Fn::GetAtt"] != nil:
		return c.resource(stack, getAttTarget(m["Fn::GetAtt"]))
	case m["Fn::GetStackOutput"] != nil:
		o, _ := m["Fn::GetStackOutput"].(map[string]any)
		producer, _ := o["StackName"].(string)
		name, _ := o["OutputName"].(string)
		return c.output(producer, name)
	case m["Fn::ImportValue"] != nil:
		return c.export(m["Fn::ImportValue"])
	case m["Fn::Sub"] != nil:
		return c.subTargets(stack, m["Fn::Sub"])
	}
	return nil
}

func getAttTarget(v any) any {
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			return x[0]
		}
	case string:
		id, _, _ := strings.Cut(x, ".")
		return id
	}
	return nil
}

func (c *comparison) subTargets(stack string, v any) []key {
	s, _ := v.(string)
	var vars map[string]any
	if l, ok := v.([]any); ok && len(l) == 2 {
		s, _ = l[0].(string)
		vars, _ = l[1].(map[string]any)
	}
	out := c.targets(stack, vars)
	for _, m := range subRef.FindAllStringSubmatch(s, -1) {
		out = append(out, c.resource(stack, m[1])...)
	}
	return out
}

// resource returns the key of a logical ID of stack's new template, or
// nothing when id names no resource (a parameter, a pseudo parameter).
func (c *comparison) resource(stack string, id any) []key {
	s, _ := id.(string)
	if _, ok := resources(c.new[stack])[s]; !ok {
		return nil
	}
	return []key{{stack, s}}
}

func (c *comparison) output(stack, name string) []key {
	outputs, _ := c.new[stack]["Outputs"].(map[string]any)
	o, _ := outputs[name].(map[string]any)
	return c.targets(stack, o["Value"])
}

func (c *comparison) export(name any) []key {
	for _, stack := range slices.Sorted(maps.Keys(c.new)) {
		outputs, _ := c.new[stack]["Outputs"].(map[string]any)
		for _, o := range outputs {
			om, _ := o.(map[string]any)
			if exp, _ := om["Export"].(map[string]any); exp != nil && fmt.Sprint(exp["Name"]) == fmt.Sprint(name) {
				return c.targets(stack, om["Value"])
			}
		}
	}
	return nil
}
