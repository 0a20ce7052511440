package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// envFile is one parsed environment file: each variable's value and the
// line that set it.
type envFile struct {
	name   string
	values map[string]string
	lines  map[string]int
}

var envNameRe = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

// parseEnvFile parses dotenv lines: NAME=value, optionally after
// "export ", the value optionally in single or double quotes (no escapes);
// blank lines and lines starting with '#' are skipped, as is " #..." after
// an unquoted value. Every problem is reported, each with its line: a
// malformed line, a name that is not a variable of Vars (or one a file
// cannot set), a variable set twice.
func parseEnvFile(file, data string) (*envFile, error) {
	f := &envFile{name: file, values: map[string]string{}, lines: map[string]int{}}
	var errs []error
	for i, line := range strings.Split(data, "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, err := parseEnvLine(line)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s:%d: %v", file, n, err))
		case name == VarEnvironments:
			errs = append(errs, fmt.Errorf("%s:%d: %s lists the environments; an environment's file cannot set it", file, n, name))
		case !isVar(name):
			errs = append(errs, fmt.Errorf("%s:%d: unknown variable %s; accepted: the variables of the configuration table", file, n, name))
		case f.lines[name] != 0:
			errs = append(errs, fmt.Errorf("%s:%d: %s is set twice (first on line %d)", file, n, name, f.lines[name]))
		default:
			f.values[name], f.lines[name] = value, n
		}
	}
	return f, errors.Join(errs...)
}

func parseEnvLine(line string) (name, value string, err error) {
	name, value, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if !ok || !envNameRe.MatchString(name) {
		return "", "", fmt.Errorf("not a NAME=value line: %q", line)
	}
	if q := value[:min(1, len(value))]; q == `"` || q == "'" {
		end := strings.Index(value[1:], q)
		if end < 0 {
			return "", "", fmt.Errorf("%s: the quote %s is not closed", name, q)
		}
		if rest := strings.TrimSpace(value[end+2:]); rest != "" && !strings.HasPrefix(rest, "#") {
			return "", "", fmt.Errorf("%s: text after the closing quote", name)
		}
		return name, value[1 : end+1], nil
	}
	if i := strings.Index(value, " #"); i >= 0 {
		value = strings.TrimSpace(value[:i])
	}
	return name, value, nil
}

// lookup reads the file's variables; names outside Vars (the CDK_DEFAULT_*
// fallbacks) come from process.
func (f *envFile) lookup(process Lookup) Lookup {
	return func(name string) (string, bool) {
		if isVar(name) {
			v, ok := f.values[name]
			return v, ok
		}
		return process(name)
	}
}

// locate prefixes each of Load's problems with the file, and the line
// when the file set the variable (a default that fails a rule has none).
func (f *envFile) locate(err error) error {
	if err == nil {
		return nil
	}
	var errs []error
	for _, e := range unjoin(err) {
		where := f.name
		var fe *FieldError
		if errors.As(e, &fe) && f.lines[fe.Var] != 0 {
			where = fmt.Sprintf("%s:%d", f.name, f.lines[fe.Var])
		}
		errs = append(errs, fmt.Errorf("%s: %w", where, e))
	}
	return errors.Join(errs...)
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func isVar(name string) bool {
	for _, v := range Vars {
		if v.Name == name {
			return true
		}
	}
	return false
}
