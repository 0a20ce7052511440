package pipeline

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"

	"github.com/ballast-eks/ballast/platform"
)

// Props configures the delivery pipeline of a set of platforms.
type Props struct {
	// Name names the pipeline and its stack (<Name>-pipeline). Required.
	Name string
	// Account and Region are where the pipeline runs (the tooling
	// account). Required.
	Account, Region string
	// Source is the repository the pipeline builds. Required.
	Source Source
	// AppDir is the directory of the CDK app, relative to the repository
	// root: the program that builds this pipeline. Default: ".".
	AppDir string
	// Environments are the platforms the pipeline deploys, in promotion
	// order; each needs an explicit account. Environments of one profile
	// and region deploy in one wave. Required.
	Environments []platform.Props
	// ApprovalProfiles are the profile names whose waves wait for a manual
	// approval (after the security diff). Default: ["prod"].
	ApprovalProfiles []string
	// PreDeploy returns steps that run before an environment's stage
	// deploys, such as a change-safety guard. Default: none.
	PreDeploy func(env platform.Props) []pipelines.Step
}

// Source is a repository reached through an AWS CodeStar connection.
type Source struct {
	// ConnectionARN is the connection, e.g.
	// arn:aws:codeconnections:eu-west-1:111111111111:connection/<uuid>.
	// Required.
	ConnectionARN string
	// Repository is "owner/name". Required.
	Repository string
	// Branch triggers the pipeline on push. Default: DefaultBranch.
	Branch string
}
