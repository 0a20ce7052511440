package guard

import (
	"fmt"
	"strings"
)

// Allowance accepts the replacement or deletion of one stateful resource,
// for a reason that is recorded with it.
type Allowance struct {
	// Stack is the stack name, LogicalID the resource's logical ID.
	Stack, LogicalID string
	// Reason says why losing or replacing the resource is intended.
	Reason string
}

// Allow returns the allowance for stack's resource logicalID, with the
// reason that makes its replacement or deletion intended.
func Allow(stack, logicalID, reason string) Allowance {
	return Allowance{Stack: stack, LogicalID: logicalID, Reason: reason}
}

func (a Allowance) String() string {
	return fmt.Sprintf("guard.Allow(%q, %q, %q)", a.Stack, a.LogicalID, a.Reason)
}

func (a Allowance) matches(c Change) bool {
	return a.Stack == c.Stack && a.LogicalID == c.LogicalID
}

// ParseAllowance reads "STACK/LOGICAL_ID=REASON", the command line's form.
func ParseAllowance(s string) (Allowance, error) {
	target, reason, ok := strings.Cut(s, "=")
	stack, id, ok2 := strings.Cut(target, "/")
	a := Allowance{Stack: strings.TrimSpace(stack), LogicalID: strings.TrimSpace(id), Reason: strings.TrimSpace(reason)}
	if !ok || !ok2 || a.invalid() != "" {
		return Allowance{}, fmt.Errorf("allowance %q: want STACK/LOGICAL_ID=REASON, each part non-empty", s)
	}
	return a, nil
}

// invalid says what the allowance lacks, or "".
func (a Allowance) invalid() string {
	var missing []string
	for _, f := range []struct{ name, v string }{{"stack", a.Stack}, {"logical ID", a.LogicalID}, {"reason", a.Reason}} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "names no " + strings.Join(missing, ", no ")
}

// Verdict is the judgement of a set of changes against an allow-list.
type Verdict struct {
	// Changes are every change judged.
	Changes []Change
	// Rejected are the dangerous changes no allowance names.
	Rejected []Change
	// Allowed are the dangerous changes an allowance names.
	Allowed []Change
	// Stale are the allowances that name no dangerous change: remove them.
	Stale []Allowance
	// Invalid are the allowances without a stack, logical ID or reason.
	Invalid []Allowance

	allow []Allowance
}

// Judge weighs changes against allow: every dangerous change (a stateful
// replacement, possible replacement or deletion) is rejected unless an
// allowance names its stack and logical ID; allowances that name no
// dangerous change are stale, and allowances without a reason invalid.
func Judge(changes []Change, allow ...Allowance) Verdict {
	v := Verdict{Changes: changes, allow: allow}
	used := make([]bool, len(allow))
	for _, c := range changes {
		if !c.Dangerous() {
			continue
		}
		i := allowing(allow, c)
		if i < 0 {
			v.Rejected = append(v.Rejected, c)
			continue
		}
		used[i] = true
		v.Allowed = append(v.Allowed, c)
	}
	for i, a := range allow {
		switch {
		case a.invalid() != "":
			v.Invalid = append(v.Invalid, a)
		case !used[i]:
			v.Stale = append(v.Stale, a)
		}
	}
	return v
}

func allowing(allow []Allowance, c Change) int {
	for i, a := range allow {
		if a.matches(c) && a.invalid() == "" {
			return i
		}
	}
	return -1
}

// OK reports whether nothing was rejected and every allowance is valid
// and used.
func (v Verdict) OK() bool {
	return len(v.Rejected) == 0 && len(v.Stale) == 0 && len(v.Invalid) == 0
}

// Problems lists, one line each, what makes the verdict not OK.
func (v Verdict) Problems() []string {
	var out []string
	for _, c := range v.Rejected {
		out = append(out, "rejected: "+c.String())
	}
	for _, a := range v.Stale {
		out = append(out, "stale allowance (matches no stateful replacement or deletion; remove it): "+a.String())
	}
	for _, a := range v.Invalid {
		out = append(out, "invalid allowance ("+a.invalid()+"): "+a.String())
	}
	return out
}
