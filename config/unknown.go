package config

import (
	"slices"
	"strings"
)

// Prefix starts the name of every variable Ballast reads. A set variable
// with this prefix that is not in Vars is an error: a misspelt name would
// otherwise be silently ignored (BALLAST_ENVIRONMENT=prod synthesizing
// dev).
const Prefix = "BALLAST_"

// acceptedNames is the Accepted text of an unknown variable.
const acceptedNames = "the variables of the README's variable table (ballast config prints them with their values)"

// LoadEnv is Load over a process environment (os.Environ's "NAME=value"
// entries), which also rejects every set BALLAST_ variable that is not in
// Vars, suggesting the nearest known name.
func LoadEnv(environ []string) (*Config, error) {
	vars, names := map[string]string{}, []string{}
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if _, dup := vars[name]; !dup {
			names = append(names, name)
		}
		vars[name] = value
	}
	lookup := func(name string) (string, bool) { v, ok := vars[name]; return v, ok }
	return loadNamed(lookup, names)
}

// validateNames reports each name with the Prefix that no Var has, in the
// order given, with the value it was set to.
func validateNames(p *problems, names []string, lookup Lookup) {
	for _, name := range names {
		if !strings.HasPrefix(name, Prefix) || known(name) {
			continue
		}
		raw, _ := lookup(name)
		msg := "unknown variable"
		if s := Suggest(name); s != "" {
			msg += "; did you mean " + s + "?"
		}
		*p = append(*p, &FieldError{Var: name, Value: raw, Problem: msg, Accepted: acceptedNames})
	}
}

func known(name string) bool {
	return slices.ContainsFunc(Vars, func(v Var) bool { return v.Name == name })
}

// Suggest returns the variable of Vars nearest to name, or "" when none is
// near: a name that contains the other's words (BALLAST_ENVIRONMENT and
// BALLAST_ENV, BALLAST_CAPACITY_TYPE and BALLAST_NODE_CAPACITY_TYPE) is
// near; otherwise the edit distance must be at most half the name's length.
func Suggest(name string) string {
	word := strings.TrimPrefix(name, Prefix)
	best, bestScore := "", -1
	for _, v := range Vars {
		cand := strings.TrimPrefix(v.Name, Prefix)
		d := editDistance(word, cand)
		contained := len(word) >= 3 && len(cand) >= 3 && (strings.HasPrefix(word, cand) || strings.HasSuffix(cand, word) || strings.HasPrefix(cand, word))
		if !contained && 2*d > len(word) {
			continue
		}
		score := d
		switch {
		case !contained:
			score += 2000 // a containment always ranks first
		case !strings.HasPrefix(word, cand):
			score += 1000 // a variable the name spells out, plus letters, ranks first of all
		}
		if bestScore < 0 || score < bestScore {
			best, bestScore = v.Name, score
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
