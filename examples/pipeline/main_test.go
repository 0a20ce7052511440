package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/pipeline"
)

var (
	checked *synthtest.Assembly // synthesized once (no AWS, no network), with the checkers applied
	built   *pipeline.Pipeline
)

func TestMain(m *testing.M) {
	synthtest.ExampleMain(m, func(app awscdk.App) { built = build(app) }, &checked)
}

// TestGolden snapshots the pipeline stack and its cross-region support
// stack; the environments' stacks are the platforms' own.
func TestGolden(t *testing.T) {
	for name, tmpl := range checked.ByStackName() {
		if strings.HasPrefix(name, "pipe-pipeline") || strings.HasPrefix(name, "cross-region-stack-") {
			t.Run(name, func(t *testing.T) { golden.Assert(t, strings.ReplaceAll(name, ":", "_"), tmpl) })
		}
	}
}

// TestCheckersPass fails on any unsuppressed cdk-nag finding and any EKS
// rule-pack message over the pipeline and every environment's stacks.
func TestCheckersPass(t *testing.T) { synthtest.AssertClean(t, checked, "../..") }

func pipelineTemplate(t *testing.T) synthtest.Template {
	t.Helper()
	tmpl := checked.ByStackName()["pipe-pipeline"]
	if tmpl == nil {
		t.Fatal("no pipe-pipeline stack")
	}
	return tmpl
}

// pipelineStages returns the pipeline's stages: name -> action names.
func pipelineStages(t *testing.T) ([]string, map[string][]string) {
	t.Helper()
	p := pipelineTemplate(t).One(t, "AWS::CodePipeline::Pipeline").Properties
	var order []string
	actions := map[string][]string{}
	for _, s := range p["Stages"].([]any) {
		name := s.(map[string]any)["Name"].(string)
		order = append(order, name)
		for _, a := range s.(map[string]any)["Actions"].([]any) {
			actions[name] = append(actions[name], a.(map[string]any)["Name"].(string))
		}
	}
	return order, actions
}

func TestPipelineIsTypeV2WithRotatedCrossAccountKeys(t *testing.T) {
	tmpl := pipelineTemplate(t)
	if got := tmpl.One(t, "AWS::CodePipeline::Pipeline").Properties["PipelineType"]; got != "V2" {
		t.Errorf("pipeline type %v, want V2", got)
	}
	key := tmpl.One(t, "AWS::KMS::Key").Properties
	if key["EnableKeyRotation"] != true {
		t.Errorf("artifact key rotation %v, want on", key["EnableKeyRotation"])
	}
	stores, _ := tmpl.One(t, "AWS::CodePipeline::Pipeline").Properties["ArtifactStores"].([]any)
	if len(stores) != 2 { // the pipeline's region and us-east-1
		t.Fatalf("%d artifact stores, want one per region", len(stores))
	}
	for i := range stores {
		if got := synthtest.Get(stores, i, "ArtifactStore", "EncryptionKey", "Type"); got != "KMS" {
			t.Errorf("artifact store %d encryption %v, want a KMS key", i, got)
		}
	}
}

func TestSourceIsTheCodeStarConnection(t *testing.T) {
	p := pipelineTemplate(t).One(t, "AWS::CodePipeline::Pipeline").Properties
	src := synthtest.Get(p, "Stages", 0, "Actions", 0).(map[string]any)
	if got := synthtest.Get(src, "ActionTypeId", "Provider"); got != "CodeStarSourceConnection" {
		t.Errorf("source provider %v", got)
	}
	if got := synthtest.Get(src, "Configuration", "ConnectionArn"); got != props().Source.ConnectionARN {
		t.Errorf("connection %v, want %s", got, props().Source.ConnectionARN)
	}
}

// TestNoStepInstallsAnUnpinnedCDK reads every CodeBuild project's
// buildspec: each aws-cdk install or npx run names CLIVersion, the synth
// step takes its Go toolchain from go.mod and runs the pinned CLI.
func TestNoStepInstallsAnUnpinnedCDK(t *testing.T) {
	cdkUse := regexp.MustCompile(`(npm (install|i)( -g)? |npx (--yes )?)(aws-cdk|cdk-assets)(@[0-9A-Za-z.-]+)?`)
	synthFound, uses := false, 0
	for _, project := range pipelineTemplate(t).Resources("AWS::CodeBuild::Project") {
		spec, _ := synthtest.Get(project.Properties, "Source", "BuildSpec").(string)
		for _, m := range cdkUse.FindAllStringSubmatch(spec, -1) {
			uses++
			want := "@" + pipeline.CLIVersion
			if m[5] == "cdk-assets" {
				want = "@" + pipeline.CDKAssetsVersion
			}
			if m[6] != want {
				t.Errorf("%s: %q is not pinned to %s", project.ID, m[0], want)
			}
		}
		if strings.Contains(spec, "synth") && strings.Contains(spec, `GOTOOLCHAIN=\"go$(awk`) {
			synthFound = true
		}
	}
	if uses < 3 {
		t.Errorf("%d aws-cdk installs or runs found, want at least synth, self-mutation and a security diff: the check read nothing", uses)
	}
	if !synthFound {
		t.Error("no synth step installing go.mod's toolchain")
	}
}

// TestProdWaitsForApproval: every prod stage shows its security diff, then
// waits for a manual approval before its first deployment; dev does not.
func TestProdWaitsForApproval(t *testing.T) {
	order, actions := pipelineStages(t)
	want := []string{"Source", "Build", "UpdatePipeline", "pipe-dev", "pipe-prod-euw1", "pipe-prod-use1"}
	if strings.Join(order, ",") != strings.Join(want, ",") {
		t.Fatalf("stages %v, want %v", order, want)
	}
	p := pipelineTemplate(t).One(t, "AWS::CodePipeline::Pipeline").Properties
	for i, stage := range order {
		runOrder := map[string]float64{}
		var approvals int
		for _, a := range synthtest.Get(p, "Stages", i, "Actions").([]any) {
			am := a.(map[string]any)
			runOrder[am["Name"].(string)] = am["RunOrder"].(float64)
			if synthtest.Get(am, "ActionTypeId", "Provider") == "Manual" {
				approvals++
			}
		}
		prod := strings.HasPrefix(stage, "pipe-prod")
		if prod != (approvals == 1) {
			t.Errorf("%s: %d manual approvals %v", stage, approvals, actions[stage])
		}
		if prod && !(runOrder["SecurityDiff-"+stage] < runOrder["Approve"] && runOrder["Approve"] < runOrder["network.Deploy"]) {
			t.Errorf("%s: run order %v, want the security diff, the approval, then the deployments", stage, runOrder)
		}
	}
}

// TestStagesKeepTheirStackNames: in the pipeline the platforms' stacks
// have the names they have outside it.
func TestStagesKeepTheirStackNames(t *testing.T) {
	names := checked.ByStackName()
	for _, s := range built.Stages {
		for _, part := range []string{"network", "storage", "cluster"} {
			if names[s.Platform.Props.StackName(part)] == nil {
				t.Errorf("no stack %s", s.Platform.Props.StackName(part))
			}
		}
	}
	b, _ := json.Marshal(pipelineTemplate(t))
	if !strings.Contains(string(b), `"StackName":"pipe-prod-use1-cluster"`) {
		t.Error("the pipeline does not deploy the stack pipe-prod-use1-cluster by that name")
	}
}
