package baseline_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/ptr"
)

// Two team namespaces and spare capacity in three AZs become a GitOps folder
// of typed manifests, written into the cloud assembly when the app synthesizes.
func ExampleNewBaseline() {
	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("eks"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	b := baseline.NewBaseline(stack, "Baseline", &baseline.BaselineProps{
		ClusterName: jsii.String("shop"), KubernetesVersion: jsii.String("1.36"),
		Teams: []baseline.TeamProps{
			{Name: "payments"},
			{Name: "search", TeamSettings: baseline.TeamSettings{Enforce: ptr.To(baseline.PSARestricted)}},
		},
		OverProvisioning: &baseline.OverProvisioningProps{AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}},
	})
	names, _, err := baseline.RenderFolder(b.Files())
	if err != nil {
		panic(err)
	}
	fmt.Println(len(names), "files, kustomization and README included:")
	for _, n := range names {
		fmt.Println(" ", n)
	}
	// Output:
	// 8 files, kustomization and README included:
	//   priority-classes.yaml
	//   admission-policy.yaml
	//   system-pdbs.yaml
	//   namespace-payments.yaml
	//   namespace-search.yaml
	//   overprovisioning.yaml
	//   kustomization.yaml
	//   README.md
}

// Validate reports every problem at once, by field path, with no construct.
func ExampleBaselineProps_Validate() {
	err := baseline.BaselineProps{
		KubernetesVersion: jsii.String("1.36"),
		Teams: []baseline.TeamProps{
			{Name: "kube-ops"},
			{Name: "search", TeamSettings: baseline.TeamSettings{Enforce: ptr.To(baseline.PSARestricted), Warn: ptr.To(baseline.PSABaseline)}},
		},
		OverProvisioning: &baseline.OverProvisioningProps{AvailabilityZones: []string{"eu-west-1a"}, Memory: jsii.String("2GB")},
	}.Validate()
	fmt.Println(err)
	// Output:
	// clusterName: required, an EKS cluster name (1-100 letters, digits, '-' or '_')
	// teams[kube-ops].name: "kube-ops" is reserved (default, kube-* and ballast-* belong to the platform)
	// teams[search].warn: baseline is less strict than enforce (restricted); warn at least at the enforced level
	// overProvisioning.memory: "2GB" is not a positive Kubernetes quantity (such as 500m, 2, 512Mi or 16Gi)
}
