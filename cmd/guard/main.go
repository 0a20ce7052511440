// Command guard compares two synthesized versions of an app and fails when
// deploying the second would replace or delete stateful infrastructure.
//
//	go run github.com/ballast-eks/ballast/cmd/guard [-allow STACK/LOGICAL_ID=REASON]... OLD NEW
//
// OLD and NEW are cloud assemblies (cdk.out directories) or directories of
// templates (<stack>.template.json). The report, one change per resource,
// goes to stdout. Exit codes: 0 safe; 1 a stateful replacement, possible
// replacement or deletion that no -allow names; 2 usage: wrong arguments,
// an unreadable directory, or an -allow that is malformed or matches
// nothing.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ballast-eks/ballast/guard"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// allowances collects repeated -allow flags.
type allowances []guard.Allowance

func (a *allowances) String() string { return fmt.Sprint(*a) }

func (a *allowances) Set(s string) error {
	allowance, err := guard.ParseAllowance(s)
	if err != nil {
		return err
	}
	*a = append(*a, allowance)
	return nil
}

const usage = `usage: guard [-allow STACK/LOGICAL_ID=REASON]... OLD NEW

Compares two cloud assemblies (cdk.out) or template directories and exits 1
if deploying NEW over OLD replaces or deletes a stateful resource (cluster,
node group, VPC, subnet, NAT gateway, key, file system, bucket, log group,
backup vault, or anything retained) that no -allow names.
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("guard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var allow allowances
	fs.Var(&allow, "allow", "accept one stateful replacement or deletion, with its reason: STACK/LOGICAL_ID=REASON (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(stderr, "guard: want two directories, got %d arguments\n", fs.NArg())
		fs.Usage()
		return 2
	}
	changes, err := guard.CompareAssemblies(fs.Arg(0), fs.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "guard: %v\n", err)
		return 2
	}
	v := guard.Judge(changes, allow...)
	if err := guard.WriteReport(stdout, v); err != nil {
		fmt.Fprintf(stderr, "guard: %v\n", err)
		return 2
	}
	return exitCode(v)
}

func exitCode(v guard.Verdict) int {
	switch {
	case len(v.Rejected) > 0:
		return 1
	case !v.OK():
		return 2
	}
	return 0
}
