package platform

import (
	"errors"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Stage is one environment (network, storage and cluster stacks) as a CDK
// stage, the unit CDK Pipelines deploys. Its stacks keep the names they
// have outside a stage (<Name>-network, ...), so moving a deployed
// environment into a stage or a pipeline renames nothing and replaces
// nothing.
type Stage struct {
	awscdk.Stage
	// Platform is the environment the stage holds.
	Platform *Platform
}

// NewStage validates props (which must name an account: a stage deploys
// to one explicit account and region) and builds the platform into a new
// stage with that environment. Invalid props panic, naming the platform
// and every problem.
func NewStage(scope constructs.Construct, id string, props *Props) *Stage {
	if props == nil {
		props = &Props{}
	}
	if err := props.ValidateStage(); err != nil {
		panic(fmt.Errorf("platform %q: invalid props for a stage:\n%w", props.name(), err))
	}
	st := awscdk.NewStage(scope, jsii.String(id), &awscdk.StageProps{
		Env: &awscdk.Environment{Account: jsii.String(props.Account), Region: jsii.String(props.Region)},
	})
	return &Stage{Stage: st, Platform: New(st, props)}
}

// ValidateStage is Validate plus what a stage needs: an explicit account.
func (p Props) ValidateStage() error {
	var errs []error
	if p.Account == "" {
		errs = append(errs, errors.New("account: required in a stage: a stage deploys to one explicit account and region"))
	}
	return errors.Join(append(errs, p.Validate())...)
}
