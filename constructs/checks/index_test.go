package checks

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	"github.com/aws/constructs-go/constructs/v10"
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

// TestTypeOfKnowsEveryTypeTheRulesRead: each type interesting() keeps is
// recognised from its generated L1 class. A type added to the rules but
// not to typeOf would be skipped as "another generated L1" and its rules
// would never see a resource.
func TestTypeOfKnowsEveryTypeTheRulesRead(t *testing.T) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("s"), nil)
	for _, typ := range []string{typeCluster, typeNodegroup, typeLaunchTemplate, typeSubnet, typeAssociation, typeRoute,
		typeIGW, typeAddon, typePodIdentity, typeEndpoint} {
		if !interesting(typ) {
			t.Errorf("%s: not kept by interesting()", typ)
		}
		awscdk.NewCfnResource(stack, jsii.String("Raw"+strings.ReplaceAll(typ, ":", "")), &awscdk.CfnResourceProps{Type: jsii.String(typ)})
	}
	for _, c := range *stack.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		if cfn, ok := c.(awscdk.CfnResource); ok {
			if typ, known := typeOf(cfn); known && typ == "" && interesting(*cfn.CfnResourceType()) {
				t.Errorf("%s (%s) is skipped by typeOf", *cfn.CfnResourceType(), *c.Node().Path())
			}
		}
	}
	for typ, raw := range map[string]awscdk.CfnResource{
		typeAddon:       awseks.NewCfnAddon(stack, jsii.String("Addon"), &awseks.CfnAddonProps{AddonName: jsii.String("vpc-cni"), ClusterName: jsii.String("c")}),
		typePodIdentity: awseks.NewCfnPodIdentityAssociation(stack, jsii.String("Pia"), &awseks.CfnPodIdentityAssociationProps{ClusterName: jsii.String("c"), Namespace: jsii.String("n"), RoleArn: jsii.String("arn"), ServiceAccount: jsii.String("s")}),
		typeEndpoint:    awsec2.NewCfnVPCEndpoint(stack, jsii.String("Ep"), &awsec2.CfnVPCEndpointProps{ServiceName: jsii.String("svc"), VpcId: jsii.String("vpc-1")}),
		typeRoute:       awsec2.NewCfnRoute(stack, jsii.String("Route"), &awsec2.CfnRouteProps{RouteTableId: jsii.String("rtb-1")}),
	} {
		if got, known := typeOf(raw); got != typ || !known {
			t.Errorf("typeOf(%s L1) = %q, %v", typ, got, known)
		}
	}
}
