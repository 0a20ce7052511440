package platform_test

import (
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestGPUWorkers: asking for GPU instance types for the workers group
// synthesizes NVIDIA nodes the rule pack accepts: the NVIDIA AMI type, the
// GPU taint and label, an IMDSv2 launch template with encrypted volumes.
func TestGPUWorkers(t *testing.T) {
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	pl := newPlatform(app, load(t, map[string]string{config.VarEnv: "staging", config.VarWorkersEnabled: "true",
		config.VarWorkersInstanceTypes: "g5.xlarge,g5.2xlarge,g6.xlarge", config.VarWorkersCapacityType: "on-demand"}))
	pl.ApplyChecks()
	a := synthtest.MustSynth(app)
	for _, m := range a.Messages("BALLAST-EKS") {
		t.Errorf("rule pack: %s", m)
	}
	tmpl := a.Templates()[*pl.ClusterStack.StackName()]
	gpu := 0
	for _, ng := range tmpl.Resources("AWS::EKS::Nodegroup") {
		if synthtest.Get(ng.Properties, "Labels", nodegroup.GroupLabel) != "workers" {
			continue
		}
		gpu++
		if ng.Properties["AmiType"] != "AL2023_x86_64_NVIDIA" || synthtest.Get(ng.Properties, "Labels", nodegroup.AcceleratorLabel) != "nvidia" {
			t.Errorf("%s: AMI %v, labels %v", ng.ID, ng.Properties["AmiType"], ng.Properties["Labels"])
		}
		taint := synthtest.Get(ng.Properties, "Taints", 0)
		if synthtest.Get(taint, "Key") != nodegroup.NVIDIATaintKey || synthtest.Get(taint, "Effect") != "NO_SCHEDULE" {
			t.Errorf("%s: taints %v", ng.ID, ng.Properties["Taints"])
		}
		lt := tmpl.Resources("AWS::EC2::LaunchTemplate")
		id := synthtest.Ref(synthtest.Get(ng.Properties, "LaunchTemplate", "Id"))
		for _, l := range lt {
			if l.ID != id {
				continue
			}
			data := l.Properties["LaunchTemplateData"]
			if synthtest.Get(data, "MetadataOptions", "HttpTokens") != "required" || synthtest.Get(data, "BlockDeviceMappings", 0, "Ebs", "Encrypted") != true {
				t.Errorf("%s: launch template %v", ng.ID, data)
			}
			id = ""
		}
		if id != "" {
			t.Errorf("%s: launch template %s not in the stack", ng.ID, id)
		}
	}
	if gpu != 3 {
		t.Errorf("%d GPU node groups, want one per AZ (3)", gpu)
	}
}
