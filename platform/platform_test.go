package platform_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

func TestNATGatewaysFollowProfile(t *testing.T) {
	want := map[config.Profile]int{config.ProfileDev: 1, config.ProfileStaging: 3, config.ProfileProd: 3}
	for p, n := range want {
		if got := stack(t, p, "network").Count("AWS::EC2::NatGateway"); got != n {
			t.Errorf("%s: %d NAT gateways, want %d", p, got, n)
		}
	}
}

func TestProdSpansThreeAZs(t *testing.T) {
	azs := map[string]bool{}
	for _, s := range stack(t, config.ProfileProd, "network").Resources("AWS::EC2::Subnet") {
		azs[s.Properties["AvailabilityZone"].(string)] = true
	}
	if len(azs) != 3 {
		t.Errorf("subnets span %d AZs, want 3: %v", len(azs), azs)
	}
}

func TestClusterControlPlane(t *testing.T) {
	for _, p := range config.Profiles {
		t.Run(string(p), func(t *testing.T) {
			c := stack(t, p, "cluster").One(t, "AWS::EKS::Cluster").Properties
			t.Run("all five log types", func(t *testing.T) {
				var types []string
				for _, e := range synthtest.Get(c, "Logging", "ClusterLogging", "EnabledTypes").([]any) {
					types = append(types, e.(map[string]any)["Type"].(string))
				}
				slices.Sort(types)
				want := []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}
				if !slices.Equal(types, want) {
					t.Errorf("log types %v, want %v", types, want)
				}
			})
			t.Run("secrets encryption", func(t *testing.T) {
				if r := synthtest.Get(c, "EncryptionConfig", 0, "Resources", 0); r != "secrets" {
					t.Errorf("EncryptionConfig resources = %v", r)
				}
				if synthtest.Get(c, "EncryptionConfig", 0, "Provider", "KeyArn") == nil {
					t.Error("no KMS key for secrets")
				}
			})
			t.Run("control-plane subnets are private", func(t *testing.T) {
				subnets := synthtest.Get(c, "ResourcesVpcConfig", "SubnetIds").([]any)
				if len(subnets) != 3 {
					t.Fatalf("%d subnets, want 3", len(subnets))
				}
				for _, s := range subnets {
					assertPrivateSubnet(t, p, s)
				}
			})
		})
	}
}

func TestOneNodeGroupPerAZInItsPrivateSubnet(t *testing.T) {
	for _, p := range config.Profiles {
		ngs := stack(t, p, "cluster").Resources("AWS::EKS::Nodegroup")
		if len(ngs) != 3 {
			t.Fatalf("%s: %d node groups, want 3", p, len(ngs))
		}
		azs := map[string]bool{}
		for _, ng := range ngs {
			subnets := ng.Properties["Subnets"].([]any)
			if len(subnets) != 1 {
				t.Fatalf("%s %s: %d subnets, want 1", p, ng.ID, len(subnets))
			}
			azs[assertPrivateSubnet(t, p, subnets[0])] = true
			if ng.Properties["AmiType"] != "AL2023_x86_64_STANDARD" {
				t.Errorf("%s %s: AmiType %v", p, ng.ID, ng.Properties["AmiType"])
			}
		}
		if len(azs) != 3 {
			t.Errorf("%s: node groups span %d AZs, want 3", p, len(azs))
		}
	}
}

// assertPrivateSubnet resolves a cross-stack subnet reference to the network
// stack's subnet and checks it is private or isolated; it returns its AZ.
func assertPrivateSubnet(t *testing.T, p config.Profile, ref any) string {
	t.Helper()
	network := stack(t, p, "network")
	id := synthtest.ResolveOutput(network, ref)
	if id == "" {
		t.Fatalf("subnet %v is not a reference to the network stack", ref)
	}
	res := network["Resources"].(map[string]any)[id].(map[string]any)
	if res["Type"] != "AWS::EC2::Subnet" {
		t.Fatalf("%s is a %v, not a subnet", id, res["Type"])
	}
	props := res["Properties"].(map[string]any)
	if props["MapPublicIpOnLaunch"] == true {
		t.Errorf("subnet %s maps public IPs", id)
	}
	for _, tag := range props["Tags"].([]any) {
		kv := tag.(map[string]any)
		if kv["Key"] == "aws-cdk:subnet-type" && kv["Value"] != "Private" && kv["Value"] != "Isolated" {
			t.Errorf("subnet %s is %v, want Private or Isolated", id, kv["Value"])
		}
	}
	return props["AvailabilityZone"].(string)
}

// TestDeployOrder: the cluster stack deploys after storage, and storage
// after network (the manifest's dependencies, which cdk deploy --all follows).
func TestDeployOrder(t *testing.T) {
	for _, p := range config.Profiles {
		b, err := os.ReadFile(filepath.Join(nagged(t)[p].Dir, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Artifacts map[string]struct{ Dependencies []string }
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		cfg := testConfig(t, p)
		for part, after := range map[string][]string{"storage": {"network"}, "cluster": {"network", "storage"}} {
			deps := m.Artifacts[cfg.Props().StackName(part)].Dependencies
			for _, a := range after {
				if !slices.Contains(deps, cfg.Props().StackName(a)) {
					t.Errorf("%s: %s does not wait for %s (dependencies %v)", p, part, a, deps)
				}
			}
		}
	}
}
