package baseline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Baseline is the GitOps folder of one cluster. It creates no
// CloudFormation resource: it writes its files into the cloud assembly
// when the app synthesizes, at Dir (relative to the assembly directory),
// so `cdk synth`, `go run .` and a library app's app.Synth all produce
// them, with no clock, network or custom resource involved.
//
// Writing happens in a validation of the construct, the one hook
// aws-cdk-go offers Go code during synthesis: the assembly directory
// exists by then, and a write failure fails synthesis with its reason.
// Synthesizing with validation skipped (SkipValidation) writes no files.
type Baseline struct {
	constructs.Construct
	// Dir is the folder, relative to the assembly directory:
	// <cluster name>/gitops.
	Dir   string
	files []File
}

// GitOpsDir is the folder of a cluster's files in the assembly.
func GitOpsDir(clusterName string) string { return filepath.Join(clusterName, "gitops") }

// NewBaseline validates props and renders the baseline's files, written
// when the app synthesizes.
func NewBaseline(scope constructs.Construct, id string, props *BaselineProps) *Baseline {
	p := propcheck.Deref(props)
	propcheck.Must(scope, id, "baseline", p.Validate())
	files, _ := Render(p) // Validate accepted the props
	b := &Baseline{Construct: constructs.NewConstruct(scope, jsii.String(id)), Dir: GitOpsDir(*p.ClusterName), files: files}
	b.Node().AddValidation(&writer{b: b})
	return b
}

// AddFile adds a file of typed objects to the folder (listed in the
// kustomization after the baseline's own); its name must be new.
func (b *Baseline) AddFile(f File) {
	if slices.ContainsFunc(b.files, func(g File) bool { return g.Name == f.Name }) {
		panic(fmt.Errorf("baseline %s: file %s added twice", *b.Node().Path(), f.Name))
	}
	b.files = append(b.files, f)
}

// Files returns the manifest files, in order.
func (b *Baseline) Files() []File { return slices.Clone(b.files) }

// Write renders every file of the folder into dir/b.Dir, replacing what a
// previous synthesis left there.
func (b *Baseline) Write(dir string) error {
	names, contents, err := RenderFolder(b.files)
	if err != nil {
		return err
	}
	out := filepath.Join(dir, b.Dir)
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(out, n), contents[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writer writes the folder when the construct tree is validated during
// synthesis.
type writer struct{ b *Baseline }

// Validate writes the files into the assembly directory of the
// construct's stage; a failure is reported as a validation error.
func (w *writer) Validate() *[]*string {
	dir := awscdk.Stage_Of(w.b.Construct).Outdir()
	if err := w.b.Write(*dir); err != nil {
		return &[]*string{jsii.String(fmt.Sprintf("writing the GitOps folder %s: %v", w.b.Dir, err))}
	}
	return &[]*string{}
}
