package addon

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Warning rule IDs (acknowledge with Annotations.AcknowledgeWarning).
// Each one's comment says what triggers it; its Field line names the prop
// that changes it (docs/warnings.md is generated from these comments).
const (
	// WarnCoreDNSReplicas: CoreDNS runs a single replica, so one node's
	// loss stops name resolution. Field: coreDNS.replicas.
	WarnCoreDNSReplicas = "ballast:addon-coredns-single-replica"
	// WarnNoNodeGroups: add-ons that need nodes are installed with no node
	// group to wait for (Auto Mode, or node groups wired elsewhere), so
	// they may report degraded until nodes join. Field: none.
	WarnNoNodeGroups = "ballast:addon-no-node-dependency"
)

// Addons is the cluster's set of pinned EKS managed add-ons.
type Addons struct {
	constructs.Construct
	// Installed holds every add-on by name, including ones added with Add.
	Installed map[Name]*Addon
	// PrefixDelegation reports whether vpc-cni assigns /28 prefixes; IP
	// capacity planning must count prefixes, not addresses, when true.
	// False under EKS Auto Mode, whose networking is its own.
	PrefixDelegation bool

	cluster    awseksv2.Cluster
	agent      *Addon
	nodeGroups []constructs.IDependable
	version    string
	overrides  map[Name]string
}

// NewAddons validates props and installs the default add-ons, plus the
// optional ones props switch on.
func NewAddons(scope constructs.Construct, id string, props *AddonsProps) *Addons {
	p := withDefaults(propcheck.Deref(props))
	propcheck.Must(scope, id, "addon", p.Validate())
	a := &Addons{
		Construct: constructs.NewConstruct(scope, jsii.String(id)),
		Installed: map[Name]*Addon{}, PrefixDelegation: p.VpcCni != nil && *p.VpcCni.PrefixDelegation,
		cluster: p.Cluster, nodeGroups: p.NodeGroups, version: *p.KubernetesVersion, overrides: p.VersionOverrides,
	}
	if *p.AutoMode {
		// EKS Auto Mode brings capacity on demand and runs the Pod
		// Identity agent and the core add-ons itself.
		a.Add(idMetricsServer, a.spec(MetricsServer, nil, nil, true))
		a.installOptional(p)
		return a
	}
	if len(p.NodeGroups) == 0 {
		awscdk.Annotations_Of(a.Construct).AddWarningV2(jsii.String(WarnNoNodeGroups),
			jsii.String("No node groups given: coredns, CSI controllers and metrics-server may stay DEGRADED until capacity exists."), nil)
	}
	a.installAgent()
	a.installDefaults(p)
	a.installOptional(p)
	return a
}

// Version returns the version Ballast installs of name: the override if
// any, else the table row.
func (a *Addons) Version(name Name) string {
	if v, ok := a.overrides[name]; ok {
		return v
	}
	v, _ := VersionFor(a.version, name)
	return v
}

// BeforeCompute are the add-ons nodes need to become Ready (networking and
// credentials); node groups should depend on them. None under EKS Auto
// Mode, which runs them itself.
func (a *Addons) BeforeCompute() []constructs.IDependable {
	var out []constructs.IDependable
	for _, n := range []Name{PodIdentityAgent, VpcCni, KubeProxy} {
		if ad := a.Installed[n]; ad != nil {
			out = append(out, ad.Resource)
		}
	}
	return out
}

// installAgent pins the cluster's own eks-pod-identity-agent add-on
// (Cluster.EksPodIdentityAgent creates it lazily, unpinned), so any later
// Pod Identity service account reuses it instead of adding a second one.
func (a *Addons) installAgent() {
	l2 := a.cluster.EksPodIdentityAgent()
	a.agent = &Addon{Name: string(PodIdentityAgent), Resource: l2, Cfn: cfnOf(l2)}
	pin(a.agent, a.Version(PodIdentityAgent), "")
	a.Installed[PodIdentityAgent] = a.agent
}

func (a *Addons) installDefaults(p AddonsProps) {
	a.Add(idVpcCni, a.spec(VpcCni, p.VpcCni.values(), &PodIdentity{VpcCniServiceAccount, []string{VpcCniPolicy}}, false))
	a.Add(idKubeProxy, a.spec(KubeProxy, p.KubeProxy.values(), nil, false))
	a.Add(idCoreDNS, a.spec(CoreDNS, p.CoreDNS.values(), nil, true))
	if *p.CoreDNS.Replicas < 2 {
		awscdk.Annotations_Of(a.Installed[CoreDNS].Resource).AddWarningV2(jsii.String(WarnCoreDNSReplicas),
			jsii.String(fmt.Sprintf("CoreDNS runs %d replica: every DNS lookup in the cluster fails while it restarts.", *p.CoreDNS.Replicas)), nil)
	}
	ebs := a.Add(idEbsCsi, a.spec(EbsCsiDriver, p.EbsCsi.values(), &PodIdentity{EbsCsiServiceAccount, []string{EbsCsiPolicy}}, true))
	grantEBSKey(ebs.Role, p)
	a.Add(idMetricsServer, a.spec(MetricsServer, nil, nil, true))
	if *p.NodeMonitoringAgent {
		a.Add(idNodeMonitor, a.spec(NodeMonitoringAgent, nil, nil, true))
	}
}

func (a *Addons) installOptional(p AddonsProps) {
	if *p.EFS {
		a.Add(idEfsCsi, a.spec(EfsCsiDriver, nil, &PodIdentity{EfsCsiServiceAccount, []string{EfsCsiPolicy}}, true))
	}
	if *p.CloudWatchObservability {
		a.Add(idCloudWatch, a.spec(CloudWatchObservability, nil, &PodIdentity{CloudWatchServiceAccount, []string{CloudWatchPolicy}}, true))
	}
}

func (a *Addons) spec(name Name, cfg any, pi *PodIdentity, waitForNodes bool) AddonSpec {
	return AddonSpec{Name: string(name), Version: a.Version(name), Configuration: cfg, PodIdentity: pi, WaitForNodes: jsii.Bool(waitForNodes)}
}

// grantEBSKey lets the EBS CSI driver create and attach volumes encrypted
// with the platform's EBS key (the statements AWS documents for a
// customer-managed key): grants only for AWS resources, plus data-key use.
func grantEBSKey(role awsiam.Role, p AddonsProps) {
	keyArn := p.EBSKey.KeyArn()
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings("kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"),
		Resources:  &[]*string{keyArn},
		Conditions: &map[string]any{"Bool": map[string]any{"kms:GrantIsForAWSResource": "true"}},
	}))
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
			"kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"),
		Resources: &[]*string{keyArn},
	}))
}
