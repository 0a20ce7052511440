package guard

import (
	"fmt"
	"reflect"
	"strings"
)

// propertyDiffs lists where a resource's properties differ under one
// create-only pointer ("/properties/A/B", "/properties/L/*/C"), with the
// concrete location of each difference.
func propertyDiffs(pointer string, oldProps, newProps map[string]any) []location {
	rest := strings.TrimPrefix(pointer, "/properties/")
	return walk("/properties", strings.Split(rest, "/"), asAny(oldProps), asAny(newProps))
}

// asAny keeps a nil map nil as an interface value.
func asAny(m map[string]any) any {
	if m == nil {
		return nil
	}
	return m
}

func walk(path string, segs []string, old, new any) []location {
	if len(segs) == 0 {
		return differences(path, old, new)
	}
	if isIntrinsic(old) || isIntrinsic(new) {
		// The structure below is only known at deploy time.
		if reflect.DeepEqual(old, new) {
			return nil
		}
		return []location{{path, old, new, token}}
	}
	if segs[0] == "*" {
		o, okO := listOrNil(old)
		n, okN := listOrNil(new)
		if !okO || !okN {
			return differences(path, old, new)
		}
		var out []location
		for i := range max(len(o), len(n)) {
			out = append(out, walk(fmt.Sprintf("%s/%d", path, i), segs[1:], item(o, i), item(n, i))...)
		}
		return out
	}
	o, okO := mapOrNil(old)
	n, okN := mapOrNil(new)
	if !okO || !okN {
		return differences(path, old, new)
	}
	return walk(path+"/"+segs[0], segs[1:], o[segs[0]], n[segs[0]])
}

// isIntrinsic reports whether v is a CloudFormation function call or
// reference ({"Ref": ...}, {"Fn::If": ...}).
func isIntrinsic(v any) bool {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return false
	}
	for k := range m {
		return k == "Ref" || strings.HasPrefix(k, "Fn::")
	}
	return false
}

func listOrNil(v any) ([]any, bool) {
	if v == nil {
		return nil, true
	}
	l, ok := v.([]any)
	return l, ok
}

func mapOrNil(v any) (map[string]any, bool) {
	if v == nil {
		return nil, true
	}
	m, ok := v.(map[string]any)
	return m, ok
}

func item(l []any, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}
