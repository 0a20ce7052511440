package baseline

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
)

var (
	// namespaceRe is a Kubernetes namespace name (RFC 1123 label).
	namespaceRe = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)
	versionRe   = regexp.MustCompile(`^1\.\d{1,2}$`)
	clusterRe   = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`)
)

// levels lists the Pod Security levels, least strict first.
var levels = []PodSecurityLevel{PSAPrivileged, PSABaseline, PSARestricted}

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>", in pure Go.
func (p BaselineProps) Validate() error {
	d := p.WithDefaults()
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if d.ClusterName == nil || !clusterRe.MatchString(*d.ClusterName) {
		add("clusterName: required, an EKS cluster name (1-100 letters, digits, '-' or '_')")
	}
	if d.KubernetesVersion == nil || !versionRe.MatchString(*d.KubernetesVersion) {
		add("kubernetesVersion: required, a Kubernetes minor version such as 1.36")
	}
	errs = append(errs, d.TeamDefaults.validate("teamDefaults", nil)...)
	seen := map[string]bool{}
	for i, t := range d.Teams {
		path := fmt.Sprintf("teams[%s]", t.Name)
		if t.Name == "" {
			path = fmt.Sprintf("teams[%d]", i)
		}
		if seen[t.Name] {
			add("%s: listed twice; team namespaces must be unique", path)
		}
		seen[t.Name] = true
		if err := CheckNamespace(path+".name", t.Name); err != nil {
			errs = append(errs, err)
		}
		errs = append(errs, t.TeamSettings.validate(path, &p.Teams[i].TeamSettings)...)
	}
	if o := d.OverProvisioning; o != nil {
		errs = append(errs, o.validate("overProvisioning")...)
	}
	return errors.Join(errs...)
}

// CheckNamespace reports why name cannot be a team namespace, or nil.
func CheckNamespace(path, name string) error {
	switch {
	case !namespaceRe.MatchString(name):
		return fmt.Errorf("%s: %q is not a namespace name (lower-case letters, digits and '-', at most 63)", path, name)
	case name == "default" || strings.HasPrefix(name, "kube-") || strings.HasPrefix(name, "ballast-"):
		return fmt.Errorf("%s: %q is reserved (default, kube-* and ballast-* belong to the platform)", path, name)
	}
	return nil
}

// validate checks filled settings t. own are the settings as the team
// wrote them (nil for the team defaults): a problem of a value the team
// inherits is reported once, under teamDefaults, not once per team.
func (t TeamSettings) validate(path string, own *TeamSettings) []error {
	o := ownedFields(own)
	var errs []error
	add := func(mine bool, err error) {
		if mine && err != nil {
			errs = append(errs, err)
		}
	}
	enforce, warn := slices.Index(levels, *t.Enforce), slices.Index(levels, *t.Warn)
	if enforce < 0 {
		add(o.enforce, fmt.Errorf("%s.enforce: unknown Pod Security level (privileged, baseline or restricted)", path))
	}
	if warn < 0 {
		add(o.warn, fmt.Errorf("%s.warn: unknown Pod Security level (privileged, baseline or restricted)", path))
	}
	if enforce >= 0 && warn >= 0 && warn < enforce {
		add(o.enforce || o.warn, fmt.Errorf("%s.warn: %s is less strict than enforce (%s); warn at least at the enforced level", path, *t.Warn, *t.Enforce))
	}
	q, l := t.Quota, t.Limits
	add(o.requestsCPU, checkQuantity(path+".quota.requestsCPU", *q.RequestsCPU))
	add(o.requestsMemory, checkQuantity(path+".quota.requestsMemory", *q.RequestsMemory))
	add(o.limitsMemory, checkQuantity(path+".quota.limitsMemory", *q.LimitsMemory))
	if *q.Pods < 1 {
		add(o.pods, fmt.Errorf("%s.quota.pods: must be at least 1, got %d", path, *q.Pods))
	}
	add(o.defaultRequestCPU, checkQuantity(path+".limits.defaultRequestCPU", *l.DefaultRequestCPU))
	add(o.defaultRequestMemory, checkQuantity(path+".limits.defaultRequestMemory", *l.DefaultRequestMemory))
	add(o.defaultLimitMemory, checkQuantity(path+".limits.defaultLimitMemory", *l.DefaultLimitMemory))
	if less(*l.DefaultLimitMemory, *l.DefaultRequestMemory) {
		add(o.defaultRequestMemory || o.defaultLimitMemory, fmt.Errorf("%s.limits.defaultLimitMemory: %s is below defaultRequestMemory (%s)",
			path, *l.DefaultLimitMemory, *l.DefaultRequestMemory))
	}
	return errs
}

// owned says which fields of a team's settings the team set itself.
type owned struct {
	enforce, warn                                               bool
	requestsCPU, requestsMemory, limitsMemory, pods             bool
	defaultRequestCPU, defaultRequestMemory, defaultLimitMemory bool
}

func ownedFields(s *TeamSettings) owned {
	if s == nil {
		return owned{true, true, true, true, true, true, true, true, true}
	}
	q, l := deref(s.Quota), deref(s.Limits)
	return owned{
		enforce: s.Enforce != nil, warn: s.Warn != nil,
		requestsCPU: q.RequestsCPU != nil, requestsMemory: q.RequestsMemory != nil, limitsMemory: q.LimitsMemory != nil, pods: q.Pods != nil,
		defaultRequestCPU: l.DefaultRequestCPU != nil, defaultRequestMemory: l.DefaultRequestMemory != nil, defaultLimitMemory: l.DefaultLimitMemory != nil,
	}
}

func (o OverProvisioningProps) validate(path string) []error {
	var errs []error
	if len(o.AvailabilityZones) == 0 {
		errs = append(errs, fmt.Errorf("%s.availabilityZones: at least one AZ is required", path))
	}
	if r := *o.Replicas; r < 1 || r > MaxPlaceholders {
		errs = append(errs, fmt.Errorf("%s.replicas: must be from 1 to %d, got %d", path, MaxPlaceholders, r))
	}
	errs = appendErr(errs, checkQuantity(path+".cpu", *o.CPU))
	errs = appendErr(errs, checkQuantity(path+".memory", *o.Memory))
	if *o.Image == "" {
		errs = append(errs, fmt.Errorf("%s.image: must not be empty", path))
	}
	return errs
}

// checkQuantity accepts a positive Kubernetes quantity.
func checkQuantity(path, s string) error {
	q, err := resource.ParseQuantity(s)
	if err != nil || q.Sign() <= 0 {
		return fmt.Errorf("%s: %q is not a positive Kubernetes quantity (such as 500m, 2, 512Mi or 16Gi)", path, s)
	}
	return nil
}

// less reports a < b for two quantities, false when either does not parse
// (that is reported on its own).
func less(a, b string) bool {
	qa, errA := resource.ParseQuantity(a)
	qb, errB := resource.ParseQuantity(b)
	return errA == nil && errB == nil && qa.Cmp(qb) < 0
}

func appendErr(errs []error, err error) []error {
	if err != nil {
		return append(errs, err)
	}
	return errs
}
