package cost

import (
	"math"
	"strings"
	"testing"
)

func res(typ string, props map[string]any) map[string]any {
	return map[string]any{"Type": typ, "Properties": props}
}

func sample() map[string]map[string]any {
	subnets := []any{"a", "b", "c"}
	return map[string]map[string]any{
		"net": {"Resources": map[string]any{
			"Nat1": res("AWS::EC2::NatGateway", nil), "Nat2": res("AWS::EC2::NatGateway", nil),
			"Eip1": res("AWS::EC2::EIP", nil), "Eip2": res("AWS::EC2::EIP", nil),
			"Ecr": res("AWS::EC2::VPCEndpoint", map[string]any{"VpcEndpointType": "Interface", "SubnetIds": subnets}),
			"S3":  res("AWS::EC2::VPCEndpoint", map[string]any{"VpcEndpointType": "Gateway"}),
			"Key": res("AWS::KMS::Key", nil),
		}},
		"cluster": {"Resources": map[string]any{
			"Cluster": res("AWS::EKS::Cluster", map[string]any{"UpgradePolicy": map[string]any{"SupportType": "EXTENDED"},
				"ControlPlaneScalingConfig": map[string]any{"Tier": "tier-xl"}}),
			"Alarm": res("AWS::CloudWatch::Alarm", nil),
			"Ng": res("AWS::EKS::Nodegroup", map[string]any{"InstanceTypes": []any{"m6i.large"}, "CapacityType": "SPOT",
				"ScalingConfig": map[string]any{"DesiredSize": 2.0}}),
			"Odd": res("AWS::EKS::Nodegroup", map[string]any{"InstanceTypes": []any{"x9.huge"}}),
		}},
	}
}

func TestEstimatePricesEachResourceKind(t *testing.T) {
	e := Of(sample())
	// 0.60*730 + 2*0.045*730 + 2*0.005*730 + 3*0.01*730 + 1 + 0.10
	want := 438 + 65.7 + 7.3 + 21.9 + 1 + 0.1
	if got := e.FixedUSD(); math.Abs(got-want) > 0.001 {
		t.Errorf("fixed = %.3f, want %.3f; lines %+v", got, want, e.Fixed)
	}
	if got, want := e.NodesUSD(), 2*0.096*730; math.Abs(got-want) > 0.001 {
		t.Errorf("nodes = %.3f, want %.3f", got, want)
	}
	if len(e.Nodes) != 1 || !strings.Contains(e.Nodes[0].Item, "spot") {
		t.Errorf("node lines %+v: want the spot group, marked", e.Nodes)
	}
	notPriced := strings.Join(e.NotPriced, "\n")
	for _, want := range []string{"tier-xl", "x9.huge"} {
		if !strings.Contains(notPriced, want) {
			t.Errorf("not-priced list lacks %s: %s", want, notPriced)
		}
	}
}

func TestEstimateStandardSupport(t *testing.T) {
	e := Of(map[string]map[string]any{"c": {"Resources": map[string]any{
		"Cluster": res("AWS::EKS::Cluster", map[string]any{"UpgradePolicy": map[string]any{"SupportType": "STANDARD"}})}}})
	if got := e.FixedUSD(); math.Abs(got-73) > 0.001 || len(e.NotPriced) != 0 {
		t.Errorf("standard cluster = %.2f (not priced %v), want 73.00", got, e.NotPriced)
	}
}

func TestSummarySaysWhatIsNotCounted(t *testing.T) {
	var b strings.Builder
	Of(sample()).Summary(&b, "test")
	for _, want := range []string{"fixed total", "nodes at their desired sizes", "Not counted: data transfer", PricesAsOf} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
}
