package karpenter

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ballast-eks/ballast/internal/ec2types"
)

var (
	clusterRe = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]*$`)
	budgetRe  = regexp.MustCompile(`^(\d+|\d{1,2}%|100%)$`)
	aliasRe   = regexp.MustCompile(`^(al2023|bottlerocket)@(latest|v\d[\w.-]*)$`)
)

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>": the cluster it is wired to,
// then ValidateSettings.
func (p KarpenterProps) Validate() error {
	var errs []error
	if p.Cluster == nil {
		errs = append(errs, errors.New("cluster: required"))
	}
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings is Validate without the cluster's presence, so the
// settings can be checked before the cluster exists.
func (p KarpenterProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p KarpenterProps) settings() []error {
	d := p.WithDefaults()
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	switch {
	case d.ClusterName == nil:
		add("clusterName: required")
	case !clusterRe.MatchString(*d.ClusterName) || len(*d.ClusterName) > MaxClusterNameLength:
		add("clusterName: %q must be an EKS cluster name of at most %d characters (the node role is named <cluster>%s)", *d.ClusterName, MaxClusterNameLength, nodeRoleSuffix)
	}
	if len(d.AvailabilityZones) < 2 {
		add("availabilityZones: need at least 2, got %d", len(d.AvailabilityZones))
	}
	errs = append(errs, checkFamilies(d.InstanceFamilies)...)
	if len(d.CapacityTypes) == 0 {
		add("capacityTypes: at least one of on-demand, spot")
	}
	for i, c := range d.CapacityTypes {
		if c != OnDemand && c != Spot {
			add("capacityTypes[%d]: %q is not on-demand or spot", i, c)
		}
	}
	errs = append(errs, d.checkDisruption()...)
	if !aliasRe.MatchString(*d.AMIAlias) {
		add("amiAlias: %q is not an AMI alias such as al2023@latest or al2023@v20260115", *d.AMIAlias)
	}
	if *d.DiskSizeGiB < 20 || *d.DiskSizeGiB > 16384 {
		add("diskSizeGiB: must be from 20 to 16384, got %d", *d.DiskSizeGiB)
	}
	if *d.CPULimit < 1 {
		add("cpuLimit: must be at least 1, got %d", *d.CPULimit)
	}
	return errs
}

// checkFamilies accepts known families of one architecture.
func checkFamilies(families []string) []error {
	var errs []error
	if len(families) == 0 {
		return []error{errors.New("instanceFamilies: at least one instance family")}
	}
	archs := map[ec2types.Arch]bool{}
	for i, f := range families {
		sizes := ec2types.Sizes(f)
		if len(sizes) == 0 {
			errs = append(errs, fmt.Errorf("instanceFamilies[%d]: unknown family %q (known: %s)", i, f, strings.Join(ec2types.Families(), ", ")))
			continue
		}
		spec, _ := ec2types.Lookup(f + "." + sizes[0])
		archs[spec.Arch] = true
	}
	if len(archs) > 1 {
		errs = append(errs, errors.New("instanceFamilies: mixes architectures; list families of one architecture"))
	}
	return errs
}

func (d KarpenterProps) checkDisruption() []error {
	var errs []error
	if exp, err := time.ParseDuration(*d.ExpireAfter); err != nil || exp < time.Hour {
		errs = append(errs, fmt.Errorf("expireAfter: %q is not a duration of at least 1h (such as 720h)", *d.ExpireAfter))
	}
	if c, err := time.ParseDuration(*d.ConsolidateAfter); err != nil || c < 0 {
		errs = append(errs, fmt.Errorf("consolidateAfter: %q is not a duration (such as 1m)", *d.ConsolidateAfter))
	}
	if !slices.Contains([]ConsolidationPolicy{WhenEmpty, WhenEmptyOrUnderutilized}, *d.ConsolidationPolicy) {
		errs = append(errs, fmt.Errorf("consolidationPolicy: %q is not WhenEmpty or WhenEmptyOrUnderutilized", *d.ConsolidationPolicy))
	}
	if !budgetRe.MatchString(*d.DisruptionBudget) {
		errs = append(errs, fmt.Errorf("disruptionBudget: %q is not a node count or a percentage such as 10%%", *d.DisruptionBudget))
	}
	return errs
}
