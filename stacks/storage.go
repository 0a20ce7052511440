package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/storage"
)

// StorageStackProps configures StorageStack.
type StorageStackProps struct {
	awscdk.StackProps
	Keys storage.KeysProps
}

// StorageStack holds the platform's keys and data.
type StorageStack struct {
	awscdk.Stack
	Keys *storage.Keys
}

// NewStorageStack creates the storage stack.
func NewStorageStack(scope constructs.Construct, id string, props *StorageStackProps) *StorageStack {
	s := &StorageStack{Stack: awscdk.NewStack(scope, jsii.String(id), &props.StackProps)}
	s.Keys = storage.NewKeys(s.Stack, "Keys", &props.Keys)
	return s
}
