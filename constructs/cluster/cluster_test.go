package cluster_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/ptr"
)

const adminRole = "arn:aws:iam::123456789012:role/PlatformAdmin"

// ssoRole is an IAM Identity Center permission-set role (its path marks it).
const ssoRole = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_0123456789abcdef"

// Stacks synthesized once for the package: a production-like cluster with
// defaults, a cluster with every opt-in turned on, and one without a
// break-glass role.
var (
	templates map[string]synthtest.Template
	prod      *cluster.Cluster
	warnings  map[string][]string // stack name -> warning messages
)

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	prod = newTestStack(app, "Prod", func(p *cluster.ClusterProps) {
		p.AdminRoleARNs = []string{adminRole}
	})
	prod.GrantNamespaceEdit("TeamAEdit", "arn:aws:iam::123456789012:role/TeamA", "team-a", "team-a-jobs")
	prod.GrantNamespaceView("TeamAView", "arn:aws:iam::123456789012:role/TeamA", "shared") // joins TeamAEdit's entry
	prod.GrantClusterView("AuditorView", "arn:aws:iam::123456789012:role/Auditor")
	prod.GrantNamespaceAdmin("TeamAAdmin", "arn:aws:iam::123456789012:role/TeamA", "team-a-admin") // joins TeamAEdit's entry
	newTestStack(app, "OptIns", func(p *cluster.ClusterProps) {
		p.Compute = ptr.To(cluster.ComputeAuto)
		p.EndpointAccess = ptr.To(cluster.EndpointPublicAndPrivate)
		p.PublicAccessCIDRs = []string{"0.0.0.0/0"}
		p.AllowOpenPublicEndpoint = ptr.To(true)
		p.Version, p.UpgradePolicy = ptr.To("1.33"), ptr.To(cluster.UpgradeExtended)
		p.DeletionProtection = ptr.To(false)
		p.RemovalPolicy = ptr.To(awscdk.RemovalPolicy_DESTROY)
		p.ScalingTier = ptr.To(cluster.TierXL)
		p.BreakGlassPrincipals = []string{"arn:aws:iam::123456789012:role/OnCall", "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::210987654321:root", ssoRole}
		p.ControlPlaneEgressCIDRs = []string{"10.0.0.0/16", "100.64.0.0/16"}
	})
	newImportedVpcStack(app)
	newTestStack(app, "NoBreakGlass", func(p *cluster.ClusterProps) {
		p.BreakGlass, p.AdminRoleARNs = ptr.To(false), []string{adminRole}
	})
	assembly := app.Synth(nil)
	templates, warnings = map[string]synthtest.Template{}, map[string][]string{}
	for _, s := range *assembly.Stacks() {
		tmpl, _ := s.Template().(map[string]any)
		templates[*s.StackName()] = tmpl
		for _, msg := range *s.Messages() {
			if msg.Level == cxapi.SynthesisMessageLevel_WARNING {
				warnings[*s.StackName()] = append(warnings[*s.StackName()], toJSON(msg.Entry.Data))
			}
		}
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func newTestStack(app awscdk.App, name string, modify func(*cluster.ClusterProps)) *cluster.Cluster {
	stack := awscdk.NewStack(app, jsii.String(name), nil)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{
		MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1), RestrictDefaultSecurityGroup: jsii.Bool(false),
	})
	p := cluster.ClusterProps{
		Vpc:                 vpc,
		ControlPlaneSubnets: *vpc.PrivateSubnets(),
		SecretsKey:          awskms.NewKey(stack, jsii.String("Secrets"), nil),
		LogsKey:             awskms.NewKey(stack, jsii.String("Logs"), nil),
		ClusterName:         jsii.String("test-" + strings.ToLower(name)),
	}
	if modify != nil {
		modify(&p)
	}
	return cluster.NewCluster(stack, "Cluster", &p)
}

func eksCluster(t *testing.T, stack string) synthtest.Resource {
	t.Helper()
	return templates[stack].One(t, "AWS::EKS::Cluster")
}

func TestProductionDefaults(t *testing.T) {
	c := eksCluster(t, "Prod")
	props := c.Properties
	t.Run("version rollback window set explicitly", func(t *testing.T) {
		if got := synthtest.Get(props, "RollbackConfig", "TimeoutMinutes"); got != float64(cluster.DefaultRollbackTimeoutMinutes) {
			t.Errorf("RollbackConfig = %v, want TimeoutMinutes %d", props["RollbackConfig"], cluster.DefaultRollbackTimeoutMinutes)
		}
	})
	t.Run("pinned default version", func(t *testing.T) {
		if props["Version"] != cluster.DefaultVersion {
			t.Errorf("Version = %v, want %s", props["Version"], cluster.DefaultVersion)
		}
	})
	t.Run("upgrade policy STANDARD", func(t *testing.T) {
		if got := synthtest.Get(props, "UpgradePolicy", "SupportType"); got != "STANDARD" {
			t.Errorf("UpgradePolicy.SupportType = %v", got)
		}
	})
	t.Run("private endpoint", func(t *testing.T) {
		vpc := props["ResourcesVpcConfig"]
		if synthtest.Get(vpc, "EndpointPrivateAccess") != true || synthtest.Get(vpc, "EndpointPublicAccess") != false {
			t.Errorf("ResourcesVpcConfig = %v", vpc)
		}
	})
	t.Run("control-plane ENIs in the given subnets", func(t *testing.T) {
		subnets := synthtest.Get(props, "ResourcesVpcConfig", "SubnetIds").([]any)
		for _, s := range subnets {
			id := synthtest.Ref(s)
			if !strings.Contains(id, "PrivateSubnet") {
				t.Errorf("subnet %v is not one of the private subnets", s)
			}
		}
		if len(subnets) != 2 {
			t.Errorf("%d subnets, want 2", len(subnets))
		}
	})
	t.Run("all five log types", func(t *testing.T) {
		var types []string
		for _, e := range synthtest.Get(props, "Logging", "ClusterLogging", "EnabledTypes").([]any) {
			types = append(types, e.(map[string]any)["Type"].(string))
		}
		if !slices.Equal(types, cluster.LogTypes) {
			t.Errorf("log types %v, want %v", types, cluster.LogTypes)
		}
	})
	t.Run("log group named, retained, encrypted, created first", func(t *testing.T) {
		lg := templates["Prod"].One(t, "AWS::Logs::LogGroup")
		if lg.Properties["LogGroupName"] != "/aws/eks/test-prod/cluster" {
			t.Errorf("LogGroupName = %v", lg.Properties["LogGroupName"])
		}
		if lg.Properties["RetentionInDays"] != float64(cluster.DefaultLogRetentionDays) {
			t.Errorf("RetentionInDays = %v", lg.Properties["RetentionInDays"])
		}
		if ref := synthtest.Ref(lg.Properties["KmsKeyId"]); !strings.HasPrefix(ref, "Logs") {
			t.Errorf("KmsKeyId = %v, want the logs key", lg.Properties["KmsKeyId"])
		}
		if lg.Raw["DeletionPolicy"] != "Retain" {
			t.Errorf("log group DeletionPolicy = %v", lg.Raw["DeletionPolicy"])
		}
		if !slices.Contains(c.DependsOn(), lg.ID) {
			t.Errorf("cluster does not depend on the log group: %v", c.Raw["DependsOn"])
		}
	})
	t.Run("secrets encrypted with the given key", func(t *testing.T) {
		if ref := synthtest.Ref(synthtest.Get(props, "EncryptionConfig", 0, "Provider", "KeyArn")); !strings.HasPrefix(ref, "Secrets") {
			t.Errorf("EncryptionConfig = %v", props["EncryptionConfig"])
		}
	})
	t.Run("API access entries only, no creator admin", func(t *testing.T) {
		ac := props["AccessConfig"]
		if synthtest.Get(ac, "AuthenticationMode") != "API" || synthtest.Get(ac, "BootstrapClusterCreatorAdminPermissions") != false {
			t.Errorf("AccessConfig = %v", ac)
		}
	})
	t.Run("no self-managed add-ons", func(t *testing.T) {
		if props["BootstrapSelfManagedAddons"] != false {
			t.Errorf("BootstrapSelfManagedAddons = %v", props["BootstrapSelfManagedAddons"])
		}
	})
	t.Run("zonal shift on", func(t *testing.T) {
		if synthtest.Get(props, "ZonalShiftConfig", "Enabled") != true {
			t.Errorf("ZonalShiftConfig = %v", props["ZonalShiftConfig"])
		}
	})
	t.Run("deletion protection on", func(t *testing.T) {
		if props["DeletionProtection"] != true {
			t.Errorf("DeletionProtection = %v", props["DeletionProtection"])
		}
	})
	t.Run("retained by default", func(t *testing.T) {
		if c.Raw["DeletionPolicy"] != "Retain" || c.Raw["UpdateReplacePolicy"] != "Retain" {
			t.Errorf("cluster policies: %v / %v", c.Raw["DeletionPolicy"], c.Raw["UpdateReplacePolicy"])
		}
		role := breakGlassRole(t, "Prod")
		if role.Raw["DeletionPolicy"] != "Retain" {
			t.Errorf("break-glass role DeletionPolicy = %v", role.Raw["DeletionPolicy"])
		}
	})
	t.Run("standard scaling tier", func(t *testing.T) {
		if got := synthtest.Get(props, "ControlPlaneScalingConfig", "Tier"); got != "standard" {
			t.Errorf("ControlPlaneScalingConfig.Tier = %v", got)
		}
	})
	t.Run("no Auto Mode, no node groups, no kubectl Lambda", func(t *testing.T) {
		if synthtest.Get(props, "ComputeConfig", "Enabled") != false {
			t.Errorf("ComputeConfig = %v", props["ComputeConfig"])
		}
		for _, typ := range []string{"AWS::EKS::Nodegroup", "AWS::Lambda::Function", "AWS::CloudFormation::CustomResource"} {
			if n := templates["Prod"].Count(typ); n != 0 {
				t.Errorf("%d %s", n, typ)
			}
		}
	})
	t.Run("no warnings", func(t *testing.T) {
		if w := warnings["Prod"]; len(w) != 0 {
			t.Errorf("warnings: %v", w)
		}
	})
}

func TestAdminAccess(t *testing.T) {
	t.Run("admin entries for the configured role and the break-glass role", func(t *testing.T) {
		admins := adminEntries(templates["Prod"])
		if len(admins) != 2 {
			t.Fatalf("%d cluster-admin access entries, want 2", len(admins))
		}
		if admins[0] != adminRole && admins[1] != adminRole {
			t.Errorf("no entry for %s: %v", adminRole, admins)
		}
		role := breakGlassRole(t, "Prod")
		if !slices.Contains(admins, role.ID) {
			t.Errorf("no entry for the break-glass role %s: %v", role.ID, admins)
		}
	})
	t.Run("break-glass role: account root with MFA by default", func(t *testing.T) {
		stmts := trustStatements(t, "Prod")
		if len(stmts) != 1 {
			t.Fatalf("%d trust statements, want 1", len(stmts))
		}
		if !strings.Contains(toJSON(stmts[0]["Principal"]), ":root") || synthtest.Get(stmts[0], "Condition", "Bool", "aws:MultiFactorAuthPresent") != "true" {
			t.Errorf("trust = %v", stmts[0])
		}
	})
	t.Run("break-glass role: configured principals, MFA for roots and users", func(t *testing.T) {
		mfa := map[string]bool{}
		for _, s := range trustStatements(t, "OptIns") {
			principals := synthtest.Get(s, "Principal", "AWS")
			if one, ok := principals.(string); ok {
				principals = []any{one}
			}
			for _, p := range principals.([]any) {
				mfa[p.(string)] = synthtest.Get(s, "Condition", "Bool", "aws:MultiFactorAuthPresent") == "true"
			}
		}
		want := map[string]bool{
			"arn:aws:iam::123456789012:role/OnCall": false,
			ssoRole:                                 false, // IAM Identity Center sign-ins carry no MFA context
			"arn:aws:iam::123456789012:user/alice":  true,
			"arn:aws:iam::210987654321:root":        true,
		}
		for arn, needs := range want {
			if got, ok := mfa[arn]; !ok || got != needs {
				t.Errorf("%s: trusted=%v mfa=%v, want mfa=%v", arn, ok, got, needs)
			}
		}
		if len(mfa) != len(want) {
			t.Errorf("trusted principals %v", mfa)
		}
	})
	t.Run("break-glass role can be turned off", func(t *testing.T) {
		if n := templates["NoBreakGlass"].Count("AWS::IAM::Role"); n != 1 { // the cluster's service role only
			t.Errorf("%d IAM roles, want 1", n)
		}
		if admins := adminEntries(templates["NoBreakGlass"]); !slices.Equal(admins, []string{adminRole}) {
			t.Errorf("admins %v", admins)
		}
	})
	t.Run("namespace-scoped grants", func(t *testing.T) {
		scopes := map[string]any{}
		for _, e := range templates["Prod"].Resources("AWS::EKS::AccessEntry") {
			principal, _ := e.Properties["PrincipalArn"].(string) // "" for the break-glass role
			for _, p := range e.Properties["AccessPolicies"].([]any) {
				name := toJSON(synthtest.Get(p, "PolicyArn"))
				name = name[strings.LastIndex(name, "/")+1 : strings.LastIndex(name, `"`)]
				scopes[principal+" "+name] = synthtest.Get(p, "AccessScope")
			}
		}
		want := map[string]string{
			"arn:aws:iam::123456789012:role/TeamA " + cluster.EditPolicy:   `{"Namespaces":["team-a","team-a-jobs"],"Type":"namespace"}`,
			"arn:aws:iam::123456789012:role/TeamA " + cluster.ViewPolicy:   `{"Namespaces":["shared"],"Type":"namespace"}`,
			"arn:aws:iam::123456789012:role/TeamA " + cluster.AdminPolicy:  `{"Namespaces":["team-a-admin"],"Type":"namespace"}`,
			"arn:aws:iam::123456789012:role/Auditor " + cluster.ViewPolicy: `{"Type":"cluster"}`,
		}
		for k, w := range want {
			if got := toJSON(scopes[k]); got != w {
				t.Errorf("%s: scope %s, want %s", k, got, w)
			}
		}
	})
	t.Run("one access entry per principal", func(t *testing.T) {
		seen := map[string]int{}
		for _, e := range templates["Prod"].Resources("AWS::EKS::AccessEntry") {
			seen[toJSON(e.Properties["PrincipalArn"])]++
		}
		for p, n := range seen {
			if n != 1 {
				t.Errorf("%s has %d access entries", p, n)
			}
		}
		if n := len(seen); n != 4 { // admin, break-glass, TeamA (two policies), Auditor
			t.Errorf("%d access entries, want 4", n)
		}
	})
}

func TestOptIns(t *testing.T) {
	c := eksCluster(t, "OptIns")
	props := c.Properties
	t.Run("Auto Mode with built-in node pools", func(t *testing.T) {
		cc := props["ComputeConfig"]
		if synthtest.Get(cc, "Enabled") != true || toJSON(synthtest.Get(cc, "NodePools")) != `["system","general-purpose"]` {
			t.Errorf("ComputeConfig = %v", cc)
		}
		if synthtest.Get(props, "StorageConfig", "BlockStorage", "Enabled") != true {
			t.Errorf("StorageConfig = %v", props["StorageConfig"])
		}
		if props["BootstrapSelfManagedAddons"] != false {
			t.Errorf("BootstrapSelfManagedAddons = %v", props["BootstrapSelfManagedAddons"])
		}
	})
	t.Run("public endpoint open only with opt-in, and warned", func(t *testing.T) {
		if toJSON(synthtest.Get(props, "ResourcesVpcConfig", "PublicAccessCidrs")) != `["0.0.0.0/0"]` {
			t.Errorf("ResourcesVpcConfig = %v", props["ResourcesVpcConfig"])
		}
		assertWarning(t, "OptIns", cluster.WarnPublicEndpoint)
	})
	t.Run("extended support, warned", func(t *testing.T) {
		if props["Version"] != "1.33" || synthtest.Get(props, "UpgradePolicy", "SupportType") != "EXTENDED" {
			t.Errorf("Version %v, UpgradePolicy %v", props["Version"], props["UpgradePolicy"])
		}
		assertWarning(t, "OptIns", cluster.WarnExtendedSupport)
	})
	t.Run("deletion protection off, warned", func(t *testing.T) {
		if props["DeletionProtection"] != false {
			t.Errorf("DeletionProtection = %v", props["DeletionProtection"])
		}
		assertWarning(t, "OptIns", cluster.WarnNoDeletionGuard)
	})
	t.Run("removal policy, shared by the fixed-name log group", func(t *testing.T) {
		if c.Raw["DeletionPolicy"] != "Delete" {
			t.Errorf("DeletionPolicy = %v", c.Raw["DeletionPolicy"])
		}
		if lg := templates["OptIns"].One(t, "AWS::Logs::LogGroup"); lg.Raw["DeletionPolicy"] != "Delete" {
			t.Errorf("log group DeletionPolicy = %v: a retained /aws/eks/<name>/cluster blocks recreating the cluster", lg.Raw["DeletionPolicy"])
		}
	})
	t.Run("scaling tier", func(t *testing.T) {
		if got := synthtest.Get(props, "ControlPlaneScalingConfig", "Tier"); got != "tier-xl" {
			t.Errorf("Tier = %v", got)
		}
	})
}

func assertWarning(t *testing.T, stack, id string) {
	t.Helper()
	for _, w := range warnings[stack] {
		if strings.Contains(w, id) {
			return
		}
	}
	t.Errorf("no warning %s in %v", id, warnings[stack])
}

// adminEntries returns the principal of every cluster-admin access entry:
// the ARN string, or the logical ID of the role it references.
func adminEntries(tmpl synthtest.Template) []string {
	var out []string
	for _, e := range tmpl.Resources("AWS::EKS::AccessEntry") {
		for _, p := range e.Properties["AccessPolicies"].([]any) {
			if strings.Contains(toJSON(synthtest.Get(p, "PolicyArn")), cluster.ClusterAdminPolicy) && synthtest.Get(p, "AccessScope", "Type") == "cluster" {
				if arn, ok := e.Properties["PrincipalArn"].(string); ok {
					out = append(out, arn)
				} else {
					out = append(out, synthtest.Ref(e.Properties["PrincipalArn"]))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func breakGlassRole(t *testing.T, stack string) synthtest.Resource {
	t.Helper()
	for _, r := range templates[stack].Resources("AWS::IAM::Role") {
		if strings.Contains(toJSON(r.Properties["Description"]), "break-glass") {
			return r
		}
	}
	t.Fatalf("%s: no break-glass role", stack)
	return synthtest.Resource{}
}

func trustStatements(t *testing.T, stack string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, s := range synthtest.Get(breakGlassRole(t, stack).Properties, "AssumeRolePolicyDocument", "Statement").([]any) {
		out = append(out, s.(map[string]any))
	}
	return out
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestGrantTwiceSamePolicyPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "already has AmazonEKSEditPolicy") {
			t.Errorf("panic = %v", r)
		}
	}()
	// Panics before any construct is added, so the shared synth is intact.
	prod.GrantNamespaceEdit("TeamAEdit2", "arn:aws:iam::123456789012:role/TeamA", "team-b")
}
