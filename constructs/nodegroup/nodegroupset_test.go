package nodegroup_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/ptr"
)

const (
	account = "111111111111"
	region  = "us-east-1"
	version = "1.36"
)

var (
	azs = []string{"us-east-1a", "us-east-1b", "us-east-1c"}
	// tmpl is the test stack: a cluster with a default "system" set and a
	// spot, arm64, Bottlerocket "workers" set with the warned options.
	tmpl synthtest.Template
	// warnings are the warning annotations' IDs by construct path.
	warnings []string
)

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	cdkapp.PinAvailabilityZones(app, account, region, azs)
	stack := awscdk.NewStack(app, jsii.String("test"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String(account), Region: jsii.String(region)},
	})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{AvailabilityZones: jsii.Strings(azs...), NatGateways: jsii.Number(1)})
	cluster := awseksv2.NewCluster(stack, jsii.String("Cluster"), &awseksv2.ClusterProps{
		Version: awseksv2.KubernetesVersion_Of(jsii.String(version)), Vpc: vpc, DefaultCapacity: jsii.Number(0),
		DefaultCapacityType: awseksv2.DefaultCapacityType_NODEGROUP,
	})
	key := awskms.NewKey(stack, jsii.String("EbsKey"), nil)
	role := nodegroup.NewNodeRole(stack, "NodeRole")
	subnets := *vpc.PrivateSubnets()
	base := func(name string) *nodegroup.NodeGroupSetProps {
		return &nodegroup.NodeGroupSetProps{Cluster: cluster, KubernetesVersion: jsii.String(version), NodeRole: role,
			VolumeKey: key, Name: jsii.String(name), Subnets: subnets, AvailabilityZones: azs}
	}
	nodegroup.NewNodeGroupSet(stack, "System", base("system"))
	w := base("workers")
	spot, br := nodegroup.Spot, nodegroup.Bottlerocket
	w.CapacityType, w.AMIFamily = &spot, &br
	w.InstanceTypes = []string{"m6g.xlarge", "m7g.xlarge", "m8g.xlarge"}
	w.MetadataHopLimit, w.ForceUpdate, w.DiskSizeGiB = ptr.To(2), jsii.Bool(true), ptr.To(100)
	w.ReleaseVersion = jsii.String("1.30.0")
	w.Labels = map[string]string{"team": "web"}
	w.Taints = []nodegroup.Taint{{Key: "spot", Value: "true", Effect: nodegroup.PreferNoSchedule}}
	nodegroup.NewNodeGroupSet(stack, "Workers", w)

	tmpl = synthtest.MustSynth(app).Templates()["test"]
	for _, w := range *assertions.Annotations_FromStack(stack).FindWarning(jsii.String("*"), assertions.Match_AnyValue()) {
		data, _ := w.Entry.Data.(string)
		warnings = append(warnings, *w.Id+" "+data)
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

// groups returns the node groups of a set, by construct path prefix.
func groups(t *testing.T, set string) []synthtest.Resource {
	t.Helper()
	var out []synthtest.Resource
	for _, r := range tmpl.Resources("AWS::EKS::Nodegroup") {
		if strings.HasPrefix(r.ID, set) {
			out = append(out, r)
		}
	}
	if len(out) != 3 {
		t.Fatalf("%s: %d node groups, want 3", set, len(out))
	}
	return out
}

func TestNodeGroups(t *testing.T) {
	t.Run("one private subnet per group, distinct AZs", func(t *testing.T) {
		for _, set := range []string{"System", "Workers"} {
			seen := map[string]bool{}
			for _, ng := range groups(t, set) {
				subnets := ng.Properties["Subnets"].([]any)
				if len(subnets) != 1 {
					t.Fatalf("%s: %d subnets", ng.ID, len(subnets))
				}
				id := synthtest.Ref(subnets[0])
				if !strings.Contains(id, "PrivateSubnet") || seen[id] {
					t.Errorf("%s: subnet %s is not a distinct private subnet", ng.ID, id)
				}
				seen[id] = true
				az := synthtest.Get(map[string]any(tmpl), "Resources", id, "Properties", "AvailabilityZone")
				if got := synthtest.Get(ng.Properties, "Labels", nodegroup.ZoneLabel); got != az {
					t.Errorf("%s: zone label %v, subnet AZ %v", ng.ID, got, az)
				}
			}
		}
	})
	t.Run("update config bounded, force update off, node repair on", func(t *testing.T) {
		for _, ng := range groups(t, "System") {
			if got := synthtest.Get(ng.Properties, "UpdateConfig", "MaxUnavailablePercentage"); got != 33.0 {
				t.Errorf("%s: MaxUnavailablePercentage %v", ng.ID, got)
			}
			if ng.Properties["ForceUpdateEnabled"] != false {
				t.Errorf("%s: ForceUpdateEnabled %v", ng.ID, ng.Properties["ForceUpdateEnabled"])
			}
			repair := ng.Properties["NodeRepairConfig"]
			if synthtest.Get(repair, "Enabled") != true || synthtest.Get(repair, "MaxUnhealthyNodeThresholdPercentage") != float64(nodegroup.DefaultRepairMaxUnhealthyPercentage) ||
				synthtest.Get(repair, "MaxParallelNodesRepairedCount") != float64(nodegroup.DefaultRepairMaxParallel) {
				t.Errorf("%s: NodeRepairConfig %v", ng.ID, ng.Properties["NodeRepairConfig"])
			}
		}
	})
	t.Run("version follows the cluster, which comes first", func(t *testing.T) {
		clusterID := tmpl.One(t, "AWS::EKS::Cluster").ID
		for _, ng := range append(groups(t, "System"), groups(t, "Workers")...) {
			if ng.Properties["Version"] != version {
				t.Errorf("%s: Version %v, want %s", ng.ID, ng.Properties["Version"], version)
			}
			deps, _ := ng.Raw["DependsOn"].([]any)
			if !slices.Contains(deps, any(clusterID)) {
				t.Errorf("%s: DependsOn %v lacks the cluster %s", ng.ID, deps, clusterID)
			}
		}
	})
	t.Run("no fixed node group name", func(t *testing.T) {
		for _, ng := range tmpl.Resources("AWS::EKS::Nodegroup") {
			if _, ok := ng.Properties["NodegroupName"]; ok {
				t.Errorf("%s has NodegroupName", ng.ID)
			}
		}
	})
	t.Run("one shared node role with exactly the listed policies", func(t *testing.T) {
		roles := map[string]bool{}
		for _, ng := range tmpl.Resources("AWS::EKS::Nodegroup") {
			roles[synthtest.Ref(ng.Properties["NodeRole"])] = true
		}
		if len(roles) != 1 {
			t.Fatalf("node groups use %d roles, want 1: %v", len(roles), roles)
		}
		for id := range roles {
			var got []string
			for _, arn := range synthtest.Get(map[string]any(tmpl), "Resources", id, "Properties", "ManagedPolicyArns").([]any) {
				parts := synthtest.Get(arn, "Fn::Join", 1).([]any)
				got = append(got, strings.TrimPrefix(parts[len(parts)-1].(string), ":iam::aws:policy/"))
			}
			if !slices.Equal(got, nodegroup.NodeRolePolicies) {
				t.Errorf("managed policies %v, want %v", got, nodegroup.NodeRolePolicies)
			}
			if slices.Contains(got, "AmazonEKS_CNI_Policy") {
				t.Error("node role has AmazonEKS_CNI_Policy")
			}
		}
	})
	t.Run("AMI type from family and architecture", func(t *testing.T) {
		for set, want := range map[string]string{"System": "AL2023_x86_64_STANDARD", "Workers": "BOTTLEROCKET_ARM_64"} {
			for _, ng := range groups(t, set) {
				if ng.Properties["AmiType"] != want {
					t.Errorf("%s: AmiType %v, want %s", ng.ID, ng.Properties["AmiType"], want)
				}
			}
		}
	})
	t.Run("capacity, release, labels and taints", func(t *testing.T) {
		w := groups(t, "Workers")[0].Properties
		if w["CapacityType"] != "SPOT" || w["ReleaseVersion"] != "1.30.0" {
			t.Errorf("CapacityType %v, ReleaseVersion %v", w["CapacityType"], w["ReleaseVersion"])
		}
		if synthtest.Get(w, "Labels", "team") != "web" || synthtest.Get(w, "Labels", nodegroup.GroupLabel) != "workers" {
			t.Errorf("Labels %v", w["Labels"])
		}
		if synthtest.Get(w, "Taints", 0, "Effect") != "PREFER_NO_SCHEDULE" || synthtest.Get(w, "Taints", 0, "Key") != "spot" {
			t.Errorf("Taints %v", w["Taints"])
		}
		if _, ok := groups(t, "System")[0].Properties["ReleaseVersion"]; ok {
			t.Error("system group pins a release version by default")
		}
	})
}

// launchTemplate returns the launch template a set's node groups use.
func launchTemplate(t *testing.T, set string) map[string]any {
	t.Helper()
	ids := map[string]bool{}
	for _, ng := range groups(t, set) {
		ids[synthtest.Ref(synthtest.Get(ng.Properties, "LaunchTemplate", "Id"))] = true
		if v := synthtest.Get(ng.Properties, "LaunchTemplate", "Version", "Fn::GetAtt", 1); v != "LatestVersionNumber" {
			t.Errorf("%s: launch template version %v, want the latest", ng.ID, v)
		}
		if _, ok := ng.Properties["DiskSize"]; ok {
			t.Errorf("%s: DiskSize is set outside the launch template", ng.ID)
		}
	}
	if len(ids) != 1 {
		t.Fatalf("%s: %d launch templates, want 1", set, len(ids))
	}
	for id := range ids {
		return synthtest.Get(map[string]any(tmpl), "Resources", id, "Properties", "LaunchTemplateData").(map[string]any)
	}
	return nil
}

func TestLaunchTemplate(t *testing.T) {
	keyID := tmpl.One(t, "AWS::KMS::Key").ID
	t.Run("IMDSv2 required, hop limit 1", func(t *testing.T) {
		md := launchTemplate(t, "System")["MetadataOptions"]
		if synthtest.Get(md, "HttpTokens") != "required" || synthtest.Get(md, "HttpPutResponseHopLimit") != 1.0 {
			t.Errorf("MetadataOptions %v", md)
		}
		if got := synthtest.Get(launchTemplate(t, "Workers"), "MetadataOptions", "HttpPutResponseHopLimit"); got != 2.0 {
			t.Errorf("workers hop limit %v, want 2", got)
		}
	})
	t.Run("encrypted gp3 root volume with the volume key", func(t *testing.T) {
		bdm := launchTemplate(t, "System")["BlockDeviceMappings"].([]any)
		if len(bdm) != 1 || synthtest.Get(bdm[0], "DeviceName") != "/dev/xvda" {
			t.Fatalf("BlockDeviceMappings %v", bdm)
		}
		checkVolume(t, bdm[0], keyID, float64(nodegroup.DefaultDiskSizeGiB))
	})
	t.Run("Bottlerocket: OS and data volumes encrypted", func(t *testing.T) {
		bdm := launchTemplate(t, "Workers")["BlockDeviceMappings"].([]any)
		if len(bdm) != 2 || synthtest.Get(bdm[1], "DeviceName") != "/dev/xvdb" {
			t.Fatalf("BlockDeviceMappings %v", bdm)
		}
		checkVolume(t, bdm[0], keyID, nodegroup.BottlerocketOSVolumeGiB)
		checkVolume(t, bdm[1], keyID, 100)
	})
	t.Run("no SSH key, no AMI, no user data, no instance profile", func(t *testing.T) {
		for _, k := range []string{"KeyName", "ImageId", "UserData", "IamInstanceProfile"} {
			if _, ok := launchTemplate(t, "System")[k]; ok {
				t.Errorf("launch template sets %s", k)
			}
		}
	})
	t.Run("tags propagate to instances and volumes", func(t *testing.T) {
		var types []string
		for _, spec := range launchTemplate(t, "System")["TagSpecifications"].([]any) {
			types = append(types, synthtest.Get(spec, "ResourceType").(string))
			if !hasTag(synthtest.Get(spec, "Tags"), nodegroup.GroupLabel, "system") {
				t.Errorf("%v lacks the group tag", spec)
			}
		}
		if !slices.Equal(types, []string{"instance", "volume"}) {
			t.Errorf("tag specifications for %v", types)
		}
	})
}

func checkVolume(t *testing.T, bdm any, keyID string, size float64) {
	t.Helper()
	ebs := synthtest.Get(bdm, "Ebs")
	if synthtest.Get(ebs, "Encrypted") != true || synthtest.Get(ebs, "VolumeType") != "gp3" || synthtest.Get(ebs, "VolumeSize") != size {
		t.Errorf("volume %v, want encrypted gp3 of %v GiB", ebs, size)
	}
	if synthtest.Ref(synthtest.Get(ebs, "KmsKeyId")) != keyID {
		t.Errorf("volume key %v, want %s", synthtest.Get(ebs, "KmsKeyId"), keyID)
	}
}

func hasTag(tags any, key, value string) bool {
	for _, tag := range tags.([]any) {
		if synthtest.Get(tag, "Key") == key && synthtest.Get(tag, "Value") == value {
			return true
		}
	}
	return false
}

func TestWarningsAreAnnotated(t *testing.T) {
	for _, id := range []string{nodegroup.WarnHopLimit, nodegroup.WarnForceUpdate} {
		n := 0
		for _, w := range warnings {
			if strings.Contains(w, "/Workers ") && strings.Contains(w, id) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d warnings on Workers, want 1; all: %v", id, n, warnings)
		}
	}
	for _, w := range warnings {
		if strings.Contains(w, "/System ") {
			t.Errorf("default set warned: %s", w)
		}
	}
}
