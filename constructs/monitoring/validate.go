package monitoring

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2"
)

var (
	// TopicARNPattern matches a standard SNS topic ARN (CloudWatch alarms
	// cannot publish to FIFO topics).
	TopicARNPattern = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:sns:[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$`)
	// EmailPattern is a plain email address.
	EmailPattern = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)
)

// Threshold ranges Validate accepts.
const (
	MinAvailabilityPercent  = 90.0
	MaxAvailabilityPercent  = 99.99
	MaxLatencySeconds       = 60.0
	MaxListLatencySeconds   = 300.0
	MaxUnschedulableMinutes = 1440 // CloudWatch evaluates at most a day
)

// Validate reports every problem with the props at once, one error per
// problem, "<field path>: <problem>": the log group the detections read,
// then every rule of ValidateSettings.
func (p MonitoringProps) Validate() error {
	var errs []error
	if p.LogGroup == nil {
		errs = append(errs, errors.New("logGroup: required (the control-plane log group the audit detections read)"))
	}
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings reports every problem except a missing log group, so
// the settings can be checked before the cluster exists. Unset fields are
// checked as their defaults.
func (p MonitoringProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p MonitoringProps) settings() []error {
	p = p.withDefaults()
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if p.ClusterName == nil || *p.ClusterName == "" {
		add("clusterName: required")
	}
	if _, ok := SeatCapacity[*p.ScalingTier]; !ok {
		add("scalingTier: unknown control-plane scaling tier")
	}
	if p.TopicArn != nil && !TopicARNPattern.MatchString(*p.TopicArn) {
		add("topicArn: not a standard SNS topic ARN (arn:aws:sns:<region>:<12 digits>:<name>; CloudWatch alarms cannot publish to FIFO topics)")
	}
	if p.Email != nil && !EmailPattern.MatchString(*p.Email) {
		add("email: not an email address")
	}
	errs = append(errs, p.thresholds()...)
	if r := *p.RemovalPolicy; r != awscdk.RemovalPolicy_RETAIN && r != awscdk.RemovalPolicy_DESTROY {
		add("removalPolicy: %q is not RETAIN or DESTROY", r)
	}
	return errs
}

func (p MonitoringProps) thresholds() []error {
	var errs []error
	between := func(field string, v, lo, hi float64, open bool) {
		if v > hi || v < lo || (open && v == lo) {
			low := fmt.Sprintf("from %g", lo)
			if open {
				low = fmt.Sprintf("above %g", lo)
			}
			errs = append(errs, fmt.Errorf("%s: %g is out of range (%s to %g)", field, v, low, hi))
		}
	}
	between("availabilityPercent", *p.AvailabilityPercent, MinAvailabilityPercent, MaxAvailabilityPercent, false)
	between("latencySeconds", *p.LatencySeconds, 0, MaxLatencySeconds, true)
	between("listLatencySeconds", *p.ListLatencySeconds, 0, MaxListLatencySeconds, true)
	between("throttledPercent", *p.ThrottledPercent, 0, 100, true)
	between("seatsPercent", *p.SeatsPercent, 0, 100, true)
	if p.SeatCapacity != nil && *p.SeatCapacity <= 0 {
		errs = append(errs, errors.New("seatCapacity: must be above 0"))
	}
	if *p.EtcdLimitBytes <= 0 {
		errs = append(errs, errors.New("etcdLimitBytes: must be above 0"))
	}
	between("unschedulableMinutes", float64(*p.UnschedulableMinutes), 1, MaxUnschedulableMinutes, false)
	between("webhookLatencySeconds", *p.WebhookLatencySeconds, 0, MaxWebhookTimeoutSeconds, true)
	between("webhookRejections", *p.WebhookRejections, 0, 1e6, false)
	return errs
}
