package nodegroup

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

var (
	// labelNameRe is a Kubernetes qualified name's name part (and a label
	// value): 63 characters at most, alphanumeric at both ends.
	labelNameRe = regexp.MustCompile(`^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`)
	// dnsSubdomainRe is a label key's prefix (253 characters at most).
	dnsSubdomainRe = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
)

// reservedDomains are label key prefixes (and their subdomains) that
// Ballast, EKS or the kubelet set.
var reservedDomains = []string{"ballast.dev", "eks.amazonaws.com", "kubernetes.io", "k8s.io"}

// checkQualifiedName checks a label or taint key: [prefix/]name.
func checkQualifiedName(key string) error {
	prefix, name, hasPrefix := strings.Cut(key, "/")
	if !hasPrefix {
		name, prefix = prefix, ""
	}
	switch {
	case len(name) == 0 || len(name) > 63 || !labelNameRe.MatchString(name):
		return fmt.Errorf("name part %q must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit", name)
	case hasPrefix && (len(prefix) == 0 || len(prefix) > 253 || !dnsSubdomainRe.MatchString(prefix)):
		return fmt.Errorf("prefix %q must be a DNS subdomain (lower-case, at most 253 characters)", prefix)
	}
	return nil
}

func checkLabelValue(v string) error {
	if v != "" && (len(v) > 63 || !labelNameRe.MatchString(v)) {
		return fmt.Errorf("value %q must be empty or 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit", v)
	}
	return nil
}

func reserved(key string) bool {
	prefix, _, ok := strings.Cut(key, "/")
	return ok && slices.ContainsFunc(reservedDomains, func(d string) bool {
		return prefix == d || strings.HasSuffix(prefix, "."+d)
	})
}

func validateLabels(labels map[string]string) []error {
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		if err := checkQualifiedName(k); err != nil {
			errs = append(errs, fmt.Errorf("labels[%q]: key %w", k, err))
		} else if reserved(k) {
			errs = append(errs, fmt.Errorf("labels[%q]: prefixes under %s are set by Ballast, EKS or the kubelet", k, strings.Join(reservedDomains, ", ")))
		}
		if err := checkLabelValue(labels[k]); err != nil {
			errs = append(errs, fmt.Errorf("labels[%q]: %w", k, err))
		}
	}
	return errs
}

func validateTaints(taints []Taint) []error {
	var errs []error
	seen := map[string]bool{}
	for i, t := range taints {
		if err := checkQualifiedName(t.Key); err != nil {
			errs = append(errs, fmt.Errorf("taints[%d].key: %w", i, err))
		}
		if err := checkLabelValue(t.Value); err != nil {
			errs = append(errs, fmt.Errorf("taints[%d].value: %w", i, err))
		}
		if !slices.Contains([]TaintEffect{NoSchedule, PreferNoSchedule, NoExecute}, t.Effect) {
			errs = append(errs, fmt.Errorf("taints[%d].effect: must be %s, %s or %s, got %q", i, NoSchedule, PreferNoSchedule, NoExecute, t.Effect))
		}
		if id := t.Key + ":" + string(t.Effect); seen[id] {
			errs = append(errs, fmt.Errorf("taints[%d]: duplicate key %q and effect %s", i, t.Key, t.Effect))
		} else {
			seen[id] = true
		}
	}
	if len(taints) > maxTaints {
		errs = append(errs, fmt.Errorf("taints: EKS allows %d per node group, got %d", maxTaints, len(taints)))
	}
	return errs
}

// maxTaints is the EKS limit on taints per managed node group.
const maxTaints = 50
