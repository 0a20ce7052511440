package fargate

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
)

// Limits EKS sets on Fargate profiles.
const (
	MaxSelectors      = 5
	MaxLabels         = 5
	MaxProfileNameLen = 100
)

var (
	nameRe      = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]*$`)
	namespaceRe = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)
	labelKeyRe  = regexp.MustCompile(`^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$`)
	labelValRe  = regexp.MustCompile(`^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$`)
)

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>".
func (p FargateProps) Validate() error {
	var errs []error
	if p.Cluster == nil {
		errs = append(errs, errors.New("cluster: required"))
	}
	if len(p.Subnets) == 0 {
		errs = append(errs, errors.New("subnets: at least one private subnet is required"))
	}
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings is Validate without the presence of the cluster and
// subnets.
func (p FargateProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p FargateProps) settings() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.ClusterName == nil || !nameRe.MatchString(*p.ClusterName) {
		add("clusterName: required, an EKS cluster name")
	}
	if len(p.Profiles) == 0 {
		add("profiles: at least one profile")
	}
	seen := map[string]bool{}
	for i, pr := range p.Profiles {
		path := fmt.Sprintf("profiles[%s]", pr.Name)
		if pr.Name == "" {
			path = fmt.Sprintf("profiles[%d]", i)
		}
		if seen[pr.Name] {
			add("%s: listed twice; profile names must be unique", path)
		}
		seen[pr.Name] = true
		errs = append(errs, pr.validate(path)...)
	}
	return errs
}

func (pr ProfileProps) validate(path string) []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !nameRe.MatchString(pr.Name) || len(pr.Name) > MaxProfileNameLen {
		add("%s.name: %q is not a profile name (1-%d letters, digits, '-' or '_', starting with a letter or digit)", path, pr.Name, MaxProfileNameLen)
	}
	if n := len(pr.Selectors); n < 1 || n > MaxSelectors {
		add("%s.selectors: need 1 to %d selectors, got %d", path, MaxSelectors, n)
	}
	for i, s := range pr.Selectors {
		sp := fmt.Sprintf("%s.selectors[%d]", path, i)
		if !namespaceRe.MatchString(s.Namespace) {
			add("%s.namespace: %q is not a namespace name", sp, s.Namespace)
		}
		if len(s.Labels) > MaxLabels {
			add("%s.labels: at most %d labels, got %d", sp, MaxLabels, len(s.Labels))
		}
		for _, k := range slices.Sorted(maps.Keys(s.Labels)) {
			if !labelKeyRe.MatchString(k) || !labelValRe.MatchString(s.Labels[k]) {
				add("%s.labels[%s]: not a Kubernetes label", sp, k)
			}
		}
	}
	return errs
}
