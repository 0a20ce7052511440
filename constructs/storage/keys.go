package storage

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Construct IDs. Renaming one replaces (and, with RETAIN, orphans) a key.
const (
	idSecretsKey = "SecretsKey"
	idEBSKey     = "EbsKey"
	idLogsKey    = "LogsKey"
	idEFSKey     = "EfsKey"
)

// Keys holds the platform's customer-managed KMS keys.
type Keys struct {
	constructs.Construct
	// Secrets encrypts Kubernetes secrets (EKS envelope encryption).
	Secrets awskms.Key
	// EBS encrypts node root volumes and EBS CSI volumes.
	EBS awskms.Key
	// Logs encrypts CloudWatch log groups (control plane, flow logs).
	Logs awskms.Key
	// EFS encrypts the EFS file system.
	EFS awskms.Key
}

// NewKeys validates props and creates the keys.
func NewKeys(scope constructs.Construct, id string, props *KeysProps) *Keys {
	if props == nil {
		props = &KeysProps{}
	}
	p := withDefaults(*props)
	if err := p.Validate(); err != nil {
		panic(fmt.Errorf("storage: invalid props:\n%w", err))
	}
	k := &Keys{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	if *p.RemovalPolicy != awscdk.RemovalPolicy_RETAIN {
		awscdk.Annotations_Of(k.Construct).AddWarningV2(jsii.String("ballast:storage-key-not-retained"),
			jsii.String("KMS keys are not retained: removing them from the app schedules their deletion and makes everything they encrypt unreadable."))
	}
	k.Secrets = k.newKey(idSecretsKey, *p.AliasPrefix+"/eks-secrets", "EKS secrets envelope encryption", *p.RemovalPolicy)
	k.EBS = k.newKey(idEBSKey, *p.AliasPrefix+"/ebs", "EBS volumes of nodes and the EBS CSI driver", *p.RemovalPolicy)
	k.Logs = k.newKey(idLogsKey, *p.AliasPrefix+"/logs", "CloudWatch Logs (control plane, flow logs)", *p.RemovalPolicy)
	k.EFS = k.newKey(idEFSKey, *p.AliasPrefix+"/efs", "EFS file system", *p.RemovalPolicy)
	return k
}

func (k *Keys) newKey(id, alias, purpose string, removal awscdk.RemovalPolicy) awskms.Key {
	return awskms.NewKey(k.Construct, jsii.String(id), &awskms.KeyProps{
		Description:       jsii.String("Ballast: " + purpose),
		EnableKeyRotation: jsii.Bool(true),
		Alias:             jsii.String(alias),
		RemovalPolicy:     removal,
	})
}
