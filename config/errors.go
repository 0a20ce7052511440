package config

import (
	"errors"
	"fmt"
	"strings"
)

// FieldError is one configuration problem: which variable, the bad value,
// what is wrong and what is accepted.
type FieldError struct {
	Var      string
	Value    string
	Problem  string
	Accepted string
}

func (e *FieldError) Error() string {
	msg := fmt.Sprintf("%s=%q: %s", e.Var, e.Value, e.Problem)
	if e.Accepted != "" {
		msg += "; accepted: " + e.Accepted
	}
	return msg
}

// accepted returns the Accepted text of the named variable.
func accepted(name string) string {
	for _, v := range Vars {
		if v.Name == name {
			return v.Accepted
		}
	}
	return ""
}

// problems collects FieldErrors; its methods keep validation code short.
type problems []*FieldError

func (p *problems) add(name, value, format string, args ...any) {
	*p = append(*p, &FieldError{Var: name, Value: value, Problem: fmt.Sprintf(format, args...), Accepted: accepted(name)})
}

func (p problems) err() error {
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// without drops problems about variables that already failed to parse, so a
// bad value is reported once, by its parser.
func (p problems) without(failed map[string]bool) problems {
	var out problems
	for _, e := range p {
		if !failed[e.Var] {
			out = append(out, e)
		}
	}
	return out
}

func joinList(xs []string) string { return strings.Join(xs, ",") }
