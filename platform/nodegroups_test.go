package platform_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestProdSystemNodeGroups checks the system node groups' promises on the
// prod template.
func TestProdSystemNodeGroups(t *testing.T) {
	cluster := stack(t, config.ProfileProd, "cluster")
	clusterVersion := cluster.One(t, "AWS::EKS::Cluster").Properties["Version"]
	ngs := cluster.Resources("AWS::EKS::Nodegroup")
	if len(ngs) != 3 {
		t.Fatalf("%d node groups, want 3", len(ngs))
	}
	for _, ng := range ngs {
		p := ng.Properties
		checks := map[string][2]any{
			"AmiType":                  {p["AmiType"], "AL2023_x86_64_STANDARD"},
			"MaxUnavailablePercentage": {synthtest.Get(p, "UpdateConfig", "MaxUnavailablePercentage"), 33.0},
			"ForceUpdateEnabled":       {p["ForceUpdateEnabled"], false},
			"NodeRepairConfig.Enabled": {synthtest.Get(p, "NodeRepairConfig", "Enabled"), true},
			"Version":                  {p["Version"], clusterVersion},
			"Labels.node-group":        {synthtest.Get(p, "Labels", "ballast.dev/node-group"), "system"},
		}
		for name, c := range checks {
			if c[0] != c[1] {
				t.Errorf("%s: %s = %v, want %v", ng.ID, name, c[0], c[1])
			}
		}
		if _, ok := p["NodegroupName"]; ok {
			t.Errorf("%s: fixed NodegroupName", ng.ID)
		}
	}
	t.Run("launch template", func(t *testing.T) {
		data := synthtest.Get(cluster.One(t, "AWS::EC2::LaunchTemplate").Properties, "LaunchTemplateData")
		if synthtest.Get(data, "MetadataOptions", "HttpTokens") != "required" || synthtest.Get(data, "MetadataOptions", "HttpPutResponseHopLimit") != 1.0 {
			t.Errorf("MetadataOptions %v", synthtest.Get(data, "MetadataOptions"))
		}
		ebs := synthtest.Get(data, "BlockDeviceMappings", 0, "Ebs")
		if synthtest.Get(ebs, "Encrypted") != true || synthtest.Get(ebs, "VolumeType") != "gp3" {
			t.Errorf("root volume %v", ebs)
		}
		storage := stack(t, config.ProfileProd, "storage")
		keyID := synthtest.ResolveOutput(storage, synthtest.Get(ebs, "KmsKeyId"))
		desc, _ := synthtest.Get(map[string]any(storage), "Resources", keyID, "Properties", "Description").(string)
		if !strings.Contains(desc, "EBS") {
			t.Errorf("root volume key %q (%q) is not the storage stack's EBS key", keyID, desc)
		}
	})
}

var (
	bumpOnce sync.Once
	bumped   map[string]synthtest.Template
	bumpCfg  *config.Config
)

// bumpedProd synthesizes prod once more with another Kubernetes version and
// the workers group enabled.
func bumpedProd(t *testing.T) (*config.Config, map[string]synthtest.Template) {
	t.Helper()
	bumpOnce.Do(func() {
		vars := map[string]string{config.VarEnv: "prod", config.VarK8sVersion: "1.35", config.VarWorkersEnabled: "true"}
		cfg, err := config.Load(func(n string) (string, bool) { v, ok := vars[n]; return v, ok })
		if err != nil {
			t.Fatal(err)
		}
		app := synthtest.NewApp()
		newPlatform(app, cfg)
		bumpCfg, bumped = cfg, synthtest.MustSynth(app).Templates()
	})
	if bumped == nil {
		t.Fatal("synth failed")
	}
	return bumpCfg, bumped
}

func TestVersionBumpRollsNodeGroups(t *testing.T) {
	cfg, tmpls := bumpedProd(t)
	cluster := tmpls[cfg.Props().StackName("cluster")]
	if v := cluster.One(t, "AWS::EKS::Cluster").Properties["Version"]; v != "1.35" {
		t.Fatalf("cluster version %v", v)
	}
	ngs := cluster.Resources("AWS::EKS::Nodegroup")
	if len(ngs) != 6 {
		t.Fatalf("%d node groups, want 6 (system and workers in 3 AZs)", len(ngs))
	}
	for _, ng := range ngs {
		if ng.Properties["Version"] != "1.35" {
			t.Errorf("%s: Version %v, want 1.35", ng.ID, ng.Properties["Version"])
		}
	}
}

func TestWorkersGroupIsSpot(t *testing.T) {
	cfg, tmpls := bumpedProd(t)
	cluster := tmpls[cfg.Props().StackName("cluster")]
	roles := map[string]bool{}
	spot := 0
	for _, ng := range cluster.Resources("AWS::EKS::Nodegroup") {
		roles[synthtest.Ref(ng.Properties["NodeRole"])] = true
		if synthtest.Get(ng.Properties, "Labels", "ballast.dev/node-group") == "workers" {
			spot++
			if ng.Properties["CapacityType"] != "SPOT" || len(ng.Properties["InstanceTypes"].([]any)) < 3 {
				t.Errorf("%s: %v %v", ng.ID, ng.Properties["CapacityType"], ng.Properties["InstanceTypes"])
			}
		}
	}
	if spot != 3 || len(roles) != 1 {
		t.Errorf("%d workers node groups (want 3), %d node roles (want 1)", spot, len(roles))
	}
	if n := cluster.Count("AWS::EC2::LaunchTemplate"); n != 2 {
		t.Errorf("%d launch templates, want one per group (2)", n)
	}
}
