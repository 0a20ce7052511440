package monitoring

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/defaults"
)

// DefaultAvailabilityPercent is the API availability objective of the
// kubernetes-mixin KubeAPIErrorBudgetBurn rule: 99 %.
const DefaultAvailabilityPercent = 99.0

// DefaultLatencySeconds is the upstream API call latency objective for
// single-object mutating and read-only calls: P99 at most 1 s.
const DefaultLatencySeconds = 1.0

// DefaultListLatencySeconds is the upstream objective for cluster-scoped
// LIST calls, P99 at most 30 s; the EKS metric mixes namespace and
// cluster scopes, so the looser bound applies.
const DefaultListLatencySeconds = 30.0

// DefaultThrottledPercent: 1 % of requests answered 429 for 15 minutes is
// sustained throttling, not a burst APF absorbs.
const DefaultThrottledPercent = 1.0

// DefaultSeatsPercent: 80 % of the tier's APF seats for 15 minutes.
const DefaultSeatsPercent = 80.0

// DefaultUnschedulableMinutes: pods unschedulable for 15 minutes.
const DefaultUnschedulableMinutes = 15

// MaxWebhookTimeoutSeconds is the longest timeout an admission webhook
// may have; the guide warns that slow webhooks stall the API server.
const MaxWebhookTimeoutSeconds = 30.0

// DefaultWebhookLatencySeconds is 80 % of MaxWebhookTimeoutSeconds.
const DefaultWebhookLatencySeconds = 0.8 * MaxWebhookTimeoutSeconds

// DefaultWebhookRejections: more than 10 rejections per 5 minutes, for 15
// minutes, is a policy or webhook failing requests, not one bad manifest.
const DefaultWebhookRejections = 10.0

// EtcdWarnPercent and EtcdCriticalPercent are the etcd size alarms' levels.
const (
	EtcdWarnPercent     = 80.0
	EtcdCriticalPercent = 95.0
)

// EtcdFullWithinHours is the horizon of the etcd growth alarm, after
// etcd's etcdExcessiveDatabaseGrowth rule.
const EtcdFullWithinHours = 4

// withDefaults returns a copy of p with every unset field filled in.
func (p MonitoringProps) withDefaults() MonitoringProps {
	out := p
	defaults.Set(&out.ScalingTier, cluster.DefaultScalingTier)
	defaults.Set(&out.AlarmActions, true)
	defaults.Set(&out.AvailabilityPercent, DefaultAvailabilityPercent)
	defaults.Set(&out.LatencySeconds, DefaultLatencySeconds)
	defaults.Set(&out.ListLatencySeconds, DefaultListLatencySeconds)
	defaults.Set(&out.ThrottledPercent, DefaultThrottledPercent)
	defaults.Set(&out.SeatsPercent, DefaultSeatsPercent)
	if out.SeatCapacity == nil {
		if c, ok := SeatCapacity[*out.ScalingTier]; ok {
			out.SeatCapacity = &c
		}
	}
	defaults.Set(&out.EtcdLimitBytes, float64(EtcdLimitBytes))
	defaults.Set(&out.UnschedulableMinutes, DefaultUnschedulableMinutes)
	defaults.Set(&out.WebhookLatencySeconds, DefaultWebhookLatencySeconds)
	defaults.Set(&out.WebhookRejections, DefaultWebhookRejections)
	defaults.Set(&out.GuardDuty, false)
	defaults.Set(&out.RemovalPolicy, awscdk.RemovalPolicy_RETAIN)
	return out
}

// WithDefaults returns a copy of p with every unset field set to its
// default, as NewMonitoring builds it; p is not modified.
func (p MonitoringProps) WithDefaults() MonitoringProps { return p.withDefaults() }
