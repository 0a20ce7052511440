package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/constructs/addon"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/constructs/storage"
	"github.com/ballast-eks/ballast/internal/synthtest"
)

// badProps is one invalid use of a construct: build calls its constructor
// under scope; want are the field paths the panic must name.
type badProps struct {
	construct, name string
	build           func(scope awscdk.Stack)
	want            []string
}

func ptr[T any](v T) *T { return &v }

var badPropsCases = []badProps{
	{"addon", "missing cluster and key, unknown version, no CoreDNS replicas", func(s awscdk.Stack) {
		addon.NewAddons(s, "A", &addon.AddonsProps{KubernetesVersion: ptr("1.31"), CoreDNS: &addon.CoreDNSConfig{Replicas: ptr(0)}})
	}, []string{"cluster:", "kubernetesVersion:", "coreDNS.replicas:"}},
	{"storage", "file system without VPC, subnets or key", func(s awscdk.Stack) {
		storage.NewFileSystem(s, "F", &storage.FileSystemProps{})
	}, []string{"vpc:", "subnets:", "key:"}},
	{"storage", "backup with no key and retention 0", func(s awscdk.Stack) {
		storage.NewBackup(s, "B", &storage.BackupProps{RetentionDays: ptr(0)})
	}, []string{"key:", "retentionDays:"}},
	{"network", "one AZ", func(s awscdk.Stack) {
		network.NewNetwork(s, "N", &network.NetworkProps{AvailabilityZones: []string{"us-east-1a"}})
	}, []string{"availabilityZones: need at least 2"}},
	{"network", "duplicate AZ, bad CIDR and NAT mode at once", func(s awscdk.Stack) {
		network.NewNetwork(s, "N", &network.NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1a"}, CIDR: ptr("10.0.0.0"), NATMode: ptr(network.NATMode("none"))})
	}, []string{"availabilityZones[1]:", "cidr:", "natMode:"}},
	{"network", "CIDR too small for the AZs", func(s awscdk.Stack) {
		network.NewNetwork(s, "N", &network.NetworkProps{AvailabilityZones: []string{"us-east-1a", "us-east-1b", "us-east-1c"}, CIDR: ptr("10.0.0.0/26")})
	}, []string{"cidr:"}},
	{"storage", "reserved alias prefix", func(s awscdk.Stack) {
		storage.NewKeys(s, "K", &storage.KeysProps{AliasPrefix: ptr("alias/aws/ballast")})
	}, []string{"aliasPrefix:"}},
	{"storage", "alias prefix with trailing slash", func(s awscdk.Stack) {
		storage.NewKeys(s, "K", &storage.KeysProps{AliasPrefix: ptr("alias/ballast/")})
	}, []string{"aliasPrefix:"}},
	{"cluster", "nothing given", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{})
	}, []string{"vpc: required", "controlPlaneSubnets:", "secretsKey: required", "clusterName: required"}},
	{"cluster", "unsupported version, public endpoint without CIDRs, bad admin ARN", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{ClusterName: ptr("c"), Version: ptr("1.20"),
			EndpointAccess: ptr(cluster.EndpointPublicAndPrivate), AdminRoleARNs: []string{"arn:aws:iam::1:user/x"}})
	}, []string{"version:", "publicAccessCIDRs: required", "adminRoleARNs[0]:"}},
	{"cluster", "CIDRs on a private endpoint, bad CIDR", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{ClusterName: ptr("c"), PublicAccessCIDRs: []string{"10.0.0.0/33"}})
	}, []string{"publicAccessCIDRs: set, but endpointAccess is private", "publicAccessCIDRs[0]:"}},
	{"cluster", "bad endpoint mode and name", func(s awscdk.Stack) {
		cluster.NewCluster(s, "C", &cluster.ClusterProps{ClusterName: ptr("-x"), EndpointAccess: ptr(cluster.EndpointAccess("public"))})
	}, []string{"endpointAccess:", "clusterName:"}},
	{"nodegroup", "nothing given", func(s awscdk.Stack) {
		nodegroup.NewNodeGroupSet(s, "G", &nodegroup.NodeGroupSetProps{})
	}, []string{"cluster: required", "name: required", "subnets:"}},
	{"nodegroup", "sizes out of order, AZs not matching subnets", func(s awscdk.Stack) {
		nodegroup.NewNodeGroupSet(s, "G", &nodegroup.NodeGroupSetProps{Name: ptr("Bad_Name"), AvailabilityZones: []string{"us-east-1a"},
			MinSize: ptr(3), DesiredSize: ptr(5), MaxSize: ptr(2)})
	}, []string{"name:", "availabilityZones:", "maxSize: must be >= minSize", "desiredSize:"}},
	{"nodegroup", "negative min and max over quota", func(s awscdk.Stack) {
		nodegroup.NewNodeGroupSet(s, "G", &nodegroup.NodeGroupSetProps{MinSize: ptr(-1), DesiredSize: ptr(0), MaxSize: ptr(451)})
	}, []string{"minSize:", "maxSize: must be 1 to 450"}},
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
			if !strings.HasPrefix(msg, c.construct+": invalid ") {
				t.Errorf("message does not name the construct: %q", msg)
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
