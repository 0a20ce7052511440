package diagram

import (
	"sort"
	"strings"
)

// resource is one resource of a stack.
type resource struct {
	stack, id, typ string
	props          map[string]any
}

// index holds the templates' resources and outputs for lookups.
type index struct {
	templates map[string]Template
	res       map[string]map[string]resource // stack -> logical ID
	exports   map[string][2]string           // export name -> stack, output
}

func newIndex(templates map[string]Template) *index {
	x := &index{templates: templates, res: map[string]map[string]resource{}, exports: map[string][2]string{}}
	for stack, t := range templates {
		x.res[stack] = map[string]resource{}
		rs, _ := t["Resources"].(map[string]any)
		for id, r := range rs {
			m, _ := r.(map[string]any)
			typ, _ := m["Type"].(string)
			props, _ := m["Properties"].(map[string]any)
			x.res[stack][id] = resource{stack, id, typ, props}
		}
		outs, _ := t["Outputs"].(map[string]any)
		for name, o := range outs {
			if export, ok := get(o, "Export", "Name").(string); ok {
				x.exports[export] = [2]string{stack, name}
			}
		}
	}
	return x
}

// resolve follows a reference (Ref, Fn::GetAtt, Fn::GetStackOutput,
// Fn::ImportValue) from a value in stack to the resource it names.
func (x *index) resolve(stack string, v any) (resource, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return resource{}, false
	}
	if ref, ok := m["Ref"].(string); ok {
		r, ok := x.res[stack][ref]
		return r, ok
	}
	if att, ok := m["Fn::GetAtt"].([]any); ok && len(att) > 0 {
		id, _ := att[0].(string)
		r, ok := x.res[stack][id]
		return r, ok
	}
	if so, ok := m["Fn::GetStackOutput"].(map[string]any); ok {
		target, _ := so["StackName"].(string)
		name, _ := so["OutputName"].(string)
		return x.output(target, name)
	}
	if export, ok := m["Fn::ImportValue"].(string); ok {
		if so, ok := x.exports[export]; ok {
			return x.output(so[0], so[1])
		}
	}
	return resource{}, false
}

func (x *index) output(stack, name string) (resource, bool) {
	return x.resolve(stack, get(x.templates[stack], "Outputs", name, "Value"))
}

// az returns the AZ a resource sits in: a subnet's own, or that of the
// one subnet it is placed in.
func (x *index) az(r resource) string {
	switch r.typ {
	case "AWS::EC2::Subnet":
		s, _ := r.props["AvailabilityZone"].(string)
		return s
	case "AWS::EC2::NatGateway", "AWS::EFS::MountTarget":
		if s, ok := x.resolve(r.stack, r.props["SubnetId"]); ok {
			return x.az(s)
		}
	case "AWS::EKS::Nodegroup":
		if subnets, _ := r.props["Subnets"].([]any); len(subnets) == 1 {
			if s, ok := x.resolve(r.stack, subnets[0]); ok {
				return x.az(s)
			}
		}
	}
	return ""
}

// labelOf is a resource's label: its kind, qualified for subnets (by the
// subnet group) and endpoints (by type).
func (x *index) labelOf(r resource) string {
	l, ok := label(r.typ)
	if !ok { // a referenced resource of a kind not drawn: "SecurityGroup"
		l = r.typ[strings.LastIndex(r.typ, ":")+1:]
	}
	switch r.typ {
	case "AWS::EC2::Subnet":
		if name := tag(r.props, "aws-cdk:subnet-name"); name != "" {
			return name + " " + l
		}
	case "AWS::EC2::VPCEndpoint":
		if t, _ := r.props["VpcEndpointType"].(string); t != "" {
			return strings.ToLower(t) + " " + l
		}
	}
	return l
}

func tag(props map[string]any, key string) string {
	tags, _ := props["Tags"].([]any)
	for _, t := range tags {
		if get(t, "Key") == key {
			s, _ := get(t, "Value").(string)
			return s
		}
	}
	return ""
}

// placed groups a stack's drawn resources by AZ, and the rest.
func (x *index) placed(stack string) (perAZ map[string][]string, rest []string) {
	byAZ, other := map[string]map[string]int{}, map[string]int{}
	for _, r := range x.res[stack] {
		if _, drawn := label(r.typ); !drawn {
			continue
		}
		if az := x.az(r); az != "" {
			if byAZ[az] == nil {
				byAZ[az] = map[string]int{}
			}
			byAZ[az][x.labelOf(r)]++
		} else {
			other[x.labelOf(r)]++
		}
	}
	perAZ = map[string][]string{}
	for az, n := range byAZ {
		perAZ[az] = counted(n)
	}
	return perAZ, counted(other)
}

// edge is one cross-stack dependency: from uses what of to.
type edge struct{ from, to, what string }

// edges lists the cross-stack references between the stacks, each labelled
// with the distinct resources referenced.
func (x *index) edges(stacks []string) []edge {
	var out []edge
	for _, from := range stacks {
		refs := map[string]map[string]bool{} // to stack -> resource IDs
		walk(x.templates[from]["Resources"], func(m map[string]any) {
			if _, cross := m["Fn::GetStackOutput"]; !cross {
				if _, imp := m["Fn::ImportValue"]; !imp {
					return
				}
			}
			if r, ok := x.resolve(from, m); ok && r.stack != from {
				if refs[r.stack] == nil {
					refs[r.stack] = map[string]bool{}
				}
				refs[r.stack][r.id] = true
			}
		})
		for _, to := range stacks {
			if len(refs[to]) == 0 {
				continue
			}
			n := map[string]int{}
			for id := range refs[to] {
				n[x.labelOf(x.res[to][id])]++
			}
			out = append(out, edge{from, to, strings.Join(counted(n), ", ")})
		}
	}
	return out
}

// walk calls f on every object in v.
func walk(v any, f func(map[string]any)) {
	switch t := v.(type) {
	case map[string]any:
		f(t)
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(t[k], f)
		}
	case []any:
		for _, e := range t {
			walk(e, f)
		}
	}
}

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
