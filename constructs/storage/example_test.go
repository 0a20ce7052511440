package storage_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/storage"
	"github.com/ballast-eks/ballast/ptr"
)

// The platform's KMS keys, one per purpose: rotated and retained.
func ExampleNewKeys() {
	app := cdkapp.NewApp("")
	stack := awscdk.NewStack(app, jsii.String("storage"), &awscdk.StackProps{Env: &awscdk.Environment{Region: jsii.String("eu-west-1")}})
	keys := storage.NewKeys(stack, "Keys", &storage.KeysProps{AliasPrefix: jsii.String("alias/shop-prod")})
	fmt.Println(keys.Secrets != nil, keys.EBS != nil, keys.Logs != nil)
	// Output:
	// true true true
}

// Validate reports every problem at once, by field path, with no construct.
func ExampleBackupProps_Validate() {
	fmt.Println(storage.BackupProps{RetentionDays: ptr.To(0)}.Validate())
	// Output:
	// key: required: a customer-managed KMS key for the vault (Keys.Backup)
	// resources: required: at least one resource to back up
	// retentionDays: retention must be 1 to 36500 days
}
