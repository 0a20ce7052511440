package network

import (
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

func TestNetworkPropsValidate(t *testing.T) {
	tests := []struct {
		name  string
		props NetworkProps
		want  []string // substrings; none means valid
	}{
		{"defaults", NetworkProps{AvailabilityZones: abc}, nil},
		{"one AZ", NetworkProps{AvailabilityZones: abc[:1]}, []string{"availabilityZones: need 2 to 6 availability zones (3 recommended), got 1"}},
		{"duplicate AZ", NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1a", "us-east-1b"}},
			[]string{"availabilityZones[1]: us-east-1a is listed twice"}},
		{"AZ of another region", NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1b", "eu-west-1b"}},
			[]string{"availabilityZones[2]: eu-west-1b is not in the same region as us-east-1a"}},
		{"CIDR not IPv4", NetworkProps{AvailabilityZones: abc, CIDR: ptr.To("fd00::/48")}, []string{"cidr: not an IPv4 CIDR"}},
		{"CIDR host bits", NetworkProps{AvailabilityZones: abc, CIDR: ptr.To("10.0.0.1/16")}, []string{"cidr: host bits are set; did you mean 10.0.0.0/16?"}},
		{"CIDR too large", NetworkProps{AvailabilityZones: abc, CIDR: ptr.To("10.0.0.0/8")}, []string{"cidr: prefix /8 is outside /16 to /24"}},
		{"CIDR public range", NetworkProps{AvailabilityZones: abc, CIDR: ptr.To("8.8.0.0/16")}, []string{"cidr: not in an allowed range"}},
		{"CIDR too small for the plan", NetworkProps{AvailabilityZones: abc, CIDR: ptr.To("10.0.0.0/24")},
			[]string{"cidr: 10.0.0.0/24 (256 addresses) cannot hold the subnet plan for 3 AZs", "a /23 or larger"}},
		{"pod CIDR from the pod-only range", NetworkProps{AvailabilityZones: abc, PodCIDR: ptr.To("198.19.0.0/16")}, nil},
		{"pod CIDR host bits", NetworkProps{AvailabilityZones: abc, PodCIDR: ptr.To("100.64.0.1/16")}, []string{"podCIDR: host bits are set; did you mean 100.64.0.0/16?"}},
		{"pod CIDR public range", NetworkProps{AvailabilityZones: abc, PodCIDR: ptr.To("8.8.0.0/16")}, []string{"podCIDR: not in an allowed range"}},
		{"pod CIDR overlaps", NetworkProps{AvailabilityZones: abc, PodCIDR: ptr.To("10.0.0.0/16")}, []string{"podCIDR: 10.0.0.0/16 overlaps the VPC block 10.0.0.0/16"}},
		{"NAT mode", NetworkProps{AvailabilityZones: abc, NATMode: ptr.To(NATMode("bogus"))}, []string{"natMode: unknown NAT mode"}},
		{"no NAT without the interface endpoints", NetworkProps{AvailabilityZones: abc, NATMode: ptr.To(NATNone)},
			[]string{`interfaceEndpoints: required with natMode "none"`}},
		{"no NAT with the interface endpoints", NetworkProps{AvailabilityZones: abc, NATMode: ptr.To(NATNone), InterfaceEndpoints: ptr.To(true)}, nil},
		{"flow-log retention", NetworkProps{AvailabilityZones: abc, FlowLogRetentionDays: ptr.To(31)}, []string{"flowLogRetentionDays: not a CloudWatch Logs retention value"}},
		{"CNI warm targets", NetworkProps{AvailabilityZones: abc, CNI: &CNI{WarmPrefixTarget: -1}}, []string{"cni: warm targets must be >= 0"}},
		{"IP demand without the CNI it counts with", NetworkProps{AvailabilityZones: abc, IPDemand: []AZDemand{{AZ: "us-east-1b"}}},
			[]string{"cni: required with ipDemand"}},
		{"over capacity", NetworkProps{AvailabilityZones: abc, CIDR: ptr.To("10.0.0.0/23"), CNI: &prefixCNI, IPDemand: []AZDemand{{AZ: "us-east-1b", Nodes: []NodeDemand{unknown(3)}}}},
			[]string{"ipDemand: AZ us-east-1b: private subnet 10.0.0.128/25 needs 400 addresses"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.props.Validate() // unset fields are checked as their defaults
			wanterr.Check(t, err, tt.want)
		})
	}
}

// The construct allowed 7 or more AZs; MaxAvailabilityZones bounds them.
func TestAvailabilityZonesAtMostMax(t *testing.T) {
	azs := []string{"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f", "us-east-1g"}
	if MaxAvailabilityZones != 6 {
		t.Fatalf("MaxAvailabilityZones = %d, want 6", MaxAvailabilityZones)
	}
	wanterr.Check(t, NetworkProps{AvailabilityZones: azs[:MaxAvailabilityZones]}.Validate(), nil)
	wanterr.Check(t, NetworkProps{AvailabilityZones: azs}.Validate(), []string{"availabilityZones: need 2 to 6 availability zones (3 recommended), got 7"})
	wanterr.Check(t, ExistingNetworkProps{VpcID: ptr.To("vpc-01234567"), AvailabilityZones: azs}.Validate(), []string{"availabilityZones: need 2 to 6"})
}

// Each problem is its own error, one line, starting with its field path.
func TestValidateOneErrorPerProblem(t *testing.T) {
	p := NetworkProps{AvailabilityZones: abc, NATMode: ptr.To(NATMode("bogus")), FlowLogRetentionDays: ptr.To(0), CIDR: ptr.To("10.0.0.0/23"), CNI: &prefixCNI,
		IPDemand: []AZDemand{{AZ: "us-east-1a", Nodes: []NodeDemand{unknown(3)}}, {AZ: "us-east-1c", Nodes: []NodeDemand{unknown(3)}}}}
	wanterr.OnePerProblem(t, p.Validate(), 4) // natMode, flowLogRetentionDays, two ipDemand
}

func TestExistingNetworkPropsValidate(t *testing.T) {
	priv := []string{"subnet-00000001", "subnet-00000002", "subnet-00000003"}
	ctrl := []string{"subnet-000000c1", "subnet-000000c2", "subnet-000000c3"}
	vpc := ptr.To("vpc-01234567")
	tests := []struct {
		name  string
		props ExistingNetworkProps
		want  []string
	}{
		{"valid", ExistingNetworkProps{VpcID: ptr.To("vpc-0123456789abcdef0"), AvailabilityZones: abc, PrivateSubnetIDs: priv}, nil},
		{"dedicated control-plane subnets", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: priv, ControlPlaneSubnetIDs: ctrl}, nil},
		{"VPC ID missing", ExistingNetworkProps{AvailabilityZones: abc, PrivateSubnetIDs: priv}, []string{"vpcID: required"}},
		{"VPC ID malformed", ExistingNetworkProps{VpcID: ptr.To("vpc-1"), AvailabilityZones: abc, PrivateSubnetIDs: priv}, []string{"vpcID: not a VPC ID"}},
		{"private subnets fewer than AZs", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: priv[:2]},
			[]string{"privateSubnetIDs: need one subnet per availability zone (3 in availabilityZones), got 2"}},
		{"public subnets fewer than AZs", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: priv, PublicSubnetIDs: []string{"subnet-00000009"}},
			[]string{"publicSubnetIDs: need one subnet per availability zone (3 in availabilityZones), got 1"}},
		{"control-plane subnets fewer than AZs", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: priv, ControlPlaneSubnetIDs: ctrl[:1]},
			[]string{"controlPlaneSubnetIDs: need one subnet per availability zone (3 in availabilityZones), got 1"}},
		{"subnet ID malformed", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: []string{"subnet-00000001", "subnet-x", "subnet-00000003"}},
			[]string{"privateSubnetIDs[1]: not a subnet ID"}},
		{"subnet listed twice", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: []string{"subnet-00000001", "subnet-00000002", "subnet-00000001"}},
			[]string{"privateSubnetIDs[2]: listed more than once (also privateSubnetIDs[0])"}},
		{"public reusing private", ExistingNetworkProps{VpcID: vpc, AvailabilityZones: abc, PrivateSubnetIDs: priv, PublicSubnetIDs: []string{"subnet-00000009", "subnet-00000002", "subnet-0000000a"}},
			[]string{"publicSubnetIDs[1]: listed more than once (also privateSubnetIDs[1])"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wanterr.Check(t, tt.props.Validate(), tt.want) })
	}
}

// The construct let the control-plane list reuse private subnets; one
// subnet ID now serves one role.
func TestExistingNetworkControlPlaneDistinctFromPrivate(t *testing.T) {
	priv := []string{"subnet-00000001", "subnet-00000002", "subnet-00000003"}
	p := ExistingNetworkProps{VpcID: ptr.To("vpc-01234567"), AvailabilityZones: abc, PrivateSubnetIDs: priv, ControlPlaneSubnetIDs: priv}
	wanterr.Check(t, p.Validate(), []string{
		"controlPlaneSubnetIDs[0]: listed more than once (also privateSubnetIDs[0])",
		"controlPlaneSubnetIDs[2]: listed more than once (also privateSubnetIDs[2])",
	})
}

func TestWithDefaultsDoesNotMutate(t *testing.T) {
	in := NetworkProps{AvailabilityZones: abc}
	out := withDefaults(in)
	if in.CIDR != nil || in.FlowLogs != nil || *out.CIDR != DefaultCIDR || !*out.FlowLogs || *out.InterfaceEndpoints || out.CNI != nil {
		t.Errorf("in %+v out %+v", in, out)
	}
}
