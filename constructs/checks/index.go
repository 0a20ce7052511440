package checks

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// CloudFormation types the rules read.
const (
	typeCluster        = "AWS::EKS::Cluster"
	typeNodegroup      = "AWS::EKS::Nodegroup"
	typeLaunchTemplate = "AWS::EC2::LaunchTemplate"
	typeSubnet         = "AWS::EC2::Subnet"
	typeAssociation    = "AWS::EC2::SubnetRouteTableAssociation"
	typeRoute          = "AWS::EC2::Route"
	typeIGW            = "AWS::EC2::InternetGateway"
	typeAddon          = "AWS::EKS::Addon"
	typePodIdentity    = "AWS::EKS::PodIdentityAssociation"
	typeEndpoint       = "AWS::EC2::VPCEndpoint"
)

// resource is one L1 resource: its construct, type and CloudFormation-cased
// properties (tokens unresolved, as strings).
// What the rules ask the runtime about it is asked once and kept: every
// question is a jsii round trip.
type resource struct {
	node  awscdk.CfnResource
	typ   string
	props map[string]any

	pathOnce     string
	stackOnce    awscdk.Stack
	refResolved  *string   // the Ref token resolved, as JSON
	cluster      *resource // clusterOf's answer, once clusterKnown
	clusterKnown bool
}

func (r *resource) path() string {
	if r.pathOnce == "" {
		r.pathOnce = *r.node.Node().Path()
	}
	return r.pathOnce
}

// stack is the stack r belongs to.
func (r *resource) stack() awscdk.Stack {
	if r.stackOnce == nil {
		r.stackOnce = r.node.Stack()
	}
	return r.stackOnce
}

// model indexes the L1 resources under a scope.
type model struct {
	resources []*resource
	byRef     map[string]*resource
	// Answers about other constructs, kept by the construct's Go proxy:
	// jsii hands out one proxy per object, and a second proxy of the same
	// object would only be asked again.
	paths    map[constructs.IConstruct]string
	scopes   map[constructs.IConstruct]scopeOf
	subtrees map[constructs.IConstruct][]constructs.IConstruct
}

// scopeOf is what dependencies reads of a construct: the constructs it
// was made to depend on and its scope (nil for the root).
type scopeOf struct {
	dependencies []constructs.IConstruct
	parent       constructs.IConstruct
}

// pathOf is c's construct path.
func (m *model) pathOf(c constructs.IConstruct) string {
	p, ok := m.paths[c]
	if !ok {
		p = *c.Node().Path()
		m.paths[c] = p
	}
	return p
}

// subtree is c and every construct under it.
func (m *model) subtree(c constructs.IConstruct) []constructs.IConstruct {
	t, ok := m.subtrees[c]
	if !ok {
		t = *c.Node().FindAll(constructs.ConstructOrder_PREORDER)
		m.subtrees[c] = t
	}
	return t
}

// stackPath is the construct path of r's stack.
func (m *model) stackPath(r *resource) string { return m.pathOf(r.stack()) }

// scope is c's dependencies and scope.
func (m *model) scope(c constructs.IConstruct) scopeOf {
	s, ok := m.scopes[c]
	if !ok {
		n := c.Node()
		s = scopeOf{dependencies: *n.Dependencies(), parent: n.Scope()}
		m.scopes[c] = s
	}
	return s
}

// idAttributes are the types the rules look up by reference (model.ref)
// and the attributes whose tokens identify such a resource, besides Ref.
// Other resources are never looked up, so their tokens are not asked for.
var idAttributes = map[string][]string{
	typeLaunchTemplate: {"LaunchTemplateId"},
	typeSubnet:         {"SubnetId"},
	typeIGW:            {"InternetGatewayId"},
	typeCluster:        {"Arn"},
}

func index(scope constructs.IConstruct) *model {
	m := &model{byRef: map[string]*resource{}, paths: map[constructs.IConstruct]string{},
		scopes: map[constructs.IConstruct]scopeOf{}, subtrees: map[constructs.IConstruct][]constructs.IConstruct{}}
	for _, c := range *scope.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		// The proxy jsii returns has the class of the object, so a Go type
		// assertion tells L1 resources apart with no round trip per construct.
		cfn, ok := c.(awscdk.CfnResource)
		if !ok {
			continue
		}
		typ, known := typeOf(cfn)
		if !known {
			typ = *cfn.CfnResourceType()
		}
		if !interesting(typ) {
			continue
		}
		r := &resource{node: cfn, typ: typ, props: properties(cfn)}
		if attrs, looked := idAttributes[typ]; looked {
			m.byRef[*cfn.Ref()] = r
			for _, attr := range attrs {
				m.byRef[attributeToken(cfn, attr)] = r
			}
		}
		m.resources = append(m.resources, r)
	}
	return m
}

// attributeToken is the token of cfn's attribute attr. The generated L1
// classes keep each attribute's token, so one call reads it; any other
// class is asked for the attribute, which gives the same token.
func attributeToken(cfn awscdk.CfnResource, attr string) string {
	var tok *string
	switch x := cfn.(type) {
	case awsec2.CfnLaunchTemplate:
		tok = x.AttrLaunchTemplateId()
	case awsec2.CfnSubnet:
		tok = x.AttrSubnetId()
	case awsec2.CfnInternetGateway:
		tok = x.AttrInternetGatewayId()
	case awseks.CfnCluster:
		tok = x.AttrArn()
	default:
		tok = awscdk.Token_AsString(cfn.GetAtt(jsii.String(attr), ""), nil)
	}
	return *tok
}

// typeOf returns the CloudFormation type of an L1 when its Go type says
// it, sparing a jsii call per resource: one of the L1 classes the rules
// read, or "" for a proxy of any other generated L1 class (awsxxx.CfnYyy).
// known is false for the generic awscdk.CfnResource and for Go types,
// whose type must be asked.
func typeOf(cfn awscdk.CfnResource) (typ string, known bool) {
	switch cfn.(type) {
	case awseks.CfnCluster:
		return typeCluster, true
	case awseks.CfnNodegroup:
		return typeNodegroup, true
	case awsec2.CfnLaunchTemplate:
		return typeLaunchTemplate, true
	case awsec2.CfnSubnet:
		return typeSubnet, true
	case awsec2.CfnSubnetRouteTableAssociation:
		return typeAssociation, true
	case awsec2.CfnRoute:
		return typeRoute, true
	case awsec2.CfnInternetGateway:
		return typeIGW, true
	case awseks.CfnAddon:
		return typeAddon, true
	case awseks.CfnPodIdentityAssociation:
		return typePodIdentity, true
	case awsec2.CfnVPCEndpoint:
		return typeEndpoint, true
	}
	goType := reflect.TypeOf(cfn).String() // e.g. "*awsec2.jsiiProxy_CfnVPC"
	if strings.Contains(goType, ".jsiiProxy_Cfn") && !strings.HasPrefix(goType, "*awscdk.") {
		return "", true
	}
	return "", false
}

func interesting(typ string) bool {
	switch typ {
	case typeCluster, typeNodegroup, typeLaunchTemplate, typeSubnet, typeAssociation, typeRoute, typeIGW,
		typeAddon, typePodIdentity, typeEndpoint:
		return true
	}
	return false
}

// properties returns the resource's current properties (including values
// set through setters after construction) with CloudFormation names.
// Properties some L2s fill lazily (a launch template's tag specifications)
// are opaque references until synthesis and fail rendering; they are
// dropped (no rule reads them) and the rest is rendered.
func properties(cfn awscdk.CfnResource) map[string]any {
	updated := cfn.CfnProperties()
	if updated == nil {
		return map[string]any{}
	}
	if rendered, ok := render(cfn, updated); ok {
		return rendered
	}
	plain, _ := dropOpaque(toPlain(*updated)).(map[string]any)
	rendered, _ := render(cfn, &plain)
	return rendered
}

// toPlain turns jsii structs into plain maps (through their JSON form, which
// keeps the property names render expects).
func toPlain(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return nil
	}
	return out
}

// dropOpaque returns v without the jsii object references ({"$jsii.byref":
// ...}) and empty objects that stand for values only synthesis produces.
func dropOpaque(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if _, ref := x["$jsii.byref"]; ref || len(x) == 0 {
			return nil // an empty object is a lazy value that has not run yet
		}
		out := map[string]any{}
		for k, e := range x {
			if e = dropOpaque(e); e != nil {
				out[k] = e
			}
		}
		return out
	case []any:
		var out []any
		for _, e := range x {
			if e = dropOpaque(e); e != nil {
				out = append(out, e)
			}
		}
		return out
	}
	return v
}

// render converts properties to CloudFormation names; ok is false when the
// properties hold unresolved lazy values the renderer rejects.
func render(cfn awscdk.CfnResource, props *map[string]any) (out map[string]any, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = map[string]any{}, false
		}
	}()
	if rendered := cfn.RenderProperties(props); rendered != nil {
		return *rendered, true
	}
	return map[string]any{}, true
}

func (m *model) byType(typ string) []*resource {
	var out []*resource
	for _, r := range m.resources {
		if r.typ == typ {
			out = append(out, r)
		}
	}
	return out
}

// ref returns the resource of type typ a token refers to, or nil.
func (m *model) ref(v any, typ string) *resource {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if r := m.byRef[s]; r != nil && r.typ == typ {
		return r
	}
	return nil
}

// get walks keys through nested maps.
func get(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// list returns v as a slice, or nil if it is not a literal list.
func list(v any) []any {
	switch l := v.(type) {
	case []any:
		return l
	case []*string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = *s
		}
		return out
	}
	return nil
}

// str returns v as a literal string ("" for tokens and non-strings).
func str(v any) string {
	s, _ := v.(string)
	if strings.Contains(s, "${Token[") {
		return ""
	}
	return s
}

// isToken reports whether v is an unresolved value (a token string or an
// IResolvable object).
func isToken(v any) bool {
	switch t := v.(type) {
	case nil, bool, float64, map[string]any, []any:
		return false
	case string:
		return strings.Contains(t, "${Token[")
	}
	return true
}

// boolean returns v's literal value and whether it is one.
func boolean(v any) (value, known bool) {
	switch b := v.(type) {
	case bool:
		return b, true
	case string:
		if b == "true" || b == "false" {
			return b == "true", true
		}
	}
	return false, false
}
