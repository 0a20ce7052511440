package platform

import (
	"fmt"

	"github.com/ballast-eks/ballast/constructs/monitoring"
)

// idMonitoring is the monitoring construct's ID in the cluster stack.
const idMonitoring = "Monitoring"

// addMonitoring watches the cluster from the cluster stack, beside the
// log group and break-glass role it references (constructs/monitoring
// says why); nil Props.Monitoring adds nothing.
func addMonitoring(p *Platform) {
	if p.Props.Monitoring == nil {
		return
	}
	m := p.Props.monitoringProps()
	c := p.ClusterStack.Cluster
	m.LogGroup = c.LogGroup
	if c.BreakGlassRole != nil {
		m.BreakGlassRole = c.BreakGlassRole
	}
	p.Monitoring = monitoring.NewMonitoring(p.ClusterStack.Stack, idMonitoring, &m)
}

// monitoringProps fills in what the platform knows of the cluster: its
// name and tier. The topic key stays RETAIN in every profile, like every
// key of the platform.
func (p Props) monitoringProps() monitoring.MonitoringProps {
	m := *p.Monitoring
	m.ClusterName = p.Cluster.ClusterName
	if t := p.Cluster.ScalingTier; t != nil {
		if _, ok := monitoring.SeatCapacity[*t]; ok {
			m.ScalingTier = t // an unknown tier is the cluster's problem, reported there
		}
	}
	if m.ClusterName == nil {
		m.ClusterName = &p.Name // a missing cluster name is reported at the cluster
	}
	return m
}

// validateMonitoring rejects the fields the platform wires and checks the
// monitoring settings as the cluster stack will build them.
func (d Props) validateMonitoring() []error {
	if d.Monitoring == nil {
		return nil
	}
	var errs []error
	m := d.Monitoring
	for _, w := range []struct {
		path string
		set  bool
	}{
		{"monitoring.clusterName", m.ClusterName != nil},
		{"monitoring.logGroup", m.LogGroup != nil},
		{"monitoring.breakGlassRole", m.BreakGlassRole != nil},
		{"monitoring.scalingTier", m.ScalingTier != nil},
	} {
		if w.set {
			errs = append(errs, fmt.Errorf("%s: set by the platform; leave it unset", w.path))
		}
	}
	return append(errs, under("monitoring", d.monitoringProps().ValidateSettings())...)
}
