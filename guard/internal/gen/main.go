// Command gen writes the guard package's create-only table from the
// CloudFormation resource schemas that the installed cfn-lint ships
// (cfnlint/data/schemas). It reads local files only: run it offline with
// `go generate ./guard`.
//
// cfn-lint keeps one schema per type and version under schemas/resources,
// and per region a map from type to schema under schemas/providers. The
// table takes each type's us-east-1 schema, or for a type us-east-1 lacks,
// the first region's (by file name) that has it.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// namespaces are the services whose every resource type goes into the
// table: what Ballast emits and what EKS apps built beside it commonly do.
var namespaces = []string{
	"APS", "ApplicationAutoScaling", "AutoScaling", "Backup", "CertificateManager",
	"CloudFormation", "CloudWatch", "CodeBuild", "CodePipeline", "CodeStarConnections", "DynamoDB", "EC2", "ECR", "EFS", "EKS",
	"ElastiCache", "ElasticLoadBalancingV2", "Events", "Grafana", "GuardDuty", "IAM", "KMS",
	"Kinesis", "Lambda", "Logs", "RDS", "Route53", "S3", "SNS", "SQS", "SSM",
	"Scheduler", "SecretsManager", "StepFunctions", "WAFv2",
}

// canonicalRegion is the provider file read first.
const canonicalRegion = "us_east_1.py"

func main() {
	dir := flag.String("cfnlint", "", "cfnlint package directory (default: the one the cfn-lint on PATH runs)")
	out := flag.String("out", "createonly_table.go", "file to write")
	flag.Parse()
	pkg := *dir
	if pkg == "" {
		var err error
		if pkg, err = locate(); err != nil {
			log.Fatalf("gen: %v", err)
		}
	}
	src, n, version, err := generate(pkg)
	if err != nil {
		log.Fatalf("gen: %v", err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatalf("gen: %v", err)
	}
	fmt.Fprintf(os.Stderr, "gen: %d resource types from cfn-lint %s -> %s\n", n, version, *out)
}

// generate renders the table from the cfnlint package directory pkg and
// returns it with the number of types and the cfn-lint version.
func generate(pkg string) (src []byte, types int, version string, err error) {
	if version, err = cfnlintVersion(pkg); err != nil {
		return nil, 0, "", err
	}
	table, err := read(filepath.Join(pkg, "data", "schemas"))
	if err != nil {
		return nil, 0, "", err
	}
	src, err = render(table, version)
	return src, len(table), version, err
}

var versionLine = regexp.MustCompile(`(?m)^__version__ = "([^"]+)"`)

func cfnlintVersion(pkg string) (string, error) {
	b, err := os.ReadFile(filepath.Join(pkg, "version.py"))
	if err != nil {
		return "", err
	}
	m := versionLine.FindSubmatch(b)
	if m == nil {
		return "", fmt.Errorf("%s/version.py names no __version__", pkg)
	}
	return string(m[1]), nil
}

// locate returns the cfnlint package directory, asking the Python
// interpreter that the cfn-lint script names (no network: it imports the
// installed package).
func locate() (string, error) {
	python, err := interpreter()
	if err != nil {
		return "", err
	}
	outb, err := exec.Command(python, "-c", "import cfnlint; print(cfnlint.__path__[0])").Output()
	if err != nil {
		return "", fmt.Errorf("%s cannot import cfnlint: %w", python, err)
	}
	return strings.TrimSpace(string(outb)), nil
}

// interpreter returns the Python of the cfn-lint script on PATH, resolving
// a pyenv shim to the real script first.
func interpreter() (string, error) {
	script, err := exec.LookPath("cfn-lint")
	if err != nil {
		return "", fmt.Errorf("cfn-lint is not on PATH: %w", err)
	}
	if strings.Contains(script, "/shims/") {
		outb, err := exec.Command("pyenv", "which", "cfn-lint").Output()
		if err != nil {
			return "", fmt.Errorf("pyenv which cfn-lint: %w", err)
		}
		script = strings.TrimSpace(string(outb))
	}
	b, err := os.ReadFile(script)
	if err != nil {
		return "", err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	if !strings.HasPrefix(first, "#!") {
		return "", fmt.Errorf("%s has no #! line naming its Python", script)
	}
	fields := strings.Fields(strings.TrimPrefix(first, "#!"))
	if len(fields) == 0 {
		return "", fmt.Errorf("%s: empty #! line", script)
	}
	if filepath.Base(fields[0]) == "env" && len(fields) > 1 {
		return fields[1], nil
	}
	return fields[0], nil
}

var providerLine = regexp.MustCompile(`"((?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+)": "([0-9a-f]+)"`)

// read returns the create-only pointers of every selected type.
func read(schemas string) (map[string][]string, error) {
	files, err := filepath.Glob(filepath.Join(schemas, "providers", "*.py"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no provider files under %s (err %v)", schemas, err)
	}
	slices.SortFunc(files, func(a, b string) int {
		return strings.Compare(rank(a), rank(b))
	})
	table := map[string][]string{}
	for _, f := range files {
		if err := readProvider(schemas, f, table); err != nil {
			return nil, err
		}
	}
	return table, nil
}

func rank(file string) string {
	if filepath.Base(file) == canonicalRegion {
		return ""
	}
	return filepath.Base(file)
}

func readProvider(schemas, file string, table map[string][]string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, m := range providerLine.FindAllStringSubmatch(string(b), -1) {
		typ, hash := m[1], m[2]
		if _, done := table[typ]; done || !selected(typ) {
			continue
		}
		paths, err := createOnly(filepath.Join(schemas, "resources", hash+".json"), typ)
		if err != nil {
			return err
		}
		table[typ] = paths
	}
	return nil
}

func selected(typ string) bool {
	parts := strings.Split(typ, "::")
	return parts[0] == "AWS" && slices.Contains(namespaces, parts[1])
}

func createOnly(file, typ string) ([]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var schema struct {
		TypeName             string   `json:"typeName"`
		CreateOnlyProperties []string `json:"createOnlyProperties"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if schema.TypeName != typ {
		return nil, fmt.Errorf("%s: schema of %s, provider file says %s", file, schema.TypeName, typ)
	}
	paths := slices.Clone(schema.CreateOnlyProperties)
	slices.Sort(paths)
	return slices.Compact(paths), nil
}

func render(table map[string][]string, version string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./internal/gen; DO NOT EDIT.\n\npackage guard\n\n")
	fmt.Fprintf(&b, "// SchemaSource names the CloudFormation resource schemas the create-only\n// table was generated from.\n")
	fmt.Fprintf(&b, "const SchemaSource = %q\n\n", "cfn-lint "+version+" (cfnlint/data/schemas)")
	fmt.Fprintf(&b, "// createOnly maps each known resource type to its create-only\n// properties, as JSON pointers into the resource (\"*\" is any list item).\n")
	fmt.Fprintf(&b, "var createOnly = map[string][]string{\n")
	types := make([]string, 0, len(table))
	for t := range table {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		if len(table[t]) == 0 {
			fmt.Fprintf(&b, "%q: {},\n", t)
			continue
		}
		fmt.Fprintf(&b, "%q: {%s},\n", t, quoted(table[t]))
	}
	fmt.Fprintf(&b, "}\n")
	return format.Source(b.Bytes())
}

func quoted(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
