package monitoring

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"

	"github.com/ballast-eks/ballast/constructs/cluster"
)

// MonitoringProps configures Monitoring. ClusterName, LogGroup,
// BreakGlassRole and ScalingTier describe the cluster watched (the
// platform wires them); the rest are the alarms' routing and thresholds.
type MonitoringProps struct {
	// ClusterName is the EKS cluster watched (the ClusterName dimension).
	// Required.
	ClusterName *string
	// LogGroup is the cluster's control-plane log group, which receives
	// the audit log the detections read. Required.
	LogGroup awslogs.ILogGroup
	// BreakGlassRole is the cluster's break-glass role: every request made
	// with it is a detection. Default: none (no break-glass detection).
	BreakGlassRole awsiam.IRole
	// ScalingTier is the cluster's control-plane tier; the APF seats alarm
	// counts against its capacity. Default: cluster.TierStandard.
	ScalingTier *cluster.ScalingTier

	// TopicArn routes the alarms to an existing SNS topic instead of one
	// the construct creates (its key policy must let CloudWatch publish).
	// Default: a new KMS-encrypted topic.
	TopicArn *string
	// Email subscribes an address to the alarm topic (the address must
	// confirm the subscription). Default: none.
	Email *string
	// AlarmActions sends alarm state changes to the topic; false keeps the
	// alarms and the dashboard but pages nobody. Default: true.
	AlarmActions *bool

	// AvailabilityPercent is the API availability objective: the burn-rate
	// alarms spend its error budget (100 - objective) at 14.4x and 6x.
	// Between 90 and 99.99. Default: DefaultAvailabilityPercent.
	AvailabilityPercent *float64
	// LatencySeconds is the P99 objective of single-object verbs (GET,
	// PUT, PATCH, POST, DELETE). Default: DefaultLatencySeconds.
	LatencySeconds *float64
	// ListLatencySeconds is the P99 objective of LIST. Default:
	// DefaultListLatencySeconds.
	ListLatencySeconds *float64
	// ThrottledPercent is the share of requests answered 429 that, held for
	// 15 minutes, raises the throttling alarm. Default:
	// DefaultThrottledPercent.
	ThrottledPercent *float64
	// SeatsPercent is the share of the tier's APF seats that, held for 15
	// minutes, raises the seats alarm. Default: DefaultSeatsPercent.
	SeatsPercent *float64
	// SeatCapacity overrides the tier's seat capacity (SeatCapacity).
	// Default: the tier's.
	SeatCapacity *float64
	// EtcdLimitBytes is the etcd database limit the size alarms count
	// against. Default: EtcdLimitBytes (8 GiB).
	EtcdLimitBytes *float64
	// UnschedulableMinutes is how long pods may stay unschedulable before
	// the alarm. Default: DefaultUnschedulableMinutes.
	UnschedulableMinutes *int
	// WebhookLatencySeconds is the webhook P99 latency that raises the
	// webhook latency alarm. Default: DefaultWebhookLatencySeconds.
	WebhookLatencySeconds *float64
	// WebhookRejections is how many webhook rejections per 5 minutes, held
	// for 15 minutes, raise the rejections alarm. Default:
	// DefaultWebhookRejections.
	WebhookRejections *float64

	// GuardDuty creates a GuardDuty detector with EKS audit-log
	// monitoring. Only one detector can exist per account and region: the
	// deploy fails where one exists; the construct warns
	// (ballast:monitoring-guardduty-detector). Default: false.
	GuardDuty *bool
	// RemovalPolicy applies to the alarm topic's KMS key. Default:
	// awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
}
