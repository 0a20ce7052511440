package synthtest

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Pending is a known finding awaiting a fix by its owner (a construct
// package): the checker still runs and reports it, and a test fails when it
// no longer occurs, so the list only shrinks. It is not a suppression: the
// finding is fixed, or suppressed at the resource with a reason, and its
// entry removed. STRICT_CHECKS=1 ignores the list.
type Pending struct {
	Checker string `json:"checker"` // "cdk-nag" or "cfn-guard"
	Rule    string `json:"rule"`    // e.g. "AwsSolutions-VPC7", "ct-eks-pr-2"
	Finding string `json:"finding,omitempty"`
	// Where matches the construct path (cdk-nag) or "template/logicalId"
	// (cfn-guard); '*' matches any run of characters.
	Where string `json:"where"`
	Owner string `json:"owner"` // the package that owns the fix
	Fix   string `json:"fix"`   // the proposed fix or suppression, with its reason
}

// LoadPending reads the pending list for checker from path.
func LoadPending(path, checker string) ([]Pending, error) {
	if os.Getenv("STRICT_CHECKS") == "1" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var all []Pending
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Pending
	for _, p := range all {
		if p.Checker == checker {
			out = append(out, p)
		}
	}
	return out, nil
}

// Matches reports whether the pending entry covers m.
func (p Pending) Matches(m Message) bool {
	return p.Rule == m.Rule() && (p.Finding == "" || p.Finding == m.Finding()) && Glob(p.Where, m.Path)
}

func (p Pending) String() string {
	f := p.Rule
	if p.Finding != "" {
		f += "[" + p.Finding + "]"
	}
	return fmt.Sprintf("%s at %s (owner %s): %s", f, p.Where, p.Owner, p.Fix)
}

// Glob matches s against pattern, where '*' matches any run of characters
// (including '/') and everything else is literal.
func Glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(s)
}

// Split separates findings into those a pending entry covers and the rest,
// and returns the pending entries that matched nothing (stale).
func Split(findings []Message, pending []Pending) (covered, open []Message, stale []Pending) {
	used := make([]bool, len(pending))
	for _, f := range findings {
		hit := false
		for i, p := range pending {
			if p.Matches(f) {
				used[i], hit = true, true
			}
		}
		if hit {
			covered = append(covered, f)
		} else {
			open = append(open, f)
		}
	}
	for i, p := range pending {
		if !used[i] {
			stale = append(stale, p)
		}
	}
	return covered, open, stale
}
