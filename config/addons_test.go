package config

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/addon"
)

func TestAddonsDefaults(t *testing.T) {
	want := map[Profile]AddonsConfig{
		ProfileDev:     {CoreDNSReplicas: 2, KubeProxyMode: addon.KubeProxyIPTables},
		ProfileStaging: {CoreDNSReplicas: 2, KubeProxyMode: addon.KubeProxyIPTables, AddonEFSCSI: true}, // EFS is on
		ProfileProd:    {CoreDNSReplicas: 3, KubeProxyMode: addon.KubeProxyIPTables, AddonEFSCSI: true},
	}
	for p, w := range want {
		c, err := Defaults(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if c.AddonsConfig != w {
			t.Errorf("%s: %+v, want %+v", p, c.AddonsConfig, w)
		}
	}
}

func TestEFSCSIFollowsEFS(t *testing.T) {
	c := mustLoad(t, map[string]string{VarEnv: "prod", VarEFS: "off"})
	if c.AddonEFSCSI {
		t.Error("EFS off: the EFS CSI driver is installed anyway")
	}
	c = mustLoad(t, map[string]string{VarEFS: "on", VarAddonEFS: "off"})
	if !c.EFS || c.AddonEFSCSI {
		t.Errorf("explicit setting ignored: EFS=%v driver=%v", c.EFS, c.AddonEFSCSI)
	}
}

func TestAddonsValidation(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string // substring of the error; "" means valid
	}{
		{"ipvs", map[string]string{VarKubeProxyMode: "ipvs"}, ""},
		{"optional add-ons", map[string]string{VarAddonEFS: "true", VarAddonCloudWatch: "TRUE"}, ""},
		{"one replica in dev", map[string]string{VarCoreDNSReplicas: "1"}, ""},
		{"one replica in prod", map[string]string{VarEnv: "prod", VarCoreDNSReplicas: "1"}, `BALLAST_COREDNS_REPLICAS="1": one CoreDNS replica is a single point of failure`},
		{"zero replicas", map[string]string{VarCoreDNSReplicas: "0"}, `BALLAST_COREDNS_REPLICAS="0": out of range`},
		{"too many replicas", map[string]string{VarCoreDNSReplicas: "51"}, `BALLAST_COREDNS_REPLICAS="51": out of range`},
		{"not a number", map[string]string{VarCoreDNSReplicas: "two"}, `BALLAST_COREDNS_REPLICAS="two": must be a whole number`},
		{"unknown mode", map[string]string{VarKubeProxyMode: "nftables"}, `BALLAST_KUBE_PROXY_MODE="nftables": unknown kube-proxy mode; accepted: iptables | ipvs`},
		{"bad bool", map[string]string{VarAddonEFS: "yes"}, `BALLAST_ADDON_EFS_CSI="yes": must be on or off`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Load(func(name string) (string, bool) { v, ok := c.env[name]; return v, ok })
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want %q", err, c.want)
			case c.want == "" && c.env[VarAddonEFS] == "true" && (!cfg.AddonEFSCSI || !cfg.AddonCloudWatch):
				t.Errorf("optional add-ons not set: %+v", cfg.AddonsConfig)
			}
		})
	}
}
