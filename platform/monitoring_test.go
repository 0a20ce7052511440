package platform_test

import (
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// TestProdMonitoringDoneWhen: the prod platform's cluster stack has the
// burn-rate composites, throttling, seats, latency, etcd (two levels and
// growth), unschedulable and webhook alarms, the five audit detections, a
// dashboard and an encrypted topic, every alarm on a catalogue metric.
func TestProdMonitoringDoneWhen(t *testing.T) {
	tmpl := stack(t, config.ProfileProd, platform.PartCluster)
	names := map[string]bool{}
	for _, typ := range []string{"AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"} {
		for _, a := range tmpl.Resources(typ) {
			names[strings.TrimPrefix(a.Properties["AlarmName"].(string), "ballast-prod-")] = true
		}
	}
	for _, id := range []string{monitoring.AlarmBurnFast, monitoring.AlarmBurnSlow, monitoring.AlarmThrottled, monitoring.AlarmSeats,
		monitoring.AlarmLatencyPrefix + "GET", monitoring.AlarmLatencyPrefix + "LIST", monitoring.AlarmEtcdWarning, monitoring.AlarmEtcdCritical,
		monitoring.AlarmEtcdGrowth, monitoring.AlarmUnschedulable, monitoring.AlarmWebhookRejections, monitoring.AlarmWebhookLatency, monitoring.AlarmAPISilent} {
		if !names[id] {
			t.Errorf("no alarm %s", id)
		}
	}
	for _, d := range monitoring.Detections {
		if !names[monitoring.AlarmDetectionPrefix+d.ID] {
			t.Errorf("no detection alarm %s", d.ID)
		}
	}
	if n := tmpl.Count("AWS::Logs::MetricFilter"); n != len(monitoring.Detections) {
		t.Errorf("%d metric filters, want %d", n, len(monitoring.Detections))
	}
	for _, a := range tmpl.Resources("AWS::CloudWatch::Alarm") {
		for _, m := range metricNames(a.Properties) {
			if !monitoring.InCatalogue("ballast-prod", m[0], m[1]) {
				t.Errorf("%s reads %s/%s, not in the catalogue", a.Properties["AlarmName"], m[0], m[1])
			}
		}
	}
	tmpl.One(t, "AWS::CloudWatch::Dashboard")
	if key := tmpl.One(t, "AWS::SNS::Topic").Properties["KmsMasterKeyId"]; key == nil {
		t.Error("alarm topic not encrypted")
	}
}

// metricNames lists the [namespace, name] pairs an alarm reads.
func metricNames(p map[string]any) [][2]string {
	if n, ok := p["MetricName"].(string); ok {
		return [][2]string{{p["Namespace"].(string), n}}
	}
	var out [][2]string
	for _, q := range p["Metrics"].([]any) {
		if met, ok := q.(map[string]any)["MetricStat"].(map[string]any); ok {
			m := met["Metric"].(map[string]any)
			out = append(out, [2]string{m["Namespace"].(string), m["MetricName"].(string)})
		}
	}
	return out
}

// TestAlarmActionsFollowProfile: dev alarms without paging; staging and
// prod notify the topic.
func TestAlarmActionsFollowProfile(t *testing.T) {
	for p, want := range map[config.Profile]bool{config.ProfileDev: false, config.ProfileStaging: true, config.ProfileProd: true} {
		for _, a := range stack(t, p, platform.PartCluster).Resources("AWS::CloudWatch::Alarm") {
			if a.Properties["ActionsEnabled"] != want {
				t.Errorf("%s %s: ActionsEnabled %v, want %v", p, a.Properties["AlarmName"], a.Properties["ActionsEnabled"], want)
			}
		}
	}
}

// TestMonitoringProps: the platform wires the cluster's name, log group,
// break-glass role and tier, so setting them is an error; monitoring
// settings are checked under "monitoring".
func TestMonitoringProps(t *testing.T) {
	p := minimal()
	p.Monitoring = &monitoring.MonitoringProps{}
	wanterr.Check(t, p.Validate(), nil)
	p.Monitoring = &monitoring.MonitoringProps{ClusterName: jsii.String("x"), ScalingTier: ptr.To(cluster.TierXL), AvailabilityPercent: ptr.To(50.0)}
	wanterr.Check(t, p.Validate(), []string{"monitoring.clusterName: set by the platform", "monitoring.scalingTier: set by the platform",
		"monitoring.availabilityPercent: 50 is out of range"})
	p.Monitoring = &monitoring.MonitoringProps{}
	p.Cluster.ScalingTier = ptr.To(cluster.ScalingTier("tier-16xl"))
	err := p.Validate()
	wanterr.Check(t, err, []string{"cluster.scalingTier: unknown"})
	if strings.Contains(err.Error(), "monitoring.scalingTier") {
		t.Errorf("an unknown tier is reported twice:\n%v", err)
	}
}
