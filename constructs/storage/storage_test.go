package storage_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/storage"
	"github.com/ballast-eks/ballast/internal/testutil/retain"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// Two test stacks, synthesized once: "Defaults" builds every construct with
// the props a stack would pass; "Options" overrides the choices a library
// user can make (client security group, S3-managed bucket, no retain).
var (
	templates = map[string]synthtest.Template{}
	warnings  = map[string][]string{}
)

var azs = []string{"us-east-1a", "us-east-1b", "us-east-1c"}

func TestMain(m *testing.M) {
	app := synthtest.NewApp()
	defaultsStack(app)
	optionsStack(app)
	templates = synthtest.MustSynth(app).Templates()
	for _, s := range *app.Synth(nil).Stacks() {
		warnings[*s.StackName()] = messages(s)
	}
	code := m.Run()
	synthtest.Close()
	os.Exit(code)
}

func messages(s cxapi.CloudFormationStackArtifact) []string {
	var out []string
	for _, m := range *s.Messages() {
		if m.Level == cxapi.SynthesisMessageLevel_WARNING {
			out = append(out, fmt.Sprint(m.Entry.Data))
		}
	}
	return out
}

func newVpc(stack awscdk.Stack) awsec2.Vpc {
	return awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{
		AvailabilityZones:            jsii.Strings(azs...),
		NatGateways:                  jsii.Number(0),
		RestrictDefaultSecurityGroup: jsii.Bool(false),
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String("Private"), SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED, CidrMask: jsii.Number(20)},
		},
	})
}

func defaultsStack(app awscdk.App) {
	stack := awscdk.NewStack(app, jsii.String("Defaults"), nil)
	vpc := newVpc(stack)
	keys := storage.NewKeys(stack, "Keys", nil)
	fs := storage.NewFileSystem(stack, "Efs", &storage.FileSystemProps{Vpc: vpc, Subnets: *vpc.IsolatedSubnets(), Key: keys.EFS})
	storage.NewBackup(stack, "Backup", &storage.BackupProps{
		Key:       keys.Backup,
		Resources: []awsbackup.BackupResource{awsbackup.BackupResource_FromEfsFileSystem(fs.Resource)},
	})
	storage.NewBackupBucket(stack, "BackupBucket", &storage.BackupBucketProps{Key: keys.Backup})
}

func optionsStack(app awscdk.App) {
	stack := awscdk.NewStack(app, jsii.String("Options"), nil)
	vpc := newVpc(stack)
	destroy := awscdk.RemovalPolicy_DESTROY
	keys := storage.NewKeys(stack, "Keys", &storage.KeysProps{RemovalPolicy: &destroy})
	clients := awsec2.NewSecurityGroup(stack, jsii.String("Clients"), &awsec2.SecurityGroupProps{Vpc: vpc})
	off, seven, noon := false, 7, 12
	fs := storage.NewFileSystem(stack, "Efs", &storage.FileSystemProps{
		Vpc: vpc, Subnets: *vpc.IsolatedSubnets(), Key: keys.EFS,
		ClientSecurityGroup: clients, AutomaticBackups: &off, RemovalPolicy: &destroy,
	})
	storage.NewBackup(stack, "Backup", &storage.BackupProps{
		Key:           keys.Backup,
		Resources:     []awsbackup.BackupResource{awsbackup.BackupResource_FromEfsFileSystem(fs.Resource)},
		RetentionDays: &seven, StartHourUTC: &noon, BlockRecoveryPointDeletion: &off, RemovalPolicy: &destroy,
	})
	storage.NewBackupBucket(stack, "BackupBucket", &storage.BackupBucketProps{RemovalPolicy: &destroy})
}

// resource returns the one resource of typ whose logical ID starts with prefix.
func resource(t *testing.T, tmpl synthtest.Template, typ, prefix string) synthtest.Resource {
	t.Helper()
	var found []synthtest.Resource
	for _, r := range tmpl.Resources(typ) {
		if strings.HasPrefix(r.ID, prefix) {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s with prefix %s, got %d", typ, prefix, len(found))
	}
	return found[0]
}

// backupBucket returns the backup bucket (not its access-log bucket).
func backupBucket(t *testing.T, tmpl synthtest.Template) synthtest.Resource {
	t.Helper()
	for _, b := range tmpl.Resources("AWS::S3::Bucket") {
		if !strings.Contains(b.ID, "AccessLogs") {
			return b
		}
	}
	t.Fatal("no backup bucket")
	return synthtest.Resource{}
}

// statements returns a policy document's statements.
func statements(doc any) []map[string]any {
	var out []map[string]any
	ss, _ := synthtest.Get(doc, "Statement").([]any)
	for _, s := range ss {
		out = append(out, s.(map[string]any))
	}
	return out
}

func statement(t *testing.T, doc any, sid string) map[string]any {
	t.Helper()
	for _, s := range statements(doc) {
		if s["Sid"] == sid {
			return s
		}
	}
	t.Fatalf("no statement %s", sid)
	return nil
}

func actions(s map[string]any) []string {
	switch a := s["Action"].(type) {
	case string:
		return []string{a}
	case []any:
		var out []string
		for _, x := range a {
			out = append(out, x.(string))
		}
		return out
	}
	return nil
}

// joined renders an {"Fn::Join": ["", [...]]} as a string, pseudo
// parameters as ${Name}, so tests can compare ARNs built from tokens.
func joined(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if r, ok := x["Ref"].(string); ok {
			return "${" + r + "}"
		}
		if j, ok := x["Fn::Join"].([]any); ok {
			var b strings.Builder
			for _, part := range j[1].([]any) {
				b.WriteString(joined(part))
			}
			return b.String()
		}
	}
	return fmt.Sprint(v)
}

func TestKeys(t *testing.T) {
	tmpl := templates["Defaults"]
	keys := tmpl.Resources("AWS::KMS::Key")
	if len(keys) != 5 {
		t.Fatalf("%d keys, want 5", len(keys))
	}
	t.Run("rotation and account-root admin on every key", func(t *testing.T) {
		for _, k := range keys {
			if k.Properties["EnableKeyRotation"] != true {
				t.Errorf("%s: rotation off", k.ID)
			}
			root := statements(k.Properties["KeyPolicy"])[0]
			if root["Action"] != "kms:*" || joined(synthtest.Get(root, "Principal", "AWS")) != "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" {
				t.Errorf("%s: first statement is not the account-root admin: %v", k.ID, root)
			}
		}
	})
	t.Run("retained", func(t *testing.T) { retain.Assert(t, tmpl, "AWS::KMS::Key") })
	t.Run("one alias per purpose", func(t *testing.T) {
		var names []string
		for _, a := range tmpl.Resources("AWS::KMS::Alias") {
			names = append(names, a.Properties["AliasName"].(string))
		}
		slices.Sort(names)
		want := []string{"alias/ballast/backup", "alias/ballast/ebs", "alias/ballast/efs", "alias/ballast/eks-secrets", "alias/ballast/logs"}
		if !slices.Equal(names, want) {
			t.Errorf("aliases %v, want %v", names, want)
		}
	})
	t.Run("EBS key lets the Auto Scaling service-linked role launch encrypted volumes", func(t *testing.T) {
		policy := resource(t, tmpl, "AWS::KMS::Key", "KeysEbsKey").Properties["KeyPolicy"]
		slr := "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"
		use := statement(t, policy, "AllowAutoScalingServiceLinkedRoleUseOfTheKey")
		grant := statement(t, policy, "AllowAutoScalingServiceLinkedRoleAttachmentOfPersistentResources")
		for _, s := range []map[string]any{use, grant} {
			if got := joined(synthtest.Get(s, "Condition", "StringEquals", "aws:PrincipalArn")); got != slr {
				t.Errorf("%s: principal ARN %s, want %s", s["Sid"], got, slr)
			}
			if joined(synthtest.Get(s, "Condition", "StringEquals", "kms:CallerAccount")) != "${AWS::AccountId}" {
				t.Errorf("%s: not limited to this account", s["Sid"])
			}
		}
		if got := actions(use); !slices.Equal(got, []string{"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"}) {
			t.Errorf("use actions %v", got)
		}
		if got := actions(grant); !slices.Equal(got, []string{"kms:CreateGrant"}) {
			t.Errorf("grant actions %v", got)
		}
		if synthtest.Get(grant, "Condition", "Bool", "kms:GrantIsForAWSResource") != "true" {
			t.Error("CreateGrant is not limited to AWS resources")
		}
	})
	t.Run("Logs key allows CloudWatch Logs of this account and region only", func(t *testing.T) {
		s := statement(t, resource(t, tmpl, "AWS::KMS::Key", "KeysLogsKey").Properties["KeyPolicy"], "AllowCloudWatchLogsOfThisAccountAndRegion")
		if got := joined(synthtest.Get(s, "Principal", "Service")); got != "logs.${AWS::Region}.${AWS::URLSuffix}" {
			t.Errorf("principal %s", got)
		}
		ctx := joined(synthtest.Get(s, "Condition", "ArnLike", "kms:EncryptionContext:aws:logs:arn"))
		if ctx != "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*" {
			t.Errorf("encryption context condition %s", ctx)
		}
	})
	t.Run("every key denies grants except for AWS resources (CT.KMS.PR.3)", func(t *testing.T) {
		for _, k := range tmpl.Resources("AWS::KMS::Key") {
			s := statement(t, k.Properties["KeyPolicy"], "DenyGrantsExceptForAWSResources")
			cond := synthtest.Get(s, "Condition", "BoolIfExists")
			if s["Effect"] != "Deny" || !slices.Equal(actions(s), []string{"kms:CreateGrant"}) ||
				synthtest.Get(cond, "kms:GrantIsForAWSResource") != "false" || synthtest.Get(cond, "aws:PrincipalIsAWSService") != "false" {
				t.Errorf("%s: %v", k.ID, s)
			}
		}
	})
	t.Run("other keys have only the admin and deny-grants statements", func(t *testing.T) {
		for _, prefix := range []string{"KeysSecretsKey", "KeysEfsKey", "KeysBackupKey"} {
			if n := len(statements(resource(t, tmpl, "AWS::KMS::Key", prefix).Properties["KeyPolicy"])); n != 2 {
				t.Errorf("%s: %d statements, want 2", prefix, n)
			}
		}
	})
}

func TestFileSystem(t *testing.T) {
	tmpl := templates["Defaults"]
	fs := tmpl.One(t, "AWS::EFS::FileSystem")
	t.Run("encrypted with the EFS key", func(t *testing.T) {
		if fs.Properties["Encrypted"] != true {
			t.Error("not encrypted")
		}
		if id := synthtest.Ref(fs.Properties["KmsKeyId"]); !strings.HasPrefix(id, "KeysEfsKey") {
			t.Errorf("KmsKeyId refers to %q", id)
		}
	})
	t.Run("elastic throughput, lifecycle to IA and back", func(t *testing.T) {
		if fs.Properties["ThroughputMode"] != "elastic" {
			t.Errorf("ThroughputMode %v", fs.Properties["ThroughputMode"])
		}
		if synthtest.Get(fs.Properties, "LifecyclePolicies", 0, "TransitionToIA") != "AFTER_30_DAYS" ||
			synthtest.Get(fs.Properties, "LifecyclePolicies", 1, "TransitionToPrimaryStorageClass") != "AFTER_1_ACCESS" {
			t.Errorf("LifecyclePolicies %v", fs.Properties["LifecyclePolicies"])
		}
	})
	t.Run("automatic backups on", func(t *testing.T) {
		if synthtest.Get(fs.Properties, "BackupPolicy", "Status") != "ENABLED" {
			t.Errorf("BackupPolicy %v", fs.Properties["BackupPolicy"])
		}
	})
	t.Run("retained", func(t *testing.T) { retain.Assert(t, tmpl, "AWS::EFS::FileSystem") })
	t.Run("one mount target per AZ", func(t *testing.T) {
		mts := tmpl.Resources("AWS::EFS::MountTarget")
		subnetAZ := map[string]string{}
		for _, s := range tmpl.Resources("AWS::EC2::Subnet") {
			subnetAZ[s.ID] = s.Properties["AvailabilityZone"].(string)
		}
		seen := map[string]bool{}
		for _, mt := range mts {
			az := subnetAZ[synthtest.Ref(mt.Properties["SubnetId"])]
			if az == "" || seen[az] {
				t.Errorf("%s: subnet AZ %q missing or repeated", mt.ID, az)
			}
			seen[az] = true
		}
		if len(seen) != len(azs) {
			t.Errorf("mount targets in %d AZs, want %d", len(seen), len(azs))
		}
	})
	t.Run("NFS only, from the VPC CIDR, no egress", func(t *testing.T) {
		sg := resource(t, tmpl, "AWS::EC2::SecurityGroup", "EfsSecurityGroup").Properties
		in := synthtest.Get(sg, "SecurityGroupIngress").([]any)
		if len(in) != 1 {
			t.Fatalf("%d ingress rules, want 1", len(in))
		}
		rule := in[0].(map[string]any)
		if rule["FromPort"] != 2049.0 || rule["ToPort"] != 2049.0 || rule["IpProtocol"] != "tcp" {
			t.Errorf("ingress %v", rule)
		}
		if src := rule["CidrIp"]; synthtest.Get(src, "Fn::GetAtt", 1) != "CidrBlock" {
			t.Errorf("ingress source %v, want the VPC CIDR", src)
		}
		if synthtest.Get(sg, "SecurityGroupEgress", 0, "CidrIp") != "255.255.255.255/32" {
			t.Errorf("egress %v, want none", sg["SecurityGroupEgress"])
		}
	})
	t.Run("file system policy denies non-TLS and anonymous access", func(t *testing.T) {
		ss := statements(fs.Properties["FileSystemPolicy"])
		deny := ss[0]
		if deny["Effect"] != "Deny" || synthtest.Get(deny, "Condition", "Bool", "aws:SecureTransport") != "false" {
			t.Errorf("first statement %v", deny)
		}
		// The L2's deny-anonymous statement: write/root only for
		// authenticated principals, and no ClientMount for anyone.
		for _, s := range ss {
			if slices.Contains(actions(s), "elasticfilesystem:ClientMount") {
				t.Errorf("policy grants ClientMount to %v", s["Principal"])
			}
		}
		if len(ss) != 2 {
			t.Errorf("%d statements, want 2", len(ss))
		}
	})
}

func TestFileSystemOptions(t *testing.T) {
	tmpl := templates["Options"]
	t.Run("NFS only from the client security group", func(t *testing.T) {
		sg := resource(t, tmpl, "AWS::EC2::SecurityGroup", "EfsSecurityGroup")
		if in := sg.Properties["SecurityGroupIngress"]; in != nil {
			t.Errorf("inline ingress %v, want none", in)
		}
		var rules []synthtest.Resource
		for _, r := range tmpl.Resources("AWS::EC2::SecurityGroupIngress") {
			if synthtest.Ref(r.Properties["GroupId"]) == sg.ID {
				rules = append(rules, r)
			}
		}
		if len(rules) != 1 {
			t.Fatalf("%d ingress rules, want 1", len(rules))
		}
		p := rules[0].Properties
		if !strings.HasPrefix(synthtest.Ref(p["SourceSecurityGroupId"]), "Clients") || p["FromPort"] != 2049.0 || p["ToPort"] != 2049.0 {
			t.Errorf("ingress %v", p)
		}
	})
	t.Run("automatic backups off", func(t *testing.T) {
		if bp := tmpl.One(t, "AWS::EFS::FileSystem").Properties["BackupPolicy"]; bp != nil {
			t.Errorf("BackupPolicy %v", bp)
		}
	})
	t.Run("not retaining warns", func(t *testing.T) {
		for _, want := range []string{"KMS keys are not retained", "The file system is not retained", "The backup vault is not retained", "The backup bucket is not retained"} {
			if !slices.ContainsFunc(warnings["Options"], func(w string) bool { return strings.Contains(w, want) }) {
				t.Errorf("no warning %q in %v", want, warnings["Options"])
			}
		}
		if len(warnings["Defaults"]) != 0 {
			t.Errorf("defaults warn: %v", warnings["Defaults"])
		}
	})
}

func TestBackup(t *testing.T) {
	tmpl := templates["Defaults"]
	vault := tmpl.One(t, "AWS::Backup::BackupVault")
	t.Run("vault encrypted with the Backup key and retained", func(t *testing.T) {
		if id := synthtest.Ref(vault.Properties["EncryptionKeyArn"]); !strings.HasPrefix(id, "KeysBackupKey") {
			t.Errorf("EncryptionKeyArn refers to %q", id)
		}
		retain.Assert(t, tmpl, "AWS::Backup::BackupVault")
	})
	t.Run("vault denies early deletion of recovery points", func(t *testing.T) {
		s := statements(vault.Properties["AccessPolicy"])[0]
		if s["Effect"] != "Deny" || !slices.Equal(actions(s), []string{"backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"}) {
			t.Errorf("access policy %v", s)
		}
	})
	t.Run("daily rule with retention", func(t *testing.T) {
		plan := tmpl.One(t, "AWS::Backup::BackupPlan").Properties
		rule := synthtest.Get(plan, "BackupPlan", "BackupPlanRule", 0)
		if synthtest.Get(rule, "ScheduleExpression") != "cron(0 5 * * ? *)" || synthtest.Get(rule, "Lifecycle", "DeleteAfterDays") != 35.0 {
			t.Errorf("rule %v", rule)
		}
		if synthtest.Ref(synthtest.Get(rule, "TargetBackupVault")) != vault.ID {
			t.Errorf("rule targets %v", synthtest.Get(rule, "TargetBackupVault"))
		}
	})
	t.Run("selection covers the file system", func(t *testing.T) {
		sel := tmpl.One(t, "AWS::Backup::BackupSelection").Properties
		arn := joined(synthtest.Get(sel, "BackupSelection", "Resources", 0))
		fs := tmpl.One(t, "AWS::EFS::FileSystem").ID
		if !strings.HasSuffix(arn, ":file-system/${"+fs+"}") {
			t.Errorf("selection resource %s", arn)
		}
	})
	t.Run("options", func(t *testing.T) {
		o := templates["Options"]
		rule := synthtest.Get(o.One(t, "AWS::Backup::BackupPlan").Properties, "BackupPlan", "BackupPlanRule", 0)
		if synthtest.Get(rule, "ScheduleExpression") != "cron(0 12 * * ? *)" || synthtest.Get(rule, "Lifecycle", "DeleteAfterDays") != 7.0 {
			t.Errorf("rule %v", rule)
		}
		if p := o.One(t, "AWS::Backup::BackupVault").Properties["AccessPolicy"]; len(statements(p)) != 0 {
			t.Errorf("access policy %v, want empty", p)
		}
	})
}

func TestBackupBucket(t *testing.T) {
	tmpl := templates["Defaults"]
	bucket := backupBucket(t, tmpl).Properties
	logs := resource(t, tmpl, "AWS::S3::Bucket", "BackupBucketAccessLogs")
	t.Run("versioned", func(t *testing.T) {
		if synthtest.Get(bucket, "VersioningConfiguration", "Status") != "Enabled" {
			t.Error("not versioned")
		}
	})
	t.Run("both buckets publish events to EventBridge, natively", func(t *testing.T) {
		for _, props := range []map[string]any{bucket, logs.Properties} {
			if synthtest.Get(props, "NotificationConfiguration", "EventBridgeConfiguration", "EventBridgeEnabled") != true {
				t.Errorf("no EventBridge notifications: %v", props["NotificationConfiguration"])
			}
		}
		if n := tmpl.Count("Custom::S3BucketNotifications"); n != 0 {
			t.Errorf("%d notification custom resources", n)
		}
	})
	t.Run("log bucket versioned, old versions expire", func(t *testing.T) {
		rule := synthtest.Get(logs.Properties, "LifecycleConfiguration", "Rules", 0)
		if synthtest.Get(logs.Properties, "VersioningConfiguration", "Status") != "Enabled" || synthtest.Get(rule, "NoncurrentVersionExpiration", "NoncurrentDays") == nil {
			t.Errorf("log bucket versioning %v lifecycle %v", logs.Properties["VersioningConfiguration"], rule)
		}
	})
	t.Run("KMS encryption with the Backup key and a bucket key", func(t *testing.T) {
		sse := synthtest.Get(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration", 0)
		if synthtest.Get(sse, "ServerSideEncryptionByDefault", "SSEAlgorithm") != "aws:kms" || synthtest.Get(sse, "BucketKeyEnabled") != true {
			t.Errorf("encryption %v", sse)
		}
		if id := synthtest.Ref(synthtest.Get(sse, "ServerSideEncryptionByDefault", "KMSMasterKeyID")); !strings.HasPrefix(id, "KeysBackupKey") {
			t.Errorf("key %q", id)
		}
	})
	t.Run("non-current versions expire", func(t *testing.T) {
		rule := synthtest.Get(bucket, "LifecycleConfiguration", "Rules", 0)
		if synthtest.Get(rule, "NoncurrentVersionExpiration", "NoncurrentDays") != 35.0 || synthtest.Get(rule, "Status") != "Enabled" {
			t.Errorf("lifecycle %v", rule)
		}
	})
	t.Run("access logs to the S3-managed log bucket", func(t *testing.T) {
		if synthtest.Ref(synthtest.Get(bucket, "LoggingConfiguration", "DestinationBucketName")) != logs.ID {
			t.Errorf("logging %v", bucket["LoggingConfiguration"])
		}
		if a := synthtest.Get(logs.Properties, "BucketEncryption", "ServerSideEncryptionConfiguration", 0, "ServerSideEncryptionByDefault", "SSEAlgorithm"); a != "AES256" {
			t.Errorf("log bucket encryption %v", a)
		}
		if logs.Properties["LoggingConfiguration"] != nil {
			t.Error("log bucket logs to itself")
		}
	})
	for _, b := range tmpl.Resources("AWS::S3::Bucket") {
		t.Run(b.ID+" blocks public access", func(t *testing.T) {
			for _, k := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
				if synthtest.Get(b.Properties, "PublicAccessBlockConfiguration", k) != true {
					t.Errorf("%s not set", k)
				}
			}
			if synthtest.Get(b.Properties, "OwnershipControls", "Rules", 0, "ObjectOwnership") != "BucketOwnerEnforced" {
				t.Error("ACLs not disabled")
			}
		})
		t.Run(b.ID+" denies non-TLS", func(t *testing.T) {
			var policy any
			for _, p := range tmpl.Resources("AWS::S3::BucketPolicy") {
				if synthtest.Ref(p.Properties["Bucket"]) == b.ID {
					policy = p.Properties["PolicyDocument"]
				}
			}
			if policy == nil {
				t.Fatal("no bucket policy")
			}
			ok := slices.ContainsFunc(statements(policy), func(s map[string]any) bool {
				return s["Effect"] == "Deny" && s["Action"] == "s3:*" && synthtest.Get(s, "Principal", "AWS") == "*" &&
					synthtest.Get(s, "Condition", "Bool", "aws:SecureTransport") == "false"
			})
			if !ok {
				t.Errorf("no deny for aws:SecureTransport=false in %v", policy)
			}
		})
	}
	t.Run("retained", func(t *testing.T) { retain.Assert(t, tmpl, "AWS::S3::Bucket") })
	t.Run("S3-managed without a key", func(t *testing.T) {
		b := backupBucket(t, templates["Options"]).Properties
		sse := synthtest.Get(b, "BucketEncryption", "ServerSideEncryptionConfiguration", 0)
		if synthtest.Get(sse, "ServerSideEncryptionByDefault", "SSEAlgorithm") != "AES256" {
			t.Errorf("encryption %v", sse)
		}
	})
}

func TestEverythingStatefulRetainedByDefault(t *testing.T) {
	tmpl := templates["Defaults"]
	if retain.Count(tmpl) < 9 { // 5 keys, 1 file system, 1 vault, 2 buckets
		t.Errorf("only %d stateful resources checked", retain.Count(tmpl))
	}
	retain.Assert(t, tmpl)
}

func TestNoLambdaOrCustomResource(t *testing.T) {
	for name, tmpl := range templates {
		for id, r := range tmpl["Resources"].(map[string]any) {
			typ := r.(map[string]any)["Type"].(string)
			if strings.HasPrefix(typ, "Custom::") || typ == "AWS::CloudFormation::CustomResource" || strings.HasPrefix(typ, "AWS::Lambda::") {
				t.Errorf("%s: %s is a %s", name, id, typ)
			}
		}
	}
}

// mustPanic runs f and returns the panic's message.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("no panic")
		}
		msg = fmt.Sprint(r)
	}()
	f()
	return ""
}

func TestConstructorsRejectInvalidProps(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Invalid"), nil)
	vpc := newVpc(stack)
	t.Run("every problem at once", func(t *testing.T) {
		msg := mustPanic(t, func() { storage.NewFileSystem(stack, "Empty", &storage.FileSystemProps{}) })
		for _, want := range []string{"vpc: required", "subnets: required", "key: required"} {
			if !strings.Contains(msg, want) {
				t.Errorf("panic %q lacks %q", msg, want)
			}
		}
	})
	t.Run("two mount targets in one AZ", func(t *testing.T) {
		keys := storage.NewKeys(stack, "Keys", nil)
		subnets := *vpc.IsolatedSubnets()
		msg := mustPanic(t, func() {
			storage.NewFileSystem(stack, "Dup", &storage.FileSystemProps{Vpc: vpc, Subnets: append(subnets, subnets[0]), Key: keys.EFS})
		})
		if !strings.Contains(msg, "subnets[3]: AZ us-east-1a already has a mount target (subnets[0])") {
			t.Errorf("panic %q", msg)
		}
	})
	t.Run("backup without resources", func(t *testing.T) {
		msg := mustPanic(t, func() { storage.NewBackup(stack, "NoResources", nil) })
		if !strings.Contains(msg, "resources: required") {
			t.Errorf("panic %q", msg)
		}
	})
}
