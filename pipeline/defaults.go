package pipeline

// Pinned tool versions. CLIVersion is the CDK CLI every step runs (the
// same the README deploys with: 2.x; 3.x cannot read aws-cdk-lib 2.270
// assemblies). CDKAssetsVersion is the cdk-assets release the asset
// publishing steps install (CDK Pipelines' default is "latest").
const (
	CLIVersion       = "2.1148.1"
	CDKAssetsVersion = "4.7.3"
)

// DefaultBranch is the branch the pipeline builds.
const DefaultBranch = "main"

// DefaultApprovalProfiles are the profiles whose waves need a manual
// approval.
var DefaultApprovalProfiles = []string{"prod"}

// StackSuffix ends the pipeline stack's name: <Name>-pipeline.
const StackSuffix = "-pipeline"

func (p Props) withDefaults() Props {
	out := p
	if out.AppDir == "" {
		out.AppDir = "."
	}
	if out.Source.Branch == "" {
		out.Source.Branch = DefaultBranch
	}
	if out.ApprovalProfiles == nil {
		out.ApprovalProfiles = DefaultApprovalProfiles
	}
	return out
}
