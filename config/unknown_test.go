package config

import (
	"strings"
	"testing"
)

func TestSuggestNearestVariable(t *testing.T) {
	for name, want := range map[string]string{
		"BALLAST_ENVIRONMENT":         VarEnv,
		"BALLAST_DELETION_PROTECTON":  VarDeletionProtection,
		"BALLAST_NODE_MAXSIZE":        VarNodeMaxSize,
		"BALLAST_CAPACITY_TYPE":       VarNodeCapacityType,
		"BALLAST_REGOIN":              VarRegion,
		"BALLAST_K8S":                 VarK8sVersion,
		"BALLAST_TOTALLY_UNRELATED_X": "",
	} {
		if got := Suggest(name); got != want {
			t.Errorf("Suggest(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestLoadEnvRejectsUnknownVariables(t *testing.T) {
	_, err := LoadEnv([]string{"BALLAST_ENVIRONMENT=prod", "BALLAST_NODE_MAXSIZE=4", "PATH=/bin", "CDK_DEFAULT_REGION=us-east-1"})
	if err == nil {
		t.Fatal("unknown BALLAST_ variables were accepted")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		`BALLAST_ENVIRONMENT="prod": unknown variable; did you mean BALLAST_ENV?; accepted: ` + acceptedNames,
		`BALLAST_NODE_MAXSIZE="4": unknown variable; did you mean BALLAST_NODE_MAX_SIZE?; accepted: ` + acceptedNames,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(lines), len(want), err)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i, lines[i], want[i])
		}
	}
}

func TestLoadEnvReadsKnownVariables(t *testing.T) {
	c, err := LoadEnv([]string{"BALLAST_ENV=prod", "HOME=/root", "BALLAST_REGION=eu-west-1"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Env != ProfileProd || c.Region != "eu-west-1" || !c.IsSet(VarRegion) {
		t.Errorf("env=%s region=%s", c.Env, c.Region)
	}
}

// TestEveryVariableHasThePrefix: the unknown-name rule only sees names
// with the prefix, so a variable without it would never be checked.
func TestEveryVariableHasThePrefix(t *testing.T) {
	for _, v := range Vars {
		if !strings.HasPrefix(v.Name, Prefix) {
			t.Errorf("%s lacks the %s prefix", v.Name, Prefix)
		}
	}
}

func TestSettingsNameTheSource(t *testing.T) {
	c, err := LoadEnv([]string{"BALLAST_ENV=prod", "BALLAST_NAT_MODE=single"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Setting{}
	for _, s := range c.Settings() {
		got[s.Name] = s
	}
	if len(got) != len(Vars) {
		t.Errorf("%d settings for %d variables", len(got), len(Vars))
	}
	for name, want := range map[string]Setting{
		VarEnv:                  {VarEnv, "prod", true},
		VarNATMode:              {VarNATMode, "single", true},
		VarFlowLogRetentionDays: {VarFlowLogRetentionDays, "365", false},
		VarClusterName:          {VarClusterName, "ballast-prod", false},
	} {
		if got[name] != want {
			t.Errorf("%s = %+v, want %+v", name, got[name], want)
		}
	}
}
