package platform_test

import (
	"slices"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

// TestTerminationProtection: staging and prod protect the network and
// storage stacks a running cluster stands on; prod protects every stack;
// dev none (docs/teardown.md gives the order to tear down by hand).
func TestTerminationProtection(t *testing.T) {
	want := map[config.Profile][]string{
		config.ProfileDev:     nil,
		config.ProfileStaging: {platform.PartNetwork, platform.PartStorage},
		config.ProfileProd:    {platform.PartNetwork, platform.PartStorage, platform.PartCluster},
	}
	for _, p := range config.Profiles {
		pl := newPlatform(synthtest.NewApp(), testConfig(t, p))
		for part, s := range map[string]*bool{
			platform.PartNetwork: pl.NetworkStack.TerminationProtection(),
			platform.PartStorage: pl.StorageStack.TerminationProtection(),
			platform.PartCluster: pl.ClusterStack.TerminationProtection(),
		} {
			if got := *s; got != slices.Contains(want[p], part) {
				t.Errorf("%s %s stack: termination protection %v", p, part, got)
			}
		}
	}
}

// controlPlaneEgress returns the egress rules of the cluster template's
// control-plane security group.
func controlPlaneEgress(t *testing.T, tmpl synthtest.Template) []any {
	t.Helper()
	for _, sg := range tmpl.Resources("AWS::EC2::SecurityGroup") {
		if sg.Properties["GroupDescription"] == "EKS Control Plane Security Group" {
			rules, _ := sg.Properties["SecurityGroupEgress"].([]any)
			return rules
		}
	}
	t.Fatal("no control-plane security group")
	return nil
}

func cidrs(rules []any) []string {
	var out []string
	for _, r := range rules {
		cidr, _ := synthtest.Get(r, "CidrIp").(string)
		out = append(out, cidr)
	}
	return out
}

// TestControlPlaneEgressStaysInTheVPC: the control-plane ENIs may reach
// the VPC's block (and the pod CIDR when set), never 0.0.0.0/0.
func TestControlPlaneEgressStaysInTheVPC(t *testing.T) {
	for _, p := range config.Profiles {
		vpc := testConfig(t, p).Props().Network.CIDR
		got := cidrs(controlPlaneEgress(t, stack(t, p, platform.PartCluster)))
		if !slices.Equal(got, []string{*vpc}) {
			t.Errorf("%s: control-plane egress to %v, want only the VPC %s", p, got, *vpc)
		}
	}
	app := synthtest.NewApp()
	pl := newPlatform(app, load(t, map[string]string{config.VarEnv: "dev", config.VarPodCIDR: "100.64.0.0/16"}))
	a := synthtest.MustSynth(app)
	got := cidrs(controlPlaneEgress(t, a.Templates()[*pl.ClusterStack.StackName()]))
	if want := []string{*pl.Props.Network.CIDR, "100.64.0.0/16"}; !slices.Equal(got, want) {
		t.Errorf("with a pod CIDR: control-plane egress to %v, want %v", got, want)
	}
}
