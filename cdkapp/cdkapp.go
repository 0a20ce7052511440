// Package cdkapp creates the CDK apps Ballast's programs synthesize into:
// the recommended aws-cdk-lib feature flags set in code, so an app's output
// does not depend on the CDK CLI reading cdk.json, and explicit
// availability zones recorded as context, so no stack ever looks them up.
// It imports nothing else of Ballast's.
package cdkapp

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// featureFlagsJSON is aws-cdk-lib 2.276's recommended-feature-flags.json
// (as `cdk init` writes into cdk.json). cdk.json carries the same map; a
// test keeps the two equal, so `go run .` and `cdk synth` agree.
//
//go:embed featureflags.json
var featureFlagsJSON []byte

// FeatureFlags returns the recommended aws-cdk-lib feature flags.
func FeatureFlags() map[string]any {
	var flags map[string]any
	if err := json.Unmarshal(featureFlagsJSON, &flags); err != nil {
		panic("cdkapp: featureflags.json: " + err.Error())
	}
	return flags
}

// NewApp returns a CDK app with the recommended feature flags set in code.
// outdir "" lets the CDK decide (CDK_OUTDIR, else a temporary directory).
func NewApp(outdir string) awscdk.App {
	ctx := FeatureFlags()
	props := &awscdk.AppProps{Context: &ctx}
	if outdir != "" {
		props.Outdir = jsii.String(outdir)
	}
	return awscdk.NewApp(props)
}

// PinAvailabilityZones records azs as the CDK context value an AZ lookup
// for account and region would return, so stacks with a concrete account
// never look them up. Call it before the stacks are created. With no
// account the stacks are environment-agnostic and never look up AZs, so
// nothing is recorded.
func PinAvailabilityZones(scope constructs.Construct, account, region string, azs []string) {
	if account == "" {
		return
	}
	key := fmt.Sprintf("availability-zones:account=%s:region=%s", account, region)
	scope.Node().SetContext(jsii.String(key), jsii.Strings(azs...))
}
