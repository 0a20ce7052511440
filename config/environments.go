package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
)

// VarEnvironments lists the environments one run synthesizes, each read
// from its own file instead of the process environment.
const VarEnvironments = "BALLAST_ENVIRONMENTS"

// EnvironmentsDir holds one dotenv file per environment: <name>.env.
const EnvironmentsDir = "environments"

var environmentNameRe = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62}$`)

var environmentVars = []Var{
	{VarEnvironments, "Environments to synthesize in one run, each configured by " + EnvironmentsDir + "/<name>.env " +
		"(NAME=value lines of the variables in this table) instead of the process environment. Unset: one environment, " +
		"from the process environment.",
		"comma-separated names of lower-case letters, digits and '-', each listed once, each with its " + EnvironmentsDir + "/<name>.env",
		fixed(""), func(_ *Config, raw string) error {
			if raw == "" {
				return nil // one environment
			}
			_, err := environmentNames(raw)
			return err
		}},
}

// Environment is one environment of a multi-environment run.
type Environment struct {
	// Name is the environment's name in BALLAST_ENVIRONMENTS, e.g. "prod".
	Name string
	// File is the file it was read from, e.g. environments/prod.env.
	File string
	// Config is its validated configuration.
	Config *Config
}

// EnvironmentFile is the file an environment is read from.
func EnvironmentFile(name string) string { return path.Join(EnvironmentsDir, name+".env") }

// LoadEnvironments loads every environment BALLAST_ENVIRONMENTS lists
// (through lookup) from its file in files, each with Load's defaults and
// validation. Only the CDK_DEFAULT_* fallbacks come from lookup: a BALLAST_*
// variable set there as well would be ignored, so it is an error. Every
// problem of every environment is reported at once, those of a file
// naming it and the line (environments/prod.env:3: BALLAST_...).
func LoadEnvironments(lookup Lookup, files fs.FS) ([]Environment, error) {
	raw, _ := lookup(VarEnvironments)
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, &FieldError{Var: VarEnvironments, Value: raw, Problem: fmt.Sprintf(format, args...), Accepted: accepted(VarEnvironments)})
	}
	names, err := environmentNames(raw)
	if err != nil {
		bad("%v", err)
	}
	for _, v := range Vars {
		if val, ok := lookup(v.Name); ok && v.Name != VarEnvironments {
			errs = append(errs, &FieldError{Var: v.Name, Value: val, Accepted: v.Accepted, Problem: "set in the process environment, " +
				"but with " + VarEnvironments + " every environment is read from its " + EnvironmentsDir + "/<name>.env only; move it there"})
		}
	}
	var envs []Environment
	for _, name := range names {
		env, err := loadEnvironment(lookup, files, name)
		if errors.Is(err, fs.ErrNotExist) {
			bad("%s: no such file", EnvironmentFile(name))
			continue
		}
		errs = append(errs, err)
		if env != nil {
			envs = append(envs, *env)
		}
	}
	errs = append(errs, distinctClusterNames(envs)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return envs, nil
}

// environmentNames parses BALLAST_ENVIRONMENTS.
func environmentNames(raw string) ([]string, error) {
	names := List(raw)
	if len(names) == 0 {
		return nil, errors.New("names no environment")
	}
	seen := map[string]bool{}
	for _, n := range names {
		if !environmentNameRe.MatchString(n) {
			return nil, fmt.Errorf("%q is not an environment name", n)
		}
		if seen[n] {
			return nil, fmt.Errorf("%s is listed twice", n)
		}
		seen[n] = true
	}
	return names, nil
}

// loadEnvironment reads one environment's file and loads it.
func loadEnvironment(lookup Lookup, files fs.FS, name string) (*Environment, error) {
	file := EnvironmentFile(name)
	data, err := fs.ReadFile(files, file)
	if err != nil {
		return nil, err
	}
	// Syntax problems and the values' own problems are reported together.
	vals, syntaxErr := parseEnvFile(file, string(data))
	cfg, err := Load(vals.lookup(lookup))
	if err != nil || syntaxErr != nil {
		return nil, errors.Join(syntaxErr, vals.locate(err))
	}
	return &Environment{Name: name, File: file, Config: cfg}, nil
}

// distinctClusterNames rejects two environments with one cluster name:
// their stacks would have the same names.
func distinctClusterNames(envs []Environment) []error {
	var errs []error
	first := map[string]string{}
	for _, e := range envs {
		name := e.Config.ClusterName
		if f, ok := first[name]; ok {
			errs = append(errs, fmt.Errorf("%s: %w", e.File, &FieldError{Var: VarClusterName, Value: name, Accepted: accepted(VarClusterName),
				Problem: "also the cluster name of " + f + "; each environment needs its own (its stacks are named after it)"}))
			continue
		}
		first[name] = e.File
	}
	return errs
}
