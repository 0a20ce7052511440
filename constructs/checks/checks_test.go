package checks_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
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
}

// cases maps a stack name to its spec and the rules expected to fire
// (errors, and warnings for the -unverified cases).
var cases = map[string]struct {
	s    spec
	want []string
}{
	"good":               {spec{opts: checks.Options{RequireDeletionProtection: true}}, nil},
	"logs":               {spec{logTypes: []string{"api", "audit"}}, []string{checks.RuleLogging}},
	"secrets":            {spec{noEncryption: true}, []string{checks.RuleSecretsEncryption}},
	"endpoint-default":   {spec{endpointDefault: true}, []string{checks.RuleEndpoint}},
	"endpoint-open":      {spec{publicCIDRs: []string{"203.0.113.0/24", "0.0.0.0/0"}}, []string{checks.RuleEndpoint}},
	"endpoint-limited":   {spec{publicCIDRs: []string{"203.0.113.0/24"}}, nil},
	"public-subnets":     {spec{publicSubnets: true}, []string{checks.RulePrivateSubnets}},
	"imported-subnet":    {spec{importedSubnet: true}, []string{checks.RulePrivateSubnets}},
	"no-lt":              {spec{noLaunchTemplat: true}, []string{checks.RuleIMDSv2, checks.RuleRootVolume}},
	"imdsv1":             {spec{httpTokens: "optional"}, []string{checks.RuleIMDSv2}},
	"unencrypted":        {spec{unencrypted: true}, []string{checks.RuleRootVolume}},
	"no-block-devices":   {spec{noBlockDevices: true}, []string{checks.RuleRootVolume}},
	"one-az":             {spec{oneAZ: true}, []string{checks.RuleMultiAZ}},
	"al2":                {spec{amiType: "AL2_x86_64"}, []string{checks.RuleNoAL2}},
	"no-deletion-prot":   {spec{noDeletionProt: true, opts: checks.Options{RequireDeletionProtection: true}}, []string{checks.RuleDeletionProtection}},
	"deletion-prot-off":  {spec{noDeletionProt: true}, nil},
	"l2-template":        {spec{l2Template: true}, nil},
	"l2-template-imdsv1": {spec{l2Template: true, httpTokens: "optional"}, []string{checks.RuleIMDSv2}},
	"skipped":            {spec{amiType: "AL2_x86_64", opts: checks.Options{Skip: []string{checks.RuleNoAL2}}}, nil},
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
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{
		AvailabilityZones: jsii.Strings(azs...), NatGateways: jsii.Number(1),
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String("Public"), SubnetType: awsec2.SubnetType_PUBLIC, CidrMask: jsii.Number(24)},
			{Name: jsii.String("Private"), SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS, CidrMask: jsii.Number(20)},
		},
	})
	cluster := awseks.NewCfnCluster(stack, jsii.String("Cluster"), &awseks.CfnClusterProps{
		Name:               jsii.String(*stack.StackName() + "-eks"),
		RoleArn:            jsii.String("arn:aws:iam::111122223333:role/eks"),
		ResourcesVpcConfig: vpcConfig(vpc, s),
		Logging:            &awseks.CfnCluster_LoggingProperty{ClusterLogging: &awseks.CfnCluster_ClusterLoggingProperty{EnabledTypes: logTypes(s)}},
		DeletionProtection: jsii.Bool(!s.noDeletionProt),
	})
	if !s.noEncryption {
		cluster.SetEncryptionConfig([]any{&awseks.CfnCluster_EncryptionConfigProperty{
			Resources: jsii.Strings("secrets"),
			Provider:  &awseks.CfnCluster_ProviderProperty{KeyArn: jsii.String("arn:aws:kms:us-east-1:111122223333:key/x")},
		}})
	}
	lt := launchTemplate(stack, s)
	for i, az := range azs {
		subnets := subnetIDs(vpc, s, i)
		ng := &awseks.CfnNodegroupProps{
			ClusterName: cluster.Ref(), NodeRole: jsii.String("arn:aws:iam::111122223333:role/node"),
			Subnets: anys(subnets), AmiType: jsii.String(or(s.amiType, "AL2023_x86_64_STANDARD")),
		}
		if lt != nil {
			ng.LaunchTemplate = &awseks.CfnNodegroup_LaunchTemplateSpecificationProperty{Id: lt.Ref(), Version: lt.AttrLatestVersionNumber()}
		}
		awseks.NewCfnNodegroup(stack, jsii.String("Nodes-"+az), ng)
	}
	checks.Apply(stack, s.opts)
}

func vpcConfig(vpc awsec2.Vpc, s spec) *awseks.CfnCluster_ResourcesVpcConfigProperty {
	cfg := &awseks.CfnCluster_ResourcesVpcConfigProperty{SubnetIds: subnetIDs(vpc, spec{}, -1)}
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
	if s.publicSubnets {
		subnets = *vpc.PublicSubnets()
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
// expected rules, each with a fix hint.
func TestEachRuleFiresOnABadStackOnly(t *testing.T) {
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, m := range assembly.Messages("BALLAST-EKS") {
				if !strings.HasPrefix(m.Path, "/"+name+"/") {
					continue
				}
				if !slices.Contains(got, m.Rule()) {
					got = append(got, m.Rule())
				}
				if !strings.Contains(m.Text, "Fix: ") {
					t.Errorf("no fix hint: %s", m)
				}
				wantLevel := "error"
				if strings.Contains(name, "imported") {
					wantLevel = "warning"
				}
				if m.Level != wantLevel {
					t.Errorf("level %s, want %s: %s", m.Level, wantLevel, m)
				}
			}
			slices.Sort(got)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("rules fired %v, want %v; messages:%s", got, want, synthtest.Report(assembly.Messages("BALLAST-EKS")))
			}
		})
	}
}

// TestEveryRuleIsExercised keeps the cases in step with the rule list.
func TestEveryRuleIsExercised(t *testing.T) {
	for _, r := range checks.Rules {
		found := false
		for _, c := range cases {
			found = found || slices.Contains(c.want, r)
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
