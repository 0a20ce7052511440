package nodegroup

import (
	"errors"
	"fmt"
	"regexp"
)

var nameRe = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$`)

// Validate reports every problem with the (defaulted) props at once, each
// with its field path.
func (p NodeGroupSetProps) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.Cluster == nil {
		add("cluster: required")
	}
	if p.Name == nil || !nameRe.MatchString(*p.Name) {
		add("name: required, 1-32 lower-case letters, digits or '-'")
	}
	if len(p.Subnets) < 2 {
		add("subnets: need one private subnet per AZ, at least 2, got %d", len(p.Subnets))
	}
	if len(p.AvailabilityZones) != len(p.Subnets) {
		add("availabilityZones: need one per subnet (%d), got %d", len(p.Subnets), len(p.AvailabilityZones))
	}
	if p.MinSize != nil && p.MaxSize != nil && p.DesiredSize != nil {
		min, desired, max := *p.MinSize, *p.DesiredSize, *p.MaxSize
		if min < 0 {
			add("minSize: must be >= 0, got %d", min)
		}
		if max < 1 || max > MaxNodesPerGroup {
			add("maxSize: must be 1 to %d (EKS quota), got %d", MaxNodesPerGroup, max)
		}
		if min > max {
			add("maxSize: must be >= minSize (%d), got %d", min, max)
		}
		if desired < min || desired > max {
			add("desiredSize: must be between minSize (%d) and maxSize (%d), got %d", min, max, desired)
		}
	}
	return errors.Join(errs...)
}
