package nodegroup

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
)

// Non-nil stand-ins for jsii values in pure-Go validation tests; calling a
// method on one panics, which Validate never does.
type (
	fakeCluster struct{ awseksv2.ICluster }
	fakeRole    struct{ awsiam.IRole }
	fakeKey     struct{ awskms.IKey }
)
