package network_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/internal/kmspolicy"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

var azs = []string{"us-east-1a", "us-east-1b", "us-east-1c"}

// Stacks synthesized once for the package.
var (
	templates map[string]synthtest.Template
	warnings  map[string][]string // stack name -> warning IDs
)

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	env := &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("us-east-1")}}
	build := func(name string, f func(awscdk.Stack)) {
		f(awscdk.NewStack(app, jsii.String(name), env))
	}
	build("full", func(s awscdk.Stack) {
		network.NewNetwork(s, "Network", &network.NetworkProps{
			AvailabilityZones: azs, ClusterName: jsii.String("c1"), PodCIDR: jsii.String("100.64.0.0/16"),
			InterfaceEndpoints: jsii.Bool(true), FlowLogRetentionDays: intp(30),
		})
	})
	build("minimal", func(s awscdk.Stack) {
		single := network.NATSingle
		network.NewNetwork(s, "Network", &network.NetworkProps{
			AvailabilityZones: azs[:2], NATMode: &single, FlowLogs: jsii.Bool(false),
			// 4x10 nodes of 3 ENIs x 10 without prefixes: 120 of 123 addresses in a /25.
			CIDR: jsii.String("10.0.0.0/23"), CNI: &network.CNI{WarmENITarget: 1},
			IPDemand: []network.AZDemand{{AZ: azs[0], Nodes: []network.NodeDemand{{MaxNodes: 4, ENIs: 3, IPv4PerENI: 10}}}},
		})
	})
	build("nat-less", func(s awscdk.Stack) {
		none := network.NATNone
		network.NewNetwork(s, "Network", &network.NetworkProps{
			AvailabilityZones: azs, NATMode: &none, PodCIDR: jsii.String("100.64.0.0/16"),
			InterfaceEndpoints: jsii.Bool(true), FlowLogs: jsii.Bool(false),
		})
	})
	build("byo", func(s awscdk.Stack) {
		n := network.ImportNetwork(s, "Network", &network.ExistingNetworkProps{
			VpcID: jsii.String("vpc-0123456789abcdef0"), AvailabilityZones: azs,
			PrivateSubnetIDs:      []string{"subnet-00000001", "subnet-00000002", "subnet-00000003"},
			ControlPlaneSubnetIDs: []string{"subnet-00000021", "subnet-00000022", "subnet-00000023"},
		})
		if len(n.PrivateSubnets) != 3 || len(n.ControlPlaneSubnets) != 3 || len(n.PublicSubnets) != 0 || *n.ControlPlaneSubnets[1].SubnetId() != "subnet-00000022" {
			panic("imported subnets wrong")
		}
		awscdk.Validations_Of(s).Acknowledge(&awscdk.Acknowledgment{Id: jsii.String("CloudFormation-Validate::F0001"), Reason: jsii.String("test")})
	})
	asm := app.Synth(nil)
	templates = map[string]synthtest.Template{}
	warnings = map[string][]string{}
	for _, st := range *asm.Stacks() {
		templates[*st.StackName()], _ = st.Template().(map[string]any)
		for _, msg := range *st.Messages() {
			if strings.EqualFold(fmt.Sprint(msg.Level), "warning") {
				warnings[*st.StackName()] = append(warnings[*st.StackName()], fmt.Sprint(msg.Entry.Data))
			}
		}
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func intp(v int) *int { return &v }

func resources(t *testing.T, stack, typ string) []synthtest.Resource {
	t.Helper()
	return templates[stack].Resources(typ)
}

func tags(r synthtest.Resource) map[string]string {
	out := map[string]string{}
	tl, _ := r.Properties["Tags"].([]any)
	for _, kv := range tl {
		m := kv.(map[string]any)
		out[m["Key"].(string)], _ = m["Value"].(string)
	}
	return out
}

// subnetsByName returns the stack's subnets keyed by aws-cdk:subnet-name
// (or ballast.dev/subnet-role for pod subnets), each in AZ order.
func subnetsByName(t *testing.T, stack string) map[string][]synthtest.Resource {
	out := map[string][]synthtest.Resource{}
	for _, s := range resources(t, stack, "AWS::EC2::Subnet") {
		name := tags(s)["aws-cdk:subnet-name"]
		if name == "" {
			name = tags(s)[network.TagSubnetRole]
		}
		out[name] = append(out[name], s)
	}
	for _, l := range out {
		slices.SortFunc(l, func(a, b synthtest.Resource) int {
			return strings.Compare(a.Properties["AvailabilityZone"].(string), b.Properties["AvailabilityZone"].(string))
		})
	}
	return out
}

func TestSubnetsMatchThePlan(t *testing.T) {
	plan, err := network.PlanSubnets("10.0.0.0/16", azs)
	if err != nil {
		t.Fatal(err)
	}
	plan, _ = network.PlanPodSubnets(plan, "100.64.0.0/16")
	got := subnetsByName(t, "full")
	for i, az := range plan.AZs {
		for name, want := range map[string]string{network.GroupPrivate: az.Private.String(), network.GroupPublic: az.Public.String(), network.GroupControlPlane: az.ControlPlane.String(), "pods": az.Pods.String()} {
			s := got[name][i]
			if s.Properties["CidrBlock"] != want || s.Properties["AvailabilityZone"] != az.AZ {
				t.Errorf("%s subnet in %s: %v %v, want %s", name, az.AZ, s.Properties["CidrBlock"], s.Properties["AvailabilityZone"], want)
			}
		}
	}
}

func TestNetworkPromises(t *testing.T) {
	t.Run("AZ count", func(t *testing.T) {
		for stack, want := range map[string]int{"full": 3, "minimal": 2} {
			azSet := map[any]bool{}
			for _, s := range resources(t, stack, "AWS::EC2::Subnet") {
				azSet[s.Properties["AvailabilityZone"]] = true
			}
			if len(azSet) != want {
				t.Errorf("%s: %d AZs, want %d", stack, len(azSet), want)
			}
		}
	})
	t.Run("a NAT gateway per AZ, each private and pod route to its own AZ's NAT", func(t *testing.T) {
		nats := map[string]string{} // NAT logical ID -> AZ
		subnetAZ := map[string]string{}
		for _, s := range resources(t, "full", "AWS::EC2::Subnet") {
			subnetAZ[s.ID] = s.Properties["AvailabilityZone"].(string)
		}
		for _, n := range resources(t, "full", "AWS::EC2::NatGateway") {
			nats[n.ID] = subnetAZ[synthtest.Ref(n.Properties["SubnetId"])]
		}
		if len(nats) != 3 {
			t.Fatalf("%d NAT gateways, want 3", len(nats))
		}
		tableAZ := map[string]string{}
		for _, a := range resources(t, "full", "AWS::EC2::SubnetRouteTableAssociation") {
			tableAZ[synthtest.Ref(a.Properties["RouteTableId"])] = subnetAZ[synthtest.Ref(a.Properties["SubnetId"])]
		}
		natRoutes := 0
		for _, r := range resources(t, "full", "AWS::EC2::Route") {
			if nat := synthtest.Ref(r.Properties["NatGatewayId"]); nat != "" {
				natRoutes++
				if r.Properties["DestinationCidrBlock"] != "0.0.0.0/0" || nats[nat] != tableAZ[synthtest.Ref(r.Properties["RouteTableId"])] {
					t.Errorf("route %s in %s goes to the NAT in %s", r.ID, tableAZ[synthtest.Ref(r.Properties["RouteTableId"])], nats[nat])
				}
			}
		}
		if natRoutes != 6 { // 3 private + 3 pod route tables
			t.Errorf("%d NAT routes, want 6", natRoutes)
		}
	})
	t.Run("single NAT", func(t *testing.T) {
		if n := len(resources(t, "minimal", "AWS::EC2::NatGateway")); n != 1 {
			t.Errorf("%d NAT gateways, want 1", n)
		}
	})
	t.Run("subnet tags", func(t *testing.T) {
		by := subnetsByName(t, "full")
		for _, s := range by[network.GroupPublic] {
			if tags(s)[network.TagELB] != "1" {
				t.Errorf("public %s tags %v", s.ID, tags(s))
			}
		}
		for _, s := range by[network.GroupPrivate] {
			if tg := tags(s); tg[network.TagInternalELB] != "1" || tg[network.TagKarpenter] != "c1" {
				t.Errorf("private %s tags %v", s.ID, tg)
			}
		}
		for _, s := range append(by[network.GroupControlPlane], by["pods"]...) {
			if tg := tags(s); tg[network.TagKarpenter] != "" || tg[network.TagELB] != "" || tg[network.TagInternalELB] != "" {
				t.Errorf("%s must not be discoverable: %v", s.ID, tg)
			}
		}
	})
	t.Run("control-plane subnets are separate /28s without internet routes", func(t *testing.T) {
		for _, s := range subnetsByName(t, "full")[network.GroupControlPlane] {
			if !strings.HasSuffix(s.Properties["CidrBlock"].(string), "/28") || tags(s)["aws-cdk:subnet-type"] != "Isolated" {
				t.Errorf("%s: %v %v", s.ID, s.Properties["CidrBlock"], tags(s))
			}
		}
	})
	t.Run("flow log: ALL traffic to a retained log group", func(t *testing.T) {
		fl := templates["full"].One(t, "AWS::EC2::FlowLog")
		if fl.Properties["TrafficType"] != "ALL" || fl.Properties["ResourceType"] != "VPC" || fl.Properties["LogDestinationType"] != "cloud-watch-logs" {
			t.Errorf("flow log %v", fl.Properties)
		}
		lg := templates["full"].One(t, "AWS::Logs::LogGroup")
		if lg.Raw["DeletionPolicy"] != "Retain" || lg.Properties["RetentionInDays"] != 30.0 || lg.Properties["LogGroupName"] != nil {
			t.Errorf("log group %v", lg.Raw)
		}
		if n := len(resources(t, "minimal", "AWS::EC2::FlowLog")); n != 0 {
			t.Errorf("flow logs off: %d flow logs", n)
		}
	})
	t.Run("flow-log group encrypted with its own rotated, retained key", func(t *testing.T) {
		lg := templates["full"].One(t, "AWS::Logs::LogGroup")
		key := templates["full"].One(t, "AWS::KMS::Key")
		if synthtest.Ref(lg.Properties["KmsKeyId"]) != key.ID {
			t.Errorf("log group key %v, want %s", lg.Properties["KmsKeyId"], key.ID)
		}
		if key.Properties["EnableKeyRotation"] != true || key.Raw["DeletionPolicy"] != "Retain" {
			t.Errorf("key %v", key.Raw)
		}
		var sids []string
		for _, st := range synthtest.Get(key.Properties, "KeyPolicy", "Statement").([]any) {
			if sid, ok := synthtest.Get(st, "Sid").(string); ok {
				sids = append(sids, sid)
			}
		}
		if !slices.Contains(sids, kmspolicy.SidLogs) || !slices.Contains(sids, kmspolicy.SidDenyGrants) {
			t.Errorf("key policy Sids %v, want the logs and deny-grants statements", sids)
		}
		if n := len(resources(t, "minimal", "AWS::KMS::Key")); n != 0 {
			t.Errorf("flow logs off: %d keys", n)
		}
	})
	t.Run("S3 gateway endpoint on every route table", func(t *testing.T) {
		for stack, tables := range map[string]int{"full": 12, "minimal": 6} {
			var gw []synthtest.Resource
			for _, e := range resources(t, stack, "AWS::EC2::VPCEndpoint") {
				if e.Properties["VpcEndpointType"] == "Gateway" {
					gw = append(gw, e)
				}
			}
			if len(gw) != 1 || !strings.Contains(fmt.Sprint(gw[0].Properties["ServiceName"]), "s3") {
				t.Fatalf("%s: gateway endpoints %v", stack, gw)
			}
			if n := len(gw[0].Properties["RouteTableIds"].([]any)); n != tables {
				t.Errorf("%s: S3 endpoint on %d route tables, want %d", stack, n, tables)
			}
		}
	})
	t.Run("interface endpoints only when asked, private DNS, HTTPS from the VPC only", func(t *testing.T) {
		var iface []synthtest.Resource
		for _, e := range resources(t, "full", "AWS::EC2::VPCEndpoint") {
			if e.Properties["VpcEndpointType"] == "Interface" {
				iface = append(iface, e)
			}
		}
		if len(iface) != len(network.InterfaceEndpointServices) {
			t.Errorf("%d interface endpoints, want %d", len(iface), len(network.InterfaceEndpointServices))
		}
		for _, e := range iface {
			if e.Properties["PrivateDnsEnabled"] != true || len(e.Properties["SubnetIds"].([]any)) != 3 {
				t.Errorf("%s: %v", e.ID, e.Properties)
			}
		}
		sg := templates["full"].One(t, "AWS::EC2::SecurityGroup")
		var sources []string
		for _, r := range sg.Properties["SecurityGroupIngress"].([]any) {
			m := r.(map[string]any)
			if m["FromPort"] != 443.0 || m["ToPort"] != 443.0 {
				t.Errorf("ingress %v", m)
			}
			sources = append(sources, m["CidrIp"].(string))
		}
		if !slices.Equal(sources, []string{"10.0.0.0/16", "100.64.0.0/16"}) {
			t.Errorf("ingress from %v", sources)
		}
		for _, e := range resources(t, "minimal", "AWS::EC2::VPCEndpoint") {
			if e.Properties["VpcEndpointType"] == "Interface" {
				t.Errorf("minimal has interface endpoint %s", e.ID)
			}
		}
	})
	t.Run("secondary CIDR for pods", func(t *testing.T) {
		b := templates["full"].One(t, "AWS::EC2::VPCCidrBlock")
		if b.Properties["CidrBlock"] != "100.64.0.0/16" {
			t.Errorf("%v", b.Properties)
		}
		for _, s := range subnetsByName(t, "full")["pods"] {
			if !slices.Contains(toStrings(s.Raw["DependsOn"]), b.ID) {
				t.Errorf("pod subnet %s does not depend on the CIDR block", s.ID)
			}
		}
	})
	t.Run("default security group untouched (no Lambda) unless asked", func(t *testing.T) {
		if n := len(resources(t, "full", "AWS::Lambda::Function")); n != 0 {
			t.Errorf("%d Lambda functions", n)
		}
	})
	t.Run("BYO VPC creates nothing", func(t *testing.T) {
		if res, _ := templates["byo"]["Resources"].(map[string]any); len(res) != 0 {
			t.Errorf("byo resources: %v", res)
		}
	})
	t.Run("warnings", func(t *testing.T) {
		w := strings.Join(warnings["minimal"], "\n")
		for _, id := range []string{network.WarnSingleNAT, network.WarnTwoAZs, network.WarnIPCapacity} {
			if !strings.Contains(w, id) {
				t.Errorf("minimal: no %s warning in %s", id, w)
			}
		}
		if !strings.Contains(w, "AZ us-east-1a: private subnet 10.0.0.0/25 needs 120 addresses") {
			t.Errorf("capacity warning lacks numbers: %s", w)
		}
		if len(warnings["full"]) != 0 {
			t.Errorf("full: warnings %v", warnings["full"])
		}
	})
}

func toStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// TestNATNone: no NAT gateway, no internet gateway, no public subnet and no
// 0.0.0.0/0 route; the private and control-plane subnets keep the CIDRs
// the NAT modes give them (the public blocks stay reserved); every private
// subnet holds the interface endpoints and its route table the S3 one.
func TestNATNone(t *testing.T) {
	tmpl := templates["nat-less"]
	for _, typ := range []string{"AWS::EC2::NatGateway", "AWS::EC2::InternetGateway", "AWS::EC2::EIP", "AWS::EC2::VPCGatewayAttachment"} {
		if n := tmpl.Count(typ); n != 0 {
			t.Errorf("%d %s, want none", n, typ)
		}
	}
	for _, r := range tmpl.Resources("AWS::EC2::Route") {
		t.Errorf("route %v, want none", r.Properties)
	}
	cidrs := func(stack string) []string {
		var out []string
		for _, r := range templates[stack].Resources("AWS::EC2::Subnet") {
			if c, ok := r.Properties["CidrBlock"].(string); ok && !strings.HasPrefix(c, "100.64.") {
				out = append(out, c)
			}
		}
		slices.Sort(out)
		return out
	}
	full := cidrs("full") // per-AZ NAT: public, private and control-plane subnets
	for _, c := range cidrs("nat-less") {
		if !slices.Contains(full, c) {
			t.Errorf("subnet %s is not where the per-AZ layout puts it (%v)", c, full)
		}
	}
	if got, want := len(cidrs("nat-less")), 6; got != want { // private and control plane, three AZs
		t.Errorf("%d VPC subnets, want %d (no public ones)", got, want)
	}
	if n := tmpl.Count("AWS::EC2::Subnet"); n != 9 {
		t.Errorf("%d subnets, want 9 with the pod subnets", n)
	}
	eps := tmpl.Resources("AWS::EC2::VPCEndpoint")
	if len(eps) != network.InterfaceEndpointENIs+1 {
		t.Errorf("%d endpoints, want %d interface + S3", len(eps), network.InterfaceEndpointENIs)
	}
	for _, ep := range eps {
		if ep.Properties["VpcEndpointType"] == "Interface" {
			if ids, _ := ep.Properties["SubnetIds"].([]any); len(ids) != len(azs) {
				t.Errorf("interface endpoint in %d subnets, want %d", len(ids), len(azs))
			}
		}
	}
}
