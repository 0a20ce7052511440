package synthtest

// A synthesized cloud assembly is read from its JSON files: what it says
// about itself (annotations, logical IDs, cdk-nag suppressions) costs no
// jsii call per query.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
)

// Message is one annotation (error, warning or info) in the assembly.
type Message struct {
	Stack string // stack artifact ID
	Path  string // construct path, e.g. /ballast-dev-network/Network/Vpc/Resource
	Level string // "error", "warning" or "info"
	Text  string
}

// Rule returns the rule ID a message starts with ("AwsSolutions-IAM4" of
// "AwsSolutions-IAM4[Policy::...]: ..." or "BALLAST-EKS1" of
// "BALLAST-EKS1: ..."), or "" if it starts with no ID.
func (m Message) Rule() string {
	i := strings.IndexAny(m.Text, "[: ")
	if i <= 0 || m.Text[i] == ' ' {
		return ""
	}
	return m.Text[:i]
}

// Finding returns the granular finding of a cdk-nag message (the
// "Policy::..." in "AwsSolutions-IAM4[Policy::...]: ..."), or "".
func (m Message) Finding() string {
	rest := strings.TrimPrefix(m.Text, m.Rule())
	if !strings.HasPrefix(rest, "[") {
		return ""
	}
	if j := strings.Index(rest, "]: "); j > 0 {
		return rest[1:j]
	}
	return ""
}

func (m Message) String() string {
	return fmt.Sprintf("%-7s %s\n        %s", m.Level, m.Path, m.Text)
}

// Stack is one stack artifact of an assembly.
type Stack struct {
	ID string
	// StackName is the CloudFormation stack name (the ID, unless the stack
	// pins another name or sits in a stage).
	StackName string
	// Environment is where the stack deploys, e.g.
	// aws://111122223333/eu-west-1 (aws://unknown-account/... when
	// environment-agnostic).
	Environment string
	Template    map[string]any
	// Paths maps logical IDs to construct paths.
	Paths    map[string]string
	Messages []Message
}

// Assembly is a synthesized cloud assembly read from disk.
type Assembly struct {
	Dir    string
	Stacks []Stack // sorted by ID
	// SynthError is the error synthesis ended with ("" if none), typically
	// "ValidationFailed" because of error annotations.
	SynthError string
}

// Synth synthesizes app and reads the result. With aws-cdk-lib's
// annotations-in-validation-report flag (on in Ballast's feature flags), an
// error annotation makes synthesis fail after the assembly is written; Synth
// recovers that failure, reads what was written and returns the failure as
// SynthError, so callers see every finding, not only the first.
func Synth(app awscdk.App) (a *Assembly, err error) {
	outdir := *app.Outdir()
	synthErr := func() (failure any) {
		defer func() { failure = recover() }()
		app.Synth(nil)
		return nil
	}()
	a, err = Read(outdir)
	if err != nil {
		return nil, fmt.Errorf("reading the assembly (synth failure: %v): %w", synthErr, err)
	}
	if synthErr != nil {
		a.SynthError = fmt.Sprint(synthErr)
	}
	return a, nil
}

type metadataEntry struct {
	Type string `json:"type"`
	Data any    `json:"data"`
}

// Read reads the cloud assembly in dir.
func Read(dir string) (*Assembly, error) {
	var manifest struct {
		Artifacts map[string]struct {
			Type        string `json:"type"`
			Environment string `json:"environment"`
			Properties  struct {
				TemplateFile  string
				StackName     string
				DirectoryName string
			} `json:"properties"`
			Metadata map[string][]metadataEntry `json:"metadata"`
			MetaFile string                     `json:"additionalMetadataFile"`
		} `json:"artifacts"`
	}
	if err := readJSON(filepath.Join(dir, "manifest.json"), &manifest); err != nil {
		return nil, err
	}
	a := &Assembly{Dir: dir}
	for id, art := range manifest.Artifacts {
		if art.Type == "cdk:cloud-assembly" { // a stage: its stacks count too
			nested, err := Read(filepath.Join(dir, art.Properties.DirectoryName))
			if err != nil {
				return nil, err
			}
			a.Stacks = append(a.Stacks, nested.Stacks...)
			continue
		}
		if art.Type != "aws:cloudformation:stack" {
			continue
		}
		s := Stack{ID: id, StackName: art.Properties.StackName, Environment: art.Environment, Paths: map[string]string{}}
		if s.StackName == "" {
			s.StackName = id
		}
		if err := readJSON(filepath.Join(dir, art.Properties.TemplateFile), &s.Template); err != nil {
			return nil, err
		}
		meta := art.Metadata
		if art.MetaFile != "" {
			if err := readJSON(filepath.Join(dir, art.MetaFile), &meta); err != nil {
				return nil, err
			}
		}
		s.read(meta)
		a.Stacks = append(a.Stacks, s)
	}
	sort.Slice(a.Stacks, func(i, j int) bool { return a.Stacks[i].ID < a.Stacks[j].ID })
	return a, nil
}

func (s *Stack) read(meta map[string][]metadataEntry) {
	for path, entries := range meta {
		for _, e := range entries {
			text, _ := e.Data.(string)
			switch e.Type {
			case "aws:cdk:logicalId":
				s.Paths[text] = path
			case "aws:cdk:error", "aws:cdk:warning", "aws:cdk:info":
				level := strings.TrimPrefix(e.Type, "aws:cdk:")
				s.Messages = append(s.Messages, Message{Stack: s.ID, Path: path, Level: level, Text: text})
			}
		}
	}
	sort.Slice(s.Messages, func(i, j int) bool {
		a, b := s.Messages[i], s.Messages[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Text < b.Text
	})
}

// Messages returns every message of every stack whose rule ID starts with
// prefix ("" for all) and whose level is one of levels (all if none given).
func (a *Assembly) Messages(prefix string, levels ...string) []Message {
	var out []Message
	for _, s := range a.Stacks {
		for _, m := range s.Messages {
			if !strings.HasPrefix(m.Rule(), prefix) || (len(levels) > 0 && !contains(levels, m.Level)) {
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
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

// ByStackName returns the assembly's templates by CloudFormation stack
// name, stages included.
func (a *Assembly) ByStackName() map[string]Template {
	out := map[string]Template{}
	for _, s := range a.Stacks {
		out[s.StackName] = s.Template
	}
	return out
}
