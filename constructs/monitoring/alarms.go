package monitoring

import (
	"fmt"
	"math"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/jsii-runtime-go"
)

// Alarm IDs (also the suffix of each alarm's name, <cluster>-<id>).
const (
	AlarmAPISilent         = "ApiServerSilent"
	AlarmBurn1h            = "ErrorBudgetBurn1h"
	AlarmBurn5m            = "ErrorBudgetBurn5m"
	AlarmBurn6h            = "ErrorBudgetBurn6h"
	AlarmBurn30m           = "ErrorBudgetBurn30m"
	AlarmBurnFast          = "ErrorBudgetBurnFast"
	AlarmBurnSlow          = "ErrorBudgetBurnSlow"
	AlarmThrottled         = "Throttled429"
	AlarmSeats             = "ApfSeats"
	AlarmLatencyPrefix     = "LatencyP99"
	AlarmEtcdWarning       = "EtcdSizeWarning"
	AlarmEtcdCritical      = "EtcdSizeCritical"
	AlarmEtcdGrowth        = "EtcdFullWithin4h"
	AlarmUnschedulable     = "UnschedulablePods"
	AlarmWebhookRejections = "WebhookRejections"
	AlarmWebhookLatency    = "WebhookLatencyP99"
	AlarmDetectionPrefix   = "Audit"
)

// BurnWindow is one multi-window burn-rate pair of the kubernetes-mixin
// KubeAPIErrorBudgetBurn rule: the error ratio over both windows above
// Factor times the error budget.
type BurnWindow struct {
	Composite, LongID, ShortID string
	Long, Short                int // minutes
	Factor                     float64
}

// BurnWindows are the paging pairs: 1h and 5m at 14.4x (2 % of a 30-day
// budget in an hour), 6h and 30m at 6x (5 % in six hours).
var BurnWindows = []BurnWindow{
	{AlarmBurnFast, AlarmBurn1h, AlarmBurn5m, 60, 5, 14.4},
	{AlarmBurnSlow, AlarmBurn6h, AlarmBurn30m, 360, 30, 6},
}

// SourceBurnRate is the kubernetes-mixin API server alert rules.
const SourceBurnRate = "https://github.com/kubernetes-monitoring/kubernetes-mixin/blob/master/alerts/kube_apiserver.libsonnet"

// SourceLatencySLO is the upstream API call latency objective.
const SourceLatencySLO = "https://github.com/kubernetes/community/blob/master/sig-scalability/slos/api_call_latency.md"

// SourceEtcdGrowth is etcd's alert rules (etcdExcessiveDatabaseGrowth).
const SourceEtcdGrowth = "https://github.com/etcd-io/etcd/blob/main/contrib/mixin/mixin.libsonnet"

// DefaultUnauthorizedPer5Min: more than 20 refused requests in 5 minutes
// is a spike; a few are normal (clients probing their permissions).
const DefaultUnauthorizedPer5Min = 20.0

// alarm is one metric alarm, as data.
type alarm struct {
	id, what  string
	metric    awscloudwatch.IMetric
	threshold float64
	cmp       awscloudwatch.ComparisonOperator
	periods   int
	missing   awscloudwatch.TreatMissingData
	noActions bool // a part of a composite alarm, which notifies instead
}

func (m *Monitoring) addAlarms() {
	five := 5
	m.add(alarm{id: AlarmAPISilent, what: "the API servers reported no requests for 15 minutes: the control plane is down or EKS stopped publishing its metrics; nothing else here can be trusted while it lasts",
		metric: m.metric(APIRequests, five), threshold: 1, cmp: awscloudwatch.ComparisonOperator_LESS_THAN_THRESHOLD, periods: 3,
		missing: awscloudwatch.TreatMissingData_BREACHING})
	m.addBurnRate()
	m.add(alarm{id: AlarmThrottled, what: fmt.Sprintf("more than %g%% of API requests were throttled (429) for 15 minutes", *m.p.ThrottledPercent),
		metric: m.ratio("throttled", APIRequests429, five, 100), threshold: *m.p.ThrottledPercent, periods: 3,
		missing: awscloudwatch.TreatMissingData_NOT_BREACHING})
	seats := *m.p.SeatCapacity * *m.p.SeatsPercent / 100
	m.add(alarm{id: AlarmSeats, what: fmt.Sprintf("API Priority and Fairness seats in use above %g%% of the %s tier's %g for 15 minutes", *m.p.SeatsPercent, *m.p.ScalingTier, *m.p.SeatCapacity),
		metric: m.metric(ExecutingSeats, five), threshold: seats, periods: 3, missing: awscloudwatch.TreatMissingData_MISSING})
	m.addLatency()
	m.addEtcd()
	minutes := *m.p.UnschedulableMinutes
	m.add(alarm{id: AlarmUnschedulable, what: fmt.Sprintf("pods were unschedulable for %d minutes: no node fits them and none is being added", minutes),
		metric: m.metric(PendingPodsUnschedulable, 1), threshold: 0, periods: minutes, missing: awscloudwatch.TreatMissingData_MISSING})
	m.add(alarm{id: AlarmWebhookRejections, what: fmt.Sprintf("admission webhooks rejected more than %g requests per 5 minutes for 15 minutes", *m.p.WebhookRejections),
		metric: m.metric(WebhookRejections, five), threshold: *m.p.WebhookRejections, periods: 3, missing: awscloudwatch.TreatMissingData_NOT_BREACHING})
	m.add(alarm{id: AlarmWebhookLatency, what: fmt.Sprintf("admission webhook P99 latency above %gs (the timeout is at most %gs) for 15 minutes: requests stall behind webhooks", *m.p.WebhookLatencySeconds, MaxWebhookTimeoutSeconds),
		metric: m.metric(WebhookLatency, five), threshold: *m.p.WebhookLatencySeconds, periods: 3, missing: awscloudwatch.TreatMissingData_NOT_BREACHING})
}

// addBurnRate adds each burn-rate pair's two alarms and the composite
// alarm that pages when both are in alarm.
func (m *Monitoring) addBurnRate() {
	budget := (100 - *m.p.AvailabilityPercent) / 100
	for _, w := range BurnWindows {
		long := m.add(alarm{id: w.LongID, what: fmt.Sprintf("5XX ratio over %d minutes above %gx the error budget", w.Long, w.Factor),
			metric: m.ratio("errors", APIRequests5XX, w.Long, 1), threshold: w.Factor * budget, periods: 1,
			missing: awscloudwatch.TreatMissingData_NOT_BREACHING, noActions: true})
		short := m.add(alarm{id: w.ShortID, what: fmt.Sprintf("5XX ratio over %d minutes above %gx the error budget", w.Short, w.Factor),
			metric: m.ratio("errors", APIRequests5XX, w.Short, 1), threshold: w.Factor * budget, periods: 1,
			missing: awscloudwatch.TreatMissingData_NOT_BREACHING, noActions: true})
		c := awscloudwatch.NewCompositeAlarm(m.Construct, jsii.String(w.Composite), &awscloudwatch.CompositeAlarmProps{
			CompositeAlarmName: m.name(w.Composite),
			AlarmDescription: jsii.String(fmt.Sprintf("%s: the API servers spend the %g%% availability objective's error budget %gx too fast (5XX over %d and %d minutes). Source: %s",
				*m.p.ClusterName, *m.p.AvailabilityPercent, w.Factor, w.Long, w.Short, SourceBurnRate)),
			AlarmRule: awscloudwatch.AlarmRule_AllOf(
				awscloudwatch.AlarmRule_FromAlarm(long, awscloudwatch.AlarmState_ALARM),
				awscloudwatch.AlarmRule_FromAlarm(short, awscloudwatch.AlarmState_ALARM)),
			ActionsEnabled: m.p.AlarmActions,
		})
		c.AddAlarmAction(m.action)
		c.AddOkAction(m.action)
		m.Composites[w.Composite] = c
	}
}

// Verbs are the verbs with a vended P99 latency metric, in dashboard order.
var Verbs = []struct {
	Verb   string
	Metric Metric
}{{"GET", LatencyGET}, {"LIST", LatencyLIST}, {"POST", LatencyPOST}, {"PUT", LatencyPUT}, {"PATCH", LatencyPATCH}, {"DELETE", LatencyDELETE}}

func (m *Monitoring) addLatency() {
	for _, v := range Verbs {
		threshold := *m.p.LatencySeconds
		if v.Verb == "LIST" {
			threshold = *m.p.ListLatencySeconds
		}
		m.add(alarm{id: AlarmLatencyPrefix + v.Verb, what: fmt.Sprintf("%s P99 latency above %gs for 15 minutes (source: %s)", v.Verb, threshold, SourceLatencySLO),
			metric: m.metric(v.Metric, 5), threshold: threshold, periods: 3, missing: awscloudwatch.TreatMissingData_NOT_BREACHING})
	}
}

func (m *Monitoring) addEtcd() {
	limit := *m.p.EtcdLimitBytes
	for _, l := range []struct {
		id  string
		pct float64
	}{{AlarmEtcdWarning, EtcdWarnPercent}, {AlarmEtcdCritical, EtcdCriticalPercent}} {
		m.add(alarm{id: l.id, what: fmt.Sprintf("the etcd database is above %g%% of its %g-byte limit; at the limit the cluster refuses writes (source: %s)", l.pct, limit, SourceEtcdLimit),
			metric: m.metric(StorageSize, 5), threshold: limit * l.pct / 100, periods: 1, missing: awscloudwatch.TreatMissingData_MISSING})
	}
	size := m.metric(StorageSize, 60)
	grow := awscloudwatch.NewMathExpression(&awscloudwatch.MathExpressionProps{
		Expression:   jsii.String(fmt.Sprintf("size + RATE(size) * %d", EtcdFullWithinHours*3600)),
		UsingMetrics: &map[string]awscloudwatch.IMetric{"size": size},
		Label:        jsii.String("etcd size projected 4 hours ahead"),
		Period:       m.period(60),
	})
	m.add(alarm{id: AlarmEtcdGrowth, what: fmt.Sprintf("at the last hour's growth the etcd database fills within %d hours (source: %s)", EtcdFullWithinHours, SourceEtcdGrowth),
		metric: grow, threshold: limit, periods: 1, missing: awscloudwatch.TreatMissingData_MISSING})
}

// metric is a catalogue metric of the cluster at a period in minutes.
// Metrics are immutable, so the alarms and the dashboard share one object
// per metric and period: each new one is a jsii round trip.
func (m *Monitoring) metric(x Metric, minutes int) awscloudwatch.Metric {
	key := metricAt{x, minutes}
	if made, ok := m.metrics[key]; ok {
		return made
	}
	props := &awscloudwatch.MetricProps{
		Namespace: jsii.String(x.namespace), MetricName: jsii.String(x.name), Statistic: jsii.String(x.statistic),
		Period: m.period(minutes),
	}
	if x.perCluster {
		props.DimensionsMap = &map[string]*string{DimensionCluster: m.p.ClusterName}
	}
	made := awscloudwatch.NewMetric(props)
	m.metrics[key] = made
	return made
}

// metricAt is a metric at a period in minutes.
type metricAt struct {
	metric  Metric
	minutes int
}

// period is a period of minutes, one Duration object per length.
func (m *Monitoring) period(minutes int) awscdk.Duration {
	if d, ok := m.periods[minutes]; ok {
		return d
	}
	d := awscdk.Duration_Minutes(jsii.Number(minutes))
	m.periods[minutes] = d
	return d
}

// ratio is scale * part / APIRequests; a missing part counts as 0 (EKS
// publishes a counter only when it moved).
func (m *Monitoring) ratio(label string, part Metric, minutes int, scale float64) awscloudwatch.IMetric {
	expr := "FILL(part, 0) / total"
	if scale != 1 {
		expr = fmt.Sprintf("%g * %s", scale, expr)
	}
	return awscloudwatch.NewMathExpression(&awscloudwatch.MathExpressionProps{
		Expression:   jsii.String(expr),
		UsingMetrics: &map[string]awscloudwatch.IMetric{"part": m.metric(part, minutes), "total": m.metric(APIRequests, minutes)},
		Label:        jsii.String(label),
		Period:       m.period(minutes),
	})
}

// round drops binary noise (14.4 * 0.01 is 0.14400000000000002).
func round(x float64) float64 { return math.Round(x*1e9) / 1e9 }

func (m *Monitoring) name(id string) *string { return jsii.String(*m.p.ClusterName + "-" + id) }

func (m *Monitoring) add(a alarm) awscloudwatch.Alarm {
	cmp := a.cmp
	if cmp == "" {
		cmp = awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD
	}
	al := awscloudwatch.NewAlarm(m.Construct, jsii.String(a.id), &awscloudwatch.AlarmProps{
		AlarmName:          m.name(a.id),
		AlarmDescription:   jsii.String(*m.p.ClusterName + ": " + a.what + "."),
		Metric:             a.metric,
		Threshold:          jsii.Number(round(a.threshold)),
		ComparisonOperator: cmp,
		EvaluationPeriods:  jsii.Number(a.periods),
		DatapointsToAlarm:  jsii.Number(a.periods),
		TreatMissingData:   a.missing,
		ActionsEnabled:     m.p.AlarmActions,
	})
	if !a.noActions {
		al.AddAlarmAction(m.action)
		al.AddOkAction(m.action)
	}
	m.Alarms[a.id] = al
	return al
}
