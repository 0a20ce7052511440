package storage

import "github.com/aws/aws-cdk-go/awscdk/v2"

// KeysProps configures Keys.
type KeysProps struct {
	// AliasPrefix prefixes every key alias, e.g. "alias/ballast/prod".
	// Default: DefaultAliasPrefix.
	AliasPrefix *string
	// RemovalPolicy applies to every key. Anything but RETAIN earns a
	// warning. Default: awscdk.RemovalPolicy_RETAIN.
	RemovalPolicy *awscdk.RemovalPolicy
}
