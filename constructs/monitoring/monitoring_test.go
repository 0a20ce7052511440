package monitoring_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/ptr"
)

const existingTopic = "arn:aws:sns:us-east-1:123456789012:platform-pager"

// Two stacks, synthesized once: "Standard" with the defaults, a
// break-glass role and an email; "Provisioned" on tier-4xl with an
// existing topic, actions off, no break-glass role and GuardDuty.
var (
	assembly  *synthtest.Assembly
	templates map[string]synthtest.Template
)

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	env := &awscdk.StackProps{Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")}}
	std := awscdk.NewStack(app, jsii.String("Standard"), env)
	role := awsiam.NewRole(std, jsii.String("BreakGlass"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
	monitoring.NewMonitoring(std, "Monitoring", &monitoring.MonitoringProps{
		ClusterName: jsii.String("std"), LogGroup: logGroup(std, "std"), BreakGlassRole: role, Email: jsii.String("oncall@example.com"),
	})
	prov := awscdk.NewStack(app, jsii.String("Provisioned"), env)
	monitoring.NewMonitoring(prov, "Monitoring", &monitoring.MonitoringProps{
		ClusterName: jsii.String("big"), LogGroup: logGroup(prov, "big"), ScalingTier: ptr.To(cluster.Tier4XL),
		TopicArn: jsii.String(existingTopic), AlarmActions: jsii.Bool(false), GuardDuty: jsii.Bool(true),
		AvailabilityPercent: jsii.Number(99.9), LatencySeconds: jsii.Number(2),
	})
	assembly = synthtest.MustSynth(app)
	templates = assembly.Templates()
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func logGroup(s awscdk.Stack, name string) awslogs.ILogGroup {
	return awslogs.NewLogGroup(s, jsii.String("Logs"), &awslogs.LogGroupProps{LogGroupName: jsii.String(cluster.LogGroupName(name))})
}

// alarmByName finds the alarm (or composite alarm) named name.
func alarmByName(t *testing.T, tmpl synthtest.Template, typ, name string) synthtest.Resource {
	t.Helper()
	key := map[string]string{"AWS::CloudWatch::Alarm": "AlarmName", "AWS::CloudWatch::CompositeAlarm": "AlarmName"}[typ]
	for _, r := range tmpl.Resources(typ) {
		if r.Properties[key] == name {
			return r
		}
	}
	t.Fatalf("no %s named %s", typ, name)
	return synthtest.Resource{}
}

// metricStat is one metric an alarm reads, as the template has it.
type metricStat struct {
	Namespace, Name, Stat string
	Period                float64
	Dims                  map[string]any
}

// alarmMetrics returns the metrics an alarm reads (a plain metric alarm or
// each metric of a metric-math alarm) and its expression, if any.
func alarmMetrics(r synthtest.Resource) ([]metricStat, string) {
	p := r.Properties
	if name, ok := p["MetricName"].(string); ok {
		return []metricStat{{Namespace: p["Namespace"].(string), Name: name, Stat: p["Statistic"].(string), Period: p["Period"].(float64), Dims: dims(p["Dimensions"])}}, ""
	}
	var out []metricStat
	expr := ""
	for _, q := range p["Metrics"].([]any) {
		qm := q.(map[string]any)
		if e, ok := qm["Expression"].(string); ok {
			expr = e
			continue
		}
		ms := qm["MetricStat"].(map[string]any)
		met := ms["Metric"].(map[string]any)
		out = append(out, metricStat{Namespace: met["Namespace"].(string), Name: met["MetricName"].(string), Stat: ms["Stat"].(string), Period: ms["Period"].(float64), Dims: dims(met["Dimensions"])})
	}
	return out, expr
}

func dims(v any) map[string]any {
	out := map[string]any{}
	list, _ := v.([]any)
	for _, d := range list {
		dm := d.(map[string]any)
		out[dm["Name"].(string)] = dm["Value"]
	}
	return out
}

// uncatalogued lists the metrics alarms of tmpl read that the catalogue
// does not hold, as namespace/name.
func uncatalogued(cluster string, tmpl synthtest.Template) []string {
	var out []string
	for _, r := range tmpl.Resources("AWS::CloudWatch::Alarm") {
		ms, _ := alarmMetrics(r)
		for _, m := range ms {
			if !monitoring.InCatalogue(cluster, m.Namespace, m.Name) {
				out = append(out, m.Namespace+"/"+m.Name)
			}
		}
	}
	return out
}

// TestEveryAlarmFromTheCatalogue: every metric every alarm reads is in
// the catalogue; the checker catches an alarm on AWS/EKS CPUUtilization,
// which EKS does not publish.
func TestEveryAlarmFromTheCatalogue(t *testing.T) {
	for stack, cl := range map[string]string{"Standard": "std", "Provisioned": "big"} {
		if bad := uncatalogued(cl, templates[stack]); len(bad) > 0 {
			t.Errorf("%s: alarms on metrics outside the catalogue: %v", stack, bad)
		}
		if n := templates[stack].Count("AWS::CloudWatch::Alarm"); n < 20 {
			t.Errorf("%s: %d alarms; the check saw too few to mean anything", stack, n)
		}
	}
	canary := synthtest.Template{"Resources": map[string]any{"Cpu": map[string]any{"Type": "AWS::CloudWatch::Alarm",
		"Properties": map[string]any{"MetricName": "CPUUtilization", "Namespace": "AWS/EKS", "Statistic": "Average", "Period": 300.0}}}}
	if bad := uncatalogued("std", canary); len(bad) != 1 || bad[0] != "AWS/EKS/CPUUtilization" {
		t.Errorf("the catalogue check missed the canary: %v", bad)
	}
}

// wantAlarm is one alarm's promised shape.
type wantAlarm struct {
	id        string
	metrics   []string // metric names read
	stat      string
	period    float64
	threshold float64
	cmp       string
	periods   float64
	missing   string
	expr      string // substring of the math expression, "" for none
}

const gt, lt = "GreaterThanThreshold", "LessThanThreshold"

func standardAlarms() []wantAlarm {
	budget := 0.01
	latency := func(verb string, threshold float64) wantAlarm {
		return wantAlarm{"LatencyP99" + verb, []string{"apiserver_request_duration_seconds_" + verb + "_P99"}, "Average", 300, threshold, gt, 3, "notBreaching", ""}
	}
	etcd := 8.0 * 1024 * 1024 * 1024
	return []wantAlarm{
		{"ApiServerSilent", []string{"apiserver_request_total"}, "Sum", 300, 1, lt, 3, "breaching", ""},
		{"ErrorBudgetBurn1h", []string{"apiserver_request_total_5XX", "apiserver_request_total"}, "Sum", 3600, 14.4 * budget, gt, 1, "notBreaching", "FILL(part, 0) / total"},
		{"ErrorBudgetBurn5m", []string{"apiserver_request_total_5XX", "apiserver_request_total"}, "Sum", 300, 14.4 * budget, gt, 1, "notBreaching", "FILL(part, 0) / total"},
		{"ErrorBudgetBurn6h", []string{"apiserver_request_total_5XX", "apiserver_request_total"}, "Sum", 21600, 6 * budget, gt, 1, "notBreaching", "FILL(part, 0) / total"},
		{"ErrorBudgetBurn30m", []string{"apiserver_request_total_5XX", "apiserver_request_total"}, "Sum", 1800, 6 * budget, gt, 1, "notBreaching", "FILL(part, 0) / total"},
		{"Throttled429", []string{"apiserver_request_total_429", "apiserver_request_total"}, "Sum", 300, 1, gt, 3, "notBreaching", "100 * FILL(part, 0) / total"},
		{"ApfSeats", []string{"apiserver_flowcontrol_current_executing_seats"}, "Maximum", 300, 0.8 * 1700, gt, 3, "missing", ""},
		latency("GET", 1), latency("LIST", 30), latency("POST", 1), latency("PUT", 1), latency("PATCH", 1), latency("DELETE", 1),
		{"EtcdSizeWarning", []string{"apiserver_storage_size_bytes"}, "Maximum", 300, etcd * 0.8, gt, 1, "missing", ""},
		{"EtcdSizeCritical", []string{"apiserver_storage_size_bytes"}, "Maximum", 300, etcd * 0.95, gt, 1, "missing", ""},
		{"EtcdFullWithin4h", []string{"apiserver_storage_size_bytes"}, "Maximum", 3600, etcd, gt, 1, "missing", "size + RATE(size) * 14400"},
		{"UnschedulablePods", []string{"scheduler_pending_pods_UNSCHEDULABLE"}, "Sum", 60, 0, gt, 15, "missing", ""},
		{"WebhookRejections", []string{"apiserver_admission_webhook_rejection_count"}, "Sum", 300, 10, gt, 3, "notBreaching", ""},
		{"WebhookLatencyP99", []string{"apiserver_admission_webhook_admission_duration_seconds"}, "Average", 300, 24, gt, 3, "notBreaching", ""},
		{"AuditUnauthorized", []string{"UnauthorizedRequests"}, "Sum", 300, 20, gt, 1, "notBreaching", ""},
		{"AuditAnonymous", []string{"AnonymousRequests"}, "Sum", 300, 0, gt, 1, "notBreaching", ""},
		{"AuditRBACWrites", []string{"RBACWrites"}, "Sum", 300, 0, gt, 1, "notBreaching", ""},
		{"AuditWebhookWrites", []string{"WebhookConfigurationWrites"}, "Sum", 300, 0, gt, 1, "notBreaching", ""},
		{"AuditBreakGlass", []string{"BreakGlassRequests"}, "Sum", 300, 0, gt, 1, "notBreaching", ""},
	}
}

// TestAlarms checks each alarm of the standard stack: the metrics it reads
// (catalogue names, namespace, ClusterName dimension, statistic, period),
// threshold, comparison, evaluation and missing-data treatment.
func TestAlarms(t *testing.T) {
	tmpl := templates["Standard"]
	want := standardAlarms()
	if n := tmpl.Count("AWS::CloudWatch::Alarm"); n != len(want) {
		t.Errorf("%d alarms, want %d", n, len(want))
	}
	for _, w := range want {
		t.Run(w.id, func(t *testing.T) {
			r := alarmByName(t, tmpl, "AWS::CloudWatch::Alarm", "std-"+w.id)
			checkAlarm(t, r, w, "std")
		})
	}
}

func checkAlarm(t *testing.T, r synthtest.Resource, w wantAlarm, cl string) {
	t.Helper()
	p := r.Properties
	ms, expr := alarmMetrics(r)
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
		ns, dim := monitoring.NamespaceEKS, map[string]any{"ClusterName": cl}
		if strings.HasPrefix(w.id, "Audit") {
			ns, dim = monitoring.DetectionNamespace(cl), map[string]any{}
		}
		if m.Namespace != ns || m.Stat != w.stat || m.Period != w.period || toJSON(m.Dims) != toJSON(dim) {
			t.Errorf("metric %+v, want namespace %s, stat %s, period %g, dimensions %v", m, ns, w.stat, w.period, dim)
		}
	}
	if toJSON(sorted(names)) != toJSON(sorted(w.metrics)) {
		t.Errorf("reads %v, want %v", names, w.metrics)
	}
	if !strings.Contains(expr, w.expr) || (w.expr == "") != (expr == "") {
		t.Errorf("expression %q, want one containing %q", expr, w.expr)
	}
	if got := p["Threshold"].(float64); !near(got, w.threshold) {
		t.Errorf("threshold %v, want %v", got, w.threshold)
	}
	if p["ComparisonOperator"] != w.cmp || p["EvaluationPeriods"] != w.periods || p["DatapointsToAlarm"] != w.periods {
		t.Errorf("%v, %v of %v periods; want %s, %g of %g", p["ComparisonOperator"], p["DatapointsToAlarm"], p["EvaluationPeriods"], w.cmp, w.periods, w.periods)
	}
	if p["TreatMissingData"] != w.missing {
		t.Errorf("TreatMissingData %v, want %s", p["TreatMissingData"], w.missing)
	}
}

func near(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func toJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestBurnRateComposites: each burn-rate pair is joined by a composite
// alarm that pages only when both windows are in alarm; the window alarms
// themselves notify nobody.
func TestBurnRateComposites(t *testing.T) {
	tmpl := templates["Standard"]
	for _, w := range monitoring.BurnWindows {
		c := alarmByName(t, tmpl, "AWS::CloudWatch::CompositeAlarm", "std-"+w.Composite)
		rule := toJSON(c.Properties["AlarmRule"])
		for _, part := range []string{w.LongID, w.ShortID} {
			id := alarmByName(t, tmpl, "AWS::CloudWatch::Alarm", "std-"+part).ID
			if !strings.Contains(rule, id) {
				t.Errorf("%s: rule %s does not name %s", w.Composite, rule, part)
			}
			if a := alarmByName(t, tmpl, "AWS::CloudWatch::Alarm", "std-"+part); a.Properties["AlarmActions"] != nil {
				t.Errorf("%s notifies by itself: %v", part, a.Properties["AlarmActions"])
			}
		}
		if !strings.Contains(rule, `ALARM(`) || !strings.Contains(rule, ` AND `) {
			t.Errorf("%s: rule %s is not ALARM(..) AND ALARM(..)", w.Composite, rule)
		}
		if c.Properties["AlarmActions"] == nil || c.Properties["OKActions"] == nil {
			t.Errorf("%s: no alarm or OK action", w.Composite)
		}
	}
}

// TestThresholdsFollowTierAndProps: the provisioned stack's seats alarm
// counts 4XL's capacity, and its objectives come from the props.
func TestThresholdsFollowTierAndProps(t *testing.T) {
	tmpl := templates["Provisioned"]
	seats := alarmByName(t, tmpl, "AWS::CloudWatch::Alarm", "big-ApfSeats").Properties["Threshold"].(float64)
	if !near(seats, 0.8*monitoring.SeatCapacity[cluster.Tier4XL]) || monitoring.SeatCapacity[cluster.Tier4XL] != 6800 {
		t.Errorf("seats threshold %v, want 80%% of 6800", seats)
	}
	if got := alarmByName(t, tmpl, "AWS::CloudWatch::Alarm", "big-ErrorBudgetBurn1h").Properties["Threshold"].(float64); !near(got, 14.4*0.001) {
		t.Errorf("burn threshold at 99.9%% = %v, want %v", got, 14.4*0.001)
	}
	if got := alarmByName(t, tmpl, "AWS::CloudWatch::Alarm", "big-LatencyP99GET").Properties["Threshold"]; got != 2.0 {
		t.Errorf("GET latency threshold %v, want 2", got)
	}
}

// TestTopic: the created topic is encrypted with its own rotated key whose
// policy lets CloudWatch use it, TLS-only, open to CloudWatch alarms of
// this account, with the email subscribed; every alarm notifies it.
func TestTopic(t *testing.T) {
	tmpl := templates["Standard"]
	topic := tmpl.One(t, "AWS::SNS::Topic")
	key := tmpl.One(t, "AWS::KMS::Key")
	if synthtest.Ref(topic.Properties["KmsMasterKeyId"]) != key.ID {
		t.Errorf("topic key %v, want %s", topic.Properties["KmsMasterKeyId"], key.ID)
	}
	if key.Properties["EnableKeyRotation"] != true || key.Raw["DeletionPolicy"] != "Retain" {
		t.Errorf("key rotation %v, deletion policy %v", key.Properties["EnableKeyRotation"], key.Raw["DeletionPolicy"])
	}
	policy := toJSON(key.Properties["KeyPolicy"])
	if !strings.Contains(policy, `"Service":"cloudwatch.amazonaws.com"`) || !strings.Contains(policy, "kms:GenerateDataKey*") {
		t.Errorf("key policy does not let CloudWatch use the key: %s", policy)
	}
	tp := toJSON(tmpl.One(t, "AWS::SNS::TopicPolicy").Properties["PolicyDocument"])
	for _, s := range []string{`"aws:SecureTransport":"false"`, `"Service":"cloudwatch.amazonaws.com"`, `"aws:SourceAccount"`} {
		if !strings.Contains(tp, s) {
			t.Errorf("topic policy lacks %s: %s", s, tp)
		}
	}
	sub := tmpl.One(t, "AWS::SNS::Subscription").Properties
	if sub["Protocol"] != "email" || sub["Endpoint"] != "oncall@example.com" {
		t.Errorf("subscription %v", sub)
	}
	for _, a := range tmpl.Resources("AWS::CloudWatch::Alarm") {
		if strings.HasPrefix(a.Properties["AlarmName"].(string), "std-ErrorBudgetBurn") {
			continue
		}
		if synthtest.Ref(synthtest.Get(a.Properties, "AlarmActions", 0)) != topic.ID || a.Properties["ActionsEnabled"] != true {
			t.Errorf("%s: actions %v (enabled %v), want the topic", a.Properties["AlarmName"], a.Properties["AlarmActions"], a.Properties["ActionsEnabled"])
		}
	}
}

// TestExistingTopicAndSilentAlarms: with a topic ARN nothing is created
// for routing, and AlarmActions=false keeps the actions disabled.
func TestExistingTopicAndSilentAlarms(t *testing.T) {
	tmpl := templates["Provisioned"]
	for _, typ := range []string{"AWS::SNS::Topic", "AWS::KMS::Key", "AWS::SNS::Subscription"} {
		if n := tmpl.Count(typ); n != 0 {
			t.Errorf("%d %s with an existing topic", n, typ)
		}
	}
	for _, a := range tmpl.Resources("AWS::CloudWatch::Alarm") {
		if a.Properties["ActionsEnabled"] != false {
			t.Errorf("%s: actions enabled", a.Properties["AlarmName"])
		}
		if acts := a.Properties["AlarmActions"]; acts != nil && synthtest.Get(acts, 0) != existingTopic {
			t.Errorf("%s: actions %v, want %s", a.Properties["AlarmName"], acts, existingTopic)
		}
	}
}

// TestDetections: one metric filter per detection on the control-plane
// log group (the break-glass one only with a role, naming it), each with
// its saved query.
func TestDetections(t *testing.T) {
	for stack, want := range map[string]int{"Standard": 5, "Provisioned": 4} {
		tmpl := templates[stack]
		lg := tmpl.One(t, "AWS::Logs::LogGroup").ID
		filters := tmpl.Resources("AWS::Logs::MetricFilter")
		if len(filters) != want || tmpl.Count("AWS::Logs::QueryDefinition") != want {
			t.Errorf("%s: %d filters, %d queries, want %d each", stack, len(filters), tmpl.Count("AWS::Logs::QueryDefinition"), want)
		}
		for _, f := range filters {
			if synthtest.Ref(f.Properties["LogGroupName"]) != lg {
				t.Errorf("%s %s: log group %v", stack, f.ID, f.Properties["LogGroupName"])
			}
		}
		for _, q := range tmpl.Resources("AWS::Logs::QueryDefinition") {
			if s := toJSON(q.Properties["QueryString"]); !strings.Contains(s, "kube-apiserver-audit") {
				t.Errorf("%s: query %s", stack, s)
			}
		}
	}
	var breakGlass string
	for _, f := range templates["Standard"].Resources("AWS::Logs::MetricFilter") {
		if synthtest.Get(f.Properties, "MetricTransformations", 0, "MetricName") == "BreakGlassRequests" {
			breakGlass = toJSON(f.Properties["FilterPattern"])
		}
	}
	role := templates["Standard"].One(t, "AWS::IAM::Role").ID
	if !strings.Contains(breakGlass, `{"Ref":"`+role+`"}`) || !strings.Contains(breakGlass, ":assumed-role/") {
		t.Errorf("break-glass filter does not name the role: %s", breakGlass)
	}
}

// TestDashboardAndGuardDuty: one dashboard per cluster; GuardDuty only
// when asked, with EKS audit-log monitoring and the account-level warning.
func TestDashboardAndGuardDuty(t *testing.T) {
	d := templates["Standard"].One(t, "AWS::CloudWatch::Dashboard")
	body := toJSON(d.Properties["DashboardBody"])
	if d.Properties["DashboardName"] != "std-control-plane" || !strings.Contains(body, "apiserver_storage_size_bytes") || !strings.Contains(body, `\"type\":\"alarm\"`) {
		t.Errorf("dashboard %v: %.300s", d.Properties["DashboardName"], body)
	}
	if n := templates["Standard"].Count("AWS::GuardDuty::Detector"); n != 0 {
		t.Errorf("GuardDuty on by default (%d detectors)", n)
	}
	det := templates["Provisioned"].One(t, "AWS::GuardDuty::Detector").Properties
	if !strings.Contains(toJSON(det["Features"]), `"Name":"EKS_AUDIT_LOGS","Status":"ENABLED"`) {
		t.Errorf("detector features %v", det["Features"])
	}
	var warned []string
	for _, m := range assembly.Messages("", "warning") {
		if strings.Contains(m.Text, monitoring.WarnGuardDuty) {
			warned = append(warned, m.Stack)
		}
	}
	if len(warned) != 1 || warned[0] != "Provisioned" {
		t.Errorf("%s warned in %v, want Provisioned only", monitoring.WarnGuardDuty, warned)
	}
}
