package pipeline

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipeline"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/platform"
)

// Construct IDs. Renaming one replaces the pipeline's resources.
const (
	idPipeline = "Pipeline"
	idSynth    = "Synth"
)

// Pipeline is the delivery pipeline: its stack, the CDK pipeline and one
// platform stage per environment.
type Pipeline struct {
	// Stack holds the pipeline (<Name>-pipeline).
	Stack awscdk.Stack
	// Pipeline is the CDK pipeline; Build has run.
	Pipeline pipelines.CodePipeline
	// Stages are the environments' stages, in Props.Environments order.
	Stages []*platform.Stage
}

// New validates props and builds the pipeline stack and every
// environment's stage into app. Each environment's AZs are pinned first,
// so nothing is looked up. Invalid props panic, naming every problem.
func New(app constructs.Construct, props *Props) *Pipeline {
	if props == nil {
		props = &Props{}
	}
	if err := props.Validate(); err != nil {
		panic(fmt.Errorf("pipeline %q: invalid props:\n%w", props.Name, err))
	}
	p := props.withDefaults()
	for _, env := range p.Environments {
		cdkapp.PinAvailabilityZones(app, env.Account, env.Region, env.Network.AvailabilityZones)
	}
	out := &Pipeline{Stack: awscdk.NewStack(app, jsii.String(p.Name+StackSuffix), &awscdk.StackProps{
		StackName:   jsii.String(p.Name + StackSuffix),
		Env:         &awscdk.Environment{Account: jsii.String(p.Account), Region: jsii.String(p.Region)},
		Description: jsii.String("Ballast delivery pipeline " + p.Name),
	})}
	synth := p.synthStep()
	out.Pipeline = pipelines.NewCodePipeline(out.Stack, jsii.String(idPipeline), &pipelines.CodePipelineProps{
		PipelineName:        jsii.String(p.Name),
		PipelineType:        awscodepipeline.PipelineType_V2,
		Synth:               synth,
		CrossAccountKeys:    jsii.Bool(true),
		EnableKeyRotation:   jsii.Bool(true),
		CliVersion:          jsii.String(CLIVersion),
		CdkAssetsCliVersion: jsii.String(CDKAssetsVersion),
		SelfMutation:        jsii.Bool(true),
	})
	for _, w := range p.waves() {
		out.Stages = append(out.Stages, p.addWave(app, out.Pipeline, synth, w)...)
	}
	out.Pipeline.BuildPipeline()
	suppress(out.Stack, out.Pipeline)
	return out
}

// synthStep checks out the repository, installs the Go toolchain go.mod
// names and synthesizes the app with the pinned CLI.
func (p Props) synthStep() pipelines.ShellStep {
	return pipelines.NewShellStep(jsii.String(idSynth), &pipelines.ShellStepProps{
		Input: pipelines.CodePipelineSource_Connection(jsii.String(p.Source.Repository), jsii.String(p.Source.Branch),
			&pipelines.ConnectionSourceOptions{ConnectionArn: jsii.String(p.Source.ConnectionARN)}),
		InstallCommands: jsii.Strings(
			`export GOTOOLCHAIN="go$(awk '$1 == "go" {print $2}' go.mod)"`,
			"go version", // fetches that toolchain, checked against the Go checksum database
		),
		Commands:               jsii.Strings("cd "+p.AppDir, cli("synth")),
		PrimaryOutputDirectory: jsii.String(path.Join(p.AppDir, "cdk.out")),
	})
}

// cli is a command of the pinned CDK CLI.
func cli(args string) string { return "npx --yes aws-cdk@" + CLIVersion + " " + args }

// wave is one profile's environments in one region.
type wave struct {
	name string
	envs []platform.Props
}

// waves groups the environments by profile and region, in the order they
// are listed.
func (p Props) waves() []wave {
	var out []wave
	for _, env := range p.Environments {
		name := profileName(env) + "-" + env.Region
		i := slices.IndexFunc(out, func(w wave) bool { return w.name == name })
		if i < 0 {
			out, i = append(out, wave{name: name}), len(out)
		}
		out[i].envs = append(out[i].envs, env)
	}
	return out
}

// addWave adds a wave with a stage per environment; an approval-gated
// wave first prints each environment's security diff, then waits.
func (p Props) addWave(app constructs.Construct, cp pipelines.CodePipeline, synth pipelines.ShellStep, w wave) []*platform.Stage {
	var pre []pipelines.Step
	var stages []*platform.Stage
	for _, env := range w.envs {
		stages = append(stages, platform.NewStage(app, envName(env), &env))
	}
	if slices.Contains(p.ApprovalProfiles, profileName(w.envs[0])) {
		approval := pipelines.NewManualApprovalStep(jsii.String("Approve"), &pipelines.ManualApprovalStepProps{
			Comment: jsii.String("Read the security diff of every environment of wave " + w.name + ", then approve its deployment."),
		})
		for i, s := range stages {
			diff := securityDiff(synth, *s.Node().Id(), w.envs[i])
			approval.AddStepDependency(diff)
			pre = append(pre, diff)
		}
		pre = append(pre, approval)
	}
	wv := cp.AddWave(jsii.String(w.name), &pipelines.WaveOptions{Pre: &pre})
	for i, s := range stages {
		s.Platform.ApplyChecks()
		var steps []pipelines.Step
		if p.PreDeploy != nil {
			steps = p.PreDeploy(w.envs[i])
		}
		wv.AddStage(s.Stage, &pipelines.AddStageOpts{Pre: &steps})
	}
	return stages
}

// securityDiff prints the IAM and security-group changes the stage would
// deploy, with the pinned CLI, through the environment's bootstrap lookup
// role (read-only). It replaces CDK's permissions-broadening check, which
// installs an unpinned CLI.
func securityDiff(synth pipelines.ShellStep, stage string, env platform.Props) pipelines.CodeBuildStep {
	return pipelines.NewCodeBuildStep(jsii.String("SecurityDiff-"+stage), &pipelines.CodeBuildStepProps{
		Input:    synth,
		Commands: jsii.Strings(cli("diff --app . --security-only '" + stage + "/*'")),
		RolePolicyStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions: jsii.Strings("sts:AssumeRole"),
			Resources: jsii.Strings(fmt.Sprintf("arn:%s:iam::%s:role/cdk-%s-lookup-role-%s-%s",
				*awscdk.Aws_PARTITION(), env.Account, BootstrapQualifier, env.Account, env.Region)),
		})},
	})
}

// BootstrapQualifier is the CDK bootstrap qualifier of the target accounts
// (cdk bootstrap's default).
const BootstrapQualifier = "hnb659fds"

// profileName is the environment's profile name (prod by default, as the
// platform's).
func profileName(env platform.Props) string {
	if env.Profile == nil {
		return platform.Prod.Name
	}
	return env.Profile.Name
}

// envName is the environment's stack name prefix, e.g. "shop-prod": its
// stage's ID.
func envName(env platform.Props) string { return strings.TrimSuffix(env.StackName("x"), "-x") }
