package pipeline

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/ballast-eks/ballast/platform"
)

var (
	nameRe       = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]{0,90}$`)
	accountRe    = regexp.MustCompile(`^\d{12}$`)
	regionRe     = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$`)
	connectionRe = regexp.MustCompile(`^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection/[0-9a-f-]{36}$`)
	repoRe       = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
)

// Validate reports every problem with the props at once, each with its
// field path, in pure Go: the pipeline's own fields, then every
// environment's platform props (environments[<name>].<path>: ...).
func (p Props) Validate() error {
	d := p.withDefaults()
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !nameRe.MatchString(d.Name) {
		add("name: %q is not a pipeline name: a letter, then up to 90 letters, digits or '-'", d.Name)
	}
	if !accountRe.MatchString(d.Account) {
		add("account: %q is not a 12-digit account ID", d.Account)
	}
	if !regionRe.MatchString(d.Region) {
		add("region: %q is not a region name", d.Region)
	}
	if !connectionRe.MatchString(d.Source.ConnectionARN) {
		add("source.connectionARN: %q is not a CodeStar connection ARN (arn:aws:codeconnections:<region>:<account>:connection/<uuid>)", d.Source.ConnectionARN)
	}
	if !repoRe.MatchString(d.Source.Repository) {
		add("source.repository: %q is not owner/name", d.Source.Repository)
	}
	if clean := path.Clean(d.AppDir); path.IsAbs(d.AppDir) || strings.HasPrefix(clean, "..") {
		add("appDir: %q must be a directory inside the repository", d.AppDir)
	}
	if len(d.Environments) == 0 {
		add("environments: required: the platforms the pipeline deploys")
	}
	seen := map[string]bool{}
	for i, env := range d.Environments {
		at := envPath(i, env)
		if seen[at] {
			add("%s: listed twice; environment names must be unique", at)
		}
		seen[at] = true
		if err := env.ValidateStage(); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				add("%s.%s", at, line)
			}
		}
	}
	return errors.Join(errs...)
}

// envPath names an environment by its stack name prefix.
func envPath(i int, env platform.Props) string {
	name := envName(env)
	if name == "" {
		return fmt.Sprintf("environments[%d]", i)
	}
	return "environments[" + name + "]"
}
