// Command empty is the baseline of the whole-process synthesis
// measurement: an aws-cdk-go app that synthesizes one empty stack and
// closes the jsii runtime, as every Go CDK app does. Starting the runtime
// and loading aws-cdk-lib is all it costs. README.md (Benchmarks) compares
// the ballast binary with it.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
)

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	awscdk.NewStack(app, jsii.String("Empty"), nil)
	app.Synth(nil)
}
