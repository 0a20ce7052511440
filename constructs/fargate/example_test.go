package fargate_test

import (
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/fargate"
)

// Batch jobs and CI runners run on Fargate, each pod in its own micro-VM in
// the private subnets, with one pod execution role only this cluster's
// profiles can assume.
func ExampleNewFargate() {
	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("eks"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1)})
	eks := awseksv2.NewCluster(stack, jsii.String("Cluster"), &awseksv2.ClusterProps{
		ClusterName: jsii.String("shop"), Version: awseksv2.KubernetesVersion_Of(jsii.String("1.36")), Vpc: vpc,
		DefaultCapacity: jsii.Number(0), DefaultCapacityType: awseksv2.DefaultCapacityType_NODEGROUP,
	})
	f := fargate.NewFargate(stack, "Fargate", &fargate.FargateProps{
		Cluster: eks, ClusterName: jsii.String("shop"), Subnets: *vpc.PrivateSubnets(),
		Profiles: []fargate.ProfileProps{
			{Name: "batch", Selectors: []fargate.Selector{{Namespace: "batch"}}},
			{Name: "ci", Selectors: []fargate.Selector{{Namespace: "ci", Labels: map[string]string{"runner": "fargate"}}}},
		},
	})
	fmt.Println("profiles:", slices.Sorted(maps.Keys(f.Profiles)), "in", len(*vpc.PrivateSubnets()), "private subnets")
	fmt.Println("pod execution role:", f.PodExecutionRole != nil, "with", fargate.PodExecutionPolicy)
	// Output:
	// profiles: [batch ci] in 2 private subnets
	// pod execution role: true with AmazonEKSFargatePodExecutionRolePolicy
}

// Validate reports every problem at once, by field path, with no construct.
func ExampleFargateProps_Validate() {
	err := fargate.FargateProps{ClusterName: jsii.String("shop"), Profiles: []fargate.ProfileProps{
		{Name: "batch jobs", Selectors: []fargate.Selector{{Namespace: "Batch"}}},
		{Name: "ci"},
	}}.Validate()
	fmt.Println(err)
	// Output:
	// cluster: required
	// subnets: at least one private subnet is required
	// profiles[batch jobs].name: "batch jobs" is not a profile name (1-100 letters, digits, '-' or '_', starting with a letter or digit)
	// profiles[batch jobs].selectors[0].namespace: "Batch" is not a namespace name
	// profiles[ci].selectors: need 1 to 5 selectors, got 0
}
