package logretention

import "testing"

func TestOf(t *testing.T) {
	if r, err := Of(30); err != nil || r != "ONE_MONTH" {
		t.Fatalf("Of(30) = %q, %v; want ONE_MONTH", r, err)
	}
	if _, err := Of(31); err == nil {
		t.Fatal("Of(31): want error")
	}
	if d := Days(); len(d) != 22 || d[0] != 1 || d[21] != 3653 {
		t.Fatalf("Days() = %v", d)
	}
}
