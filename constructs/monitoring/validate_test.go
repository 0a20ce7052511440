package monitoring

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

func TestDefaults(t *testing.T) {
	in := MonitoringProps{}
	p := in.withDefaults()
	if *p.ScalingTier != cluster.TierStandard || !*p.AlarmActions || *p.AvailabilityPercent != 99 || *p.LatencySeconds != 1 ||
		*p.ListLatencySeconds != 30 || *p.SeatCapacity != 1700 || *p.EtcdLimitBytes != 8<<30 || *p.UnschedulableMinutes != 15 ||
		*p.WebhookLatencySeconds != 24 || *p.GuardDuty || *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
		t.Errorf("defaults %+v", p)
	}
	if in.ScalingTier != nil {
		t.Error("withDefaults mutated its input")
	}
	if got := *(MonitoringProps{ScalingTier: ptr.To(cluster.Tier2XL)}).withDefaults().SeatCapacity; got != 3400 {
		t.Errorf("2xl seat capacity %v, want 3400", got)
	}
	if got := *(MonitoringProps{ScalingTier: ptr.To(cluster.Tier2XL), SeatCapacity: ptr.To(5000.0)}).withDefaults().SeatCapacity; got != 5000 {
		t.Errorf("explicit seat capacity overridden: %v", got)
	}
}

// TestEveryTierHasASeatCapacity keeps the seats table in step with the
// tiers the cluster accepts.
func TestEveryTierHasASeatCapacity(t *testing.T) {
	for _, tier := range cluster.ScalingTiers {
		if SeatCapacity[tier] <= 0 {
			t.Errorf("tier %s has no seat capacity", tier)
		}
	}
}

func TestValidate(t *testing.T) {
	name := ptr.To("prod")
	tests := []struct {
		name  string
		props MonitoringProps
		want  []string
		n     int
	}{
		{"defaults", MonitoringProps{ClusterName: name}, nil, 0},
		{"nothing", MonitoringProps{}, []string{"clusterName: required"}, 1},
		{"FIFO topic", MonitoringProps{ClusterName: name, TopicArn: ptr.To("arn:aws:sns:us-east-1:123456789012:alarms.fifo")}, []string{"topicArn: not a standard SNS topic ARN"}, 1},
		{"topic in another form", MonitoringProps{ClusterName: name, TopicArn: ptr.To("alarms")}, []string{"topicArn:"}, 1},
		{"bad email", MonitoringProps{ClusterName: name, Email: ptr.To("oncall@")}, []string{"email: not an email address"}, 1},
		{"unknown tier", MonitoringProps{ClusterName: name, ScalingTier: ptr.To(cluster.ScalingTier("tier-16xl"))}, []string{"scalingTier: unknown"}, 1},
		{"thresholds out of range", MonitoringProps{ClusterName: name, AvailabilityPercent: ptr.To(100.0), LatencySeconds: ptr.To(0.0),
			ListLatencySeconds: ptr.To(301.0), ThrottledPercent: ptr.To(-1.0), SeatsPercent: ptr.To(101.0), SeatCapacity: ptr.To(0.0),
			EtcdLimitBytes: ptr.To(-1.0), UnschedulableMinutes: ptr.To(0), WebhookLatencySeconds: ptr.To(31.0), WebhookRejections: ptr.To(-1.0)},
			[]string{"availabilityPercent: 100 is out of range (from 90 to 99.99)", "latencySeconds: 0 is out of range (above 0 to 60)",
				"listLatencySeconds: 301", "throttledPercent: -1", "seatsPercent: 101", "seatCapacity: must be above 0",
				"etcdLimitBytes: must be above 0", "unschedulableMinutes: 0 is out of range (from 1 to 1440)",
				"webhookLatencySeconds: 31", "webhookRejections: -1"}, 10},
		{"removal policy", MonitoringProps{ClusterName: name, RemovalPolicy: ptr.To(awscdk.RemovalPolicy_SNAPSHOT)}, []string{"removalPolicy:"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.props.ValidateSettings()
			wanterr.Check(t, err, tt.want)
			if tt.n > 0 {
				wanterr.OnePerProblem(t, err, tt.n)
			}
		})
	}
	wanterr.Check(t, MonitoringProps{ClusterName: name}.Validate(), []string{"logGroup: required"})
}
