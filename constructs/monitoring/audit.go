package monitoring

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	interfacesawslogs "github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawslogs"
	"github.com/aws/jsii-runtime-go"
)

// Construct ID prefixes of a detection's filter and saved query.
const (
	idFilterPrefix = "AuditFilter"
	idQueryPrefix  = "AuditQuery"
)

// QueryFields are the audit-event fields each saved query shows.
var QueryFields = []string{"@timestamp", "user.username", "verb", "objectRef.resource", "objectRef.namespace", "objectRef.name", "responseStatus.code", "sourceIPs.0"}

// addDetections adds, per detection, a metric filter on the control-plane
// log group, an alarm on its metric and a Logs Insights saved query. The
// break-glass detection exists only with a break-glass role.
func (m *Monitoring) addDetections() {
	user := ""
	if r := m.p.BreakGlassRole; r != nil {
		user = BreakGlassUsername(*awscdk.Aws_PARTITION(), *awscdk.Aws_ACCOUNT_ID(), *r.RoleName())
	}
	for _, d := range Detections {
		if d.needsBreakGlass && user == "" {
			continue
		}
		m.addDetection(d, user)
	}
}

func (m *Monitoring) addDetection(d Detection, user string) {
	metric := detectionMetric(*m.p.ClusterName, d.Metric)
	awslogs.NewMetricFilter(m.Construct, jsii.String(idFilterPrefix+d.ID), &awslogs.MetricFilterProps{
		LogGroup:        m.p.LogGroup,
		FilterName:      m.name("audit-" + d.ID),
		FilterPattern:   awslogs.FilterPattern_Literal(jsii.String(d.Pattern(user))),
		MetricNamespace: jsii.String(metric.namespace),
		MetricName:      jsii.String(metric.name),
		MetricValue:     jsii.String("1"),
		// 0 while audit events flow and none match, so the graph shows
		// the detection ran.
		DefaultValue: jsii.Number(0),
	})
	threshold := 0.0 // any match is a finding, except refusals, which come in spikes
	if d.ID == DetectUnauthorized.ID {
		threshold = DefaultUnauthorizedPer5Min
	}
	m.add(alarm{id: AlarmDetectionPrefix + d.ID, what: "audit log: " + d.What + " (source: " + SourceDetectiveControls + ")",
		metric: m.metric(metric, 5), threshold: threshold, periods: 1,
		missing: awscloudwatch.TreatMissingData_NOT_BREACHING})
	awslogs.NewQueryDefinition(m.Construct, jsii.String(idQueryPrefix+d.ID), &awslogs.QueryDefinitionProps{
		QueryDefinitionName: jsii.String("ballast/" + *m.p.ClusterName + "/" + d.ID),
		LogGroups:           &[]interfacesawslogs.ILogGroupRef{m.p.LogGroup},
		QueryString: awslogs.NewQueryString(&awslogs.QueryStringProps{
			Fields:           jsii.Strings(QueryFields...),
			FilterStatements: jsii.Strings(`@logStream like /^kube-apiserver-audit/`, `stage = "ResponseComplete"`, d.filter(user)),
			Sort:             jsii.String("@timestamp desc"),
			Limit:            jsii.Number(100),
		}),
	})
}
