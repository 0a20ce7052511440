// Package wanterr checks validation errors in table tests.
package wanterr

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// Check fails t unless err mentions every fragment of want; an empty want
// means err must be nil.
func Check(t testing.TB, err error, want []string) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error, want %q", want)
		return
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error:\n%v\ndoes not contain %q", err, w)
		}
	}
}

// fieldPathRe is how every problem of a Validate error starts: a field
// path (lowerCamel names, [index] or [name] items, dotted nesting).
var fieldPathRe = regexp.MustCompile(`^[a-z][A-Za-z]*(\[[^]]+\])?(\.[a-z][A-Za-z]*(\[[^]]+\])?)*: \S`)

// OnePerProblem fails t unless err joins exactly n problems, each one line
// starting with its field path, as the env layer that reads them expects.
func OnePerProblem(t testing.TB, err error, n int) {
	t.Helper()
	var j interface{ Unwrap() []error }
	if !errors.As(err, &j) || len(j.Unwrap()) != n {
		t.Fatalf("want %d problems, one error each:\n%v", n, err)
	}
	for _, e := range j.Unwrap() {
		if !fieldPathRe.MatchString(e.Error()) || strings.Contains(e.Error(), "\n") {
			t.Errorf("not one line with a field path: %q", e)
		}
	}
}
