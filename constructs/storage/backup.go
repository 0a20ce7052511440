package storage

import (
	"crypto/md5"
	"fmt"
	"regexp"
	"strings"

	"github.com/ballast-eks/ballast/internal/nag"
	"github.com/ballast-eks/ballast/internal/propcheck"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbackup"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Construct IDs of Backup's children. Renaming the vault replaces it (and
// its generated name): never change them.
const (
	idVault         = "Vault"
	idPlan          = "Plan"
	idSelection     = "Selection"
	backupRuleDaily = "Daily"
)

// Backup is an AWS Backup plan that backs resources up daily into a vault
// encrypted with a customer-managed key. The vault is retained and, by
// default, denies everyone deleting recovery points early.
type Backup struct {
	constructs.Construct
	// Vault holds the recovery points.
	Vault awsbackup.BackupVault
	// Plan runs the daily rule.
	Plan awsbackup.BackupPlan
	// Selection assigns the resources to the plan (with its own IAM role).
	Selection awsbackup.BackupSelection
}

// NewBackup validates props and creates the vault, plan and selection.
func NewBackup(scope constructs.Construct, id string, props *BackupProps) *Backup {
	if props == nil {
		props = &BackupProps{}
	}
	p := props.withDefaults()
	propcheck.Must(scope, id, "backup", p.Validate())
	b := &Backup{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	warnNotRetained(b.Construct, *p.RemovalPolicy, "backup vault")
	b.Vault = awsbackup.NewBackupVault(b.Construct, jsii.String(idVault), &awsbackup.BackupVaultProps{
		BackupVaultName:            jsii.String(stackRelativeVaultName(b.Construct)),
		EncryptionKey:              p.Key,
		BlockRecoveryPointDeletion: p.BlockRecoveryPointDeletion,
		RemovalPolicy:              *p.RemovalPolicy,
	})
	b.Plan = awsbackup.NewBackupPlan(b.Construct, jsii.String(idPlan), &awsbackup.BackupPlanProps{
		// Plan names are unique per account and region; the L2's default is
		// the bare construct id.
		BackupPlanName:  awscdk.Names_UniqueResourceName(b.Construct, &awscdk.UniqueResourceNameOptions{MaxLength: jsii.Number(50), Separator: jsii.String("-")}),
		BackupVault:     b.Vault,
		BackupPlanRules: &[]awsbackup.BackupPlanRule{dailyRule(p)},
	})
	b.Selection = b.Plan.AddSelection(jsii.String(idSelection), &awsbackup.BackupSelectionOptions{
		Resources: &p.Resources,
	})
	if role := b.Selection.Node().TryFindChild(jsii.String("Role")); role != nil {
		nag.SuppressManagedPolicies(role, "AWS Backup's documented service-role policy for taking backups; "+
			"only backup.amazonaws.com can assume this role", "service-role/AWSBackupServiceRolePolicyForBackup")
	}
	return b
}

func dailyRule(p BackupProps) awsbackup.BackupPlanRule {
	return awsbackup.NewBackupPlanRule(&awsbackup.BackupPlanRuleProps{
		RuleName: jsii.String(backupRuleDaily),
		ScheduleExpression: awsevents.Schedule_Cron(&awsevents.CronOptions{
			Minute: jsii.String("0"),
			Hour:   jsii.String(fmt.Sprint(*p.StartHourUTC)),
		}),
		DeleteAfter:      awscdk.Duration_Days(jsii.Number(*p.RetentionDays)),
		StartWindow:      awscdk.Duration_Hours(jsii.Number(DefaultBackupStartWindowHours)),
		CompletionWindow: awscdk.Duration_Hours(jsii.Number(DefaultBackupCompletionWindowHours)),
	})
}

// maxVaultNameLength is the part of a generated name aws-cdk-lib's
// BackupVault keeps (its last 50 characters).
const maxVaultNameLength = 50

var nonAlphanumeric = regexp.MustCompile(`[^A-Za-z0-9]`)

// stackRelativeVaultName is the name aws-cdk-lib's BackupVault generates
// for a vault at scope/Vault (Names.uniqueId, last 50 characters), computed
// from the path below the stack's parent rather than from the app: the
// same outside a stage, and unchanged when the stack moves into a stage or
// a pipeline (the vault name is create-only; a new name is a new vault).
func stackRelativeVaultName(scope constructs.Construct) string {
	stackDepth := len(strings.Split(*awscdk.Stack_Of(scope).Node().Path(), "/"))
	var components []string
	for _, c := range append(strings.Split(*scope.Node().Path(), "/")[stackDepth-1:], idVault) {
		if c != "Default" { // hidden from IDs, as in CDK's unique IDs
			components = append(components, c)
		}
	}
	var deduped, human []string
	for _, c := range components {
		if len(deduped) == 0 || !strings.HasSuffix(deduped[len(deduped)-1], c) {
			deduped = append(deduped, c)
		}
	}
	for _, c := range deduped {
		if c != "Resource" {
			human = append(human, nonAlphanumeric.ReplaceAllString(c, ""))
		}
	}
	hash := strings.ToUpper(fmt.Sprintf("%x", md5.Sum([]byte(strings.Join(components, "/"))))[:8])
	name := strings.Join(human, "") + hash
	return name[max(0, len(name)-maxVaultNameLength):]
}
