package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/platform"
)

// lookupIn reads a variable from environ (os.Environ's form).
func lookupIn(environ []string) config.Lookup {
	return func(name string) (string, bool) {
		for _, kv := range environ {
			if k, v, ok := strings.Cut(kv, "="); ok && k == name {
				return v, true
			}
		}
		return "", false
	}
}

// runEnvironments synthesizes every environment BALLAST_ENVIRONMENTS
// lists, each from its environments/<name>.env, into one assembly; handled
// is false when the variable is unset (one environment, from the process
// environment). Problems of every file are printed at once, before
// anything is written.
func runEnvironments(lookup config.Lookup, stdout, stderr io.Writer) (code int, handled bool) {
	if raw, _ := lookup(config.VarEnvironments); strings.TrimSpace(raw) == "" {
		return 0, false
	}
	envs, err := config.LoadEnvironments(lookup, os.DirFS("."))
	if err != nil {
		fmt.Fprintf(stderr, "ballast: invalid configuration:\n%v\n", err)
		return exitInvalidConfig, true
	}
	defer jsii.Close()
	outdir, _ := lookup("CDK_OUTDIR")
	if outdir == "" {
		outdir = "cdk.out"
	}
	app := cdkapp.NewApp(outdir)
	platforms, assembly, err := synthEnvironments(app, envs)
	if err != nil {
		fmt.Fprintf(stderr, "ballast: synthesis failed:\n%v\n", err)
		return exitSynthFailed, true
	}
	for i, e := range envs {
		printSummary(stdout, e, platforms[i], assembly)
	}
	return 0, true
}

// synthEnvironments builds every environment's platform into app (each
// environment's AZs pinned before any stack exists), applies the EKS rule
// pack with each profile's options, and synthesizes once.
func synthEnvironments(app awscdk.App, envs []config.Environment) (ps []*platform.Platform, assembly cxapi.CloudAssembly, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	props := make([]platform.Props, len(envs))
	for i, e := range envs {
		props[i] = e.Config.Props()
		cdkapp.PinAvailabilityZones(app, props[i].Account, props[i].Region, props[i].Network.AvailabilityZones)
	}
	for i := range envs {
		p := platform.New(app, &props[i])
		p.ApplyChecks()
		ps = append(ps, p)
	}
	return ps, app.Synth(nil), nil
}

// printSummary writes what one environment synthesized, as the
// one-environment run does, headed by the environment and its file.
func printSummary(w io.Writer, e config.Environment, p *platform.Platform, assembly cxapi.CloudAssembly) {
	fmt.Fprintf(w, "ballast: synthesized environment %s (%s): %s platform %q to %s\n", e.Name, e.File, e.Config.Env, e.Config.ClusterName, *assembly.Directory())
	stacks, err := readTemplates(p, assembly)
	printStacks(w, stacks, err)
	if report, ok := p.IPCapacity(); ok {
		fmt.Fprintln(w, "IP addresses at max scale (node groups at their max sizes):")
		for _, p := range report.Pools {
			fmt.Fprintf(w, "  %-14s %-8s %-18s %6d of %6d usable (%d%%)\n", p.AZ, p.Role, p.Subnet, p.Needed, p.Usable, p.Percent())
		}
	}
}
