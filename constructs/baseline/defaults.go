package baseline

import (
	"fmt"
	"slices"

	"github.com/ballast-eks/ballast/internal/defaults"
)

// Defaults of the props.
const (
	DefaultEnforce             = PSABaseline
	DefaultWarn                = PSARestricted
	DefaultQuotaRequestsCPU    = "8"
	DefaultQuotaRequestsMemory = "16Gi"
	DefaultQuotaLimitsMemory   = "32Gi"
	DefaultQuotaPods           = 100
	DefaultRequestCPU          = "100m"
	DefaultRequestMemory       = "128Mi"
	DefaultLimitMemory         = "512Mi"
	DefaultPlaceholderCPU      = "1"
	DefaultPlaceholderMemory   = "2Gi"
	// DefaultPauseImage is the upstream pause image; private clusters
	// without a NAT route mirror it into ECR and set Image.
	DefaultPauseImage = "registry.k8s.io/pause:3.10"
	// MaxPlaceholders bounds OverProvisioningProps.Replicas.
	MaxPlaceholders = 100
)

// placeholderShare is the share of a node's vCPUs and memory one
// placeholder requests: what is left once the kubelet's reservation and
// the node DaemonSets are served.
const placeholderShare = 0.75

// SizeForNode returns the CPU and memory requests of a placeholder worth
// about one node with vcpus vCPUs and memoryGiB GiB: three quarters of
// each, so it fits the node's allocatable next to its DaemonSets.
func SizeForNode(vcpus, memoryGiB int) (cpu, memory string) {
	return fmt.Sprintf("%dm", int(float64(vcpus*1000)*placeholderShare)),
		fmt.Sprintf("%dMi", int(float64(memoryGiB*1024)*placeholderShare))
}

// WithDefaults returns a filled copy of p; p and what it points to are
// not modified.
func (p BaselineProps) WithDefaults() BaselineProps {
	out := p
	defaults.Set(&out.AdmissionPolicy, true)
	defaults.Set(&out.SystemPDBs, true)
	td := deref(p.TeamDefaults).over(TeamSettings{}).withDefaults()
	out.TeamDefaults = &td
	out.Teams = slices.Clone(p.Teams)
	for i := range out.Teams {
		out.Teams[i].TeamSettings = out.Teams[i].TeamSettings.over(td)
	}
	if p.OverProvisioning != nil {
		o := p.OverProvisioning.withDefaults()
		out.OverProvisioning = &o
	}
	return out
}

// over returns s with every unset field taken from base (copies, so
// neither is shared).
func (s TeamSettings) over(base TeamSettings) TeamSettings {
	out := s
	out.Enforce, out.Warn = orPtr(s.Enforce, base.Enforce), orPtr(s.Warn, base.Warn)
	q, bq := deref(s.Quota), deref(base.Quota)
	q.RequestsCPU, q.RequestsMemory = orPtr(q.RequestsCPU, bq.RequestsCPU), orPtr(q.RequestsMemory, bq.RequestsMemory)
	q.LimitsMemory, q.Pods = orPtr(q.LimitsMemory, bq.LimitsMemory), orPtr(q.Pods, bq.Pods)
	out.Quota = &q
	l, bl := deref(s.Limits), deref(base.Limits)
	l.DefaultRequestCPU, l.DefaultRequestMemory = orPtr(l.DefaultRequestCPU, bl.DefaultRequestCPU), orPtr(l.DefaultRequestMemory, bl.DefaultRequestMemory)
	l.DefaultLimitMemory = orPtr(l.DefaultLimitMemory, bl.DefaultLimitMemory)
	out.Limits = &l
	return out
}

func orPtr[T any](v, base *T) *T {
	if v != nil {
		return v
	}
	return copyPtr(base)
}

func copyPtr[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

func (t TeamSettings) withDefaults() TeamSettings {
	defaults.Set(&t.Enforce, DefaultEnforce)
	defaults.Set(&t.Warn, DefaultWarn)
	q := deref(t.Quota)
	defaults.Set(&q.RequestsCPU, DefaultQuotaRequestsCPU)
	defaults.Set(&q.RequestsMemory, DefaultQuotaRequestsMemory)
	defaults.Set(&q.LimitsMemory, DefaultQuotaLimitsMemory)
	defaults.Set(&q.Pods, DefaultQuotaPods)
	t.Quota = &q
	l := deref(t.Limits)
	defaults.Set(&l.DefaultRequestCPU, DefaultRequestCPU)
	defaults.Set(&l.DefaultRequestMemory, DefaultRequestMemory)
	defaults.Set(&l.DefaultLimitMemory, DefaultLimitMemory)
	t.Limits = &l
	return t
}

func (o OverProvisioningProps) withDefaults() OverProvisioningProps {
	o.AvailabilityZones = slices.Clone(o.AvailabilityZones)
	defaults.Set(&o.Replicas, len(o.AvailabilityZones))
	defaults.Set(&o.CPU, DefaultPlaceholderCPU)
	defaults.Set(&o.Memory, DefaultPlaceholderMemory)
	defaults.Set(&o.Image, DefaultPauseImage)
	return o
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
