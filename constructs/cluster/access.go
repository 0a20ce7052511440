package cluster

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
)

// EKS access policies (https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html).
const (
	// ClusterAdminPolicy is cluster-wide admin (system:masters equivalent).
	ClusterAdminPolicy = "AmazonEKSClusterAdminPolicy"
	// AdminPolicy is admin within the scope: RBAC, but not quotas or the
	// namespace itself.
	AdminPolicy = "AmazonEKSAdminPolicy"
	// EditPolicy reads and writes most objects in the scope, no RBAC.
	EditPolicy = "AmazonEKSEditPolicy"
	// ViewPolicy reads most objects in the scope, not secrets.
	ViewPolicy = "AmazonEKSViewPolicy"
)

// grantAdmins creates cluster-admin access entries for every configured role
// and, unless turned off, for a break-glass role.
func (c *Cluster) grantAdmins(p ClusterProps) {
	for i, arn := range p.AdminRoleARNs {
		c.GrantAdmin(fmt.Sprintf("%s%d", idAdminPrefix, i), arn)
	}
	if !*p.BreakGlass {
		return
	}
	c.BreakGlassRole = c.newBreakGlassRole(p)
	// A retained cluster must keep its way in.
	c.BreakGlassRole.ApplyRemovalPolicy(*p.RemovalPolicy)
	c.GrantAdmin(idBreakGlass, *c.BreakGlassRole.RoleArn())
}

// newBreakGlassRole creates the emergency admin role. Account roots and IAM
// users must present MFA; roles cannot carry MFA context through
// AssumeRole, so a role principal is trusted as is (protect it instead).
func (c *Cluster) newBreakGlassRole(p ClusterProps) awsiam.Role {
	principals := breakGlassPrincipals(p.BreakGlassPrincipals)
	role := awsiam.NewRole(c.Construct, jsii.String(idBreakGlassRole), &awsiam.RoleProps{
		Description: jsii.String("Ballast break-glass cluster admin for " + *p.ClusterName + "; assume only in emergencies"),
		AssumedBy:   principals[0],
	})
	// One statement per further principal keeps each one's MFA condition
	// its own.
	for _, pr := range principals[1:] {
		role.AssumeRolePolicy().AddStatements(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions:    jsii.Strings("sts:AssumeRole"),
			Principals: &[]awsiam.IPrincipal{pr},
		}))
	}
	return role
}

// breakGlassPrincipals turns ARNs into principals, MFA required for account
// roots and users; no ARNs means the account root, with MFA.
func breakGlassPrincipals(arns []string) []awsiam.IPrincipal {
	if len(arns) == 0 {
		return []awsiam.IPrincipal{requireMFA(awsiam.NewAccountRootPrincipal())}
	}
	var out []awsiam.IPrincipal
	for _, arn := range arns {
		var pr awsiam.IPrincipal = awsiam.NewArnPrincipal(jsii.String(arn))
		if NeedsMFA(arn) {
			pr = requireMFA(pr)
		}
		out = append(out, pr)
	}
	return out
}

func requireMFA(pr awsiam.IPrincipal) awsiam.IPrincipal {
	return awsiam.NewPrincipalWithConditions(pr, &map[string]interface{}{
		"Bool": map[string]interface{}{"aws:MultiFactorAuthPresent": "true"},
	})
}

// NeedsMFA reports whether break-glass principal arn must present MFA: an
// account root or IAM user does; a role (an IAM Identity Center
// permission-set role, say) cannot carry MFA context through AssumeRole.
func NeedsMFA(arn string) bool { return !strings.Contains(arn, ":role/") }

// GrantAdmin gives principalARN cluster-wide admin through an access entry.
// id must be stable: it names the access entry's construct. A principal has
// one access entry; a second grant adds its policy to the first entry.
func (c *Cluster) GrantAdmin(id, principalARN string) {
	c.grant(id, principalARN, ClusterAdminPolicy, awseksv2.AccessScopeType_CLUSTER, nil)
}

// GrantClusterView gives principalARN read access to most objects of every
// namespace (not secrets), e.g. for auditors and dashboards.
func (c *Cluster) GrantClusterView(id, principalARN string) {
	c.grant(id, principalARN, ViewPolicy, awseksv2.AccessScopeType_CLUSTER, nil)
}

// GrantNamespaceView gives principalARN read access in the namespaces.
func (c *Cluster) GrantNamespaceView(id, principalARN string, namespaces ...string) {
	c.GrantNamespaces(id, principalARN, ViewPolicy, namespaces...)
}

// GrantNamespaceEdit gives principalARN read-write access (no RBAC) in the
// namespaces.
func (c *Cluster) GrantNamespaceEdit(id, principalARN string, namespaces ...string) {
	c.GrantNamespaces(id, principalARN, EditPolicy, namespaces...)
}

// GrantNamespaceAdmin gives principalARN admin (including RBAC) in the
// namespaces.
func (c *Cluster) GrantNamespaceAdmin(id, principalARN string, namespaces ...string) {
	c.GrantNamespaces(id, principalARN, AdminPolicy, namespaces...)
}

// GrantNamespaces associates the access policy (ViewPolicy, EditPolicy or
// AdminPolicy) with principalARN, scoped to the namespaces. It panics on an
// empty or invalid namespace list, and when the principal already has the
// policy (EKS holds one scope per policy: pass every namespace at once).
func (c *Cluster) GrantNamespaces(id, principalARN, policy string, namespaces ...string) {
	if err := ValidateNamespaces(namespaces); err != nil {
		panic(fmt.Errorf("cluster: grant %s: %w", id, err))
	}
	c.grant(id, principalARN, policy, awseksv2.AccessScopeType_NAMESPACE, namespaces)
}

func (c *Cluster) grant(id, principalARN, policy string, scope awseksv2.AccessScopeType, namespaces []string) {
	// EKS associates a policy with an access entry once, with one scope.
	key := principalARN + " " + policy
	if c.granted[key] {
		panic(fmt.Errorf("cluster: grant %s: %s already has %s; grant every namespace in one call", id, principalARN, policy))
	}
	if c.granted == nil {
		c.granted = map[string]bool{}
	}
	c.granted[key] = true
	opts := &awseksv2.AccessPolicyNameOptions{AccessScopeType: scope}
	if len(namespaces) > 0 {
		opts.Namespaces = jsii.Strings(namespaces...)
	}
	c.Resource.GrantAccess(jsii.String(id), jsii.String(principalARN),
		&[]awseksv2.IAccessPolicy{awseksv2.AccessPolicy_FromAccessPolicyName(jsii.String(policy), opts)}, nil)
}
