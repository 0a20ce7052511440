package platform_test

import (
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/platform"
	"github.com/ballast-eks/ballast/ptr"
)

// minimal is the shortest valid platform: a region, AZs, a cluster name.
func minimal() platform.Props {
	return platform.Props{
		Region:     "eu-west-1",
		Network:    network.NetworkProps{AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}},
		Cluster:    cluster.ClusterProps{ClusterName: jsii.String("c1")},
		NodeGroups: []nodegroup.NodeGroupSetProps{{Name: jsii.String("system")}},
		Addons:     &addon.AddonsProps{},
	}
}

// TestValidate runs the platform's own rules and every composed
// construct's, in pure Go, each problem under its field path.
func TestValidate(t *testing.T) {
	for _, tt := range []struct {
		name   string
		modify func(*platform.Props)
		want   []string
	}{
		{"minimal", func(*platform.Props) {}, nil},
		{"no region, bad account, bad tag", func(p *platform.Props) {
			p.Region, p.Account, p.Tags = "", "12", map[string]string{"k{}": "v"}
		}, []string{"region: \"\" is not a region name", "account: \"12\" is not a 12-digit account ID", "tags[k{}]: tag keys are 1-128"}},
		{"stack names from a cluster name CloudFormation refuses", func(p *platform.Props) { p.Cluster.ClusterName = jsii.String("1_c") },
			[]string{"name: \"1_c\" is not a stack name prefix"}},
		{"construct rules under their part", func(p *platform.Props) {
			p.Network.NATMode = ptr.To(network.NATMode("bogus"))
			p.Cluster.LogRetentionDays = ptr.To(45)
			p.NodeGroups[0].MaxSize = ptr.To(451)
			p.Addons.CoreDNS = &addon.CoreDNSConfig{Replicas: ptr.To(0)}
		}, []string{"network.natMode: unknown NAT mode", "cluster.logRetentionDays: not a CloudWatch Logs retention value",
			"nodeGroups[system].maxSize: out of range", "addons.coreDNS.replicas: out of range"}},
		{"wired fields would be ignored", func(p *platform.Props) {
			p.Network.CNI = &network.CNI{}
			p.NodeGroups[0].KubernetesVersion = jsii.String("1.35")
			p.NodeGroups[0].AvailabilityZones = []string{"eu-west-1a", "eu-west-1b"}
		}, []string{"network.cni: set by the platform", "nodeGroups[system].kubernetesVersion: set by the platform",
			"nodeGroups[system].availabilityZones: set by the platform"}},
		{"two groups of one name", func(p *platform.Props) {
			p.NodeGroups = append(p.NodeGroups, nodegroup.NodeGroupSetProps{Name: jsii.String("system")})
		}, []string{"nodeGroups[system]: listed twice"}},
		{"node groups and core add-on settings under Auto Mode", func(p *platform.Props) {
			p.Cluster.Compute = ptr.To(cluster.ComputeAuto)
			p.Addons.CoreDNS = &addon.CoreDNSConfig{Replicas: ptr.To(3)}
		}, []string{"nodeGroups: EKS Auto Mode (cluster.compute=auto) runs the nodes",
			"addons.coreDNS: EKS Auto Mode (autoMode) runs CoreDNS itself; leave it unset"}},
		{"an existing VPC and a created one", func(p *platform.Props) {
			p.ExistingNetwork = &network.ExistingNetworkProps{VpcID: jsii.String("vpc-01234567"), AvailabilityZones: p.Network.AvailabilityZones,
				PrivateSubnetIDs: []string{"subnet-00000001", "subnet-00000002", "subnet-00000003"}}
		}, []string{"network: set, but existingNetwork imports the VPC"}},
		{"IP capacity is the largest node group's problem", func(p *platform.Props) {
			p.Network.CIDR = jsii.String("10.0.0.0/22")
			p.NodeGroups = append(p.NodeGroups, nodegroup.NodeGroupSetProps{Name: jsii.String("workers"),
				InstanceTypes: []string{"m6i.4xlarge"}, MaxSize: ptr.To(40)})
		}, []string{"nodeGroups[workers].maxSize: AZ eu-west-1a", "(change network.cidr, network.podCIDR, nodeGroups[system].maxSize=3, nodeGroups[workers].maxSize=40)"}},
		{"monitoring with two cluster generations would watch one", func(p *platform.Props) {
			p.Generations = []platform.Generation{{Name: "blue"}, {Name: "green"}}
			p.Monitoring = &monitoring.MonitoringProps{}
		}, []string{"monitoring: attaches to one cluster, but generations has 2"}},
		{"an unknown version is reported once, at the cluster", func(p *platform.Props) { p.Cluster.Version = jsii.String("1.99") },
			[]string{"cluster.version: unsupported Kubernetes version"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := minimal()
			tt.modify(&p)
			err := p.Validate()
			wanterr.Check(t, err, tt.want)
			if tt.name == "an unknown version is reported once, at the cluster" {
				wanterr.OnePerProblem(t, err, 1)
			}
		})
	}
}

// TestStackNamesComeFromTheProps: Name, else the cluster name, prefixes
// every stack, so two platforms with different names share one app.
func TestStackNamesComeFromTheProps(t *testing.T) {
	p := minimal()
	if got := p.StackName(platform.PartNetwork); got != "c1-network" {
		t.Errorf("default name: %s", got)
	}
	p.Name = "blue"
	if got := p.StackName(platform.PartCluster); got != "blue-cluster" {
		t.Errorf("named: %s", got)
	}
}

// TestRuleOptionsFollowTheProfile: prod requires deletion protection
// unless the props turn it off deliberately; an endpoint opened on
// purpose is the cluster construct's warning, not a rule-pack error.
func TestRuleOptionsFollowTheProfile(t *testing.T) {
	p := minimal()
	if !p.RuleOptions().RequireDeletionProtection {
		t.Error("prod (the default profile) does not require deletion protection")
	}
	p.Cluster.DeletionProtection = jsii.Bool(false)
	if p.RuleOptions().RequireDeletionProtection {
		t.Error("deliberately off, still required")
	}
	p.Profile = &platform.Dev
	p.Cluster.AllowOpenPublicEndpoint = jsii.Bool(true)
	if o := p.RuleOptions(); o.RequireDeletionProtection || len(o.Skip) != 1 {
		t.Errorf("dev with an opted-in open endpoint: %+v", o)
	}
}
