package karpenter_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/ptr"
)

// Nodes that follow the pending pods: Karpenter's AWS side (interruption
// queue and rules, controller and node roles) lands in the cluster stack, and
// its NodePool, EC2NodeClass and chart values join the cluster's GitOps folder.
func ExampleNewKarpenter() {
	azs := []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}
	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("eks"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(3), NatGateways: jsii.Number(1)})
	eks := awseksv2.NewCluster(stack, jsii.String("Cluster"), &awseksv2.ClusterProps{
		ClusterName: jsii.String("shop"), Version: awseksv2.KubernetesVersion_Of(jsii.String("1.36")), Vpc: vpc,
		DefaultCapacity: jsii.Number(0), DefaultCapacityType: awseksv2.DefaultCapacityType_NODEGROUP,
	})
	k := karpenter.NewKarpenter(stack, "Karpenter", &karpenter.KarpenterProps{
		Cluster: eks, ClusterName: jsii.String("shop"), AvailabilityZones: azs,
	})
	gitops := baseline.NewBaseline(stack, "Baseline", &baseline.BaselineProps{ClusterName: jsii.String("shop"), KubernetesVersion: jsii.String("1.36")})
	for _, f := range k.Files {
		gitops.AddFile(f)
	}
	rules := 0
	for _, r := range karpenter.Rules {
		if k.Node().TryFindChild(jsii.String(r.ID)) != nil {
			rules++
		}
	}
	fmt.Println("interruption queue:", k.Queue != nil, "fed by", rules, "EventBridge rules")
	fmt.Println("node role:", karpenter.NodeRoleName("shop"))
	var files []string
	for _, f := range gitops.Files() {
		files = append(files, f.Name)
	}
	fmt.Println("gitops folder:", files)
	// Output:
	// interruption queue: true fed by 4 EventBridge rules
	// node role: shop-karpenter-node
	// gitops folder: [priority-classes.yaml admission-policy.yaml system-pdbs.yaml karpenter-nodepool.yaml karpenter-values.yaml]
}

// Validate reports every problem at once, by field path, with no construct.
func ExampleKarpenterProps_Validate() {
	err := karpenter.KarpenterProps{
		ClusterName: jsii.String("shop"), AvailabilityZones: []string{"eu-west-1a"},
		InstanceFamilies: []string{"m7i", "m7g"}, ExpireAfter: jsii.String("30d"), DiskSizeGiB: ptr.To(8),
	}.Validate()
	fmt.Println(err)
	// Output:
	// cluster: required
	// availabilityZones: need at least 2, got 1
	// instanceFamilies: mixes architectures; list families of one architecture
	// expireAfter: "30d" is not a duration of at least 1h (such as 720h)
	// diskSizeGiB: must be from 20 to 16384, got 8
}
