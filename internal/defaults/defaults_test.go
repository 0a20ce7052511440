package defaults

import "testing"

func TestSetKeepsUserValueAndCopiesDefault(t *testing.T) {
	var unset *int
	Set(&unset, 3)
	if unset == nil || *unset != 3 {
		t.Fatalf("unset field = %v, want 3", unset)
	}
	user := 0
	given := &user
	Set(&given, 3)
	if given != &user || *given != 0 {
		t.Fatalf("Set overwrote the user's explicit zero")
	}
	var a, b *int
	Set(&a, 1)
	Set(&b, 1)
	if a == b {
		t.Fatal("defaults share one pointer")
	}
}

func TestOr(t *testing.T) {
	v := 7
	if got := Or(&v, 1); got != &v {
		t.Error("Or replaced a set value")
	}
	if got := Or(nil, 1); got == nil || *got != 1 {
		t.Errorf("Or(nil, 1) = %v", got)
	}
}
