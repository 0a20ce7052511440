package addon

import (
	"fmt"
	"maps"
	"slices"

	"github.com/ballast-eks/ballast/internal/nag"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// AddonSpec describes one EKS add-on for Addons.Add.
type AddonSpec struct {
	// Name is the EKS add-on name, e.g. "snapshot-controller". Required.
	Name string
	// Version is the explicit add-on version, e.g. v8.2.0-eksbuild.1.
	// Required: Ballast never installs "latest".
	Version string
	// Configuration is a struct or map marshalled to the add-on's
	// configuration values (a JSON object). Default: none.
	Configuration any
	// PodIdentity gives the add-on its own IAM role. Default: none.
	PodIdentity *PodIdentity
	// WaitForNodes makes the add-on depend on the node groups; set false
	// for DaemonSet-only add-ons nodes need to become ready. Default: true.
	WaitForNodes *bool
}

// PodIdentity is an add-on's own IAM role, bound to its service account
// through an EKS Pod Identity association on the add-on.
type PodIdentity struct {
	// ServiceAccount the add-on's pods run as, e.g. "ebs-csi-controller-sa".
	ServiceAccount string
	// ManagedPolicies are AWS managed policy names attached to the role,
	// e.g. "service-role/AmazonEBSCSIDriverPolicy".
	ManagedPolicies []string
}

// Addon is one installed EKS add-on.
type Addon struct {
	// Name and Version as installed.
	Name, Version string
	// Resource is the aws-cdk-lib add-on.
	Resource awseksv2.IAddon
	// Cfn is its AWS::EKS::Addon resource.
	Cfn awseksv2.CfnAddon
	// Role is its Pod Identity role, or nil.
	Role awsiam.Role

	serviceAccount string
	waitsForNodes  bool
}

// Add installs an EKS add-on with an explicit version, OVERWRITE conflict
// resolution, an optional Pod Identity role and typed configuration. id must
// be stable: it names the add-on's (and role's) construct. Add panics if the
// spec is invalid.
func (a *Addons) Add(id string, spec AddonSpec) *Addon {
	if err := spec.Validate(); err != nil {
		panic(fmt.Errorf("addon: invalid add-on %q:\n%w", id, err))
	}
	cfg, _ := configurationJSON(spec.Configuration)
	l2 := awseksv2.NewAddon(a.Construct, jsii.String(id), &awseksv2.AddonProps{
		Cluster:   a.cluster,
		AddonName: jsii.String(spec.Name),
	})
	out := &Addon{Name: spec.Name, Resource: l2, Cfn: cfnOf(l2)}
	if spec.PodIdentity != nil {
		out.Role = a.podIdentityRole(id+idRoleSuffix, spec.Name, *spec.PodIdentity)
		out.serviceAccount = spec.PodIdentity.ServiceAccount
	}
	pin(out, spec.Version, cfg)
	var after []constructs.IDependable
	if a.agent != nil { // EKS Auto Mode runs the agent itself
		after = append(after, a.agent.Resource)
	}
	out.waitsForNodes = spec.WaitForNodes == nil || *spec.WaitForNodes
	if out.waitsForNodes {
		after = append(after, a.nodeGroups...)
	}
	if len(after) > 0 {
		l2.Node().AddDependency(after...)
	}
	a.Installed[Name(spec.Name)] = out
	return out
}

// WaitFor makes every add-on that runs pods (WaitForNodes), installed or
// added later, depend on capacity created after the add-ons (node groups
// added to the cluster later).
func (a *Addons) WaitFor(capacity ...constructs.IDependable) {
	a.nodeGroups = append(a.nodeGroups, capacity...)
	for _, name := range slices.Sorted(maps.Keys(a.Installed)) {
		if ad := a.Installed[name]; ad.waitsForNodes {
			ad.Resource.Node().AddDependency(capacity...)
		}
	}
}

// cfnOf is the one L1 escape hatch: awseksv2.Addon (2.276) has no
// ResolveConflicts, PodIdentityAssociations or PreserveOnDelete-by-default
// and renders configuration values itself, so Ballast sets them on the
// underlying AWS::EKS::Addon.
func cfnOf(a awseksv2.IAddon) awseksv2.CfnAddon {
	cfn, ok := a.Node().DefaultChild().(awseksv2.CfnAddon)
	if !ok {
		panic(fmt.Sprintf("addon: %s has no AWS::EKS::Addon child", *a.Node().Path()))
	}
	return cfn
}

// pin sets the explicit version, OVERWRITE, PreserveOnDelete, the
// configuration values and the Pod Identity association.
func pin(a *Addon, version, configuration string) {
	a.Version = version
	a.Cfn.SetAddonVersion(jsii.String(version))
	a.Cfn.SetResolveConflicts(jsii.String(ResolveConflicts))
	a.Cfn.SetPreserveOnDelete(jsii.Bool(true))
	if configuration != "" {
		a.Cfn.SetConfigurationValues(jsii.String(configuration))
	}
	if a.Role != nil {
		a.Cfn.SetPodIdentityAssociations(&[]any{&awseksv2.CfnAddon_PodIdentityAssociationProperty{
			RoleArn: a.Role.RoleArn(), ServiceAccount: jsii.String(a.serviceAccount),
		}})
	}
}

// podIdentityRole creates a role EKS Pod Identity can assume, with exactly
// the given AWS managed policies.
func (a *Addons) podIdentityRole(id, addonName string, pi PodIdentity) awsiam.Role {
	policies := make([]awsiam.IManagedPolicy, len(pi.ManagedPolicies))
	for i, name := range pi.ManagedPolicies {
		policies[i] = awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(name))
	}
	role := awsiam.NewRole(a.Construct, jsii.String(id), &awsiam.RoleProps{
		Description:     jsii.String("Ballast: EKS Pod Identity role of the " + addonName + " add-on (" + pi.ServiceAccount + ")"),
		AssumedBy:       awsiam.NewServicePrincipal(jsii.String(podIdentityPrincipal), nil),
		ManagedPolicies: &policies,
	})
	// Pod Identity also needs sts:TagSession to pass session tags.
	role.AssumeRolePolicy().AddStatements(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings("sts:TagSession"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(podIdentityPrincipal), nil)},
	}))
	awscdk.Tags_Of(role).Add(jsii.String("ballast:addon"), jsii.String(addonName), nil)
	nag.SuppressManagedPolicies(role, "the "+addonName+" add-on's documented AWS managed policy, on a role only its "+
		"service account can assume through Pod Identity; AWS keeps it in step with the add-on", pi.ManagedPolicies...)
	return role
}
