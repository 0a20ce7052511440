package config

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// envFS is a directory of environment files, by environment name.
func envFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[EnvironmentFile(name)] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func loadEnvs(t *testing.T, list string, files map[string]string, process ...string) ([]Environment, error) {
	t.Helper()
	vars := map[string]string{VarEnvironments: list}
	for i := 0; i+1 < len(process); i += 2 {
		vars[process[i]] = process[i+1]
	}
	return LoadEnvironments(env(vars), envFS(files))
}

// TestEnvironmentFilesLoadLikeTheProcessEnvironment: a file holding
// BALLAST_ENV=<profile> gives the same platform as the process environment
// with that one variable, for every profile, in the order listed.
func TestEnvironmentFilesLoadLikeTheProcessEnvironment(t *testing.T) {
	files := map[string]string{}
	for _, p := range Profiles {
		files[string(p)] = "# comment\n\nBALLAST_ENV=" + string(p) + "\n"
	}
	envs, err := loadEnvs(t, "prod, dev,staging", files)
	if err != nil {
		t.Fatal(err)
	}
	if len(envs) != 3 || envs[0].Name != "prod" || envs[1].Name != "dev" || envs[2].Name != "staging" {
		t.Fatalf("environments %+v, want prod, dev, staging", envs)
	}
	for _, e := range envs {
		want, err := Defaults(Profile(e.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(e.Config.Props(), want.Props()) {
			t.Errorf("%s: the file's platform differs from BALLAST_ENV=%s's", e.Name, e.Name)
		}
		if e.File != "environments/"+e.Name+".env" {
			t.Errorf("%s: file %s", e.Name, e.File)
		}
	}
}

func TestEnvironmentFileSyntax(t *testing.T) {
	envs, err := loadEnvs(t, "qa", map[string]string{"qa": strings.Join([]string{
		`export BALLAST_ENV=staging`,
		`BALLAST_CLUSTER_NAME = "shop-qa"   # quoted`,
		`BALLAST_TAGS='team=shop,cost=qa'`,
		`BALLAST_NODE_MAX_SIZE=6 # unquoted, with a comment`,
	}, "\n")})
	if err != nil {
		t.Fatal(err)
	}
	c := envs[0].Config
	if c.Env != ProfileStaging || c.ClusterName != "shop-qa" || c.Tags["cost"] != "qa" || c.NodeMaxSize != 6 {
		t.Errorf("loaded env=%s name=%s tags=%v max=%d", c.Env, c.ClusterName, c.Tags, c.NodeMaxSize)
	}
}

// TestEnvironmentProblemsNameFileAndLine: every problem of every file at
// once, each naming the file, the line and (for a value) the variable and
// what it accepts.
func TestEnvironmentProblemsNameFileAndLine(t *testing.T) {
	_, err := loadEnvs(t, "dev,prod,gone", map[string]string{
		"dev":  "BALLAST_ENV=dev\nBALLAST_NODE_MAX_SIZE=lots\nBALLAST_NODE_SIZE=3\nnot a line\nBALLAST_ENV=dev\nBALLAST_ENVIRONMENTS=dev",
		"prod": "BALLAST_ENV=prod\n\nBALLAST_AZS=us-east-1a\nBALLAST_CLUSTER_NAME='open",
	})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`environments/dev.env:2: BALLAST_NODE_MAX_SIZE="lots": must be a whole number; accepted: `,
		`environments/dev.env:3: unknown variable BALLAST_NODE_SIZE`,
		`environments/dev.env:4: not a NAME=value line: "not a line"`,
		`environments/dev.env:5: BALLAST_ENV is set twice (first on line 1)`,
		`environments/dev.env:6: BALLAST_ENVIRONMENTS lists the environments`,
		`environments/prod.env:4: BALLAST_CLUSTER_NAME: the quote ' is not closed`,
		`BALLAST_ENVIRONMENTS="dev,prod,gone": environments/gone.env: no such file; accepted: `,
	} {
		if !strings.Contains(err.Error()+"\n", want) {
			t.Errorf("no problem %q in:\n%v", want, err)
		}
	}
}

func TestEnvironmentRuleProblemsNameTheLine(t *testing.T) {
	_, err := loadEnvs(t, "prod", map[string]string{"prod": "BALLAST_ENV=prod\n\nBALLAST_AZS=us-east-1a\n"})
	want := `environments/prod.env:3: BALLAST_AZS="us-east-1a": need 2 to 6 availability zones`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestEnvironmentsRejectIgnoredProcessVariables(t *testing.T) {
	_, err := loadEnvs(t, "dev", map[string]string{"dev": "BALLAST_ENV=dev"}, VarEnv, "prod", "CDK_DEFAULT_REGION", "eu-west-1")
	want := `BALLAST_ENV="prod": set in the process environment, but with BALLAST_ENVIRONMENTS every environment is read from its environments/<name>.env only`
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "CDK_DEFAULT_REGION") {
		t.Errorf("err = %v, want only %q", err, want)
	}
}

func TestEnvironmentsUseCDKDefaults(t *testing.T) {
	envs, err := loadEnvs(t, "dev", map[string]string{"dev": "BALLAST_AZS=eu-west-1a,eu-west-1b"}, "CDK_DEFAULT_REGION", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	if got := envs[0].Config.Region; got != "eu-west-1" {
		t.Errorf("region %s, want CDK_DEFAULT_REGION's eu-west-1", got)
	}
}

func TestEnvironmentsNeedTheirOwnClusterNames(t *testing.T) {
	_, err := loadEnvs(t, "a,b", map[string]string{"a": "BALLAST_CLUSTER_NAME=shop", "b": "BALLAST_CLUSTER_NAME=shop"})
	want := `environments/b.env: BALLAST_CLUSTER_NAME="shop": also the cluster name of environments/a.env`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestEnvironmentNames(t *testing.T) {
	for raw, want := range map[string]string{
		"":          "names no environment",
		" , ":       "names no environment",
		"Prod":      `"Prod" is not an environment name`,
		"dev,dev":   "dev is listed twice",
		"../etc":    `"../etc" is not an environment name`,
		"dev prod":  `"dev prod" is not an environment name`,
		"prod,qa-1": "",
	} {
		_, err := environmentNames(raw)
		if got := errString(err); !strings.Contains(got, want) || (want == "") != (err == nil) {
			t.Errorf("environmentNames(%q) = %v, want %q", raw, err, want)
		}
	}
}

// TestReferenceEnvironmentsLoad: the repository's own environment files
// are valid and name the three profiles.
func TestReferenceEnvironmentsLoad(t *testing.T) {
	envs, err := LoadEnvironments(env(map[string]string{VarEnvironments: "dev,staging,prod"}), os.DirFS(".."))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range Profiles {
		if envs[i].Config.Env != p {
			t.Errorf("%s: profile %s", envs[i].File, envs[i].Config.Env)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
