package platform_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/guard"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// allowedReplacements are the stateful replacements and deletions the
// platform's snapshots may take, each naming the stack, the logical ID and
// why: guard.Allow("ballast-prod-cluster", "NodeGroupsystemAZ0CE27E79B",
// "..."). Remove an entry once the snapshots hold its change (TestGolden
// fails on an entry that matches nothing).
var allowedReplacements []guard.Allowance

// prodStacks returns a copy of the prod profile's synthesized templates.
func prodStacks(t *testing.T) map[string]guard.Template {
	t.Helper()
	out := map[string]guard.Template{}
	for name, tmpl := range synthed[config.ProfileProd] {
		b, err := json.Marshal(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		var c guard.Template
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatal(err)
		}
		out[name] = c
	}
	return out
}

// res returns the properties of each resource of stack part whose logical
// ID starts with prefix (a construct path, so stable), and their IDs.
func res(t *testing.T, st map[string]guard.Template, part, prefix string) ([]map[string]any, []string) {
	t.Helper()
	resources := st["ballast-prod-"+part]["Resources"].(map[string]any)
	var props []map[string]any
	var ids []string
	for _, id := range slices.Sorted(maps.Keys(resources)) {
		if strings.HasPrefix(id, prefix) {
			r := resources[id].(map[string]any)
			p, _ := r["Properties"].(map[string]any)
			props, ids = append(props, p), append(ids, id)
		}
	}
	if len(ids) == 0 {
		t.Fatalf("no resource %s* in the prod %s stack", prefix, part)
	}
	return props, ids
}

func one(t *testing.T, st map[string]guard.Template, part, prefix string) map[string]any {
	t.Helper()
	props, _ := res(t, st, part, prefix)
	return props[0]
}

// rename replaces a logical ID (and the IDs derived from it) everywhere,
// as renaming its construct does.
func rename(t *testing.T, st map[string]guard.Template, part, prefix string) string {
	t.Helper()
	_, ids := res(t, st, part, prefix)
	for name, tmpl := range st {
		b, _ := json.Marshal(tmpl)
		var c guard.Template
		if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), ids[0], "Renamed"+ids[0])), &c); err != nil {
			t.Fatal(err)
		}
		st[name] = c
	}
	return ids[0]
}

func outputRef(stack, output string) map[string]any {
	return map[string]any{"Fn::GetStackOutput": map[string]any{"OutputName": output, "Region": "us-east-1", "StackName": stack}}
}

// expect is a change the guard must report: in stack part, on the logical
// ID with prefix, of kind, because of path ("" for a deletion).
type expect struct {
	part, prefix string
	kind         guard.Kind
	path         string
}

var dangerousEdits = []struct {
	name string
	edit func(t *testing.T, st map[string]guard.Template)
	want []expect
}{
	{"cluster name", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "cluster", "ClusterC2E21B66")["Name"] = "ballast-prod-2"
	}, []expect{{"cluster", "ClusterC2E21B66", guard.Replace, "/properties/Name"}}},
	{"secrets key", func(t *testing.T, st map[string]guard.Template) {
		enc := one(t, st, "cluster", "ClusterC2E21B66")["EncryptionConfig"].([]any)[0].(map[string]any)
		enc["Provider"] = map[string]any{"KeyArn": outputRef("ballast-prod-storage", "PublishOutputFnGetAttKeysEbsKeyD4F4EE9FArn9A067C4B")}
	}, []expect{{"cluster", "ClusterC2E21B66", guard.MayReplace, "/properties/EncryptionConfig"}}},
	{"bootstrap admin permissions", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "cluster", "ClusterC2E21B66")["AccessConfig"].(map[string]any)["BootstrapClusterCreatorAdminPermissions"] = true
	}, []expect{{"cluster", "ClusterC2E21B66", guard.Replace, "/properties/AccessConfig/BootstrapClusterCreatorAdminPermissions"}}},
	{"service CIDR", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "cluster", "ClusterC2E21B66")["KubernetesNetworkConfig"].(map[string]any)["ServiceIpv4Cidr"] = "172.20.0.0/16"
	}, []expect{{"cluster", "ClusterC2E21B66", guard.Replace, "/properties/KubernetesNetworkConfig/ServiceIpv4Cidr"}}},
	{"node-group instance types", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range nodeGroups(t, st) {
			p["InstanceTypes"] = []any{"m6i.2xlarge"}
		}
	}, threeNodeGroups(guard.Replace, "/properties/InstanceTypes")},
	{"node-group subnets", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "cluster", "NodeGroupsystemAZ0")["Subnets"] = []any{
			outputRef("ballast-prod-network", "PublishOutputRefNetworkVpcPrivateSubnet2Subnet1BDBE8773D2EE21B")}
	}, []expect{{"cluster", "NodeGroupsystemAZ0", guard.MayReplace, "/properties/Subnets"}}},
	{"AMI type", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range nodeGroups(t, st) {
			p["AmiType"] = "BOTTLEROCKET_x86_64"
		}
	}, threeNodeGroups(guard.Replace, "/properties/AmiType")},
	{"disk size on the node group", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range nodeGroups(t, st) {
			p["DiskSize"] = 100
		}
	}, threeNodeGroups(guard.Replace, "/properties/DiskSize")},
	{"capacity type", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range nodeGroups(t, st) {
			p["CapacityType"] = "SPOT"
		}
	}, threeNodeGroups(guard.Replace, "/properties/CapacityType")},
	{"VPC CIDR", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "network", "NetworkVpc7FB7348F")["CidrBlock"] = "10.1.0.0/16"
	}, []expect{
		{"network", "NetworkVpc7FB7348F", guard.Replace, "/properties/CidrBlock"},
		{"network", "NetworkVpcPrivateSubnet1Subnet", guard.MayReplace, "/properties/VpcId"},
		{"cluster", "NodeGroupsystemAZ0", guard.MayReplace, "/properties/Subnets"},
	}},
	{"subnet CIDR", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "network", "NetworkVpcPrivateSubnet1Subnet")["CidrBlock"] = "10.0.200.0/21"
	}, []expect{
		{"network", "NetworkVpcPrivateSubnet1Subnet", guard.Replace, "/properties/CidrBlock"},
		{"cluster", "NodeGroupsystemAZ0", guard.MayReplace, "/properties/Subnets"},
	}},
	{"subnet AZ", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "network", "NetworkVpcPrivateSubnet1Subnet")["AvailabilityZone"] = "us-east-1d"
	}, []expect{{"network", "NetworkVpcPrivateSubnet1Subnet", guard.Replace, "/properties/AvailabilityZone"}}},
	{"KMS key removed", func(t *testing.T, st map[string]guard.Template) {
		resources := st["ballast-prod-storage"]["Resources"].(map[string]any)
		_, ids := res(t, st, "storage", "KeysEfsKey")
		for _, id := range ids {
			delete(resources, id)
		}
		delete(one(t, st, "storage", "SharedFileSystem"), "KmsKeyId")
	}, []expect{
		{"storage", "KeysEfsKey2B3B54E1", guard.Delete, ""},
		{"storage", "SharedFileSystem", guard.Replace, "/properties/KmsKeyId"},
	}},
	{"EFS unencrypted", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "storage", "SharedFileSystem")["Encrypted"] = false
	}, []expect{{"storage", "SharedFileSystem", guard.Replace, "/properties/Encrypted"}}},
	{"EFS performance mode", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "storage", "SharedFileSystem")["PerformanceMode"] = "maxIO"
	}, []expect{{"storage", "SharedFileSystem", guard.Replace, "/properties/PerformanceMode"}}},
	{"bucket name", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "storage", "BackupBucket4")["BucketName"] = "ballast-prod-backups"
	}, []expect{{"storage", "BackupBucket4", guard.Replace, "/properties/BucketName"}}},
}

// renames are construct IDs whose rename loses a stateful resource's
// logical ID.
var renames = []struct{ part, prefix string }{
	{"cluster", "ClusterC2E21B66"}, {"cluster", "NodeGroupsystemAZ0"}, {"storage", "KeysSecretsKey"},
	{"storage", "SharedFileSystem"}, {"storage", "BackupBucket4"},
}

func nodeGroups(t *testing.T, st map[string]guard.Template) []map[string]any {
	t.Helper()
	out := ofType(st, "cluster", "AWS::EKS::Nodegroup")
	if len(out) != 3 {
		t.Fatalf("%d node groups, want 3", len(out))
	}
	return out
}

// ofType returns the properties of every resource of typ in stack part.
func ofType(st map[string]guard.Template, part, typ string) []map[string]any {
	var out []map[string]any
	for _, r := range synthtest.Template(st["ballast-prod-"+part]).Resources(typ) {
		out = append(out, r.Properties)
	}
	return out
}

func threeNodeGroups(kind guard.Kind, path string) []expect {
	var out []expect
	for _, az := range []string{"AZ0", "AZ1", "AZ2"} {
		out = append(out, expect{"cluster", "NodeGroupsystem" + az, kind, path})
	}
	return out
}

// TestGuardCatchesDangerousEdits: each edit of the synthesized prod
// platform is rejected, with the kind and the create-only path expected.
func TestGuardCatchesDangerousEdits(t *testing.T) {
	for _, e := range dangerousEdits {
		t.Run(e.name, func(t *testing.T) {
			old, cur := prodStacks(t), prodStacks(t)
			e.edit(t, cur)
			assertCaught(t, guard.CompareStacks(old, cur), e.want)
		})
	}
	for _, r := range renames {
		t.Run("renamed "+r.prefix, func(t *testing.T) {
			old, cur := prodStacks(t), prodStacks(t)
			id := rename(t, cur, r.part, r.prefix)
			assertCaught(t, guard.CompareStacks(old, cur), []expect{{r.part, id, guard.Delete, ""}})
		})
	}
}

func assertCaught(t *testing.T, changes []guard.Change, want []expect) {
	t.Helper()
	v := guard.Judge(changes)
	for _, w := range want {
		c, ok := find(v.Rejected, "ballast-prod-"+w.part, w.prefix)
		switch {
		case !ok:
			t.Errorf("%s %s*: not rejected; changes:\n%s", w.part, w.prefix, lines(changes))
		case c.Kind != w.kind || (w.path != "" && !slices.Contains(c.Paths, w.path)):
			t.Errorf("got %v, want %s of %s", c, w.kind, w.path)
		}
	}
}

func find(changes []guard.Change, stack, prefix string) (guard.Change, bool) {
	for _, c := range changes {
		if c.Stack == stack && strings.HasPrefix(c.LogicalID, prefix) {
			return c, true
		}
	}
	return guard.Change{}, false
}

func lines(changes []guard.Change) string {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString("  " + c.String() + "\n")
	}
	return b.String()
}

var benignEdits = []struct {
	name string
	edit func(t *testing.T, st map[string]guard.Template)
}{
	{"node-group sizes", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range nodeGroups(t, st) {
			p["ScalingConfig"] = map[string]any{"MinSize": 3, "DesiredSize": 4, "MaxSize": 30}
		}
	}},
	{"tags", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range nodeGroups(t, st) {
			p["Tags"].(map[string]any)["team"] = "platform"
		}
		for _, p := range []map[string]any{one(t, st, "cluster", "ClusterC2E21B66"), one(t, st, "network", "NetworkVpc7FB7348F"), one(t, st, "storage", "KeysSecretsKey")} {
			p["Tags"] = append(p["Tags"].([]any), map[string]any{"Key": "team", "Value": "platform"})
		}
	}},
	{"log retention", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "cluster", "ClusterControlPlaneLogs")["RetentionInDays"] = 731
		one(t, st, "network", "NetworkFlowLogGroup")["RetentionInDays"] = 731
	}},
	{"Kubernetes version", func(t *testing.T, st map[string]guard.Template) {
		one(t, st, "cluster", "ClusterC2E21B66")["Version"] = "1.37"
		for _, p := range nodeGroups(t, st) {
			p["Version"] = "1.37"
		}
	}},
	{"add-on versions", func(t *testing.T, st map[string]guard.Template) {
		for _, p := range ofType(st, "cluster", "AWS::EKS::Addon") {
			p["AddonVersion"] = "v9.9.9-eksbuild.1"
		}
	}},
	{"alarm thresholds", func(t *testing.T, st map[string]guard.Template) {
		// Ballast emits no alarm yet: both templates get one (see the test).
		alarm(st)["Threshold"] = 95
	}},
	{"Auto Mode load balancing added", func(t *testing.T, st map[string]guard.Template) {
		c := one(t, st, "cluster", "ClusterC2E21B66")
		c["KubernetesNetworkConfig"].(map[string]any)["ElasticLoadBalancing"] = map[string]any{"Enabled": true}
	}},
	{"node disk size through the launch template", func(t *testing.T, st map[string]guard.Template) {
		lt := one(t, st, "cluster", "NodeGroupsystemLaunchTemplate")["LaunchTemplateData"].(map[string]any)
		lt["BlockDeviceMappings"].([]any)[0].(map[string]any)["Ebs"].(map[string]any)["VolumeSize"] = 100
	}},
}

// alarm adds a CloudWatch alarm to the prod cluster stack and returns its
// properties.
func alarm(st map[string]guard.Template) map[string]any {
	props := map[string]any{"MetricName": "node_cpu_utilization", "Namespace": "ContainerInsights", "Threshold": 80,
		"ComparisonOperator": "GreaterThanThreshold", "EvaluationPeriods": 3, "Period": 300, "Statistic": "Average"}
	st["ballast-prod-cluster"]["Resources"].(map[string]any)["NodeCpuAlarm"] = map[string]any{"Type": "AWS::CloudWatch::Alarm", "Properties": props}
	return props
}

// TestGuardPassesBenignEdits: none of these edits replaces or deletes
// anything, and each is seen as an update.
func TestGuardPassesBenignEdits(t *testing.T) {
	for _, e := range benignEdits {
		t.Run(e.name, func(t *testing.T) {
			old, cur := prodStacks(t), prodStacks(t)
			if e.name == "alarm thresholds" {
				alarm(old)
				alarm(cur)
			}
			e.edit(t, cur)
			changes := guard.CompareStacks(old, cur)
			if len(changes) == 0 {
				t.Fatal("the edit changed nothing")
			}
			for _, c := range changes {
				if c.Kind != guard.Update {
					t.Errorf("%v: want an update", c)
				}
			}
		})
	}
}

// TestGoldenRejectsNewProdInstanceType: with the prod system group on
// another instance type (what changing the profile's default in config
// does), the golden comparison with the committed snapshot fails with the
// guard's message naming the three node groups and the create-only path,
// and -update would refuse it.
func TestGoldenRejectsNewProdInstanceType(t *testing.T) {
	cfg := testConfig(t, config.ProfileProd)
	cfg.NodeInstanceTypes = []string{"m6i.2xlarge"}
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	newPlatform(app, cfg)
	name := cfg.Props().StackName("cluster")
	var tmpl synthtest.Template
	for _, s := range synthtest.MustSynth(app).Stacks {
		if s.ID == name {
			tmpl = s.Template
		}
	}
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata", name+".golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".golden.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	ft := &recorder{TB: t}
	golden.AssertIn(ft, dir, name, tmpl)
	_, ids := res(t, prodStacks(t), "cluster", "NodeGroupsystemAZ")
	for _, want := range []string{"guard: template ballast-prod-cluster replaces or deletes 3 stateful resource(s)",
		"replace /properties/InstanceTypes", ids[0], ids[1], ids[2]} {
		if !strings.Contains(ft.msg, want) {
			t.Errorf("golden failure lacks %q:\n%s", want, ft.msg)
		}
	}
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) + "\n" }
func (r *recorder) Fatalf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) + "\n" }

// TestGuardCommandOnCloudAssemblies runs the guard command on real cloud
// assemblies of the prod platform: another system instance type exits 1,
// naming the node groups' construct paths; a bigger max size exits 0.
func TestGuardCommandOnCloudAssemblies(t *testing.T) {
	base := nagAssemblies[config.ProfileProd].Dir
	bin := filepath.Join(t.TempDir(), "guard")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/guard").CombinedOutput(); err != nil {
		t.Fatalf("building the guard: %v\n%s", err, out)
	}
	for _, c := range []struct {
		env  map[string]string
		code int
		want string
	}{
		{map[string]string{config.VarNodeInstanceTypes: "m6i.2xlarge"}, 1, "construct /ballast-prod-cluster/NodeGroup-system/AZ0/Resource"},
		{map[string]string{config.VarNodeMaxSize: "20"}, 0, "3 update; 0 allowed; safe"},
	} {
		out, err := exec.Command(bin, base, synthProdAssembly(t, c.env).Dir).Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != c.code || !strings.Contains(string(out), c.want) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s", c.env, code, c.code, c.want, out)
		}
	}
}
