package guard

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Assembly is the set of templates to compare: a cloud assembly (cdk.out)
// or a directory of template snapshots.
type Assembly struct {
	// Templates maps stack names to templates.
	Templates map[string]Template
	// Paths maps stack names to each logical ID's construct path, when the
	// assembly records them.
	Paths map[string]map[string]string
}

// ReadAssembly reads the templates in dir: a cloud assembly (a directory
// with manifest.json, such as cdk.out, nested stage assemblies included),
// or else every <stack>.template.json, <stack>.golden.json or <stack>.json
// file in dir that holds a template.
func ReadAssembly(dir string) (*Assembly, error) {
	a := &Assembly{Templates: map[string]Template{}, Paths: map[string]map[string]string{}}
	_, err := os.Stat(filepath.Join(dir, "manifest.json"))
	switch {
	case err == nil:
		err = a.readManifest(dir)
	case errors.Is(err, fs.ErrNotExist):
		err = a.readSnapshots(dir)
	}
	if err != nil {
		return nil, err
	}
	if len(a.Templates) == 0 {
		return nil, fmt.Errorf("%s holds no CloudFormation template", dir)
	}
	return a, nil
}

type manifest struct {
	Artifacts map[string]struct {
		Type       string `json:"type"`
		Properties struct {
			TemplateFile  string `json:"templateFile"`
			StackName     string `json:"stackName"`
			DirectoryName string `json:"directoryName"`
		} `json:"properties"`
		Metadata map[string][]metadataEntry `json:"metadata"`
		MetaFile string                     `json:"additionalMetadataFile"`
	} `json:"artifacts"`
}

type metadataEntry struct {
	Type string `json:"type"`
	Data any    `json:"data"`
}

func (a *Assembly) readManifest(dir string) error {
	var m manifest
	if err := readJSON(filepath.Join(dir, "manifest.json"), &m); err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(m.Artifacts)) {
		art := m.Artifacts[id]
		switch art.Type {
		case "cdk:cloud-assembly":
			if err := a.readManifest(filepath.Join(dir, art.Properties.DirectoryName)); err != nil {
				return err
			}
		case "aws:cloudformation:stack":
			name := art.Properties.StackName
			if _, taken := a.Templates[name]; name == "" || taken {
				name = id
			}
			var t Template
			if err := readJSON(filepath.Join(dir, art.Properties.TemplateFile), &t); err != nil {
				return err
			}
			a.Templates[name] = t
			meta := art.Metadata
			if art.MetaFile != "" {
				if err := readJSON(filepath.Join(dir, art.MetaFile), &meta); err != nil {
					return err
				}
			}
			a.Paths[name] = logicalIDPaths(meta)
		}
	}
	return nil
}

func logicalIDPaths(meta map[string][]metadataEntry) map[string]string {
	paths := map[string]string{}
	for path, entries := range meta {
		for _, e := range entries {
			if s, ok := e.Data.(string); ok && e.Type == "aws:cdk:logicalId" {
				paths[s] = path
			}
		}
	}
	return paths
}

var snapshotSuffixes = []string{".template.json", ".golden.json", ".json"}

func (a *Assembly) readSnapshots(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") {
			continue
		}
		var t Template
		if err := readJSON(filepath.Join(dir, name), &t); err != nil {
			return err
		}
		if _, ok := t["Resources"]; !ok {
			continue
		}
		for _, s := range snapshotSuffixes {
			if strings.HasSuffix(name, s) {
				name = strings.TrimSuffix(name, s)
				break
			}
		}
		a.Templates[name] = t
	}
	return nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// CompareAssemblies lists the changes from the templates in oldDir to
// those in newDir (see ReadAssembly), with construct paths where the new
// (or, for a deletion, the old) assembly records them.
func CompareAssemblies(oldDir, newDir string) ([]Change, error) {
	old, err := ReadAssembly(oldDir)
	if err != nil {
		return nil, err
	}
	cur, err := ReadAssembly(newDir)
	if err != nil {
		return nil, err
	}
	changes := CompareStacks(old.Templates, cur.Templates)
	for i, ch := range changes {
		changes[i].Construct = cur.Paths[ch.Stack][ch.LogicalID]
		if changes[i].Construct == "" {
			changes[i].Construct = old.Paths[ch.Stack][ch.LogicalID]
		}
	}
	return changes, nil
}
