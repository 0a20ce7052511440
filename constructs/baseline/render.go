package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"

	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/yaml"
)

// File is one file of the GitOps folder: typed Kubernetes objects,
// rendered as one YAML document each, in order.
type File struct {
	// Name is the file name, e.g. "namespace-payments.yaml".
	Name string
	// Objects are the file's typed objects; each sets its TypeMeta.
	Objects []runtime.Object
	// Document, instead of Objects, is a typed document that is not a
	// Kubernetes object (such as a Helm chart's values): rendered as YAML,
	// not listed in the kustomization. Default: nil.
	Document any
	// Description says what a Document is for, in the README's file list.
	// Default: "".
	Description string
	// Note is a README section (Markdown, starting with a "## " heading)
	// about the file, e.g. what to install before applying it.
	// Default: none.
	Note string
}

// The files of the folder besides the per-namespace ones.
const (
	FilePriorityClasses  = "priority-classes.yaml"
	FileAdmissionPolicy  = "admission-policy.yaml"
	FileSystemPDBs       = "system-pdbs.yaml"
	FileOverProvisioning = "overprovisioning.yaml"
	FileKustomization    = "kustomization.yaml"
	FileReadme           = "README.md"
)

// NamespaceFile is the file of a team namespace's objects.
func NamespaceFile(team string) string { return "namespace-" + team + ".yaml" }

// Render returns the baseline's manifest files in order (the
// kustomization and README are added by RenderFolder). It validates props
// first.
func Render(props BaselineProps) ([]File, error) {
	if err := props.Validate(); err != nil {
		return nil, err
	}
	p := props.WithDefaults()
	version := *p.KubernetesVersion
	files := []File{{Name: FilePriorityClasses, Objects: priorityClasses()}}
	if *p.AdmissionPolicy {
		files = append(files, File{Name: FileAdmissionPolicy, Objects: admissionObjects()})
	}
	if *p.SystemPDBs {
		files = append(files, File{Name: FileSystemPDBs, Objects: systemPDBs()})
	}
	for _, t := range p.Teams {
		files = append(files, File{Name: NamespaceFile(t.Name), Objects: teamObjects(t, version)})
	}
	if p.OverProvisioning != nil {
		files = append(files, File{Name: FileOverProvisioning, Objects: overProvisioningObjects(*p.OverProvisioning, version)})
	}
	return files, nil
}

// Bytes renders the file: each object as YAML with sorted keys, without
// the null and empty fields typed objects marshal (creationTimestamp,
// status), documents separated by "---".
func (f File) Bytes() ([]byte, error) {
	if f.Document != nil {
		if len(f.Objects) > 0 {
			return nil, fmt.Errorf("%s: has both objects and a document", f.Name)
		}
		return MarshalObject(f.Document)
	}
	var b bytes.Buffer
	for i, o := range f.Objects {
		doc, err := MarshalObject(o)
		if err != nil {
			return nil, fmt.Errorf("%s: object %d: %w", f.Name, i, err)
		}
		if i > 0 {
			b.WriteString("---\n")
		}
		b.Write(doc)
	}
	return b.Bytes(), nil
}

// MarshalObject renders one object as YAML, dropping nulls and an empty
// status.
func MarshalObject(o any) ([]byte, error) {
	j, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(j, &m); err != nil {
		return nil, err
	}
	prune(m)
	if s, ok := m["status"].(map[string]any); ok && len(s) == 0 {
		delete(m, "status")
	}
	return yaml.Marshal(m)
}

// prune removes null values (an empty map stays: an empty podSelector
// selects every pod). It reports whether v itself is null.
func prune(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case map[string]any:
		for k, e := range x {
			if prune(e) {
				delete(x, k)
			}
		}
	case []any:
		for _, e := range x {
			prune(e)
		}
	}
	return false
}

// kustomization is a kustomize Kustomization listing the folder's
// manifests (kustomize's own type is not a k8s.io/api type).
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
}

// Kustomization returns kustomization.yaml for the manifest files.
func Kustomization(files []File) ([]byte, error) {
	k := kustomization{APIVersion: "kustomize.config.k8s.io/v1beta1", Kind: "Kustomization"}
	for _, f := range files {
		if f.Document == nil {
			k.Resources = append(k.Resources, f.Name)
		}
	}
	return yaml.Marshal(k)
}

// RenderFolder returns every file of the folder by name, in order: the
// manifests, kustomization.yaml and README.md.
func RenderFolder(files []File) ([]string, map[string][]byte, error) {
	out := map[string][]byte{}
	var names []string
	for _, f := range files {
		if _, dup := out[f.Name]; dup || f.Name == FileKustomization || f.Name == FileReadme {
			return nil, nil, fmt.Errorf("file %s: rendered twice", f.Name)
		}
		b, err := f.Bytes()
		if err != nil {
			return nil, nil, err
		}
		out[f.Name], names = b, append(names, f.Name)
	}
	k, err := Kustomization(files)
	if err != nil {
		return nil, nil, err
	}
	out[FileKustomization], out[FileReadme] = k, []byte(readme(files))
	return append(names, FileKustomization, FileReadme), out, nil
}
