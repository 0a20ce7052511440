package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/cost"
	"github.com/ballast-eks/ballast/platform"
)

// printCost writes the platform's fixed monthly cost estimate, for people
// (stderr). It reads the templates the synthesis wrote, so it costs no
// jsii round trip per resource; a template it cannot read is said, not
// fatal (the synthesis succeeded).
func printCost(w io.Writer, p *platform.Platform, assembly cxapi.CloudAssembly, env config.Profile) {
	templates := map[string]map[string]any{}
	for _, s := range p.Stacks() {
		path := filepath.Join(*assembly.Directory(), *s.ArtifactId()+".template.json")
		var t map[string]any
		b, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(b, &t)
		}
		if err != nil {
			fmt.Fprintf(w, "ballast: no cost estimate: %v\n", err)
			return
		}
		templates[*s.StackName()] = t
	}
	cost.Of(templates).Summary(w, fmt.Sprintf("the %s platform", env))
}
