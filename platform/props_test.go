package platform_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/ptr"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// badProps is one invalid use of a construct: build calls its constructor
// under scope; want are the field paths the panic must name.
type badProps struct {
	construct, name string
	build           func(scope awscdk.Stack)
	want            []string
}

var badPropsCases = []badProps{
	{"addon", "missing cluster and key, unknown version, no CoreDNS replicas", func(s awscdk.Stack) {
		addon.NewAddons(s, "A", &addon.AddonsProps{KubernetesVersion: ptr.To("1.31"), CoreDNS: &addon.CoreDNSConfig{Replicas: ptr.To(0)}})
	}, []string{"cluster:", "kubernetesVersion:", "coreDNS.replicas:"}},
	{"storage", "file system without VPC, subnets or key", func(s awscdk.Stack) {
		storage.NewFileSystem(s, "F", &storage.FileSystemProps{})
	}, []string{"vpc:", "subnets:", "key:"}},
	{"storage", "backup with no key and retention 0", func(s awscdk.Stack) {
		storage.NewBackup(s, "B", &storage.BackupProps{RetentionDays: ptr.To(0)})
	}, []string{"key:", "retentionDays:"}},
	{"network", "one AZ", func(s awscdk.Stack) {
		network.NewNetwork(s, "N", &network.NetworkProps{AvailabilityZones: []string{"us-east-1a"}})
	}, []string{"availabilityZones: need 2 to 6 availability zones"}},
	{"network", "duplicate AZ, bad CIDR and NAT mode at once", func(s awscdk.Stack) {
		network.NewNetwork(s, "N", &network.NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1a"}, CIDR: ptr.To("10.0.0.0"), NATMode: ptr.To(network.NATMode("bogus"))})
	}, []string{"availabilityZones[1]:", "cidr:", "natMode:"}},
	{"network", "CIDR too small for the AZs", func(s awscdk.Stack) {
		network.NewNetwork(s, "N", &network.NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1b", "us-east-1c"}, CIDR: ptr.To("10.0.0.0/26")})
	}, []string{"cidr:"}},
	{"storage", "reserved alias prefix", func(s awscdk.Stack) {
		storage.NewKeys(s, "K", &storage.KeysProps{AliasPrefix: ptr.To("alias/aws/ballast")})
	}, []string{"aliasPrefix:"}},
	{"storage", "alias prefix with trailing slash", func(s awscdk.Stack) {
		storage.NewKeys(s, "K", &storage.KeysProps{AliasPrefix: ptr.To("alias/ballast/")})
	}, []string{"aliasPrefix:"}},
	{"cluster", "nothing given", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{})
	}, []string{"vpc: required", "controlPlaneSubnets:", "secretsKey: required", "clusterName: required"}},
	{"cluster", "unsupported version, public endpoint without CIDRs, bad admin ARN", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{ClusterName: ptr.To("c"), Version: ptr.To("1.20"),
			EndpointAccess: ptr.To(cluster.EndpointPublicAndPrivate), AdminRoleARNs: []string{"arn:aws:iam::1:user/x"}})
	}, []string{"version:", "publicAccessCIDRs: public-and-private endpoint access needs the CIDRs", "adminRoleARNs[0]:"}},
	{"cluster", "CIDRs on a private endpoint, bad CIDR", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{ClusterName: ptr.To("c"), PublicAccessCIDRs: []string{"10.0.0.0/33"}})
	}, []string{"publicAccessCIDRs: public access CIDRs need endpointAccess=public-and-private", "publicAccessCIDRs[0]:"}},
	{"cluster", "bad endpoint mode and name", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{ClusterName: ptr.To("-x"), EndpointAccess: ptr.To(cluster.EndpointAccess("public"))})
	}, []string{"endpointAccess:", "clusterName:"}},
	{"nodegroup", "nothing given", func(s awscdk.Stack) {
		nodegroup.NewNodeGroupSet(s, "G", &nodegroup.NodeGroupSetProps{})
	}, []string{"cluster: required", "name: required", "subnets:"}},
	{"nodegroup", "sizes out of order, AZs not matching subnets", func(s awscdk.Stack) {
		nodegroup.NewNodeGroupSet(s, "G", &nodegroup.NodeGroupSetProps{Name: ptr.To("Bad_Name"), AvailabilityZones: []string{"us-east-1a"},
			MinSize: ptr.To(3), DesiredSize: ptr.To(5), MaxSize: ptr.To(2)})
	}, []string{"name:", "availabilityZones:", "maxSize: must be >= minSize", "desiredSize:"}},
	{"nodegroup", "negative min and max over quota", func(s awscdk.Stack) {
		nodegroup.NewNodeGroupSet(s, "G", &nodegroup.NodeGroupSetProps{MinSize: ptr.To(-1), DesiredSize: ptr.To(0), MaxSize: ptr.To(451)})
	}, []string{"minSize:", "maxSize: out of range (the EKS quota is 450 nodes per node group)"}},
}

// TestInvalidPropsFailBeforeAnyResource gives each construct invalid props:
// it must panic naming every bad field by path, having created nothing.
func TestInvalidPropsFailBeforeAnyResource(t *testing.T) {
	app := synthtest.NewApp()
	for i, c := range badPropsCases {
		t.Run(c.construct+"/"+c.name, func(t *testing.T) {
			stack := awscdk.NewStack(app, jsii.String(fmt.Sprintf("Bad%d", i)), nil)
			msg := recoverPanic(func() { c.build(stack) })
			if msg == "" {
				t.Fatal("no panic on invalid props")
			}
			if path := fmt.Sprintf("Bad%d/", i); !strings.Contains(strings.SplitN(msg, "\n", 2)[0], path) || !strings.Contains(msg, ": invalid props:") {
				t.Errorf("message does not name the construct path %s...: %q", path, msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
			if kids := *stack.Node().Children(); len(kids) != 0 {
				t.Errorf("invalid props created %d constructs (first %s)", len(kids), *kids[0].Node().Id())
			}
		})
	}
}

// TestNilPropsAreTheZeroProps: every constructor treats nil props as
// empty props (defaults applied, required fields reported), the same way,
// never as a nil-pointer panic.
func TestNilPropsAreTheZeroProps(t *testing.T) {
	app := synthtest.NewApp()
	for name, c := range map[string]struct {
		build func(awscdk.Stack)
		want  string
	}{
		"network":        {func(s awscdk.Stack) { network.NewNetwork(s, "X", nil) }, "availabilityZones:"},
		"existing":       {func(s awscdk.Stack) { network.ImportNetwork(s, "X", nil) }, "vpcID: required"},
		"cluster":        {func(s awscdk.Stack) { cluster.NewCluster(s, "X", nil) }, "clusterName: required"},
		"nodegroup":      {func(s awscdk.Stack) { nodegroup.NewNodeGroupSet(s, "X", nil) }, "cluster: required"},
		"addons":         {func(s awscdk.Stack) { addon.NewAddons(s, "X", nil) }, "cluster: required"},
		"file system":    {func(s awscdk.Stack) { storage.NewFileSystem(s, "X", nil) }, "vpc: required"},
		"backup":         {func(s awscdk.Stack) { storage.NewBackup(s, "X", nil) }, "key:"},
		"keys (default)": {func(s awscdk.Stack) { storage.NewKeys(s, "X", nil) }, ""},
	} {
		t.Run(name, func(t *testing.T) {
			stack := awscdk.NewStack(app, jsii.String("Nil"+strings.ReplaceAll(strings.ReplaceAll(name, " ", ""), "(default)", "")), nil)
			msg := recoverPanic(func() { c.build(stack) })
			switch {
			case c.want == "" && msg != "":
				t.Errorf("nil props should build with defaults: %s", msg)
			case c.want != "" && (!strings.Contains(msg, ": invalid props:") || !strings.Contains(msg, c.want)):
				t.Errorf("panic %q, want an invalid-props error naming %q", msg, c.want)
			}
		})
	}
}

// TestEveryConstructHasBadProps keeps the cases in step with the packages.
func TestEveryConstructHasBadProps(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range badPropsCases {
		seen[c.construct] = true
	}
	for _, pkg := range []string{"network", "storage", "cluster", "nodegroup"} {
		if !seen[pkg] {
			t.Errorf("no invalid-props case for constructs/%s", pkg)
		}
	}
}

func recoverPanic(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
