package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"

	"github.com/ballast-eks/ballast/constructs/network"
)

// loadVars loads a configuration from vars (nothing else set).
func loadVars(vars map[string]string) (*Config, error) {
	return Load(func(name string) (string, bool) { v, ok := vars[name]; return v, ok })
}

func TestNetworkDefaults(t *testing.T) {
	tests := []struct {
		profile   Profile
		nat       network.NATMode
		retention int
		endpoints EndpointsMode
		enabled   bool
	}{
		{ProfileDev, network.NATSingle, 30, EndpointsOff, false},
		{ProfileStaging, network.NATPerAZ, 90, EndpointsAuto, true},
		{ProfileProd, network.NATPerAZ, 365, EndpointsAuto, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			c, err := Defaults(tt.profile)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(c.AZs, []string{"us-east-1a", "us-east-1b", "us-east-1c"}) || c.VPCCIDR != "10.0.0.0/16" || c.PodCIDR != "" {
				t.Errorf("AZs %v CIDR %s pod %q", c.AZs, c.VPCCIDR, c.PodCIDR)
			}
			if c.NATMode != tt.nat || !c.FlowLogs || c.FlowLogRetentionDays != tt.retention || c.RestrictDefaultSG || c.BringYourOwnVPC() {
				t.Errorf("nat %s flow logs %v/%d restrict %v byo %v", c.NATMode, c.FlowLogs, c.FlowLogRetentionDays, c.RestrictDefaultSG, c.BringYourOwnVPC())
			}
			if c.VPCEndpoints != tt.endpoints || c.InterfaceEndpointsEnabled() != tt.enabled {
				t.Errorf("endpoints %s enabled %v", c.VPCEndpoints, c.InterfaceEndpointsEnabled())
			}
			plan, err := c.Props().Network.Plan()
			if err != nil || plan.AZs[0].Private.String() != "10.0.0.0/18" {
				t.Errorf("plan %+v %v", plan, err)
			}
		})
	}
}

func TestInterfaceEndpointsAuto(t *testing.T) {
	for _, tt := range []struct {
		vars map[string]string
		want bool
	}{
		{map[string]string{VarEnv: "prod", VarEndpointAccess: "public-and-private", VarPublicAccessCIDRs: "203.0.113.0/24"}, false},
		{map[string]string{VarEnv: "dev", VarVPCEndpoints: "auto"}, true},
		{map[string]string{VarEnv: "dev", VarVPCEndpoints: "on", VarEndpointAccess: "public-and-private", VarPublicAccessCIDRs: "203.0.113.0/24"}, true},
		{map[string]string{VarEnv: "prod", VarVPCEndpoints: "off"}, false},
	} {
		c, err := loadVars(tt.vars)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.InterfaceEndpointsEnabled(); got != tt.want {
			t.Errorf("%v: endpoints %v, want %v", tt.vars, got, tt.want)
		}
	}
}

func TestNetworkValidation(t *testing.T) {
	byo := map[string]string{VarVPCID: "vpc-0123456789abcdef0", VarPrivateSubnetIDs: "subnet-00000001,subnet-00000002,subnet-00000003"}
	with := func(base map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	tests := []struct {
		name string
		vars map[string]string
		want []string // substrings of the error; none means valid
	}{
		{"two AZs are allowed", map[string]string{VarAZs: "us-east-1a,us-east-1b"}, nil},
		{"one AZ", map[string]string{VarAZs: "us-east-1a"}, []string{`BALLAST_AZS="us-east-1a": need 2 to 6`}},
		{"duplicate AZ and wrong region", map[string]string{VarAZs: "us-east-1a,us-east-1a,eu-west-1a"}, []string{"us-east-1a is listed twice", "eu-west-1a is not an availability zone of region us-east-1"}},
		{"/24 cannot hold the plan", map[string]string{VarVPCCIDR: "10.0.0.0/24"},
			[]string{`BALLAST_VPC_CIDR="10.0.0.0/24": 10.0.0.0/24 (256 addresses) cannot hold the subnet plan for 3 AZs`, "a /23 or larger block would hold it"}},
		{"/22 holds the plan but not 3 max nodes per AZ", map[string]string{VarVPCCIDR: "10.0.0.0/22"},
			[]string{`BALLAST_NODE_MAX_SIZE="3": AZ us-east-1a: private subnet 10.0.0.0/24 needs 400 addresses at max scale`, "of 224 usable", "AZ us-east-1c", "BALLAST_VPC_CIDR"}},
		{"/22 holds 1 node per AZ", map[string]string{VarVPCCIDR: "10.0.0.0/22", VarNodeMaxSize: "1", VarNodeDesiredSize: "1"}, nil},
		{"prod: 450 nodes per AZ do not fit a /18 with prefixes", map[string]string{VarEnv: "prod", VarNodeMaxSize: "450"},
			[]string{"AZ us-east-1a: private subnet 10.0.0.0/18 needs 58064 addresses", "of 16352 usable"}},
		{"a pod CIDR moves pods off the node subnet", map[string]string{VarEnv: "prod", VarNodeMaxSize: "450", VarPodCIDR: "100.64.0.0/16"},
			[]string{"AZ us-east-1a: pods subnet 100.64.0.0/18 needs 58064 addresses", "use a larger secondary pod CIDR"}},
		{"bad pod CIDR", map[string]string{VarPodCIDR: "8.8.0.0/16"}, []string{`BALLAST_POD_CIDR="8.8.0.0/16": not in an allowed range`}},
		{"pod CIDR overlaps the VPC", map[string]string{VarPodCIDR: "10.0.0.0/16"}, []string{`BALLAST_POD_CIDR="10.0.0.0/16": 10.0.0.0/16 overlaps the VPC block`}},
		{"flow log settings", map[string]string{VarFlowLogs: "yes", VarFlowLogRetentionDays: "31"},
			[]string{`BALLAST_FLOW_LOGS="yes": must be on or off`, `BALLAST_FLOW_LOG_RETENTION_DAYS="31": not a CloudWatch Logs retention value`}},
		{"endpoints mode", map[string]string{VarVPCEndpoints: "private"}, []string{`BALLAST_VPC_ENDPOINTS="private": unknown endpoints mode; accepted: auto | on | off`}},
		{"BYO VPC", byo, nil},
		{"BYO VPC rejects a VPC CIDR it would ignore", with(byo, VarVPCCIDR, "10.0.0.0/24"),
			[]string{`BALLAST_VPC_CIDR="10.0.0.0/24": has no effect with BALLAST_VPC_ID (an existing VPC); unset it`}},
		{"BYO VPC rejects NAT and flow-log settings", with(byo, VarNATMode, "single", VarFlowLogs, "off"),
			[]string{`BALLAST_NAT_MODE="single": has no effect`, `BALLAST_FLOW_LOGS="off": has no effect`}},
		{"BYO VPC: a subnet listed twice", with(byo, VarPrivateSubnetIDs, "subnet-00000001,subnet-00000001,subnet-00000003"),
			[]string{`BALLAST_PRIVATE_SUBNET_IDS="subnet-00000001": listed more than once`}},
		{"BYO subnet lists must match the AZs", with(byo, VarPublicSubnetIDs, "subnet-00000004", VarControlPlaneSubnetIDs, "subnet-1"),
			[]string{`BALLAST_PUBLIC_SUBNET_IDS="subnet-00000004": need one subnet per availability zone (3 in BALLAST_AZS), got 1`, `BALLAST_CONTROL_PLANE_SUBNET_IDS="subnet-1": not a subnet ID`}},
		{"subnets without a VPC", map[string]string{VarPrivateSubnetIDs: "subnet-00000001,subnet-00000002,subnet-00000003"}, []string{`BALLAST_VPC_ID="": subnet IDs are set`}},
		{"bad VPC ID", with(byo, VarVPCID, "vpc-xyz"), []string{`BALLAST_VPC_ID="vpc-xyz": not a VPC ID`}},
		{"BYO with Ballast-only settings", with(byo, VarPodCIDR, "100.64.0.0/16", VarVPCEndpoints, "on"),
			[]string{"BALLAST_POD_CIDR=\"100.64.0.0/16\": an existing VPC", "BALLAST_VPC_ENDPOINTS=\"on\": an existing VPC (BALLAST_VPC_ID) gets no endpoints"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadVars(tt.vars)
			wanterr.Check(t, err, tt.want)
		})
	}
}

func TestIPCapacityNamesTheLargestGroup(t *testing.T) {
	_, err := loadVars(map[string]string{VarVPCCIDR: "10.0.0.0/22", VarWorkersEnabled: "on", VarWorkersMaxSize: "40",
		VarWorkersInstanceTypes: "m6i.xlarge,m6a.xlarge,m7i.xlarge"})
	if err == nil || !strings.Contains(err.Error(), VarWorkersMaxSize+`="40": AZ us-east-1a`) {
		t.Errorf("the workers group takes most addresses and should be named:\n%v", err)
	}
}

func TestIPCapacityNamesAZNumbersAndFix(t *testing.T) {
	_, err := loadVars(map[string]string{VarVPCCIDR: "10.0.0.0/23", VarNodeMaxSize: "40"})
	if err == nil {
		t.Fatal("40 nodes per AZ fit a /23")
	}
	for _, w := range []string{"AZ us-east-1a", "needs", "usable", VarNodeMaxSize + "=40", VarVPCCIDR, "larger VPC CIDR"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
}
