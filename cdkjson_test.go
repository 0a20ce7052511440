package main

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/ballast-eks/ballast/cdkapp"
)

// TestCDKJSONMatchesCode keeps cdk.json's feature flags equal to the ones
// the app sets in code, so `go run .` and `cdk synth` produce the same
// templates, and keeps the CLI from adding metadata `go run .` does not.
func TestCDKJSONMatchesCode(t *testing.T) {
	b, err := os.ReadFile("cdk.json")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		App              string
		VersionReporting *bool
		PathMetadata     *bool
		AssetMetadata    *bool
		Context          map[string]any
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Context, cdkapp.FeatureFlags()) {
		t.Error("cdk.json context differs from cdkapp/featureflags.json")
	}
	if c.Context["@aws-cdk/aws-eks:defaultToAL2023"] != true {
		t.Error("@aws-cdk/aws-eks:defaultToAL2023 must be true")
	}
	for name, v := range map[string]*bool{"versionReporting": c.VersionReporting, "pathMetadata": c.PathMetadata, "assetMetadata": c.AssetMetadata} {
		if v == nil || *v {
			t.Errorf("cdk.json %s must be false (go run . does not emit it)", name)
		}
	}
	if c.App == "" {
		t.Error("cdk.json has no app")
	}
}
