// Command ballast synthesizes the Ballast reference EKS platform for one
// environment (configured by BALLAST_* environment variables) into
// ./cdk.out, or into CDK_OUTDIR when the CDK CLI runs it. ballast --help
// lists its commands.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	stdout, stderr := guardStreams()
	code := run(os.Args[1:], os.Environ(), stdout, stderr)
	// aws-cdk-go prepares the jsii runtime (its files in a temporary
	// directory) as soon as its packages load, whether or not this run
	// synthesizes; closing the runtime removes them. (synthesize has closed
	// it already; closing again costs nothing.)
	jsii.Close()
	os.Exit(code)
}

// run carries out the command line over the environment environ
// (os.Environ's form). stdout gets only what a pipe needs (help, version,
// the configuration); the synthesis summary and every problem go to
// stderr. Configuration problems are printed, all at once, before
// anything is written.
func run(args, environ []string, stdout, stderr io.Writer) int {
	cmd, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "ballast: %v\nRun ballast --help for usage.\n", err)
		return exitUsage
	}
	switch cmd {
	case cmdHelp:
		fmt.Fprint(stdout, usage())
		return 0
	case cmdVersion:
		fmt.Fprintln(stdout, "ballast", version)
		return 0
	}
	if code, handled := runEnvironments(lookupIn(environ), stderr, stderr); handled {
		return code
	}
	cfg, err := config.LoadEnv(environ)
	if err != nil {
		fmt.Fprintf(stderr, "ballast: invalid configuration:\n%v\n", err)
		return exitInvalidConfig
	}
	if cmd == cmdConfig {
		printSettings(stdout, cfg)
		return 0
	}
	summary, err := synthesize(cfg, outdirOf(environ))
	if err != nil {
		fmt.Fprintf(stderr, "ballast: synthesis failed:\n%v\n", err)
		return exitSynthFailed
	}
	fmt.Fprint(stderr, summary)
	return 0
}

// outdirOf is CDK_OUTDIR, or cdk.out.
func outdirOf(environ []string) string {
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, "CDK_OUTDIR="); ok && v != "" {
			return v
		}
	}
	return "cdk.out"
}

// synthesize builds and synthesizes the platform and returns its summary:
// stack resource counts and the IP table. The runtime is closed before it
// returns, so nothing it prints can follow Ballast's messages.
func synthesize(cfg *config.Config, outdir string) (string, error) {
	defer jsii.Close()
	p, assembly, err := synth(cdkapp.NewApp(outdir), cfg.Props())
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ballast: synthesized %s platform %q to %s\n", cfg.Env, cfg.ClusterName, *assembly.Directory())
	stacks, readErr := readTemplates(p, assembly)
	printStacks(&b, stacks, readErr)
	p.WriteAccess(&b)
	if p.Baseline != nil {
		fmt.Fprintf(&b, "  %-28s in-cluster baseline for GitOps (kubectl apply -k)\n", filepath.Join(*assembly.Directory(), p.Baseline.Dir))
	}
	if report, ok := p.IPCapacity(); ok {
		fmt.Fprintln(&b, "IP addresses at max scale (node groups at their max sizes):")
		for _, p := range report.Pools {
			fmt.Fprintf(&b, "  %-14s %-8s %-18s %6d of %6d usable (%d%%)\n", p.AZ, p.Role, p.Subnet, p.Needed, p.Usable, p.Percent())
		}
	}
	printCost(&b, stacks, readErr, cfg.Env)
	return b.String(), nil
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

func countResources(template map[string]any) int {
	res, _ := template["Resources"].(map[string]any)
	return len(res)
}
