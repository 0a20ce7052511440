package addon

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
)

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>": the resources the add-ons are
// wired to (Cluster, EBSKey), the KubernetesVersion the cluster sets, then
// every rule of ValidateSettings. It makes no jsii calls beyond nil checks.
func (p AddonsProps) Validate() error {
	var errs []error
	if p.Cluster == nil {
		errs = append(errs, errors.New("cluster: required"))
	}
	if p.EBSKey == nil && !isTrue(p.AutoMode) {
		errs = append(errs, errors.New("ebsKey: required (the EBS CSI driver encrypts volumes with it)"))
	}
	if p.KubernetesVersion == nil {
		errs = append(errs, errors.New("kubernetesVersion: required"))
	}
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings reports every problem with the props except the
// presence of the resources the add-ons are wired to and of
// KubernetesVersion (the cluster sets it; it is checked when set), so the
// settings can be checked before those exist. Unset fields are checked as
// their defaults; errors are as from Validate.
func (p AddonsProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p AddonsProps) settings() []error {
	if isTrue(p.AutoMode) {
		return p.autoModeSettings()
	}
	p = withDefaults(p)
	errs := p.versionSettings()
	errs = append(errs, p.VpcCni.validate("vpcCni")...)
	errs = append(errs, p.CoreDNS.validate("coreDNS")...)
	return append(errs, p.KubeProxy.validate("kubeProxy")...)
}

// autoModeSettings rejects what EKS Auto Mode would make Addons ignore:
// the configuration of the add-ons Auto Mode runs itself.
func (p AddonsProps) autoModeSettings() []error {
	var errs []error
	ignored := func(path string, set bool, what string) {
		if set {
			errs = append(errs, fmt.Errorf("%s: EKS Auto Mode (autoMode) runs %s itself; leave it unset", path, what))
		}
	}
	ignored("vpcCni", p.VpcCni != nil, "pod networking")
	ignored("coreDNS", p.CoreDNS != nil, "CoreDNS")
	ignored("kubeProxy", p.KubeProxy != nil, "kube-proxy")
	ignored("ebsCsi", p.EbsCsi != nil, "block storage")
	ignored("ebsKey", p.EBSKey != nil, "block storage")
	errs = append(errs, p.versionSettings()...)
	for _, name := range slices.Sorted(maps.Keys(p.VersionOverrides)) {
		if !slices.Contains(AutoModeAddons, name) {
			errs = append(errs, fmt.Errorf("versionOverrides[%s]: EKS Auto Mode installs only %v; leave it unset", name, AutoModeAddons))
		}
	}
	return errs
}

// versionSettings checks the version table row and the overrides.
func (p AddonsProps) versionSettings() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if v := p.KubernetesVersion; v != nil {
		if _, ok := Versions[*v]; !ok {
			add("kubernetesVersion: %q has no row in the add-on version table (have %v)", *v, KubernetesVersions())
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.VersionOverrides)) {
		if v := p.VersionOverrides[name]; !ValidVersion(v) {
			add("versionOverrides[%s]: %q is not an add-on version like v1.19.0-eksbuild.1", name, v)
		}
	}
	return errs
}

func isTrue(b *bool) bool { return b != nil && *b }

func (c *VpcCniConfig) validate(path string) []error {
	if c == nil || c.PrefixDelegation == nil {
		return nil
	}
	switch {
	case !*c.PrefixDelegation && c.WarmPrefixTarget != nil:
		return []error{fmt.Errorf("%s.warmPrefixTarget: only applies with prefixDelegation on", path)}
	case c.WarmPrefixTarget != nil && *c.WarmPrefixTarget < 0:
		return []error{fmt.Errorf("%s.warmPrefixTarget: must be >= 0, got %d", path, *c.WarmPrefixTarget)}
	}
	return nil
}

// MaxCoreDNSReplicas bounds CoreDNS replicas; past it, use autoscaling.
const MaxCoreDNSReplicas = 50

func (c *CoreDNSConfig) validate(path string) []error {
	var errs []error
	if c == nil {
		return nil
	}
	if c.Replicas != nil && (*c.Replicas < 1 || *c.Replicas > MaxCoreDNSReplicas) {
		errs = append(errs, fmt.Errorf("%s.replicas: out of range (1 to %d)", path, MaxCoreDNSReplicas))
	}
	if c.MaxUnavailable != nil && *c.MaxUnavailable < 1 {
		errs = append(errs, fmt.Errorf("%s.maxUnavailable: must be >= 1 (0 blocks every node drain), got %d", path, *c.MaxUnavailable))
	}
	// With several replicas the budget must keep one; a single replica (dev,
	// warned) cannot be protected and must not block node drains.
	if c.Replicas != nil && c.MaxUnavailable != nil && *c.Replicas > 1 && *c.MaxUnavailable >= *c.Replicas {
		errs = append(errs, fmt.Errorf("%s.maxUnavailable: must be < replicas (%d), got %d", path, *c.Replicas, *c.MaxUnavailable))
	}
	if c.ZoneSpread != nil && *c.ZoneSpread != ZoneSpreadScheduleAnyway && *c.ZoneSpread != ZoneSpreadDoNotSchedule {
		errs = append(errs, fmt.Errorf("%s.zoneSpread: must be %q or %q, got %q", path, ZoneSpreadScheduleAnyway, ZoneSpreadDoNotSchedule, *c.ZoneSpread))
	}
	return errs
}

func (c *KubeProxyConfig) validate(path string) []error {
	if c == nil || c.Mode == nil || *c.Mode == KubeProxyIPTables || *c.Mode == KubeProxyIPVS {
		return nil
	}
	return []error{fmt.Errorf("%s.mode: unknown kube-proxy mode", path)}
}

var (
	addonNameRe      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,99}$`)
	serviceAccountRe = regexp.MustCompile(`^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$`)
)

// Validate reports every problem with an add-on spec at once. The
// configuration must marshal to a JSON object.
func (s AddonSpec) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !addonNameRe.MatchString(s.Name) {
		add("name: %q is not an EKS add-on name", s.Name)
	}
	if !ValidVersion(s.Version) {
		add("version: %q is not an add-on version like v1.19.0-eksbuild.1", s.Version)
	}
	if _, err := configurationJSON(s.Configuration); err != nil {
		add("configuration: %v", err)
	}
	if pi := s.PodIdentity; pi != nil {
		if !serviceAccountRe.MatchString(pi.ServiceAccount) {
			add("podIdentity.serviceAccount: %q is not a Kubernetes service account name", pi.ServiceAccount)
		}
		if len(pi.ManagedPolicies) == 0 {
			add("podIdentity.managedPolicies: at least one AWS managed policy name is required")
		}
	}
	return errors.Join(errs...)
}

// configurationJSON marshals a configuration struct or map; nil means none.
func configurationJSON(cfg any) (string, error) {
	if cfg == nil {
		return "", nil
	}
	b, err := json.Marshal(cfg)
	if err != nil {
		return "", err
	}
	if string(b) == "null" {
		return "", nil
	}
	if b[0] != '{' {
		return "", fmt.Errorf("must marshal to a JSON object, got %s", b)
	}
	return string(b), nil
}
