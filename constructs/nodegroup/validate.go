package nodegroup

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/ballast-eks/ballast/internal/ec2types"
)

var (
	nameRe       = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$`)
	k8sVersionRe = regexp.MustCompile(`^1\.\d{2}$`)
	// AL2023 releases are "<k8s major.minor.patch>-<yyyymmdd>".
	al2023ReleaseRe = regexp.MustCompile(`^(\d+\.\d+)\.\d+-\d{8}$`)
	// al2023DatedReleaseRe is an AL2023 release whose suffix is a build
	// date (20yymmdd), which a Bottlerocket commit almost never spells.
	al2023DatedReleaseRe = regexp.MustCompile(`^\d+\.\d+\.\d+-20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`)
	// Bottlerocket releases are "<os version>[-<commit>]".
	bottlerocketReleaseRe = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9a-f]{8})?$`)
)

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>": the resources the groups are
// wired to (Cluster, NodeRole, VolumeKey, one subnet per AZ), the
// KubernetesVersion the cluster sets, then every rule of ValidateSettings.
// It is pure Go: nil checks only on jsii values.
func (p NodeGroupSetProps) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.Cluster == nil {
		add("cluster: required")
	}
	if p.NodeRole == nil {
		add("nodeRole: required (one role per cluster, see NewNodeRole)")
	}
	if p.VolumeKey == nil {
		add("volumeKey: required (EBS volumes are encrypted with a customer-managed key)")
	}
	if p.KubernetesVersion == nil {
		add("kubernetesVersion: required, the cluster's version such as \"1.36\"")
	}
	switch n := len(p.AvailabilityZones); {
	case len(p.Subnets) == 0:
		add("subnets: required, one private subnet per availability zone")
	case len(p.Subnets) != n:
		add("subnets: need one private subnet per availability zone (%d in availabilityZones), got %d", n, len(p.Subnets))
	}
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings reports every problem with the props except the
// presence of the resources the groups are wired to and of
// KubernetesVersion (the cluster sets it; it is checked when set), so the
// settings can be checked before those exist. Unset fields are checked as
// their defaults; errors are as from Validate.
func (p NodeGroupSetProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p NodeGroupSetProps) settings() []error {
	p = withDefaults(p)
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if v := p.KubernetesVersion; v != nil && !k8sVersionRe.MatchString(*v) {
		add("kubernetesVersion: not a Kubernetes version such as \"1.36\", got %q", *v)
	}
	if p.Name == nil || !nameRe.MatchString(*p.Name) {
		add("name: required, 1-32 lower-case letters, digits or '-', got %s", show(p.Name))
	}
	if n := len(p.AvailabilityZones); n < minAvailabilityZones {
		add("availabilityZones: need at least %d (one node group per AZ), got %d", minAvailabilityZones, n)
	}
	errs = append(errs, p.validateInstanceTypes()...)
	errs = append(errs, p.validateAMI()...)
	errs = append(errs, p.validateSizes()...)
	errs = append(errs, p.validateRepair()...)
	errs = append(errs, validateLabels(p.Labels)...)
	errs = append(errs, validateTaints(p.Taints)...)
	return append(errs, p.validateLaunchTemplate()...)
}

// minAvailabilityZones is the fewest AZs a set spans: one AZ's failure
// must leave nodes in another.
const minAvailabilityZones = 2

func show(s *string) string {
	if s == nil {
		return "nothing"
	}
	return fmt.Sprintf("%q", *s)
}

// validateInstanceTypes checks the types are known, of one architecture, and
// diverse enough for spot.
func (p NodeGroupSetProps) validateInstanceTypes() []error {
	var errs []error
	specs, typeErrs := checkInstanceTypes(*p.CapacityType, p.InstanceTypes, p.lookup)
	for _, err := range typeErrs {
		errs = append(errs, fmt.Errorf("instanceTypes: %w", err))
	}
	errs = append(errs, p.validateAccelerators(specs)...)
	errs = append(errs, p.validateInstanceFacts()...)
	if c := *p.CapacityType; c != OnDemand && c != Spot {
		errs = append(errs, errors.New("capacityType: unknown capacity type"))
	}
	return errs
}

// CheckInstanceTypes reports the problems with a group's instance types for
// a capacity type: types missing from the ec2types table, mixed
// architectures, and for spot too little diversity. Pure Go; Validate
// reports each under instanceTypes.
func CheckInstanceTypes(capacity CapacityType, types []string) []error {
	_, errs := checkInstanceTypes(capacity, types, ec2types.Lookup)
	return errs
}

// checkInstanceTypes is CheckInstanceTypes with the facts of lookup; it
// also returns the facts of the types it found.
func checkInstanceTypes(capacity CapacityType, types []string, lookup func(string) (ec2types.Spec, error)) (map[string]ec2types.Spec, []error) {
	var errs []error
	if len(types) == 0 {
		errs = append(errs, fmt.Errorf("at least one instance type is required"))
	}
	specs := map[string]ec2types.Spec{}
	for _, t := range types {
		s, err := lookup(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		specs[t] = s
	}
	if archs := archesOf(specs); len(archs) > 1 {
		errs = append(errs, fmt.Errorf("mixes architectures %s; one group runs one AMI, use one group per architecture", strings.Join(archs, " and ")))
	}
	if capacity == Spot {
		errs = append(errs, validateSpot(types, specs)...)
	}
	return specs, errs
}

func archesOf(specs map[string]ec2types.Spec) []string {
	var archs []string
	for _, s := range specs {
		if !slices.Contains(archs, string(s.Arch)) {
			archs = append(archs, string(s.Arch))
		}
	}
	slices.Sort(archs)
	return archs
}

// validateSpot enforces spot diversity: at least MinSpotInstanceTypes
// distinct types, all of one size class, so an interruption wave in one
// capacity pool leaves others and the Cluster Autoscaler sees uniform nodes.
func validateSpot(types []string, specs map[string]ec2types.Spec) []error {
	var errs []error
	distinct := slices.Compact(slices.Sorted(slices.Values(types)))
	if len(distinct) < MinSpotInstanceTypes {
		errs = append(errs, fmt.Errorf("a SPOT group needs at least %d instance types of the same size class and architecture (e.g. m6i.large,m6a.large,m7i.large), got %d: %s",
			MinSpotInstanceTypes, len(distinct), strings.Join(distinct, ",")))
	}
	classes := map[string][]string{}
	for _, t := range distinct {
		if s, ok := specs[t]; ok {
			classes[s.SizeClass()] = append(classes[s.SizeClass()], t)
		}
	}
	if len(classes) > 1 {
		var parts []string
		for _, c := range slices.Sorted(maps.Keys(classes)) {
			parts = append(parts, fmt.Sprintf("%s (%s)", c, strings.Join(classes[c], ",")))
		}
		errs = append(errs, fmt.Errorf("a SPOT group's instance types must share one size class (vCPUs and memory) so the Cluster Autoscaler sizes nodes right, got %s", strings.Join(parts, "; ")))
	}
	return errs
}

func (p NodeGroupSetProps) validateAMI() []error {
	switch *p.AMIFamily {
	case AL2023, Bottlerocket:
		if p.ReleaseVersion == nil {
			return nil
		}
		version := ""
		if p.KubernetesVersion != nil {
			version = *p.KubernetesVersion
		}
		if err := CheckReleaseVersion(*p.AMIFamily, version, *p.ReleaseVersion); err != nil {
			return []error{fmt.Errorf("releaseVersion: %w", err)}
		}
	case AL2:
		return []error{errors.New("amiFamily: Amazon Linux 2 has reached end of support and has no AMIs for current Kubernetes versions")}
	default:
		return []error{errors.New("amiFamily: unknown AMI family")}
	}
	return nil
}

// CheckReleaseVersion checks an AMI release version's form for the family,
// and for AL2023 that it belongs to the cluster's Kubernetes version; an
// empty kubernetesVersion (not known yet) checks the form only.
func CheckReleaseVersion(family AMIFamily, kubernetesVersion, release string) error {
	switch family {
	case AL2023:
		example := kubernetesVersion
		if example == "" {
			example = "1.36"
		}
		m := al2023ReleaseRe.FindStringSubmatch(release)
		if m == nil {
			return fmt.Errorf("%q is not an AL2023 EKS AMI release such as \"%s.0-20260115\"", release, example)
		}
		if kubernetesVersion != "" && m[1] != kubernetesVersion {
			return fmt.Errorf("%q is for Kubernetes %s, but the cluster runs %s; bump the release with the version", release, m[1], kubernetesVersion)
		}
	case Bottlerocket:
		if !bottlerocketReleaseRe.MatchString(release) {
			return fmt.Errorf("%q is not a Bottlerocket release such as \"1.30.0\" or \"1.30.0-1a2b3c4d\"", release)
		}
		if al2023DatedReleaseRe.MatchString(release) {
			return fmt.Errorf("%q is an AL2023 EKS AMI release (a build date, not a Bottlerocket commit); give a Bottlerocket release such as \"1.30.0\"", release)
		}
	}
	return nil
}

func (p NodeGroupSetProps) validateSizes() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	minSize, desired, maxSize := *p.MinSize, *p.DesiredSize, *p.MaxSize
	sizes := fmt.Sprintf("min=%d desired=%d max=%d", minSize, desired, maxSize)
	if minSize < 0 || minSize > MaxNodesPerGroup {
		add("minSize: out of range (0 to %d)", MaxNodesPerGroup)
	}
	if maxSize < 1 || maxSize > MaxNodesPerGroup {
		add("maxSize: out of range (the EKS quota is %d nodes per node group)", MaxNodesPerGroup)
	}
	if minSize > maxSize {
		add("maxSize: must be >= minSize (%s)", sizes)
	}
	if desired < minSize || desired > maxSize {
		add("desiredSize: must be between min and max (%s)", sizes)
	}
	return errs
}

func (p NodeGroupSetProps) validateLaunchTemplate() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if d := *p.DiskSizeGiB; d < MinDiskSizeGiB || d > MaxDiskSizeGiB {
		add("diskSizeGiB: out of range (%d to %d GiB)", MinDiskSizeGiB, MaxDiskSizeGiB)
	}
	if h := *p.MetadataHopLimit; h != 1 && h != 2 {
		add("metadataHopLimit: out of range (1 keeps pods away from instance metadata; 2 lets them reach it, with a warning)")
	}
	if m := *p.MaxUnavailablePercentage; m < 1 || m > 100 {
		add("maxUnavailablePercentage: must be 1 to 100, got %d", m)
	}
	return errs
}

// CheckClusterQuota reports when the sets of one cluster would create more
// managed node groups than EKS allows (one per AZ per set; see
// CheckClusterNodeGroups).
func CheckClusterQuota(sets []NodeGroupSetProps) error {
	n := 0
	for _, s := range sets {
		n += len(s.AvailabilityZones)
	}
	return CheckClusterNodeGroups(n)
}
