package golden

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Diff lists the differences between two templates, one line each, as
// "<path>: <what changed>". Paths under Resources name the resource's type,
// e.g. "Resources.Cluster1234 (AWS::EKS::Cluster).Properties.Version".
func Diff(want, got map[string]any) []string {
	var out []string
	diff(&out, "", want, got, want, got)
	return out
}

func diff(out *[]string, path string, want, got any, wantRoot, gotRoot map[string]any) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: was %s, now %s", orRoot(path), short(want), short(got)))
			return
		}
		keys := slices.Sorted(maps.Keys(merge(w, g)))
		for _, k := range keys {
			p := join(path, k, wantRoot, gotRoot)
			wv, inW := w[k]
			gv, inG := g[k]
			switch {
			case !inG:
				*out = append(*out, fmt.Sprintf("%s: removed (was %s)", p, short(wv)))
			case !inW:
				*out = append(*out, fmt.Sprintf("%s: added %s", p, short(gv)))
			default:
				diff(out, p, wv, gv, wantRoot, gotRoot)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: was %s, now %s", orRoot(path), short(want), short(got)))
			return
		}
		for i := range w {
			diff(out, fmt.Sprintf("%s[%d]", path, i), w[i], g[i], wantRoot, gotRoot)
		}
	default:
		if fmt.Sprint(want) != fmt.Sprint(got) || fmt.Sprintf("%T", want) != fmt.Sprintf("%T", got) {
			*out = append(*out, fmt.Sprintf("%s: was %s, now %s", orRoot(path), short(want), short(got)))
		}
	}
}

func merge(a, b map[string]any) map[string]any {
	m := maps.Clone(a)
	maps.Copy(m, b)
	return m
}

// join extends path by key, naming the resource type for a logical ID.
func join(path, key string, wantRoot, gotRoot map[string]any) string {
	if path == "Resources" {
		typ := resourceType(gotRoot, key)
		if typ == "" {
			typ = resourceType(wantRoot, key)
		}
		return fmt.Sprintf("Resources.%s (%s)", key, typ)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func resourceType(root map[string]any, id string) string {
	res, _ := root["Resources"].(map[string]any)
	r, _ := res[id].(map[string]any)
	t, _ := r["Type"].(string)
	return t
}

func orRoot(path string) string {
	if path == "" {
		return "(template)"
	}
	return path
}

func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 160 {
		s = s[:157] + "..."
	}
	return strings.ReplaceAll(s, "\n", " ")
}
