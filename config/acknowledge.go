package config

import (
	"fmt"
	"strings"

	"github.com/ballast-eks/ballast/platform"
)

// VarAcknowledge names the departures an environment accepts, so that
// `cdk synth --strict` passes without code.
const VarAcknowledge = "BALLAST_ACKNOWLEDGE"

// AcknowledgeConfig holds the acknowledged warnings.
type AcknowledgeConfig struct {
	// Acknowledge are warning IDs with the reason each is accepted.
	Acknowledge []platform.Acceptance
}

var acknowledgeVars = []Var{
	{VarAcknowledge, "Warnings this environment accepts, each with its reason (e.g. ballast:network-single-nat=cost accepted in staging); see docs/warnings.md.",
		"comma-separated <warning ID>=<reason> pairs of the warnings Ballast raises",
		fixed(""), func(c *Config, raw string) error {
			a, err := parseAcknowledge(raw)
			c.Acknowledge = a
			return err
		}},
}

// parseAcknowledge reads id=reason pairs; an ID given twice is an error.
func parseAcknowledge(raw string) ([]platform.Acceptance, error) {
	var out []platform.Acceptance
	seen := map[string]bool{}
	for _, kv := range List(raw) {
		id, reason, ok := strings.Cut(kv, "=")
		id, reason = strings.TrimSpace(id), strings.TrimSpace(reason)
		if !ok || id == "" || reason == "" {
			return nil, fmt.Errorf("must be comma-separated <warning ID>=<reason> pairs, got %q", kv)
		}
		if seen[id] {
			return nil, fmt.Errorf("%s is acknowledged twice", id)
		}
		seen[id] = true
		out = append(out, platform.Acceptance{Warning: id, Reason: reason})
	}
	return out, nil
}
