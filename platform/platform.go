package platform

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/addon"
	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/constructs/fargate"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/constructs/monitoring"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/stacks"
)

// The parts of a platform; each is one stack named <Name>-<part>.
const (
	PartNetwork = "network"
	PartStorage = "storage"
	PartCluster = "cluster"
)

// Platform is one environment: network, storage and cluster stacks.
type Platform struct {
	NetworkStack *stacks.NetworkStack
	StorageStack *stacks.StorageStack
	// ClusterStack is the cluster stack (the first generation's, with
	// Props.Generations).
	ClusterStack *stacks.ClusterStack
	// Monitoring watches the cluster (in the cluster stack); nil without
	// Props.Monitoring.
	Monitoring *monitoring.Monitoring
	// Baseline is the in-cluster baseline's GitOps folder (nil unless
	// Props.Baseline is set).
	Baseline *baseline.Baseline
	// Karpenter is Karpenter's AWS side (nil unless the cluster's compute
	// mode is karpenter).
	Karpenter *karpenter.Karpenter
	// Fargate holds the Fargate profiles (nil without Props.Fargate).
	Fargate *fargate.Fargate
	// ClusterStacks are every generation's cluster stack, in Generations
	// order (the one ClusterStack without generations).
	ClusterStacks []*stacks.ClusterStack
	// Props are the props the platform was built from, defaults applied.
	Props Props

	scope constructs.Construct
}

// Stacks returns the platform's stacks in deployment order.
func (p *Platform) Stacks() []awscdk.Stack {
	out := []awscdk.Stack{p.NetworkStack.Stack, p.StorageStack.Stack}
	for _, c := range p.ClusterStacks {
		out = append(out, c.Stack)
	}
	return out
}

// StackName returns the name of one of the platform's stacks, e.g.
// "ballast-dev-network" for PartNetwork.
func (p Props) StackName(part string) string { return p.name() + "-" + part }

func (p Props) name() string {
	if p.Name == "" && p.Cluster.ClusterName != nil {
		return *p.Cluster.ClusterName
	}
	return p.Name
}

// New validates props and builds the platform's stacks into scope (an app
// or a stage). With a concrete account the availability zones are pinned
// as context first, so no lookup is ever needed: the first platform of an
// app pins its own; further platforms with other accounts or regions need
// cdkapp.PinAvailabilityZones called for them before any stack exists.
// Invalid props panic, naming the platform and every problem.
func New(scope constructs.Construct, props *Props) *Platform {
	if props == nil {
		props = &Props{}
	}
	if err := props.Validate(); err != nil {
		panic(fmt.Errorf("platform %q: invalid props:\n%w", props.name(), err))
	}
	d := props.withDefaults()
	pinAvailabilityZones(scope, d)
	p := &Platform{Props: d, scope: scope}
	p.NetworkStack = stacks.NewNetworkStack(scope, d.StackName(PartNetwork), &stacks.NetworkStackProps{
		StackProps: d.stackProps(PartNetwork, "VPC and subnets"), Network: d.Network, Existing: d.ExistingNetwork, ExportPrefix: d.Name,
	})
	p.StorageStack = stacks.NewStorageStack(scope, d.StackName(PartStorage), d.storageStackProps(p.NetworkStack))
	// Deploy (and tear down) in one order whatever the references: network,
	// storage, cluster. Without EFS the storage stack references nothing.
	p.StorageStack.AddStackDependency(p.NetworkStack.Stack, jsii.String("the platform deploys network, then storage, then cluster"))
	newClusterStacks(scope, p)
	addMonitoring(p)
	protectStacks(p)
	addBaseline(p)
	addKarpenter(p)
	addFargate(p)
	for _, s := range p.Stacks() {
		d.tag(s)
		d.acknowledge(s)
	}
	return p
}

// RuleOptions configures the EKS rule pack for the platform's profile:
// the profile may require deletion protection, unless the props turn it
// off deliberately (the cluster construct warns about that instead); an
// endpoint open to the internet that the props opt into
// (Cluster.AllowOpenPublicEndpoint) is warned about by the cluster
// construct rather than failed.
func (p Props) RuleOptions() checks.Options {
	d := p.withDefaults()
	opts := checks.Options{RequireDeletionProtection: d.Profile.RequireDeletionProtection && *d.Cluster.DeletionProtection}
	if *d.Cluster.AllowOpenPublicEndpoint {
		opts.Skip = append(opts.Skip, checks.RuleEndpoint)
	}
	return opts
}

// ApplyChecks applies the EKS rule pack, with the profile's options, to
// the platform's stacks; an error finding fails synthesis. The pack reads
// all of the scope New built the platform into, so references between the
// stacks resolve, and reports on this platform's stacks only.
func (p *Platform) ApplyChecks() {
	opts := p.Props.RuleOptions()
	for _, s := range p.Stacks() {
		opts.Stacks = append(opts.Stacks, *s.Node().Path())
	}
	checks.Apply(p.scope, opts)
}

// IPCapacity reports, per AZ subnet, the addresses the node groups need at
// max scale against what the subnet holds, as the network construct
// checked it; ok is false when the platform does not plan the subnets (an
// existing VPC) or has no node groups.
func (p *Platform) IPCapacity() (network.Report, bool) {
	if c := p.NetworkStack.Network.Capacity; c != nil {
		return *c, true
	}
	return network.Report{}, false
}

func pinAvailabilityZones(scope constructs.Construct, p Props) {
	if p.Account == "" {
		return // env-agnostic stacks never look up AZs
	}
	key := fmt.Sprintf("availability-zones:account=%s:region=%s", p.Account, p.Region)
	azs := p.availabilityZones()
	if got, ok := scope.Node().TryGetContext(jsii.String(key)).([]any); ok {
		if fmt.Sprint(got) != fmt.Sprint(toAny(azs)) {
			panic(fmt.Errorf("platform %q: context %s is %v, not the platform's availability zones %v", p.Name, key, got, azs))
		}
		return
	}
	if len(*scope.Node().Children()) > 0 {
		panic(fmt.Errorf("platform %q: pin its availability zones with cdkapp.PinAvailabilityZones(app, %q, %q, ...) before creating any stack",
			p.Name, p.Account, p.Region))
	}
	scope.Node().SetContext(jsii.String(key), jsii.Strings(azs...))
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// stackProps pins each stack's name: in a stage CDK would otherwise name
// it <stage>-<id>, and a renamed stack is a new cluster.
func (p Props) stackProps(part, what string) awscdk.StackProps {
	env := &awscdk.Environment{Region: jsii.String(p.Region)}
	if p.Account != "" {
		env.Account = jsii.String(p.Account)
	}
	return awscdk.StackProps{
		StackName:             jsii.String(p.StackName(part)),
		Env:                   env,
		Description:           jsii.String(fmt.Sprintf("Ballast %s: %s (%s)", p.Profile.Name, what, *p.Cluster.ClusterName)),
		TerminationProtection: jsii.Bool(p.Profile.TerminationProtection),
	}
}

// tag adds the user's tags and ballast:env to every taggable resource.
func (p Props) tag(s awscdk.Stack) {
	tags := awscdk.Tags_Of(s)
	for _, k := range slices.Sorted(maps.Keys(p.Tags)) {
		tags.Add(jsii.String(k), jsii.String(p.Tags[k]), nil)
	}
	tags.Add(jsii.String(TagEnv), jsii.String(p.Profile.Name), nil)
}

// TagEnv is the tag naming the profile on every resource.
const TagEnv = "ballast:env"

// acknowledge records the profile's accepted warnings in the stack whose
// constructs raise them (warning IDs are "ballast:<part>-...").
func (p Props) acknowledge(s awscdk.Stack) {
	part := strings.TrimPrefix(*s.StackName(), p.Name+"-")
	part, _, _ = strings.Cut(part, "-") // cluster-<generation> raises cluster warnings
	for _, a := range p.Profile.Accepted {
		if strings.HasPrefix(a.Warning, "ballast:"+part+"-") {
			awscdk.Annotations_Of(s).AcknowledgeWarning(jsii.String(a.Warning), jsii.String(a.Reason))
		}
	}
	for _, a := range p.Acknowledged {
		awscdk.Annotations_Of(s).AcknowledgeWarning(jsii.String(a.Warning), jsii.String(a.Reason))
	}
}

func (p Props) storageStackProps(net *stacks.NetworkStack) *stacks.StorageStackProps {
	return &stacks.StorageStackProps{
		StackProps:     p.stackProps(PartStorage, "KMS keys and data"),
		ExportPrefix:   p.Name,
		Keys:           p.Storage.Keys,
		Vpc:            net.Network.Vpc,
		PrivateSubnets: net.Network.PrivateSubnets,
		FileSystem:     p.Storage.FileSystem,
		Backup:         p.Storage.Backup,
		BackupBucket:   p.Storage.BackupBucket,
	}
}

// clusterStackProps wires the cluster to the network and storage stacks.
// With Auto Mode the control plane gets the private subnets instead of the
// /28 control-plane subnets, because Auto Mode's built-in node pools place
// nodes in the cluster's subnets.
func (p Props) clusterStackProps(pl *Platform, part string) *stacks.ClusterStackProps {
	net, keys := pl.NetworkStack.Network, pl.StorageStack.Keys
	c := p.Cluster
	c.Vpc, c.SecretsKey, c.LogsKey = net.Vpc, keys.Secrets, keys.Logs
	c.ControlPlaneSubnets = net.ControlPlaneSubnets
	c.ControlPlaneEgressCIDRs = controlPlaneEgress(c.ControlPlaneEgressCIDRs, net, p.ExistingNetwork)
	if p.autoMode() {
		c.ControlPlaneSubnets = net.PrivateSubnets
	}
	props := &stacks.ClusterStackProps{StackProps: p.stackProps(part, "EKS control plane and node groups"), Cluster: c, NodeVolumeKey: keys.EBS}
	for _, ng := range p.NodeGroups {
		ng.Subnets, ng.AvailabilityZones = net.PrivateSubnets, p.availabilityZones()
		props.NodeGroups = append(props.NodeGroups, ng)
	}
	if p.Addons != nil {
		a := *p.Addons
		if !p.autoMode() { // Auto Mode's block storage is its own
			a.EBSKey = keys.EBS
		}
		props.Addons = &a
	}
	return props
}

// grantFileSystemToEFSDriver lets the EFS CSI driver mount the shared file
// system: its policy only allows IAM-authorized clients through a mount
// target, and AmazonEFSCSIDriverPolicy covers access points, not mounting.
func grantFileSystemToEFSDriver(p *Platform, cs *stacks.ClusterStack) {
	fs, addons := p.StorageStack.FileSystem, cs.Addons
	if fs == nil || addons == nil {
		return
	}
	if driver := addons.Installed[addon.EfsCsiDriver]; driver != nil && driver.Role != nil {
		fs.Resource.GrantReadWrite(driver.Role)
	}
}
