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

// written is one synthesized stack of a platform as the synthesis wrote
// it: its name and its template, read from the assembly directory. Reading
// the files costs no jsii round trip, where asking the assembly for a
// template moves the whole document through the runtime.
type written struct {
	name     string
	template map[string]any
}

// readTemplates reads the templates of p's stacks from assembly, in
// p.Stacks() order.
func readTemplates(p *platform.Platform, assembly cxapi.CloudAssembly) ([]written, error) {
	dir := *assembly.Directory()
	var out []written
	for _, s := range p.Stacks() {
		var t map[string]any
		b, err := os.ReadFile(filepath.Join(dir, *s.ArtifactId()+".template.json"))
		if err == nil {
			err = json.Unmarshal(b, &t)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, written{*s.StackName(), t})
	}
	return out, nil
}

// printStacks writes each stack's resource count, or why it could not be
// read (the synthesis succeeded either way).
func printStacks(w io.Writer, stacks []written, err error) {
	if err != nil {
		fmt.Fprintf(w, "ballast: cannot read the synthesized templates: %v\n", err)
		return
	}
	for _, s := range stacks {
		fmt.Fprintf(w, "  %-28s %3d resources\n", s.name, countResources(s.template))
	}
}

// printCost writes the platform's fixed monthly cost estimate, for people
// (stderr), from the templates the synthesis wrote; templates that could
// not be read are said, not fatal.
func printCost(w io.Writer, stacks []written, err error, env config.Profile) {
	if err != nil {
		fmt.Fprintf(w, "ballast: no cost estimate: %v\n", err)
		return
	}
	templates := map[string]map[string]any{}
	for _, s := range stacks {
		templates[s.name] = s.template
	}
	cost.Of(templates).Summary(w, fmt.Sprintf("the %s platform", env))
}
