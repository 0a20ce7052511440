package monitoring_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// BenchmarkMonitoring measures building and synthesizing the monitoring
// of one cluster (24 alarms, 2 composites, 5 detections, a dashboard and
// the topic) in a stack of its own.
func BenchmarkMonitoring(b *testing.B) {
	for b.Loop() {
		app := synthtest.NewApp()
		s := awscdk.NewStack(app, jsii.String("Bench"), nil)
		role := awsiam.NewRole(s, jsii.String("BreakGlass"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
		monitoring.NewMonitoring(s, "Monitoring", &monitoring.MonitoringProps{ClusterName: jsii.String("bench"), LogGroup: logGroup(s, "bench"), BreakGlassRole: role})
		synthtest.MustSynth(app)
	}
}
