package platform

import (
	"fmt"
	"maps"
	"slices"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/ec2types"
)

// idBaseline is the construct ID of the in-cluster baseline, in the
// cluster stack. It creates no resource, but other files hang off it.
const idBaseline = "Baseline"

// addBaseline renders the in-cluster baseline into the assembly, under
// <cluster name>/gitops, when the props ask for it.
func addBaseline(pl *Platform) {
	if b := pl.Props.baselineProps(); b != nil {
		pl.Baseline = baseline.NewBaseline(pl.ClusterStack.Stack, idBaseline, b)
	}
}

// baselineProps wires the baseline to the cluster: its name and version,
// and over-provisioning over the platform's AZs, one system node's worth
// per AZ unless sized explicitly.
func (p Props) baselineProps() *baseline.BaselineProps {
	if p.Baseline == nil {
		return nil
	}
	b := *p.Baseline
	c := p.Cluster.WithDefaults()
	b.ClusterName, b.KubernetesVersion = c.ClusterName, c.Version
	if o := b.OverProvisioning; o != nil {
		op := *o
		op.AvailabilityZones = p.availabilityZones()
		if op.CPU == nil && op.Memory == nil {
			if spec, ok := p.systemNode(); ok {
				cpu, mem := baseline.SizeForNode(spec.VCPUs, spec.MemoryGiB)
				op.CPU, op.Memory = jsii.String(cpu), jsii.String(mem)
			}
		}
		b.OverProvisioning = &op
	}
	return &b
}

// systemNode is the first instance type of the first node group (the
// system group), if the platform has node groups.
func (p Props) systemNode() (ec2types.Spec, bool) {
	if len(p.NodeGroups) == 0 {
		return ec2types.Spec{}, false
	}
	types := p.NodeGroups[0].InstanceTypes
	if types == nil {
		types = nodegroup.DefaultInstanceTypes
	}
	if len(types) == 0 {
		return ec2types.Spec{}, false
	}
	spec, err := ec2types.Lookup(types[0])
	return spec, err == nil
}

// validateBaseline rejects the baseline fields the platform wires and
// checks the rest as the platform will build it.
func (d Props) validateBaseline() []error {
	if d.Baseline == nil {
		return nil
	}
	o := d.Baseline.OverProvisioning
	errs := wiredFields(map[string]bool{
		"baseline.clusterName":                        d.Baseline.ClusterName != nil,
		"baseline.kubernetesVersion":                  d.Baseline.KubernetesVersion != nil,
		"baseline.overProvisioning.availabilityZones": o != nil && o.AvailabilityZones != nil,
	})
	if len(errs) > 0 {
		return errs
	}
	b := d.baselineProps()
	if d.Cluster.ClusterName == nil {
		b.ClusterName = jsii.String(d.Name) // reported at cluster.clusterName
	}
	return under("baseline", b.Validate())
}

// wiredFields reports each set field the platform wires itself, in path
// order: a value there would be ignored.
func wiredFields(set map[string]bool) []error {
	var errs []error
	for _, path := range slices.Sorted(maps.Keys(set)) {
		if set[path] {
			errs = append(errs, fmt.Errorf("%s: set by the platform; leave it unset", path))
		}
	}
	return errs
}
