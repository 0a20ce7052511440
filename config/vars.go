package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Env var names. Every validation message names one of these.
const (
	VarEnv               = "BALLAST_ENV"
	VarAccount           = "BALLAST_ACCOUNT"
	VarRegion            = "BALLAST_REGION"
	VarAZs               = "BALLAST_AZS"
	VarClusterName       = "BALLAST_CLUSTER_NAME"
	VarK8sVersion        = "BALLAST_K8S_VERSION"
	VarVPCCIDR           = "BALLAST_VPC_CIDR"
	VarNATMode           = "BALLAST_NAT_MODE"
	VarEndpointAccess    = "BALLAST_ENDPOINT_ACCESS"
	VarPublicAccessCIDRs = "BALLAST_PUBLIC_ACCESS_CIDRS"
	VarAdminRoleARNs     = "BALLAST_ADMIN_ROLE_ARNS"
	VarNodeInstanceTypes = "BALLAST_NODE_INSTANCE_TYPES"
	VarNodeMinSize       = "BALLAST_NODE_MIN_SIZE"
	VarNodeDesiredSize   = "BALLAST_NODE_DESIRED_SIZE"
	VarNodeMaxSize       = "BALLAST_NODE_MAX_SIZE"
	VarLogRetentionDays  = "BALLAST_LOG_RETENTION_DAYS"
	VarTags              = "BALLAST_TAGS"
)

// Var describes one environment variable: its name, what it means, what it
// accepts, its default per profile, and how it is applied to a Config.
// The table drives loading, error messages and the README's variable table.
type Var struct {
	Name     string
	Meaning  string
	Accepted string
	// Default returns the default for a profile, given the fields already
	// loaded (region-derived defaults need the region). "" means unset.
	Default func(p Profile, c *Config, lookup Lookup) string
	// Set parses raw into c. A parse error names the accepted form.
	Set func(c *Config, raw string) error
}

func fixed(v string) func(Profile, *Config, Lookup) string {
	return func(Profile, *Config, Lookup) string { return v }
}

func perProfile(dev, staging, prod string) func(Profile, *Config, Lookup) string {
	return func(p Profile, _ *Config, _ Lookup) string {
		switch p {
		case ProfileProd:
			return prod
		case ProfileStaging:
			return staging
		default:
			return dev
		}
	}
}

// List splits a comma-separated value, trimming blanks and dropping empties.
func List(raw string) []string {
	var out []string
	for _, s := range strings.Split(raw, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func setInt(dst *int) func(*Config, string) error {
	return func(_ *Config, raw string) error {
		n, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("must be a whole number")
		}
		*dst = n
		return nil
	}
}

func parseTags(raw string) (map[string]string, error) {
	tags := map[string]string{}
	for _, kv := range List(raw) {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("must be comma-separated key=value pairs, got %q", kv)
		}
		if _, dup := tags[k]; dup {
			return nil, fmt.Errorf("tag key %q is given twice", k)
		}
		tags[k] = strings.TrimSpace(v)
	}
	return tags, nil
}

// enum is a variable whose env spellings map onto construct values: Set
// parses a spelling (anything else is an "unknown <what>" error) and Spell
// renders a construct value back in the env spelling.
type enum[T ~string] struct {
	what      string
	spellings map[string]T
}

// sameSpelling is an enum whose env spellings are the construct values.
func sameSpelling[T ~string](what string, values ...T) enum[T] {
	m := map[string]T{}
	for _, v := range values {
		m[string(v)] = v
	}
	return enum[T]{what, m}
}

func (e enum[T]) set(field func(*Config) *T) func(*Config, string) error {
	return func(c *Config, raw string) error {
		v, ok := e.spellings[raw]
		if !ok {
			return fmt.Errorf("unknown %s", e.what)
		}
		*field(c) = v
		return nil
	}
}

func (e enum[T]) has(spelling string) bool { _, ok := e.spellings[spelling]; return ok }

func (e enum[T]) spell(value string) string {
	for s, v := range e.spellings {
		if string(v) == value {
			return s
		}
	}
	return value
}

// spellSwitch renders a construct boolean in a switch's spelling.
func spellSwitch(value string) string {
	switch value {
	case "true":
		return "on"
	case "false":
		return "off"
	}
	return value
}

// switchAccepted is the Accepted text of every on/off variable.
const switchAccepted = "on | off (true | false also accepted)"

// setOnOff parses a switch into the field field returns. It accepts on/off
// and, because people type them, true/false (any case).
func setOnOff(field func(*Config) *bool) func(*Config, string) error {
	return func(c *Config, raw string) error {
		switch strings.ToLower(raw) {
		case "on", "true":
			*field(c) = true
		case "off", "false":
			*field(c) = false
		default:
			return fmt.Errorf("must be on or off")
		}
		return nil
	}
}

// onIf renders a switch's default.
func onIf(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
