package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/monitoring"
)

// The monitoring variables.
const (
	VarMonitoring      = "BALLAST_MONITORING"
	VarAlarmActions    = "BALLAST_ALARM_ACTIONS"
	VarAlarmTopicARN   = "BALLAST_ALARM_TOPIC_ARN"
	VarAlarmEmail      = "BALLAST_ALARM_EMAIL"
	VarAvailabilitySLO = "BALLAST_API_AVAILABILITY_SLO"
	VarLatencySLO      = "BALLAST_API_LATENCY_SLO_SECONDS"
	VarGuardDuty       = "BALLAST_GUARDDUTY"
)

// MonitoringConfig is the monitoring part's configuration.
type MonitoringConfig struct {
	// Monitoring creates the control-plane alarms, audit-log detections,
	// dashboard and alarm topic.
	Monitoring bool
	// AlarmActions lets the alarms notify the topic (dev keeps them quiet).
	AlarmActions bool
	// AlarmTopicARN routes alarms to an existing SNS topic.
	AlarmTopicARN string
	// AlarmEmail subscribes an address to the alarm topic.
	AlarmEmail string
	// AvailabilitySLO is the API availability objective, in percent.
	AvailabilitySLO float64
	// LatencySLO is the P99 objective of single-object API calls, seconds.
	LatencySLO float64
	// GuardDuty creates a GuardDuty detector with EKS audit-log monitoring.
	GuardDuty bool
}

var monitoringVars = []Var{
	{VarMonitoring, "Control-plane alarms (API errors, throttling, latency, etcd, scheduling, webhooks), audit-log detections, a dashboard and an encrypted alarm topic, in the cluster stack.",
		switchAccepted, fixed("on"), setOnOff(func(c *Config) *bool { return &c.Monitoring })},
	{VarAlarmActions, "Let the alarms notify the alarm topic; off keeps the alarms and dashboard without paging anyone.",
		switchAccepted, perProfile("off", "on", "on"), setOnOff(func(c *Config) *bool { return &c.AlarmActions })},
	{VarAlarmTopicARN, "Existing SNS topic the alarms notify (its key policy must let CloudWatch publish). Unset: a new KMS-encrypted topic.",
		"a standard SNS topic ARN: arn:aws:sns:<region>:<12 digits>:<name>", fixed(""),
		func(c *Config, raw string) error { c.AlarmTopicARN = raw; return nil }},
	{VarAlarmEmail, "Email address subscribed to the alarm topic (it must confirm the subscription).", "an email address",
		fixed(""), func(c *Config, raw string) error { c.AlarmEmail = raw; return nil }},
	{VarAvailabilitySLO, "API availability objective in percent; the 5XX burn-rate alarms spend its error budget at 14.4x (1h and 5m) and 6x (6h and 30m).",
		fmt.Sprintf("a number from %g to %g", monitoring.MinAvailabilityPercent, monitoring.MaxAvailabilityPercent),
		fixed(strconv.FormatFloat(monitoring.DefaultAvailabilityPercent, 'f', -1, 64)), setFloat(func(c *Config) *float64 { return &c.AvailabilitySLO })},
	{VarLatencySLO, "P99 latency objective of single-object API calls (GET, PUT, PATCH, POST, DELETE), in seconds; LIST has its own, looser one.",
		fmt.Sprintf("a number of seconds above 0, at most %g", monitoring.MaxLatencySeconds),
		fixed(strconv.FormatFloat(monitoring.DefaultLatencySeconds, 'f', -1, 64)), setFloat(func(c *Config) *float64 { return &c.LatencySLO })},
	{VarGuardDuty, "Create a GuardDuty detector with EKS audit-log monitoring. Account-level: only one detector can exist per account and region; emits warning " + monitoring.WarnGuardDuty + ".",
		switchAccepted, fixed("off"), setOnOff(func(c *Config) *bool { return &c.GuardDuty })},
}

func setFloat(field func(*Config) *float64) func(*Config, string) error {
	return func(c *Config, raw string) error {
		f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil {
			return fmt.Errorf("must be a number")
		}
		*field(c) = f
		return nil
	}
}

// monitoringVarsIgnoredWhenOff are the variables BALLAST_MONITORING=off
// makes meaningless.
var monitoringVarsIgnoredWhenOff = []string{VarAlarmActions, VarAlarmTopicARN, VarAlarmEmail, VarAvailabilitySLO, VarLatencySLO, VarGuardDuty}

// monitoringProps maps the monitoring variables; the platform wires the
// cluster's name, log group, break-glass role and tier.
func (c *Config) monitoringProps() *monitoring.MonitoringProps {
	if !c.Monitoring {
		return nil
	}
	p := &monitoring.MonitoringProps{
		AlarmActions:        jsii.Bool(c.AlarmActions),
		AvailabilityPercent: jsii.Number(c.AvailabilitySLO),
		LatencySeconds:      jsii.Number(c.LatencySLO),
		GuardDuty:           jsii.Bool(c.GuardDuty),
	}
	if c.AlarmTopicARN != "" {
		p.TopicArn = jsii.String(c.AlarmTopicARN)
	}
	if c.AlarmEmail != "" {
		p.Email = jsii.String(c.AlarmEmail)
	}
	return p
}
