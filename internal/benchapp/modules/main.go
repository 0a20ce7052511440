// Command modules is the second baseline of the whole-process synthesis
// measurement: Ballast's feature flags, three stacks with a concrete
// environment (as the prod platform has) and one cheap construct of every
// aws-cdk-lib module the platform uses, so it pays what loading those
// modules costs and little else. The ballast binary's time above it is
// building and synthesizing the platform itself. README.md (Benchmarks)
// says how to compare them.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
)

func main() {
	defer jsii.Close()
	app := cdkapp.NewApp("") // CDK_OUTDIR, or a temporary directory
	env := &awscdk.Environment{Account: jsii.String("111122223333"), Region: jsii.String("us-east-1")}
	for _, part := range []string{"network", "storage", "cluster"} {
		s := awscdk.NewStack(app, jsii.String("modules-"+part), &awscdk.StackProps{Env: env})
		s.Partition() // a concrete region loads the region facts, as ARNs in the platform do
		awsec2.Port_Tcp(jsii.Number(443))
		awseksv2.KubernetesVersion_Of(jsii.String("1.36"))
		awsiam.NewServicePrincipal(jsii.String("eks.amazonaws.com"), nil)
		key := awskms.NewKey(s, jsii.String("Key"), nil)
		awslogs.NewLogGroup(s, jsii.String("Logs"), nil)
		awss3.Bucket_FromBucketName(s, jsii.String("Bucket"), jsii.String("modules-bucket"))
		awsbackup.BackupVault_FromBackupVaultName(s, jsii.String("Vault"), jsii.String("modules-vault"))
		awsefs.FileSystem_FromFileSystemAttributes(s, jsii.String("FileSystem"), &awsefs.FileSystemAttributes{
			FileSystemId:  jsii.String("fs-12345678"),
			SecurityGroup: awsec2.SecurityGroup_FromSecurityGroupId(s, jsii.String("Group"), jsii.String("sg-12345678"), nil),
		})
		awsevents.NewRule(s, jsii.String("Rule"), &awsevents.RuleProps{EventPattern: &awsevents.EventPattern{Source: jsii.Strings("aws.eks")}})
		topic := awssns.NewTopic(s, jsii.String("Topic"), &awssns.TopicProps{MasterKey: key})
		alarm := awscloudwatch.NewAlarm(s, jsii.String("Alarm"), &awscloudwatch.AlarmProps{
			Threshold: jsii.Number(1), EvaluationPeriods: jsii.Number(1),
			Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{Namespace: jsii.String("AWS/EKS"), MetricName: jsii.String("apiserver_request_total")}),
		})
		alarm.AddAlarmAction(awscloudwatchactions.NewSnsAction(topic))
	}
	app.Synth(nil)
}
