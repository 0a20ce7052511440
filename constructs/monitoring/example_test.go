package monitoring_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/ptr"
)

// One construct watches a cluster: alarms on the control-plane metrics EKS
// publishes, burn-rate alarms that page, audit-log detections, a dashboard
// and an encrypted SNS topic with the on-call address subscribed.
func ExampleNewMonitoring() {
	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("eks"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	logs := awslogs.NewLogGroup(stack, jsii.String("Logs"), &awslogs.LogGroupProps{LogGroupName: jsii.String(cluster.LogGroupName("shop"))})
	breakGlass := awsiam.NewRole(stack, jsii.String("BreakGlass"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
	m := monitoring.NewMonitoring(stack, "Monitoring", &monitoring.MonitoringProps{
		ClusterName: jsii.String("shop"), LogGroup: logs, BreakGlassRole: breakGlass, Email: jsii.String("oncall@example.com"),
	})
	var audit []string
	for _, id := range slices.Sorted(maps.Keys(m.Alarms)) {
		if strings.HasPrefix(id, monitoring.AlarmDetectionPrefix) {
			audit = append(audit, id)
		}
	}
	fmt.Println(len(m.Alarms), "alarms,", len(audit), "of them audit-log detections:", audit)
	fmt.Println("paging composites:", slices.Sorted(maps.Keys(m.Composites)))
	fmt.Println("topic with its own key:", m.TopicKey != nil, "dashboard:", m.Dashboard != nil)
	// Output:
	// 24 alarms, 5 of them audit-log detections: [AuditAnonymous AuditBreakGlass AuditRBACWrites AuditUnauthorized AuditWebhookWrites]
	// paging composites: [ErrorBudgetBurnFast ErrorBudgetBurnSlow]
	// topic with its own key: true dashboard: true
}

// Validate reports every problem at once, by field path, with no construct.
func ExampleMonitoringProps_Validate() {
	err := monitoring.MonitoringProps{
		ClusterName: jsii.String("shop"), Email: jsii.String("oncall"),
		AvailabilityPercent: jsii.Number(99.999), ScalingTier: ptr.To(cluster.ScalingTier("tier-huge")),
	}.Validate()
	fmt.Println(err)
	// Output:
	// logGroup: required (the control-plane log group the audit detections read)
	// scalingTier: unknown control-plane scaling tier
	// email: not an email address
	// availabilityPercent: 99.999 is out of range (from 90 to 99.99)
}
