package guard

import (
	"fmt"
	"io"
	"strings"
)

// WriteReport writes a readable report of the verdict to w: one line per
// change (rejected ones marked REJECTED, allowed ones with their reason),
// the paths and values behind each, then a summary and the problems.
func WriteReport(w io.Writer, v Verdict) error {
	var b strings.Builder
	for _, c := range v.Changes {
		writeChange(&b, c, mark(c, v.allow))
	}
	b.WriteString(Summary(v) + "\n")
	for _, p := range v.Problems() {
		if !strings.HasPrefix(p, "rejected: ") {
			b.WriteString(p + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mark(c Change, allow []Allowance) string {
	if !c.Dangerous() {
		return ""
	}
	if i := allowing(allow, c); i >= 0 {
		return "allowed: " + allow[i].Reason
	}
	return "REJECTED"
}

func writeChange(b *strings.Builder, c Change, mark string) {
	state := ""
	if c.Stateful {
		state = ", stateful"
	}
	fmt.Fprintf(b, "%-11s %s/%s (%s%s)", c.Kind, c.Stack, c.LogicalID, c.Type, state)
	if mark != "" {
		fmt.Fprintf(b, "  %s", mark)
	}
	b.WriteString("\n")
	if c.Construct != "" {
		fmt.Fprintf(b, "            construct %s\n", c.Construct)
	}
	lines := c.Details
	if c.Kind == Update {
		lines = []string{"changed " + strings.Join(c.Paths, ", ")}
	}
	for _, d := range lines {
		fmt.Fprintf(b, "            %s\n", d)
	}
}

// Summary is one line counting the changes by kind and the verdict.
func Summary(v Verdict) string {
	counts := make([]int, len(kindNames))
	for _, c := range v.Changes {
		counts[c.Kind]++
	}
	var parts []string
	for k, n := range counts {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, Kind(k)))
		}
	}
	if len(parts) == 0 {
		parts = []string{"no change"}
	}
	verdict := "safe"
	switch {
	case len(v.Rejected) > 0:
		verdict = fmt.Sprintf("UNSAFE: %d stateful replacement(s) or deletion(s) not allowed", len(v.Rejected))
	case !v.OK():
		verdict = "the allow-list needs attention"
	}
	return fmt.Sprintf("%s; %d allowed; %s", strings.Join(parts, ", "), len(v.Allowed), verdict)
}
