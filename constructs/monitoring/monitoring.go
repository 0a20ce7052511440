package monitoring

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsguardduty"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/kmspolicy"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs. Alarms and filters are stateless; the key is retained.
const (
	idTopicKey  = "AlarmTopicKey"
	idTopic     = "AlarmTopic"
	idEmail     = "AlarmEmail"
	idDashboard = "Dashboard"
	idGuardDuty = "GuardDutyDetector"
)

// Warning IDs this construct may emit (docs/warnings.md is generated from
// these comments).
const (
	// WarnGuardDuty: the construct creates a GuardDuty detector, which is
	// account-level: one per account and region. Field: guardDuty.
	WarnGuardDuty = "ballast:monitoring-guardduty-detector"
)

// Monitoring watches one EKS cluster with CloudWatch: alarms on the
// vended control-plane metrics, audit-log detections, a dashboard and an
// SNS topic the alarms notify.
type Monitoring struct {
	constructs.Construct
	// Topic receives every alarm's state changes.
	Topic awssns.ITopic
	// TopicKey encrypts the topic; nil with an existing topic.
	TopicKey awskms.Key
	// Alarms are the metric alarms, by ID.
	Alarms map[string]awscloudwatch.Alarm
	// Composites are the burn-rate composite alarms, by ID.
	Composites map[string]awscloudwatch.CompositeAlarm
	// Dashboard shows the control plane and the alarms' states.
	Dashboard awscloudwatch.Dashboard

	p       MonitoringProps
	action  awscloudwatch.IAlarmAction
	metrics map[metricAt]awscloudwatch.Metric
	periods map[int]awscdk.Duration
}

// NewMonitoring validates props and builds the alarms, detections,
// dashboard and topic.
func NewMonitoring(scope constructs.Construct, id string, props *MonitoringProps) *Monitoring {
	p := propcheck.Deref(props).withDefaults()
	propcheck.Must(scope, id, "monitoring", p.Validate())
	m := &Monitoring{Construct: constructs.NewConstruct(scope, jsii.String(id)), p: p,
		Alarms: map[string]awscloudwatch.Alarm{}, Composites: map[string]awscloudwatch.CompositeAlarm{},
		metrics: map[metricAt]awscloudwatch.Metric{}, periods: map[int]awscdk.Duration{}}
	m.Topic = m.newTopic()
	m.action = awscloudwatchactions.NewSnsAction(m.Topic)
	m.addAlarms()
	m.addDetections()
	m.Dashboard = m.newDashboard()
	if *p.GuardDuty {
		m.newGuardDuty()
	}
	return m
}

// newTopic returns the existing topic, or creates one encrypted with its
// own key, TLS-only, that CloudWatch alarms of this account may publish
// to; an email address is subscribed either way.
func (m *Monitoring) newTopic() awssns.ITopic {
	var topic awssns.ITopic
	if m.p.TopicArn != nil {
		topic = awssns.Topic_FromTopicArn(m.Construct, jsii.String(idTopic), m.p.TopicArn)
	} else {
		m.TopicKey = awskms.NewKey(m.Construct, jsii.String(idTopicKey), &awskms.KeyProps{
			Description:       jsii.String("Ballast: alarm notifications of " + *m.p.ClusterName),
			EnableKeyRotation: jsii.Bool(true),
			RemovalPolicy:     *m.p.RemovalPolicy,
		})
		kmspolicy.DenyGrantsExceptForAWSResources(m.TopicKey)
		allowCloudWatchAlarms(m.TopicKey)
		t := awssns.NewTopic(m.Construct, jsii.String(idTopic), &awssns.TopicProps{
			DisplayName: jsii.String("Ballast alarms: " + *m.p.ClusterName),
			MasterKey:   m.TopicKey,
			EnforceSSL:  jsii.Bool(true),
		})
		t.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Sid:        jsii.String("AllowCloudWatchAlarmsOfThisAccount"),
			Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("cloudwatch.amazonaws.com"), nil)},
			Actions:    jsii.Strings("sns:Publish"),
			Resources:  jsii.Strings(*t.TopicArn()),
			Conditions: &map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": *awscdk.Aws_ACCOUNT_ID()}},
		}))
		topic = t
	}
	if m.p.Email != nil {
		awssns.NewSubscription(m.Construct, jsii.String(idEmail), &awssns.SubscriptionProps{
			Topic: topic, Protocol: awssns.SubscriptionProtocol_EMAIL, Endpoint: m.p.Email,
		})
	}
	return topic
}

// allowCloudWatchAlarms is the key statement AWS documents for an
// encrypted topic that CloudWatch alarms publish to: CloudWatch must
// generate and decrypt the data key.
func allowCloudWatchAlarms(key awskms.Key) {
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowCloudWatchAlarmsToPublish"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("cloudwatch.amazonaws.com"), nil)},
		Actions:    jsii.Strings("kms:Decrypt", "kms:GenerateDataKey*"),
		Resources:  jsii.Strings("*"),
	}), jsii.Bool(false))
}

// newGuardDuty creates an account-level GuardDuty detector with EKS
// audit-log monitoring, and warns: only one detector may exist per
// account and region.
func (m *Monitoring) newGuardDuty() {
	awsguardduty.NewCfnDetector(m.Construct, jsii.String(idGuardDuty), &awsguardduty.CfnDetectorProps{
		Enable: jsii.Bool(true),
		Features: &[]*awsguardduty.CfnDetector_CFNFeatureConfigurationProperty{
			{Name: jsii.String("EKS_AUDIT_LOGS"), Status: jsii.String("ENABLED")},
		},
	})
	awscdk.Annotations_Of(m.Construct).AddWarningV2(jsii.String(WarnGuardDuty),
		jsii.String("a GuardDuty detector is account-level: only one can exist per account and region, so the deploy fails where one exists (enable EKS audit-log monitoring on that detector instead), and deleting this stack deletes the detector."), nil)
}
