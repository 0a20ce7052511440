// Package wanterr checks validation errors in table tests.
package wanterr

import (
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
