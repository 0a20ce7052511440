package cluster_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// newImportedVpcStack builds a cluster in a VPC imported without its CIDR.
func newImportedVpcStack(app awscdk.App) {
	stack := awscdk.NewStack(app, jsii.String("ImportedVpc"), nil)
	vpc := awsec2.Vpc_FromVpcAttributes(stack, jsii.String("Vpc"), &awsec2.VpcAttributes{
		VpcId: jsii.String("vpc-0a1b2c3d4e5f60718"), AvailabilityZones: jsii.Strings("us-east-1a", "us-east-1b"),
		PrivateSubnetIds: jsii.Strings("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"),
	})
	cluster.NewCluster(stack, "Cluster", &cluster.ClusterProps{
		Vpc: vpc, ControlPlaneSubnets: *vpc.PrivateSubnets(), ClusterName: jsii.String("imported"),
		SecretsKey: awskms.NewKey(stack, jsii.String("Secrets"), nil), LogsKey: awskms.NewKey(stack, jsii.String("Logs"), nil),
	})
}

func controlPlaneEgress(t *testing.T, stack string) []any {
	t.Helper()
	for _, sg := range templates[stack].Resources("AWS::EC2::SecurityGroup") {
		if sg.Properties["GroupDescription"] == "EKS Control Plane Security Group" {
			rules, _ := sg.Properties["SecurityGroupEgress"].([]any)
			return rules
		}
	}
	t.Fatalf("%s: no control-plane security group", stack)
	return nil
}

// TestControlPlaneEgress: the control-plane security group sends to the
// VPC's block by default, to ControlPlaneEgressCIDRs when given, and keeps
// 0.0.0.0/0 (with a warning) only when the VPC's block is unknown.
func TestControlPlaneEgress(t *testing.T) {
	rules := controlPlaneEgress(t, "Prod")
	if len(rules) != 1 || synthtest.Ref(synthtest.Get(rules[0], "CidrIp")) == "" || synthtest.Get(rules[0], "IpProtocol") != "-1" {
		t.Errorf("default: egress %v, want all traffic to the VPC's CidrBlock only", rules)
	}
	var got []any
	for _, r := range controlPlaneEgress(t, "OptIns") {
		got = append(got, synthtest.Get(r, "CidrIp"))
	}
	if !slices.Equal(got, []any{"10.0.0.0/16", "100.64.0.0/16"}) {
		t.Errorf("with controlPlaneEgressCIDRs: egress to %v", got)
	}
	open := controlPlaneEgress(t, "ImportedVpc")
	if len(open) != 1 || synthtest.Get(open[0], "CidrIp") != "0.0.0.0/0" {
		t.Errorf("imported VPC without CIDR: egress %v, want aws-cdk-lib's default", open)
	}
	if !slices.ContainsFunc(warnings["ImportedVpc"], func(w string) bool { return strings.Contains(w, "keeps egress to 0.0.0.0/0") }) {
		t.Errorf("imported VPC without CIDR: no %s warning in %v", cluster.WarnControlPlaneEgress, warnings["ImportedVpc"])
	}
}
