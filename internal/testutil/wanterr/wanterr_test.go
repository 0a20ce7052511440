package wanterr

import (
	"errors"
	"testing"
)

type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Errorf(string, ...any) { r.failed = true }

func TestCheck(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want []string
		fail bool
	}{
		{nil, nil, false},
		{errors.New("a: bad"), nil, true},
		{nil, []string{"a:"}, true},
		{errors.New("a: bad\nb: worse"), []string{"a: bad", "b: worse"}, false},
		{errors.New("a: bad"), []string{"a: bad", "b: worse"}, true},
	} {
		r := &recorder{TB: t}
		Check(r, tt.err, tt.want)
		if r.failed != tt.fail {
			t.Errorf("Check(%v, %q) failed=%v, want %v", tt.err, tt.want, r.failed, tt.fail)
		}
	}
}
