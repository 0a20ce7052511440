package checks_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/checks"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// spec describes one synthetic EKS stack; the zero value is compliant.
type spec struct {
	logTypes        []string // default: all five
	noEncryption    bool
	endpointDefault bool     // leave EndpointPublicAccess unset (CloudFormation: public to all)
	publicCIDRs     []string // public endpoint with these CIDRs
	publicSubnets   bool
	importedSubnet  bool
	noLaunchTemplat bool
	httpTokens      string // default "required"
	unencrypted     bool
	noBlockDevices  bool
	oneAZ           bool
	amiType         string // default AL2023_x86_64_STANDARD
	noDeletionProt  bool
	l2Template      bool // an awsec2.LaunchTemplate L2 (lazy, tagged) instead of the L1
	opts            checks.Options

	// Deploy readiness.
	clusterVersion   string   // AWS::EKS::Cluster Version (default unset)
	nodeVersion      string   // AWS::EKS::Nodegroup Version (default unset)
	bootstrapOff     bool     // BootstrapSelfManagedAddons: false
	addons           []string // AWS::EKS::Addon names, under an "Addons" scope
	kubeProxyVersion string   // default v1.33.10-eksbuild.13
	addonsUnordered  bool     // the Addons scope does not depend on the node groups
	podIdentity      bool     // a Pod Identity association, and one on aws-ebs-csi-driver
	isolated         bool     // isolated subnets, no NAT gateway
	endpoints        bool     // the private-cluster VPC endpoints
	otherVPC         bool     // node groups in a second VPC
	zoneLabel        string   // "match" or "wrong": a topology.kubernetes.io/zone label
	lazyClusterName  bool     // node groups and add-ons name the cluster through a token of their own, as awseksv2's ClusterName() does
}

// cases maps a stack name to its spec, the rules expected to fire as
// errors (want) and those expected as warnings (warn).
var cases = map[string]struct {
	s    spec
	want []string
	warn []string
}{
	"good":               {spec{opts: checks.Options{RequireDeletionProtection: true}}, nil, nil},
	"logs":               {spec{logTypes: []string{"api", "audit"}}, []string{checks.RuleLogging}, nil},
	"secrets":            {spec{noEncryption: true}, []string{checks.RuleSecretsEncryption}, nil},
	"endpoint-default":   {spec{endpointDefault: true}, []string{checks.RuleEndpoint}, nil},
	"endpoint-open":      {spec{publicCIDRs: []string{"203.0.113.0/24", "0.0.0.0/0"}}, []string{checks.RuleEndpoint}, nil},
	"endpoint-limited":   {spec{publicCIDRs: []string{"203.0.113.0/24"}}, nil, nil},
	"public-subnets":     {spec{publicSubnets: true}, []string{checks.RulePrivateSubnets}, nil},
	"imported-subnet":    {spec{importedSubnet: true}, nil, []string{checks.RulePrivateSubnets, checks.RuleNodeEgress, checks.RulePrivateEndpointVpc}},
	"no-lt":              {spec{noLaunchTemplat: true}, []string{checks.RuleIMDSv2, checks.RuleRootVolume}, nil},
	"imdsv1":             {spec{httpTokens: "optional"}, []string{checks.RuleIMDSv2}, nil},
	"unencrypted":        {spec{unencrypted: true}, []string{checks.RuleRootVolume}, nil},
	"no-block-devices":   {spec{noBlockDevices: true}, []string{checks.RuleRootVolume}, nil},
	"one-az":             {spec{oneAZ: true}, []string{checks.RuleMultiAZ}, nil},
	"al2":                {spec{amiType: "AL2_x86_64"}, []string{checks.RuleNoAL2}, nil},
	"no-deletion-prot":   {spec{noDeletionProt: true, opts: checks.Options{RequireDeletionProtection: true}}, []string{checks.RuleDeletionProtection}, nil},
	"deletion-prot-off":  {spec{noDeletionProt: true}, nil, nil},
	"l2-template":        {spec{l2Template: true}, nil, nil},
	"l2-template-imdsv1": {spec{l2Template: true, httpTokens: "optional"}, []string{checks.RuleIMDSv2}, nil},
	"skipped":            {spec{amiType: "AL2_x86_64", opts: checks.Options{Skip: []string{checks.RuleNoAL2}}}, nil, nil},

	"no-addons":           {spec{bootstrapOff: true}, []string{checks.RuleCoreAddons}, nil},
	"core-addons-partial": {spec{bootstrapOff: true, addons: []string{"vpc-cni", "coredns"}}, []string{checks.RuleCoreAddons}, nil},
	"core-addons": {spec{bootstrapOff: true, clusterVersion: "1.33", nodeVersion: "1.33", podIdentity: true,
		addons: []string{"eks-pod-identity-agent", "vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver"}}, nil, nil},
	"pod-identity-no-agent": {spec{podIdentity: true, addons: []string{"aws-ebs-csi-driver"}}, []string{checks.RulePodIdentityAgent}, nil},
	"version-lag":           {spec{clusterVersion: "1.33", nodeVersion: "1.31"}, nil, []string{checks.RuleVersionSkew}},
	"version-too-old":       {spec{clusterVersion: "1.33", nodeVersion: "1.29"}, []string{checks.RuleVersionSkew}, nil},
	"version-newer":         {spec{clusterVersion: "1.33", nodeVersion: "1.34"}, []string{checks.RuleVersionSkew}, nil},
	"kube-proxy-version":    {spec{clusterVersion: "1.33", addons: []string{"kube-proxy"}, kubeProxyVersion: "v1.32.13-eksbuild.16"}, []string{checks.RuleVersionSkew}, nil},
	"no-egress":             {spec{isolated: true}, []string{checks.RuleNodeEgress}, nil},
	"endpoints":             {spec{isolated: true, endpoints: true}, nil, nil},
	"other-vpc":             {spec{otherVPC: true}, []string{checks.RulePrivateEndpointVpc}, nil},
	"other-vpc-public":      {spec{otherVPC: true, publicCIDRs: []string{"203.0.113.0/24"}}, nil, nil},
	"zone-label-wrong":      {spec{zoneLabel: "wrong"}, []string{checks.RuleZoneLabel}, nil},
	"zone-label":            {spec{zoneLabel: "match"}, nil, nil},
	"addon-unordered":       {spec{addons: []string{"coredns", "kube-proxy"}, addonsUnordered: true}, nil, []string{checks.RuleAddonOrder}},
	"no-addons-l2-name":     {spec{bootstrapOff: true, lazyClusterName: true}, []string{checks.RuleCoreAddons}, nil},
	"core-addons-l2-name":   {spec{bootstrapOff: true, lazyClusterName: true, addons: []string{"vpc-cni", "kube-proxy", "coredns"}}, nil, nil},
}

// refProducer is a lazy value resolving to a reference: a token string of
// its own that resolves like the reference.
type refProducer struct{ ref *string }

func (p *refProducer) Produce() *string { return p.ref }

// clusterName returns how node groups and add-ons name the cluster.
func clusterName(cluster awseks.CfnCluster, s spec) *string {
	if s.lazyClusterName {
		return awscdk.Lazy_String(&refProducer{cluster.Ref()}, nil)
	}
	return cluster.Ref()
}

var assembly *synthtest.Assembly

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	synthtest.KeepSynthQuiet(app)
	for name, c := range cases {
		build(awscdk.NewStack(app, jsii.String(name), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("us-east-1")}}), c.s)
	}
	var err error
	if assembly, err = synthtest.Synth(app); err != nil {
		panic(err)
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

var azs = []string{"us-east-1a", "us-east-1b"}

func build(stack awscdk.Stack, s spec) {
	vpc := newVpc(stack, "Vpc", s)
	cluster := awseks.NewCfnCluster(stack, jsii.String("Cluster"), &awseks.CfnClusterProps{
		Name:               jsii.String(*stack.StackName() + "-eks"),
		RoleArn:            jsii.String("arn:aws:iam::111122223333:role/eks"),
		ResourcesVpcConfig: vpcConfig(vpc, s),
		Logging:            &awseks.CfnCluster_LoggingProperty{ClusterLogging: &awseks.CfnCluster_ClusterLoggingProperty{EnabledTypes: logTypes(s)}},
		DeletionProtection: jsii.Bool(!s.noDeletionProt),
	})
	if s.clusterVersion != "" {
		cluster.SetVersion(jsii.String(s.clusterVersion))
	}
	if s.bootstrapOff {
		cluster.SetBootstrapSelfManagedAddons(jsii.Bool(false))
	}
	if !s.noEncryption {
		cluster.SetEncryptionConfig([]any{&awseks.CfnCluster_EncryptionConfigProperty{
			Resources: jsii.Strings("secrets"),
			Provider:  &awseks.CfnCluster_ProviderProperty{KeyArn: jsii.String("arn:aws:kms:us-east-1:111122223333:key/x")},
		}})
	}
	nodeVpc := vpc
	if s.otherVPC {
		nodeVpc = newVpc(stack, "OtherVpc", s)
	}
	lt := launchTemplate(stack, s)
	var ngs []awseks.CfnNodegroup
	for i, az := range azs {
		ng := &awseks.CfnNodegroupProps{
			ClusterName: clusterName(cluster, s), NodeRole: jsii.String("arn:aws:iam::111122223333:role/node"),
			Subnets: anys(subnetIDs(nodeVpc, s, i)), AmiType: jsii.String(or(s.amiType, "AL2023_x86_64_STANDARD")),
			Labels: zoneLabels(s, i),
		}
		if s.nodeVersion != "" {
			ng.Version = jsii.String(s.nodeVersion)
		}
		if lt != nil {
			ng.LaunchTemplate = &awseks.CfnNodegroup_LaunchTemplateSpecificationProperty{Id: lt.Ref(), Version: lt.AttrLatestVersionNumber()}
		}
		ngs = append(ngs, awseks.NewCfnNodegroup(stack, jsii.String("Nodes-"+az), ng))
	}
	addAddons(stack, cluster, ngs, s)
	checks.Apply(stack, s.opts)
}

func newVpc(stack awscdk.Stack, id string, s spec) awsec2.Vpc {
	subnets := []*awsec2.SubnetConfiguration{
		{Name: jsii.String("Public"), SubnetType: awsec2.SubnetType_PUBLIC, CidrMask: jsii.Number(24)},
		{Name: jsii.String("Private"), SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS, CidrMask: jsii.Number(20)},
	}
	nat := 1
	if s.isolated {
		subnets, nat = []*awsec2.SubnetConfiguration{{Name: jsii.String("Private"), SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED, CidrMask: jsii.Number(20)}}, 0
	}
	vpc := awsec2.NewVpc(stack, jsii.String(id), &awsec2.VpcProps{
		AvailabilityZones: jsii.Strings(azs...), NatGateways: jsii.Number(nat), SubnetConfiguration: &subnets,
	})
	if s.endpoints {
		addEndpoints(stack, vpc)
	}
	return vpc
}

// addEndpoints adds the endpoints a private cluster needs, as Ballast's
// network construct does.
func addEndpoints(stack awscdk.Stack, vpc awsec2.Vpc) {
	private := &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED}
	vpc.AddGatewayEndpoint(jsii.String("S3"), &awsec2.GatewayVpcEndpointOptions{
		Service: awsec2.GatewayVpcEndpointAwsService_S3(), Subnets: &[]*awsec2.SubnetSelection{private},
	})
	for id, svc := range map[string]awsec2.InterfaceVpcEndpointAwsService{
		"EcrApi": awsec2.InterfaceVpcEndpointAwsService_ECR(), "EcrDkr": awsec2.InterfaceVpcEndpointAwsService_ECR_DOCKER(),
		"Sts": awsec2.InterfaceVpcEndpointAwsService_STS(), "Ec2": awsec2.InterfaceVpcEndpointAwsService_EC2(),
		"EksAuth": awsec2.InterfaceVpcEndpointAwsService_EKS_AUTH(),
	} {
		vpc.AddInterfaceEndpoint(jsii.String(id), &awsec2.InterfaceVpcEndpointOptions{Service: svc, Subnets: private})
	}
}

func zoneLabels(s spec, i int) *map[string]*string {
	switch s.zoneLabel {
	case "match":
		return &map[string]*string{checks.ZoneLabel: jsii.String(azs[i])}
	case "wrong":
		return &map[string]*string{checks.ZoneLabel: jsii.String(azs[(i+1)%len(azs)])}
	}
	return nil
}

// addAddons creates the spec's add-ons under one scope, ordered after the
// node groups through that scope (as Ballast's addon construct does)
// unless addonsUnordered, and its Pod Identity associations.
func addAddons(stack awscdk.Stack, cluster awseks.CfnCluster, ngs []awseks.CfnNodegroup, s spec) {
	scope := constructs.NewConstruct(stack, jsii.String("Addons"))
	role := jsii.String("arn:aws:iam::111122223333:role/pods")
	for _, name := range s.addons {
		props := &awseks.CfnAddonProps{AddonName: jsii.String(name), ClusterName: clusterName(cluster, s)}
		switch {
		case name == "kube-proxy":
			props.AddonVersion = jsii.String(or(s.kubeProxyVersion, "v1.33.10-eksbuild.13"))
		case name == "aws-ebs-csi-driver" && s.podIdentity:
			props.PodIdentityAssociations = []any{&awseks.CfnAddon_PodIdentityAssociationProperty{RoleArn: role, ServiceAccount: jsii.String("ebs-csi-controller-sa")}}
		}
		awseks.NewCfnAddon(scope, jsii.String(name), props)
	}
	if !s.addonsUnordered {
		for _, ng := range ngs {
			scope.Node().AddDependency(ng)
		}
	}
	if s.podIdentity {
		awseks.NewCfnPodIdentityAssociation(stack, jsii.String("PodIdentity"), &awseks.CfnPodIdentityAssociationProps{
			ClusterName: cluster.Ref(), Namespace: jsii.String("apps"), ServiceAccount: jsii.String("app"), RoleArn: role,
		})
	}
}

func vpcConfig(vpc awsec2.Vpc, s spec) *awseks.CfnCluster_ResourcesVpcConfigProperty {
	cfg := &awseks.CfnCluster_ResourcesVpcConfigProperty{SubnetIds: subnetIDs(vpc, spec{isolated: s.isolated}, -1)}
	switch {
	case s.endpointDefault:
	case len(s.publicCIDRs) > 0:
		cfg.EndpointPublicAccess, cfg.EndpointPrivateAccess, cfg.PublicAccessCidrs = jsii.Bool(true), jsii.Bool(true), jsii.Strings(s.publicCIDRs...)
	default:
		cfg.EndpointPublicAccess, cfg.EndpointPrivateAccess = jsii.Bool(false), jsii.Bool(true)
	}
	return cfg
}

func logTypes(s spec) *[]any {
	types := s.logTypes
	if types == nil {
		types = checks.LogTypes
	}
	var out []any
	for _, t := range types {
		out = append(out, &awseks.CfnCluster_LoggingTypeConfigProperty{Type: jsii.String(t)})
	}
	return &out
}

// subnetIDs returns the node group's subnets for AZ index i (all private
// subnets for i < 0).
func subnetIDs(vpc awsec2.Vpc, s spec, i int) *[]*string {
	subnets := *vpc.PrivateSubnets()
	switch {
	case s.publicSubnets:
		subnets = *vpc.PublicSubnets()
	case s.isolated:
		subnets = *vpc.IsolatedSubnets()
	}
	switch {
	case i < 0:
		return ids(subnets)
	case s.importedSubnet && i == 1:
		return jsii.Strings("subnet-0123456789abcdef0")
	case s.oneAZ:
		return ids(subnets[:1])
	}
	return ids(subnets[i : i+1])
}

func anys(ss *[]*string) *[]any {
	var out []any
	for _, s := range *ss {
		out = append(out, s)
	}
	return &out
}

func ids(subnets []awsec2.ISubnet) *[]*string {
	var out []*string
	for _, sn := range subnets {
		out = append(out, sn.SubnetId())
	}
	return &out
}

func launchTemplate(stack awscdk.Stack, s spec) awsec2.CfnLaunchTemplate {
	if s.noLaunchTemplat {
		return nil
	}
	if s.l2Template {
		return l2LaunchTemplate(stack, s)
	}
	data := &awsec2.CfnLaunchTemplate_LaunchTemplateDataProperty{
		MetadataOptions: &awsec2.CfnLaunchTemplate_MetadataOptionsProperty{HttpTokens: jsii.String(or(s.httpTokens, "required")), HttpPutResponseHopLimit: jsii.Number(2)},
	}
	if !s.noBlockDevices {
		data.BlockDeviceMappings = &[]any{&awsec2.CfnLaunchTemplate_BlockDeviceMappingProperty{
			DeviceName: jsii.String("/dev/xvda"),
			Ebs:        &awsec2.CfnLaunchTemplate_EbsProperty{Encrypted: jsii.Bool(!s.unencrypted), VolumeSize: jsii.Number(50), VolumeType: jsii.String("gp3")},
		}}
	}
	return awsec2.NewCfnLaunchTemplate(stack, jsii.String("NodeTemplate"), &awsec2.CfnLaunchTemplateProps{LaunchTemplateData: data})
}

// l2LaunchTemplate builds the template with the L2, as the nodegroup
// package does: its tag specifications stay lazy until synthesis.
func l2LaunchTemplate(stack awscdk.Stack, s spec) awsec2.CfnLaunchTemplate {
	lt := awsec2.NewLaunchTemplate(stack, jsii.String("NodeTemplate"), &awsec2.LaunchTemplateProps{
		RequireImdsv2: jsii.Bool(s.httpTokens == ""),
		BlockDevices: &[]*awsec2.BlockDevice{{DeviceName: jsii.String("/dev/xvda"),
			Volume: awsec2.BlockDeviceVolume_Ebs(jsii.Number(50), &awsec2.EbsDeviceOptions{Encrypted: jsii.Bool(true)})}},
	})
	awscdk.Tags_Of(lt).Add(jsii.String("team"), jsii.String("platform"), nil)
	return lt.Node().DefaultChild().(awsec2.CfnLaunchTemplate)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestEachRuleFiresOnABadStackOnly checks every case reports exactly the
// expected rules, at the expected level, each with a fix hint.
func TestEachRuleFiresOnABadStackOnly(t *testing.T) {
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := map[string][]string{}
			for _, m := range assembly.Messages("BALLAST-EKS") {
				if !strings.HasPrefix(m.Path, "/"+name+"/") {
					continue
				}
				if !slices.Contains(got[m.Level], m.Rule()) {
					got[m.Level] = append(got[m.Level], m.Rule())
				}
				if !strings.Contains(m.Text, "Fix: ") {
					t.Errorf("no fix hint: %s", m)
				}
			}
			for level, want := range map[string][]string{"error": c.want, "warning": c.warn} {
				slices.Sort(got[level])
				want = slices.Clone(want)
				slices.Sort(want)
				if !slices.Equal(got[level], want) {
					t.Errorf("rules fired as %s %v, want %v; messages:%s", level, got[level], want, synthtest.Report(assembly.Messages("BALLAST-EKS")))
				}
			}
		})
	}
}

// TestEveryRuleIsExercised keeps the cases in step with the rule list.
func TestEveryRuleIsExercised(t *testing.T) {
	for _, r := range checks.Rules {
		found := false
		for _, c := range cases {
			found = found || slices.Contains(c.want, r) || slices.Contains(c.warn, r)
		}
		if !found {
			t.Errorf("no case makes %s fire", r)
		}
	}
}

// TestErrorsFailSynth shows an error fails synthesis (as `cdk synth` does)
// with the recommended feature flags.
func TestErrorsFailSynth(t *testing.T) {
	app := synthtest.NewApp()
	build(awscdk.NewStack(app, jsii.String("bad"), nil), spec{amiType: "AL2_x86_64"})
	a, err := synthtest.Synth(app)
	if err != nil {
		t.Fatal(err)
	}
	if a.SynthError == "" {
		t.Fatal("synthesis succeeded despite a BALLAST-EKS8 error")
	}
	if n := len(a.Messages(checks.RuleNoAL2, "error")); n != len(azs) {
		t.Errorf("want %d %s errors (one per node group), got %d: %v", len(azs), checks.RuleNoAL2, n, a.Messages("BALLAST"))
	}
}

// TestMissingCoreAddonsFailSynth: a cluster with node groups,
// BootstrapSelfManagedAddons false and no add-ons does not synthesize.
func TestMissingCoreAddonsFailSynth(t *testing.T) {
	app := synthtest.NewApp()
	build(awscdk.NewStack(app, jsii.String("bare"), nil), spec{bootstrapOff: true})
	a, err := synthtest.Synth(app)
	if err != nil {
		t.Fatal(err)
	}
	if a.SynthError == "" || len(a.Messages(checks.RuleCoreAddons, "error")) != 1 {
		t.Fatalf("synthesis of a cluster without its core add-ons did not fail on %s: %q", checks.RuleCoreAddons, a.SynthError)
	}
}
