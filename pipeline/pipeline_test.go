package pipeline

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/platform"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// TestPreDeployStepsRunBeforeEachStage: the PreDeploy hook's steps run in
// every environment's stage, before its first stack deploys.
func TestPreDeployStepsRunBeforeEachStage(t *testing.T) {
	p := valid()
	p.Environments = p.Environments[:2]
	p.PreDeploy = func(env platform.Props) []pipelines.Step {
		return []pipelines.Step{pipelines.NewShellStep(jsii.String("Guard"), &pipelines.ShellStepProps{Commands: jsii.Strings("echo " + envName(env))})}
	}
	app := synthtest.NewApp()
	New(app, &p)
	tmpl := synthtest.MustSynth(app).ByStackName()["ship-pipeline"]
	stages := synthtest.Get(tmpl.One(t, "AWS::CodePipeline::Pipeline").Properties, "Stages").([]any)
	found := 0
	for _, s := range stages {
		order := map[string]float64{}
		for _, a := range s.(map[string]any)["Actions"].([]any) {
			am := a.(map[string]any)
			order[am["Name"].(string)] = am["RunOrder"].(float64)
		}
		if g, ok := order["Guard"]; ok {
			found++
			if d, ok := order["network.Prepare"]; !ok || g >= d {
				t.Errorf("stage %v: Guard at %v, network.Prepare at %v", s.(map[string]any)["Name"], g, d)
			}
		}
	}
	if found != 2 {
		t.Errorf("the hook's step is in %d stages, want 2", found)
	}
}
