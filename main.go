// Command ballast synthesizes the Ballast reference EKS platform for one
// environment (configured by BALLAST_* environment variables) into
// ./cdk.out, or into CDK_OUTDIR when the CDK CLI runs it.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/platform"
)

// Exit codes: invalid configuration (nothing written) and a failed
// synthesis (an EKS rule-pack error or a construct rejecting its props).
const (
	exitInvalidConfig = 2
	exitSynthFailed   = 1
)

func main() {
	os.Exit(run(os.LookupEnv, os.Stdout, os.Stderr))
}

// run loads the configuration and synthesizes. Configuration problems are
// printed, all at once, before anything is written.
func run(lookup config.Lookup, stdout, stderr io.Writer) int {
	if code, handled := runEnvironments(lookup, stdout, stderr); handled {
		return code
	}
	cfg, err := config.Load(lookup)
	if err != nil {
		fmt.Fprintf(stderr, "ballast: invalid configuration:\n%v\n", err)
		return exitInvalidConfig
	}
	defer jsii.Close()
	outdir, _ := lookup("CDK_OUTDIR")
	if outdir == "" {
		outdir = "cdk.out"
	}
	app := cdkapp.NewApp(outdir)
	p, assembly, err := synth(app, cfg.Props())
	if err != nil {
		fmt.Fprintf(stderr, "ballast: synthesis failed:\n%v\n", err)
		return exitSynthFailed
	}
	fmt.Fprintf(stdout, "ballast: synthesized %s platform %q to %s\n", cfg.Env, cfg.ClusterName, *assembly.Directory())
	for _, s := range p.Stacks() {
		tmpl := assembly.GetStackArtifact(s.ArtifactId()).Template()
		fmt.Fprintf(stdout, "  %-28s %3d resources\n", *s.StackName(), countResources(tmpl))
	}
	if report, ok := p.IPCapacity(); ok {
		fmt.Fprintln(stdout, "IP addresses at max scale (node groups at their max sizes):")
		for _, p := range report.Pools {
			fmt.Fprintf(stdout, "  %-14s %-8s %-18s %6d of %6d usable (%d%%)\n", p.AZ, p.Role, p.Subnet, p.Needed, p.Usable, p.Percent())
		}
	}
	return 0
}

// synth builds the platform, applies the EKS rule pack (an error fails
// synthesis) and synthesizes. Construct and jsii failures arrive as panics;
// they become an error so the exit code tells them from bad configuration.
func synth(app awscdk.App, props platform.Props) (p *platform.Platform, assembly cxapi.CloudAssembly, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	p = platform.New(app, &props)
	p.ApplyChecks()
	return p, app.Synth(nil), nil
}

func countResources(template any) int {
	m, _ := template.(map[string]any)
	res, _ := m["Resources"].(map[string]any)
	return len(res)
}
