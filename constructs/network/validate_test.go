package network

import (
	"testing"

	"github.com/ballast-eks/ballast/internal/wanterr"
)

func strp(s string) *string { return &s }

func TestNetworkPropsValidate(t *testing.T) {
	bad := NATMode("two")
	tests := []struct {
		name  string
		props NetworkProps
		want  []string // substrings; none means valid
	}{
		{"defaults", NetworkProps{AvailabilityZones: abc}, nil},
		{"one AZ", NetworkProps{AvailabilityZones: abc[:1]}, []string{"availabilityZones: need at least 2, got 1"}},
		{"duplicate and foreign AZ", NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1a", "eu-west-1b"}},
			[]string{`availabilityZones[1]: "us-east-1a" is listed twice`, `availabilityZones[2]: "eu-west-1b" is not in the same region`}},
		{"too small", NetworkProps{AvailabilityZones: abc, CIDR: strp("10.0.0.0/24")}, []string{"cidr: 10.0.0.0/24 (256 addresses) cannot hold", "a /23 or larger"}},
		{"host bits", NetworkProps{AvailabilityZones: abc, CIDR: strp("10.0.0.1/16")}, []string{"did you mean 10.0.0.0/16"}},
		{"pod CIDR overlaps", NetworkProps{AvailabilityZones: abc, PodCIDR: strp("10.0.0.0/16")}, []string{"podCIDR: 10.0.0.0/16 overlaps"}},
		{"every problem at once", NetworkProps{AvailabilityZones: abc, NATMode: &bad, FlowLogRetentionDays: new(int), CNI: &CNI{WarmPrefixTarget: -1}},
			[]string{`natMode: must be "per-az" or "single", got "two"`, "flowLogRetentionDays: 0 is not", "cni: warm targets must be >= 0"}},
		{"over capacity", NetworkProps{AvailabilityZones: abc, CIDR: strp("10.0.0.0/23"), IPDemand: []AZDemand{{AZ: "us-east-1b", Nodes: []NodeDemand{unknown(3)}}}},
			[]string{"ipDemand: AZ us-east-1b: private subnet 10.0.0.128/25 needs 400 addresses"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := withDefaults(tt.props).Validate()
			wanterr.Check(t, err, tt.want)
		})
	}
}

func TestExistingNetworkPropsValidate(t *testing.T) {
	priv := []string{"subnet-00000001", "subnet-00000002", "subnet-00000003"}
	tests := []struct {
		name  string
		props ExistingNetworkProps
		want  []string
	}{
		{"valid", ExistingNetworkProps{VpcID: strp("vpc-0123456789abcdef0"), AvailabilityZones: abc, PrivateSubnetIDs: priv}, nil},
		{"control plane may reuse private", ExistingNetworkProps{VpcID: strp("vpc-01234567"), AvailabilityZones: abc, PrivateSubnetIDs: priv, ControlPlaneSubnetIDs: priv}, nil},
		{"lists must match the AZs", ExistingNetworkProps{VpcID: strp("vpc-01234567"), AvailabilityZones: abc, PrivateSubnetIDs: priv[:2], PublicSubnetIDs: []string{"subnet-00000009"}},
			[]string{"privateSubnetIDs: need one subnet per AZ (3), got 2", "publicSubnetIDs: need one subnet per AZ (3), got 1"}},
		{"bad IDs", ExistingNetworkProps{VpcID: strp("vpc-1"), AvailabilityZones: abc, PrivateSubnetIDs: []string{"subnet-00000001", "subnet-x", "subnet-00000001"}},
			[]string{"vpcID: required", `privateSubnetIDs[1]: "subnet-x" is not a subnet ID`, "privateSubnetIDs[2]: subnet-00000001 is also in privateSubnetIDs"}},
		{"public reusing private", ExistingNetworkProps{VpcID: strp("vpc-01234567"), AvailabilityZones: abc, PrivateSubnetIDs: priv, PublicSubnetIDs: priv},
			[]string{"publicSubnetIDs[0]: subnet-00000001 is also in privateSubnetIDs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wanterr.Check(t, tt.props.Validate(), tt.want) })
	}
}

func TestWithDefaultsDoesNotMutate(t *testing.T) {
	in := NetworkProps{AvailabilityZones: abc}
	out := withDefaults(in)
	if in.CIDR != nil || in.FlowLogs != nil || *out.CIDR != DefaultCIDR || !*out.FlowLogs || *out.InterfaceEndpoints || *out.CNI != DefaultCNI {
		t.Errorf("in %+v out %+v", in, out)
	}
}
