package stacks

import (
	_ "embed"
	"encoding/json"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
)

// featureFlagsJSON is aws-cdk-lib 2.270's recommended-feature-flags.json
// (as `cdk init` writes into cdk.json). cdk.json carries the same map; a
// test keeps the two equal, so `go run .` and `cdk synth` agree.
//
//go:embed featureflags.json
var featureFlagsJSON []byte

// FeatureFlags returns the recommended aws-cdk-lib feature flags.
func FeatureFlags() map[string]any {
	var flags map[string]any
	if err := json.Unmarshal(featureFlagsJSON, &flags); err != nil {
		panic("stacks: featureflags.json: " + err.Error())
	}
	return flags
}

// NewApp returns a CDK app with the recommended feature flags set in code,
// so its output does not depend on the CDK CLI reading cdk.json. outdir ""
// lets the CDK decide (CDK_OUTDIR, else a temp directory).
func NewApp(outdir string) awscdk.App {
	ctx := FeatureFlags()
	props := &awscdk.AppProps{Context: &ctx}
	if outdir != "" {
		props.Outdir = jsii.String(outdir)
	}
	return awscdk.NewApp(props)
}
