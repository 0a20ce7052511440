package guard

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// tokenFunctions are the intrinsics whose value is only known at deploy
// time; the guard compares them by expression.
var tokenFunctions = []string{"Ref", "Fn::GetAtt", "Fn::GetStackOutput", "Fn::ImportValue", "Fn::Sub"}

// isToken reports whether v is a single intrinsic whose value is resolved
// at deploy time.
func isToken(v any) bool {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return false
	}
	for k := range m {
		return slices.Contains(tokenFunctions, k)
	}
	return false
}

// difference is how two values at one location differ.
type difference int

const (
	same    difference = iota
	token              // only references differ: the deployed value may be the same
	literal            // a value differs for certain
)

// location is one place where two values differ.
type location struct {
	path     string
	old, new any
	kind     difference
}

// differences lists where old and new differ below path, deepest first
// place each; references are compared by expression.
func differences(path string, old, new any) []location {
	if reflect.DeepEqual(old, new) {
		return nil
	}
	if old == nil || new == nil {
		return []location{{path, old, new, literal}}
	}
	if isToken(old) || isToken(new) {
		return []location{{path, old, new, token}}
	}
	switch o := old.(type) {
	case map[string]any:
		n, ok := new.(map[string]any)
		if !ok {
			break
		}
		var out []location
		for _, k := range slices.Sorted(maps.Keys(merged(o, n))) {
			out = append(out, differences(path+"/"+k, o[k], n[k])...)
		}
		return out
	case []any:
		n, ok := new.([]any)
		if !ok || len(n) != len(o) {
			break
		}
		var out []location
		for i := range o {
			out = append(out, differences(fmt.Sprintf("%s/%d", path, i), o[i], n[i])...)
		}
		return out
	}
	return []location{{path, old, new, literal}}
}

func merged(a, b map[string]any) map[string]any {
	m := make(map[string]any, len(a)+len(b))
	maps.Copy(m, a)
	maps.Copy(m, b)
	return m
}

// worst returns the strongest difference among locs.
func worst(locs []location) difference {
	d := same
	for _, l := range locs {
		d = max(d, l.kind)
	}
	return d
}

// show renders a value briefly for a report: references as Ref(X),
// GetAtt(X.Arn), GetStackOutput(stack.Output), other values as JSON.
func show(v any) string {
	if v == nil {
		return "(unset)"
	}
	if s, ok := showToken(v); ok {
		return s
	}
	b, _ := json.Marshal(v)
	s := strings.ReplaceAll(string(b), "\n", " ")
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

func showToken(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok || !isToken(v) {
		return "", false
	}
	switch {
	case m["Ref"] != nil:
		return fmt.Sprintf("Ref(%v)", m["Ref"]), true
	case m["Fn::GetAtt"] != nil:
		if ga, ok := m["Fn::GetAtt"].([]any); ok && len(ga) == 2 {
			return fmt.Sprintf("GetAtt(%v.%v)", ga[0], ga[1]), true
		}
	case m["Fn::GetStackOutput"] != nil:
		if o, ok := m["Fn::GetStackOutput"].(map[string]any); ok {
			return fmt.Sprintf("GetStackOutput(%v.%v)", o["StackName"], o["OutputName"]), true
		}
	case m["Fn::ImportValue"] != nil:
		return fmt.Sprintf("ImportValue(%s)", show(m["Fn::ImportValue"])), true
	}
	return "", false
}
