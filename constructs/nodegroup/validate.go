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
	// Bottlerocket releases are "<os version>[-<commit>]".
	bottlerocketReleaseRe = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9a-f]{8})?$`)
)

// Validate reports every problem with the (defaulted) props at once, each
// with its field path. It is pure Go: nil checks only on jsii values.
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
	if p.KubernetesVersion == nil || !k8sVersionRe.MatchString(*p.KubernetesVersion) {
		add("kubernetesVersion: required, the cluster's version such as \"1.36\", got %s", show(p.KubernetesVersion))
	}
	if p.Name == nil || !nameRe.MatchString(*p.Name) {
		add("name: required, 1-32 lower-case letters, digits or '-', got %s", show(p.Name))
	}
	if len(p.Subnets) < 2 {
		add("subnets: need one private subnet per AZ, at least 2, got %d", len(p.Subnets))
	}
	if len(p.AvailabilityZones) != len(p.Subnets) {
		add("availabilityZones: need one per subnet (%d), got %d", len(p.Subnets), len(p.AvailabilityZones))
	}
	errs = append(errs, p.validateInstanceTypes()...)
	errs = append(errs, p.validateAMI()...)
	errs = append(errs, p.validateSizes()...)
	errs = append(errs, validateLabels(p.Labels)...)
	errs = append(errs, validateTaints(p.Taints)...)
	errs = append(errs, p.validateLaunchTemplate()...)
	return errors.Join(errs...)
}

func show(s *string) string {
	if s == nil {
		return "nothing"
	}
	return fmt.Sprintf("%q", *s)
}

// validateInstanceTypes checks the types are known, of one architecture, and
// diverse enough for spot.
func (p NodeGroupSetProps) validateInstanceTypes() []error {
	capacity := OnDemand
	if p.CapacityType != nil {
		capacity = *p.CapacityType
	}
	var errs []error
	for _, err := range CheckInstanceTypes(capacity, p.InstanceTypes) {
		errs = append(errs, fmt.Errorf("instanceTypes: %w", err))
	}
	if capacity != OnDemand && capacity != Spot {
		errs = append(errs, fmt.Errorf("capacityType: must be %q or %q, got %q", OnDemand, Spot, capacity))
	}
	return errs
}

// CheckInstanceTypes reports the problems with a group's instance types for
// a capacity type: types missing from the ec2types table, mixed
// architectures, and for spot too little diversity. Pure Go; config uses it
// to report the same rules against its variables.
func CheckInstanceTypes(capacity CapacityType, types []string) []error {
	var errs []error
	if len(types) == 0 {
		errs = append(errs, fmt.Errorf("at least one instance type is required"))
	}
	specs := map[string]ec2types.Spec{}
	for _, t := range types {
		s, err := ec2types.Lookup(t)
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
	return errs
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
	if p.AMIFamily == nil {
		return nil
	}
	var errs []error
	switch *p.AMIFamily {
	case AL2023, Bottlerocket:
		if p.ReleaseVersion != nil && p.KubernetesVersion != nil {
			if err := CheckReleaseVersion(*p.AMIFamily, *p.KubernetesVersion, *p.ReleaseVersion); err != nil {
				errs = append(errs, fmt.Errorf("releaseVersion: %w", err))
			}
		}
	case AL2:
		errs = append(errs, fmt.Errorf("amiFamily: AL2 has reached end of support and has no AMIs for current Kubernetes versions; use %q or %q", AL2023, Bottlerocket))
	default:
		errs = append(errs, fmt.Errorf("amiFamily: must be %q or %q, got %q", AL2023, Bottlerocket, *p.AMIFamily))
	}
	return errs
}

// CheckReleaseVersion checks an AMI release version's form for the family,
// and for AL2023 that it belongs to the cluster's Kubernetes version.
func CheckReleaseVersion(family AMIFamily, kubernetesVersion, release string) error {
	switch family {
	case AL2023:
		m := al2023ReleaseRe.FindStringSubmatch(release)
		if m == nil {
			return fmt.Errorf("%q is not an AL2023 EKS AMI release such as \"%s.0-20260115\"", release, kubernetesVersion)
		}
		if m[1] != kubernetesVersion {
			return fmt.Errorf("%q is for Kubernetes %s, but the cluster runs %s; bump the release with the version", release, m[1], kubernetesVersion)
		}
	case Bottlerocket:
		if !bottlerocketReleaseRe.MatchString(release) {
			return fmt.Errorf("%q is not a Bottlerocket release such as \"1.30.0\" or \"1.30.0-1a2b3c4d\"", release)
		}
	}
	return nil
}

func (p NodeGroupSetProps) validateSizes() []error {
	if p.MinSize == nil || p.MaxSize == nil || p.DesiredSize == nil {
		return nil
	}
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	minSize, desired, maxSize := *p.MinSize, *p.DesiredSize, *p.MaxSize
	if minSize < 0 {
		add("minSize: must be >= 0, got %d", minSize)
	}
	if maxSize < 1 || maxSize > MaxNodesPerGroup {
		add("maxSize: must be 1 to %d (EKS nodes-per-node-group quota), got %d", MaxNodesPerGroup, maxSize)
	}
	if minSize > maxSize {
		add("maxSize: must be >= minSize (%d), got %d", minSize, maxSize)
	}
	if desired < minSize || desired > maxSize {
		add("desiredSize: must be between minSize (%d) and maxSize (%d), got %d", minSize, maxSize, desired)
	}
	return errs
}

func (p NodeGroupSetProps) validateLaunchTemplate() []error {
	var errs []error
	if d := p.DiskSizeGiB; d != nil && (*d < MinDiskSizeGiB || *d > MaxDiskSizeGiB) {
		errs = append(errs, fmt.Errorf("diskSizeGiB: must be %d to %d, got %d", MinDiskSizeGiB, MaxDiskSizeGiB, *d))
	}
	if h := p.MetadataHopLimit; h != nil && *h != 1 && *h != 2 {
		errs = append(errs, fmt.Errorf("metadataHopLimit: must be 1 (pods cannot reach IMDS) or 2 (they can, with a warning), got %d", *h))
	}
	if m := p.MaxUnavailablePercentage; m != nil && (*m < 1 || *m > 100) {
		errs = append(errs, fmt.Errorf("maxUnavailablePercentage: must be 1 to 100, got %d", *m))
	}
	return errs
}

// CheckClusterQuota reports when the sets of one cluster would create more
// managed node groups than EKS allows (one per AZ per set).
func CheckClusterQuota(sets []NodeGroupSetProps) error {
	n := 0
	for _, s := range sets {
		n += len(s.Subnets)
	}
	if n > MaxNodeGroupsPerCluster {
		return fmt.Errorf("nodeGroups: %d sets make %d managed node groups (one per AZ each); EKS allows %d per cluster", len(sets), n, MaxNodeGroupsPerCluster)
	}
	return nil
}
