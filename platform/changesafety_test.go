package platform_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/guard"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// synthProd synthesizes the prod reference app with env set.
func synthProd(t *testing.T, env map[string]string) map[string]guard.Template {
	t.Helper()
	out := map[string]guard.Template{}
	for _, s := range synthProdAssembly(t, env).Stacks {
		out[s.ID] = s.Template
	}
	return out
}

// synthProdAssembly synthesizes the prod reference app with env set into a
// cloud assembly.
func synthProdAssembly(t *testing.T, env map[string]string) *synthtest.Assembly {
	t.Helper()
	cfg, err := config.Load(func(name string) (string, bool) {
		if name == config.VarEnv {
			return "prod", true
		}
		v, ok := env[name]
		return v, ok
	})
	if err != nil {
		t.Fatalf("%v: %v", env, err)
	}
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	newPlatform(app, cfg)
	return synthtest.MustSynth(app)
}

// byoVPC brings its own VPC (without the shared file system, which this
// path does not build today).
var byoVPC = map[string]string{
	config.VarEFS: "off", config.VarAddonEFS: "off",
	config.VarVPCID:            "vpc-0123456789abcdef0",
	config.VarPrivateSubnetIDs: "subnet-0aaaaaaaaaaaaaaa1,subnet-0aaaaaaaaaaaaaaa2,subnet-0aaaaaaaaaaaaaaa3",
}

var workersOn = map[string]string{config.VarWorkersEnabled: "on"}

// replacingCases change each variable config.Replacing names, from a base
// (prod defaults when nil), and the stateful change the guard must reject:
// one of typ, of kind, with path among its create-only paths ("" for a
// deletion).
var replacingCases = map[string]struct {
	base, env map[string]string
	typ, path string
	kind      guard.Kind
}{
	config.VarClusterName:          {nil, map[string]string{config.VarClusterName: "payments"}, "AWS::EKS::Cluster", "", guard.Delete},
	config.VarAZs:                  {nil, map[string]string{config.VarAZs: "us-east-1a,us-east-1b,us-east-1d"}, "AWS::EC2::Subnet", "/properties/AvailabilityZone", guard.Replace},
	config.VarVPCCIDR:              {nil, map[string]string{config.VarVPCCIDR: "10.8.0.0/16"}, "AWS::EC2::VPC", "/properties/CidrBlock", guard.Replace},
	config.VarNATMode:              {nil, map[string]string{config.VarNATMode: "single"}, "AWS::EC2::NatGateway", "", guard.Delete},
	config.VarPodCIDR:              {map[string]string{config.VarPodCIDR: "100.64.0.0/16"}, map[string]string{config.VarPodCIDR: "100.65.0.0/16"}, "AWS::EC2::Subnet", "/properties/CidrBlock", guard.Replace},
	config.VarFlowLogs:             {nil, map[string]string{config.VarFlowLogs: "off"}, "AWS::Logs::LogGroup", "", guard.Delete},
	config.VarVPCID:                {nil, byoVPC, "AWS::EC2::VPC", "", guard.Delete},
	config.VarPrivateSubnetIDs:     {byoVPC, with(byoVPC, config.VarPrivateSubnetIDs, "subnet-0bbbbbbbbbbbbbbb1,subnet-0bbbbbbbbbbbbbbb2,subnet-0bbbbbbbbbbbbbbb3"), "AWS::EKS::Nodegroup", "/properties/Subnets", guard.Replace},
	config.VarEFS:                  {nil, map[string]string{config.VarEFS: "off", config.VarAddonEFS: "off"}, "AWS::EFS::FileSystem", "", guard.Delete},
	config.VarBackupBucket:         {nil, map[string]string{config.VarBackupBucket: "off"}, "AWS::S3::Bucket", "", guard.Delete},
	config.VarCompute:              {nil, map[string]string{config.VarCompute: "auto"}, "AWS::EKS::Nodegroup", "", guard.Delete},
	config.VarNodeInstanceTypes:    {nil, map[string]string{config.VarNodeInstanceTypes: "m6i.2xlarge"}, "AWS::EKS::Nodegroup", "/properties/InstanceTypes", guard.Replace},
	config.VarNodeCapacityType:     {nil, map[string]string{config.VarNodeCapacityType: "spot", config.VarNodeInstanceTypes: "m6i.xlarge,m6a.xlarge,m7i.xlarge"}, "AWS::EKS::Nodegroup", "/properties/CapacityType", guard.Replace},
	config.VarNodeAMIFamily:        {nil, map[string]string{config.VarNodeAMIFamily: "bottlerocket"}, "AWS::EKS::Nodegroup", "/properties/AmiType", guard.Replace},
	config.VarWorkersEnabled:       {workersOn, nil, "AWS::EKS::Nodegroup", "", guard.Delete},
	config.VarWorkersInstanceTypes: {workersOn, with(workersOn, config.VarWorkersInstanceTypes, "m6i.2xlarge,m6a.2xlarge,m7i.2xlarge"), "AWS::EKS::Nodegroup", "/properties/InstanceTypes", guard.Replace},
	config.VarWorkersCapacityType:  {workersOn, with(workersOn, config.VarWorkersCapacityType, "on-demand"), "AWS::EKS::Nodegroup", "/properties/CapacityType", guard.Replace},
}

func with(env map[string]string, name, value string) map[string]string {
	out := maps.Clone(env)
	out[name] = value
	return out
}

// TestReplacingVariablesReplace: every variable the configuration table
// marks as replacing or deleting stateful resources does so when changed,
// as the guard sees it; and the table marks no variable without a case.
func TestReplacingVariablesReplace(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(config.Replacing)) {
		c, ok := replacingCases[name]
		if !ok {
			t.Errorf("%s is marked as replacing but has no case here", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			old, cur := prodStacks(t), synthProd(t, c.env)
			if c.base != nil {
				old = synthProd(t, c.base)
			}
			changes := guard.CompareStacks(old, cur)
			for _, r := range guard.Judge(changes).Rejected {
				if r.Type == c.typ && r.Kind == c.kind && (c.path == "" || slices.Contains(r.Paths, c.path)) {
					return
				}
			}
			t.Errorf("no %s %s of %s rejected; changes:\n%s", c.typ, c.kind, c.path, lines(changes))
		})
	}
	for name := range replacingCases {
		if _, ok := config.Replacing[name]; !ok {
			t.Errorf("case %s: the variable is not marked in config.Replacing", name)
		}
	}
}

// TestSafeVariablesDoNotReplace: variables the table does not mark change
// nothing stateful beyond an update.
func TestSafeVariablesDoNotReplace(t *testing.T) {
	for name, value := range map[string]string{
		config.VarNodeMaxSize:        "20",
		config.VarNodeDiskSizeGiB:    "100",
		config.VarNodeReleaseVersion: "1.36.0-20260115",
		config.VarLogRetentionDays:   "731",
		config.VarTags:               "team=platform",
		config.VarDeletionProtection: "off",
	} {
		t.Run(name, func(t *testing.T) {
			if _, marked := config.Replacing[name]; marked {
				t.Fatalf("%s is marked as replacing", name)
			}
			v := guard.Judge(guard.CompareStacks(prodStacks(t), synthProd(t, map[string]string{name: value})))
			if len(v.Changes) == 0 || !v.OK() {
				t.Errorf("%s=%s: %d changes, problems %v", name, value, len(v.Changes), v.Problems())
			}
		})
	}
}

// TestRetainedOnReplacementToo: a resource kept when deleted from the
// template is kept when replaced as well, in every profile, so a
// replacement never deletes what a deletion would keep.
func TestRetainedOnReplacementToo(t *testing.T) {
	retained := 0
	for _, p := range config.Profiles {
		for name, tmpl := range synthed[p] {
			for id, r := range tmpl["Resources"].(map[string]any) {
				rm := r.(map[string]any)
				if rm["DeletionPolicy"] != "Retain" {
					continue
				}
				retained++
				if rm["UpdateReplacePolicy"] != "Retain" {
					t.Errorf("%s/%s (%v): DeletionPolicy Retain, UpdateReplacePolicy %v", name, id, rm["Type"], rm["UpdateReplacePolicy"])
				}
			}
		}
	}
	if retained < 20 {
		t.Errorf("only %d retained resources: the test reads the synthesized platforms", retained)
	}
}
