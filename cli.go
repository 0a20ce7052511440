package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ballast-eks/ballast/config"
)

// command is what the command line asks for.
type command int

// The commands; no argument synthesizes (what the CDK CLI runs).
const (
	cmdSynth command = iota
	cmdHelp
	cmdVersion
	cmdConfig
)

// exitUsage is the exit code of a command line Ballast does not accept
// (nothing is written), the same as for invalid configuration.
const exitUsage = 2

// parseArgs reads the command line: at most one argument, one of the
// commands usage lists. Anything else is an error, never a silent synth.
func parseArgs(args []string) (command, error) {
	if len(args) == 0 {
		return cmdSynth, nil
	}
	if len(args) > 1 {
		return 0, fmt.Errorf("one argument at most, got %d: %s", len(args), strings.Join(args, " "))
	}
	switch args[0] {
	case "-h", "--help", "help":
		return cmdHelp, nil
	case "--version":
		return cmdVersion, nil
	case "config":
		return cmdConfig, nil
	}
	return 0, fmt.Errorf("unknown argument %q", args[0])
}

// usage is the --help text.
func usage() string {
	var profiles []string
	for _, p := range config.Profiles {
		profiles = append(profiles, string(p))
	}
	return `Usage: ballast [config | --version | --help]

Synthesizes the Ballast EKS platform for one environment (network, storage
and cluster stacks) into ./cdk.out, or into CDK_OUTDIR when the CDK CLI runs
it. The environment is configured by ` + config.Prefix + `* environment variables only.

Commands:
  (none)      synthesize; a summary goes to stderr, nothing to stdout
  config      print every variable with its value and its source
              (env: set in the environment; default: the profile's), as
              shell assignments; synthesizes nothing
  --version   print the version
  -h, --help  print this help

Profiles (` + config.VarEnv + `): ` + strings.Join(profiles, ", ") + ` (default ` + string(config.ProfileDev) + `).
Variables: the Configuration section of README.md lists each one with its
default per profile and the values it accepts; ballast config shows them
resolved. An unknown ` + config.Prefix + `* variable is an error.

Exit codes: 0 done; 1 synthesis failed; 2 invalid configuration or
command line (nothing written).
`
}

// printSettings writes the resolved configuration as shell assignments,
// one per variable in table order, each commented with its source, so
// the output can be saved and sourced again.
func printSettings(w io.Writer, cfg *config.Config) {
	for _, s := range cfg.Settings() {
		source := "default"
		if s.FromEnv {
			source = "env"
		}
		fmt.Fprintf(w, "%s=%s # %s\n", s.Name, shellQuote(s.Value), source)
	}
}

// shellQuote single-quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
