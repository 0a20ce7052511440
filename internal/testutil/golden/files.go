package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// AssertFile compares a rendered text file with dir/name byte for byte,
// or rewrites it when -update is set. A mismatch fails t with the first
// differing lines.
func AssertFile(t testing.TB, dir, name string, got []byte) {
	t.Helper()
	path := filepath.Join(dir, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run `go test -update` and review the new file)", path, err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from %s (review, then `go test -update`):\n%s", name, path, lineDiff(string(want), string(got), 20))
	}
}

// lineDiff lists the lines that differ, position by position, up to max.
func lineDiff(want, got string, max int) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a == c {
			continue
		}
		if n++; n > max {
			b.WriteString("  ...\n")
			break
		}
		b.WriteString("  line " + itoa(i+1) + ":\n    - " + a + "\n    + " + c + "\n")
	}
	return b.String()
}

func itoa(i int) string {
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}
