package checks

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

// TestTypeOfSparesOnlyKnownClasses: an L1 class the rules read is typed
// from Go, another generated L1 class is skipped, and a generic
// CfnResource (any construct library may make one) is asked its type, so
// a raw AWS::EKS::Cluster is still checked.
func TestTypeOfSparesOnlyKnownClasses(t *testing.T) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("s"), nil)
	subnet := awsec2.NewCfnSubnet(stack, jsii.String("Subnet"), &awsec2.CfnSubnetProps{VpcId: jsii.String("vpc-1")})
	vpc := awsec2.NewCfnVPC(stack, jsii.String("Vpc"), &awsec2.CfnVPCProps{CidrBlock: jsii.String("10.0.0.0/16")})
	raw := awscdk.NewCfnResource(stack, jsii.String("Raw"), &awscdk.CfnResourceProps{Type: jsii.String(typeCluster)})
	for _, c := range []struct {
		name      string
		r         awscdk.CfnResource
		typ       string
		known     bool
		indexedAs string
	}{
		{"L1 the rules read", subnet, typeSubnet, true, typeSubnet},
		{"other generated L1", vpc, "", true, ""},
		{"generic CfnResource", raw, "", false, typeCluster},
	} {
		typ, known := typeOf(c.r)
		if typ != c.typ || known != c.known {
			t.Errorf("%s: typeOf = %q, %v; want %q, %v", c.name, typ, known, c.typ, c.known)
		}
	}
	m := index(stack)
	if got := len(m.byType(typeCluster)); got != 1 {
		t.Errorf("the raw AWS::EKS::Cluster is indexed %d times, want 1", got)
	}
	if got := len(m.byType(typeSubnet)); got != 1 {
		t.Errorf("the subnet is indexed %d times, want 1", got)
	}
}
