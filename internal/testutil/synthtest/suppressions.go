package synthtest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Suppression is one cdk-nag suppression found in a synthesized template.
type Suppression struct {
	Path      string // construct path of the resource, or "(stack)" for a stack-wide one
	Rule      string
	AppliesTo string // comma-separated findings, "" for the whole rule
	Reason    string
}

// Suppressions returns every cdk-nag suppression in the assembly's
// templates (resource metadata and stack-wide template metadata).
func (a *Assembly) Suppressions() []Suppression {
	var out []Suppression
	for _, s := range a.Stacks {
		out = append(out, fromMetadata("/"+s.ID+" (stack)", s.Template["Metadata"])...)
		res, _ := s.Template["Resources"].(map[string]any)
		for id, r := range res {
			rm, _ := r.(map[string]any)
			path := s.Paths[id]
			if path == "" {
				path = "/" + s.ID + "/" + id
			}
			out = append(out, fromMetadata(path, rm["Metadata"])...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	return out
}

func (s Suppression) key() string {
	return strings.Join([]string{s.Path, s.Rule, s.AppliesTo, s.Reason}, "\x00")
}

func fromMetadata(path string, metadata any) []Suppression {
	m, _ := metadata.(map[string]any)
	nag, _ := m["cdk_nag"].(map[string]any)
	rules, _ := nag["rules_to_suppress"].([]any)
	var out []Suppression
	for _, r := range rules {
		rm, _ := r.(map[string]any)
		s := Suppression{Path: path, Rule: fmt.Sprint(rm["id"]), Reason: fmt.Sprint(rm["reason"])}
		if list, ok := rm["applies_to"].([]any); ok {
			var parts []string
			for _, a := range list {
				if str, ok := a.(string); ok {
					parts = append(parts, str)
				} else {
					b, _ := json.Marshal(a)
					parts = append(parts, string(b))
				}
			}
			s.AppliesTo = strings.Join(parts, ", ")
		}
		out = append(out, s)
	}
	return out
}

// ReadJSON reads a JSON file into v.
func ReadJSON(path string, v any) error { return readJSON(path, v) }
