package platform_test

import (
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/network"
)

// load loads a configuration from vars, failing t on a problem.
func load(t *testing.T, vars map[string]string) *config.Config {
	t.Helper()
	c, err := config.Load(func(n string) (string, bool) { v, ok := vars[n]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIPDemand(t *testing.T) {
	c, err := config.Defaults(config.ProfileProd)
	if err != nil {
		t.Fatal(err)
	}
	d := c.Props().IPDemand()
	// prod: m6i.xlarge (4 ENIs x 15 addresses), 10 nodes per AZ, prefix
	// delegation caps max pods at 110 below 30 vCPUs; 12 endpoint ENIs.
	want := NodeDemandFor(t, "system", 10, 4, 15, 110)
	if len(d) != 3 || d[2].AZ != "us-east-1c" || d[0].OtherIPs != 12 || len(d[0].Nodes) != 1 || d[0].Nodes[0] != want {
		t.Errorf("demand %+v", d)
	}
	c = load(t, map[string]string{config.VarEnv: "prod", config.VarWorkersEnabled: "true", config.VarWorkersMaxSize: "20",
		config.VarWorkersInstanceTypes: "m6i.2xlarge,m6a.2xlarge,m7i.2xlarge"})
	d = c.Props().IPDemand()
	if len(d[1].Nodes) != 2 || d[1].Nodes[1] != NodeDemandFor(t, "workers", 20, 4, 15, 110) {
		t.Errorf("with workers: %+v", d[1].Nodes)
	}
	c = load(t, map[string]string{config.VarEnv: "prod", config.VarCompute: "auto"})
	if n := len(c.Props().IPDemand()); n != 0 {
		t.Errorf("Auto Mode: %d node demands, want none", n)
	}
}

// NodeDemandFor builds the expected demand of one group.
func NodeDemandFor(t *testing.T, group string, maxNodes, enis, ips, maxPods int) network.NodeDemand {
	t.Helper()
	return network.NodeDemand{Group: group, MaxNodes: maxNodes, ENIs: enis, IPv4PerENI: ips, MaxPods: maxPods}
}
