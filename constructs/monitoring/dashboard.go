package monitoring

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	interfacesawscloudwatch "github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawscloudwatch"
	"github.com/aws/jsii-runtime-go"
)

// newDashboard lays the control plane out for whoever is on call: the
// alarms' states first, then availability, throttling and capacity,
// latency, etcd, scheduling, webhooks and the audit detections.
func (m *Monitoring) newDashboard() awscloudwatch.Dashboard {
	d := awscloudwatch.NewDashboard(m.Construct, jsii.String(idDashboard), &awscloudwatch.DashboardProps{
		DashboardName: jsii.String(*m.p.ClusterName + "-control-plane"),
	})
	// An app's tags would reach the dashboard, but cfn-lint's schema for
	// AWS::CloudWatch::Dashboard has no Tags yet; a dashboard costs nothing
	// to find or bill by tag, so it carries none. The one escape hatch here.
	d.Node().DefaultChild().(awscdk.CfnResource).AddPropertyDeletionOverride(jsii.String("Tags"))
	d.AddWidgets(awscloudwatch.NewTextWidget(&awscloudwatch.TextWidgetProps{Width: jsii.Number(24), Height: jsii.Number(2),
		Markdown: jsii.String("# " + *m.p.ClusterName + " control plane\nAlarm states first; every graph is an `AWS/EKS` vended metric or an audit-log detection. " +
			"Silence (no requests at all) is its own alarm.")}))
	d.AddWidgets(awscloudwatch.NewAlarmStatusWidget(&awscloudwatch.AlarmStatusWidgetProps{
		Title: jsii.String("Alarms"), Width: jsii.Number(24), Height: jsii.Number(6), Alarms: m.allAlarms(),
	}))
	five := 5
	d.AddWidgets(
		m.graph("API requests and errors", m.metric(APIRequests, five), m.metric(APIRequests4XX, five), m.metric(APIRequests5XX, five)),
		m.graph("5XX ratio (error budget burn)", m.ratio("5XX / requests", APIRequests5XX, five, 1)),
		m.graph("Throttling (429) and in-flight requests", m.metric(APIRequests429, five), m.metric(InflightMutating, five), m.metric(InflightReadOnly, five)),
		m.graph("APF seats in use", m.metric(ExecutingSeats, five)),
	)
	var latency []awscloudwatch.IMetric
	for _, v := range Verbs {
		latency = append(latency, m.metric(v.Metric, five))
	}
	d.AddWidgets(
		m.graph("P99 latency by verb (s)", latency...),
		m.graph("etcd database size (bytes)", m.metric(StorageSize, five)),
		m.graph("Pending pods by queue", m.metric(PendingPodsActive, five), m.metric(PendingPodsBackoff, five), m.metric(PendingPodsGated, five), m.metric(PendingPodsUnschedulable, five)),
		m.graph("Scheduling attempts", m.metric(ScheduleAttemptsScheduled, five), m.metric(ScheduleAttemptsUnschedulable, five), m.metric(ScheduleAttemptsError, five)),
	)
	d.AddWidgets(
		m.graph("Admission webhooks: requests and rejections", m.metric(WebhookRequests, five), m.metric(WebhookRejections, five)),
		m.graph("Admission webhook P99 latency (s)", m.metric(WebhookLatencyAdmit, five), m.metric(WebhookLatencyValidating, five)),
		m.graph("Audit-log detections", m.detectionMetrics()...),
	)
	return d
}

func (m *Monitoring) graph(title string, metrics ...awscloudwatch.IMetric) awscloudwatch.GraphWidget {
	return awscloudwatch.NewGraphWidget(&awscloudwatch.GraphWidgetProps{
		Title: jsii.String(title), Left: &metrics, Width: jsii.Number(6), Height: jsii.Number(6),
	})
}

// allAlarms lists the composite alarms first (they page), then the metric
// alarms, each in ID order, so the widget is stable.
func (m *Monitoring) allAlarms() *[]interfacesawscloudwatch.IAlarmRef {
	var out []interfacesawscloudwatch.IAlarmRef
	for _, id := range sortedKeys(m.Composites) {
		out = append(out, m.Composites[id])
	}
	for _, id := range sortedKeys(m.Alarms) {
		out = append(out, m.Alarms[id])
	}
	return &out
}

func (m *Monitoring) detectionMetrics() []awscloudwatch.IMetric {
	var out []awscloudwatch.IMetric
	for _, d := range Detections {
		if d.needsBreakGlass && m.p.BreakGlassRole == nil {
			continue
		}
		out = append(out, m.metric(detectionMetric(*m.p.ClusterName, d.Metric), 5))
	}
	return out
}

func sortedKeys[V any](mp map[string]V) []string {
	keys := make([]string, 0, len(mp))
	for k := range mp {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
