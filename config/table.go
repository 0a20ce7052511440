package config

import (
	"fmt"
	"strings"
)

// MarkdownTable renders Vars as the README's variable table: name, default
// per profile (as a user with nothing else set gets it), meaning and
// accepted values. A root test keeps README.md in step with it.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| Variable | dev | staging | prod | Meaning | Accepted |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	defaults := map[Profile]*Config{}
	for _, p := range Profiles {
		c, err := Defaults(p)
		if err != nil {
			panic(fmt.Sprintf("config: %s defaults are invalid: %v", p, err))
		}
		defaults[p] = c
	}
	none := func(string) (string, bool) { return "", false }
	for _, v := range Vars {
		cells := []string{"`" + v.Name + "`"}
		for _, p := range Profiles {
			d := v.Default(p, defaults[p], none)
			if v.Name == VarEnv {
				d = string(p)
			}
			if d == "" {
				d = "(unset)"
			} else {
				d = "`" + d + "`"
			}
			cells = append(cells, d)
		}
		cells = append(cells, esc(withReplacing(v)), esc(v.Accepted))
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}

// withReplacing is the variable's meaning, with what changing it replaces.
func withReplacing(v Var) string {
	if r, ok := Replacing[v.Name]; ok {
		return v.Meaning + " " + r
	}
	return v.Meaning
}

func esc(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
