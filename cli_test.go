package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// TestHelp is ballast --help (and -h) as a user sees it: the usage on
// stdout, exit 0, nothing on stderr, nothing written.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		r := runBinary(t, nil, arg)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%s: exit %d, stderr:\n%s", arg, r.code, r.stderr)
		}
		lines := strings.Split(r.stdout, "\n")
		for _, want := range []string{
			"Usage: ballast [config | --version | --help]",
			"Profiles (BALLAST_ENV): dev, staging, prod (default dev).",
			"Variables: the Configuration section of README.md lists each one with its",
		} {
			if !slices.Contains(lines, want) {
				t.Errorf("%s: stdout lacks the line %q:\n%s", arg, want, r.stdout)
			}
		}
		if es := r.entries(t); len(es) != 0 {
			t.Errorf("%s wrote %v", arg, es)
		}
	}
}

func TestVersion(t *testing.T) {
	r := runBinary(t, nil, "--version")
	if r.code != 0 || r.stdout != "ballast "+version+"\n" || r.stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestConfigPrintsResolvedSettings is ballast config: one shell assignment
// per variable, in table order, each naming its source, and no synthesis.
func TestConfigPrintsResolvedSettings(t *testing.T) {
	r := runBinary(t, vars(config.VarEnv, "prod", config.VarNATMode, "single", config.VarTags, "team=it's"), "config")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != len(config.Vars) {
		t.Errorf("%d lines for %d variables:\n%s", len(lines), len(config.Vars), r.stdout)
	}
	if lines[0] != "BALLAST_ENV='prod' # env" {
		t.Errorf("first line %q", lines[0])
	}
	for _, want := range []string{
		"BALLAST_NAT_MODE='single' # env",
		`BALLAST_TAGS='team=it'\''s' # env`,
		"BALLAST_CLUSTER_NAME='ballast-prod' # default",
		"BALLAST_FLOW_LOG_RETENTION_DAYS='365' # default",
		"BALLAST_VPC_ID='' # default",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("stdout lacks the line %q:\n%s", want, r.stdout)
		}
	}
	if es := r.entries(t); len(es) != 0 {
		t.Errorf("config wrote %v", es)
	}
}

// TestConfigRejectsInvalidConfiguration: the config print judges the
// configuration as synthesis would.
func TestConfigRejectsInvalidConfiguration(t *testing.T) {
	r := runBinary(t, vars("BALLAST_ENVIRONMENT", "prod"), "config")
	if r.code != 2 || r.stdout != "" || !namesProblem(r.stderr, "BALLAST_ENVIRONMENT", "did you mean BALLAST_ENV?") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestOtherArgumentsAreErrors: an argument Ballast does not know is an
// error, not a silent synthesis.
func TestOtherArgumentsAreErrors(t *testing.T) {
	for _, args := range [][]string{{"synth"}, {"--verbose"}, {"config", "extra"}, {"prod"}} {
		r := runBinary(t, nil, args...)
		if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "Run ballast --help for usage.") {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s", args, r.code, r.stdout, r.stderr)
		}
		if es := r.entries(t); len(es) != 0 {
			t.Errorf("%v wrote %v", args, es)
		}
	}
}

// TestBallastMessagesStartTheirOwnLine: the jsii runtime's exit diagnostic
// has no newline; the next Ballast message still starts a line.
func TestBallastMessagesStartTheirOwnLine(t *testing.T) {
	var out bytes.Buffer
	g := newStderrGuard(&out)
	fmt.Fprint(g.runtime(), "Runtime process exited abnormally: waitid: no child processes")
	fmt.Fprint(g, "ballast: synthesized\n")
	fmt.Fprint(g, "  a line\n")
	fmt.Fprint(g.runtime(), "a runtime line\n")
	fmt.Fprint(g, "ballast: done\n")
	want := "Runtime process exited abnormally: waitid: no child processes\nballast: synthesized\n  a line\na runtime line\nballast: done\n"
	if out.String() != want {
		t.Errorf("got %q\nwant %q", out.String(), want)
	}
}
