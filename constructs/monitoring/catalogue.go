package monitoring

import "github.com/ballast-eks/ballast/constructs/cluster"

// Metric is one entry of the catalogue: a metric EKS publishes (or one the
// construct's own metric filters publish), with the statistic its source
// documents, its dimension and where that is written down. Its fields are
// unexported so that only the catalogue can make one: every alarm the
// construct builds starts from a catalogue entry, so no alarm can name a
// metric that does not exist.
type Metric struct {
	name, namespace, statistic, unit, source string
	// perCluster is true when the metric has the ClusterName dimension
	// (the vended metrics); the detections have a namespace per cluster.
	perCluster bool
}

// Name is the CloudWatch metric name.
func (m Metric) Name() string { return m.name }

// Namespace is the CloudWatch namespace ("AWS/EKS" for vended metrics).
func (m Metric) Namespace() string { return m.namespace }

// Statistic is the statistic the source lists as valid.
func (m Metric) Statistic() string { return m.statistic }

// Unit is the metric's unit as its source gives it.
func (m Metric) Unit() string { return m.unit }

// Source is the public page that documents the metric.
func (m Metric) Source() string { return m.source }

// Catalogue sources, also listed in docs/monitoring.md.
const (
	// SourceVendedMetrics lists the metrics EKS publishes for free in
	// AWS/EKS for Kubernetes 1.28 and later, each with its valid
	// statistic and unit, at a one-minute frequency.
	SourceVendedMetrics = "https://docs.aws.amazon.com/eks/latest/userguide/cloudwatch.html"
	// SourceDetectiveControls is the guide's list of audit-log detections.
	SourceDetectiveControls = "https://docs.aws.amazon.com/eks/latest/best-practices/auditing-and-logging.html"
)

// NamespaceEKS is where EKS publishes the vended control-plane metrics.
const NamespaceEKS = "AWS/EKS"

// DimensionCluster is the dimension of every vended metric. The user
// guide's table does not name it; SourceDimension records it as seen on
// published metrics.
const DimensionCluster = "ClusterName"

// SourceDimension records the ClusterName dimension of the AWS/EKS
// vended metrics.
const SourceDimension = "https://github.com/grafana/grafana-aws-sdk/pull/242"

// Statistics as CloudWatch names them.
const (
	StatSum     = "Sum"
	StatAverage = "Average"
	StatMaximum = "Maximum"
)

func vended(name, statistic, unit string) Metric {
	return Metric{name: name, namespace: NamespaceEKS, statistic: statistic, unit: unit, source: SourceVendedMetrics, perCluster: true}
}

// The vended AWS/EKS control-plane metrics (SourceVendedMetrics).
var (
	// APIRequests counts HTTP requests across all API servers.
	APIRequests = vended("apiserver_request_total", StatSum, "Count")
	// APIRequests4XX counts requests answered with a 4XX status.
	APIRequests4XX = vended("apiserver_request_total_4XX", StatSum, "Count")
	// APIRequests5XX counts requests answered with a 5XX status.
	APIRequests5XX = vended("apiserver_request_total_5XX", StatSum, "Count")
	// APIRequests429 counts requests rejected by rate limiting (429).
	APIRequests429 = vended("apiserver_request_total_429", StatSum, "Count")
	// APIRequestsListPods counts LIST pods requests.
	APIRequestsListPods = vended("apiserver_request_total_LIST_PODS", StatSum, "Count")

	// LatencyGET ... LatencyDELETE are each verb's P99 request latency
	// across all API servers, in seconds.
	LatencyGET    = vended("apiserver_request_duration_seconds_GET_P99", StatAverage, "Seconds")
	LatencyLIST   = vended("apiserver_request_duration_seconds_LIST_P99", StatAverage, "Seconds")
	LatencyPUT    = vended("apiserver_request_duration_seconds_PUT_P99", StatAverage, "Seconds")
	LatencyPATCH  = vended("apiserver_request_duration_seconds_PATCH_P99", StatAverage, "Seconds")
	LatencyPOST   = vended("apiserver_request_duration_seconds_POST_P99", StatAverage, "Seconds")
	LatencyDELETE = vended("apiserver_request_duration_seconds_DELETE_P99", StatAverage, "Seconds")

	// InflightMutating and InflightReadOnly are requests being processed.
	InflightMutating = vended("apiserver_current_inflight_requests_MUTATING", StatSum, "Count")
	InflightReadOnly = vended("apiserver_current_inflight_requests_READONLY", StatSum, "Count")
	// ExecutingSeats are the API Priority and Fairness seats in use.
	ExecutingSeats = vended("apiserver_flowcontrol_current_executing_seats", StatMaximum, "Count")

	// WebhookRequests counts admission webhook requests (ADMIT: mutating,
	// VALIDATING: validating).
	WebhookRequests           = vended("apiserver_admission_webhook_request_total", StatSum, "Count")
	WebhookRequestsAdmit      = vended("apiserver_admission_webhook_request_total_ADMIT", StatSum, "Count")
	WebhookRequestsValidating = vended("apiserver_admission_webhook_request_total_VALIDATING", StatSum, "Count")
	// WebhookRejections counts rejected admission webhook requests.
	WebhookRejections           = vended("apiserver_admission_webhook_rejection_count", StatSum, "Count")
	WebhookRejectionsAdmit      = vended("apiserver_admission_webhook_rejection_count_ADMIT", StatSum, "Count")
	WebhookRejectionsValidating = vended("apiserver_admission_webhook_rejection_count_VALIDATING", StatSum, "Count")
	// WebhookLatency is the P99 latency of third-party webhooks, seconds.
	WebhookLatency           = vended("apiserver_admission_webhook_admission_duration_seconds", StatAverage, "Seconds")
	WebhookLatencyAdmit      = vended("apiserver_admission_webhook_admission_duration_seconds_ADMIT_P99", StatAverage, "Seconds")
	WebhookLatencyValidating = vended("apiserver_admission_webhook_admission_duration_seconds_VALIDATING_P99", StatAverage, "Seconds")

	// StorageSize is the etcd database file size, in bytes.
	StorageSize = vended("apiserver_storage_size_bytes", StatMaximum, "Bytes")

	// PendingPods and its queues count pods waiting to be scheduled.
	PendingPods              = vended("scheduler_pending_pods", StatSum, "Count")
	PendingPodsActive        = vended("scheduler_pending_pods_ACTIVEQ", StatSum, "Count")
	PendingPodsBackoff       = vended("scheduler_pending_pods_BACKOFF", StatSum, "Count")
	PendingPodsGated         = vended("scheduler_pending_pods_GATED", StatSum, "Count")
	PendingPodsUnschedulable = vended("scheduler_pending_pods_UNSCHEDULABLE", StatSum, "Count")
	// ScheduleAttempts and its results count scheduling attempts.
	ScheduleAttempts              = vended("scheduler_schedule_attempts_total", StatSum, "Count")
	ScheduleAttemptsScheduled     = vended("scheduler_schedule_attempts_SCHEDULED", StatSum, "Count")
	ScheduleAttemptsUnschedulable = vended("scheduler_schedule_attempts_UNSCHEDULABLE", StatSum, "Count")
	ScheduleAttemptsError         = vended("scheduler_schedule_attempts_ERROR", StatSum, "Count")
)

// Vended lists every vended metric of the catalogue.
var Vended = []Metric{
	APIRequests, APIRequests4XX, APIRequests5XX, APIRequests429, APIRequestsListPods,
	LatencyGET, LatencyLIST, LatencyPUT, LatencyPATCH, LatencyPOST, LatencyDELETE,
	InflightMutating, InflightReadOnly, ExecutingSeats,
	WebhookRequests, WebhookRequestsAdmit, WebhookRequestsValidating,
	WebhookRejections, WebhookRejectionsAdmit, WebhookRejectionsValidating,
	WebhookLatency, WebhookLatencyAdmit, WebhookLatencyValidating,
	StorageSize,
	PendingPods, PendingPodsActive, PendingPodsBackoff, PendingPodsGated, PendingPodsUnschedulable,
	ScheduleAttempts, ScheduleAttemptsScheduled, ScheduleAttemptsUnschedulable, ScheduleAttemptsError,
}

// detectionMetric is the metric a detection's metric filter publishes, in
// the cluster's own namespace (metric filters cannot set a constant
// dimension).
func detectionMetric(clusterName, name string) Metric {
	return Metric{name: name, namespace: DetectionNamespace(clusterName), statistic: StatSum, unit: "Count", source: SourceDetectiveControls}
}

// DetectionNamespace is the namespace the audit-log metric filters of
// cluster clusterName publish to.
func DetectionNamespace(clusterName string) string { return "Ballast/EKSAudit/" + clusterName }

// InCatalogue reports whether a metric (namespace and name) is one the
// construct may alarm on: a vended metric, or a detection's metric for
// clusterName.
func InCatalogue(clusterName, namespace, name string) bool {
	for _, m := range Vended {
		if m.namespace == namespace && m.name == name {
			return true
		}
	}
	for _, d := range Detections {
		if namespace == DetectionNamespace(clusterName) && name == d.Metric {
			return true
		}
	}
	return false
}

// SeatCapacity is the API request concurrency (APF seats) of each
// provisioned control-plane tier (SourceTiers). The standard tier has no
// fixed capacity: it scales, and may reach XL's, unguaranteed, so its
// alarm counts against XL's seats, the point where a provisioned tier is
// worth considering. The 8XL seat count is not published on that page;
// Ballast counts 4XL's, a lower bound, so its alarm fires early rather
// than late (set SeatCapacity to the real value).
var SeatCapacity = map[cluster.ScalingTier]float64{
	cluster.TierStandard: 1700,
	cluster.TierXL:       1700,
	cluster.Tier2XL:      3400,
	cluster.Tier4XL:      6800,
	cluster.Tier8XL:      6800,
}

// SourceTiers documents the provisioned control-plane tiers' capacities.
const SourceTiers = "https://docs.aws.amazon.com/eks/latest/userguide/eks-provisioned-control-plane.html"

// EtcdLimitBytes is the etcd database limit of an EKS cluster, 8 GiB
// (SourceEtcdLimit).
const EtcdLimitBytes = 8 * 1024 * 1024 * 1024

// SourceEtcdLimit states the 8 GiB etcd limit and names
// apiserver_storage_size_bytes as its metric for 1.28 and later.
const SourceEtcdLimit = "https://docs.aws.amazon.com/eks/latest/userguide/clusters.html"
