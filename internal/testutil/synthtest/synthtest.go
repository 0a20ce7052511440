// Package synthtest is the test harness: it synthesizes CDK apps one way
// (Synth, which writes the cloud assembly and reads it back), and queries
// what the assembly holds in plain Go, with no jsii round trip per
// assertion: templates and their resources, annotations (cdk-nag findings,
// EKS rule-pack messages), suppressions, and the checkers' pending list.
//
// Importing it turns off aws-cdk-lib's CloudFormation validation plugin
// (CDK_VALIDATION=false; the plugin costs about 1.5 s of CPU a synthesis)
// in the test binary's jsii runtime unless the environment already sets
// CDK_VALIDATION; the root package's binary test synthesizes the reference
// app with it on.
package synthtest

import (
	"fmt"
	"os"
	"sort"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/cdkapp"
)

func init() {
	changed := setDefault("CDK_VALIDATION", "false")
	// Node 20 is what CI machines have; the jsii banner is noise in tests.
	changed = setDefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20") || changed
	if changed {
		// The jsii client is made while aws-cdk-go's packages register
		// their types, before this init runs, and its runtime process
		// takes the environment of that moment. The process starts at the
		// first jsii call, so none has started yet: closing the client
		// makes that call start one that sees the settings above.
		jsii.Close()
	}
}

// setDefault sets the environment variable key to value unless it is set,
// and reports whether it did.
func setDefault(key, value string) bool {
	if _, ok := os.LookupEnv(key); ok {
		return false
	}
	os.Setenv(key, value)
	return true
}

// Template is one synthesized CloudFormation template.
type Template map[string]any

// outdirs are the directories NewApp made, removed by Close.
var outdirs struct {
	sync.Mutex
	dirs []string
}

// NewApp returns an app with Ballast's feature flags, writing to a fresh
// temporary directory (removed by Close).
func NewApp() awscdk.App {
	dir, err := os.MkdirTemp("", "ballast-synth-")
	if err != nil {
		panic(err)
	}
	outdirs.Lock()
	outdirs.dirs = append(outdirs.dirs, dir)
	outdirs.Unlock()
	return cdkapp.NewApp(dir)
}

// MustSynth is Synth for tests that only read templates: a failure to
// synthesize or to read the assembly panics.
func MustSynth(app awscdk.App) *Assembly {
	a, err := Synth(app)
	if err != nil {
		panic(err)
	}
	if a.SynthError != "" {
		panic("synthesis failed: " + a.SynthError)
	}
	return a
}

// Resource is one resource of a template.
type Resource struct {
	ID         string
	Type       string
	Properties map[string]any
	Raw        map[string]any
}

// Resources returns the template's resources of type typ, sorted by ID.
func (t Template) Resources(typ string) []Resource {
	res, _ := t["Resources"].(map[string]any)
	var out []Resource
	for id, r := range res {
		rm, _ := r.(map[string]any)
		if rm["Type"] != typ {
			continue
		}
		props, _ := rm["Properties"].(map[string]any)
		out = append(out, Resource{ID: id, Type: typ, Properties: props, Raw: rm})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// One returns the single resource of type typ, failing t if there is not
// exactly one.
func (t Template) One(tb testing.TB, typ string) Resource {
	tb.Helper()
	rs := t.Resources(typ)
	if len(rs) != 1 {
		tb.Fatalf("want exactly one %s, got %d", typ, len(rs))
	}
	return rs[0]
}

// Count returns how many resources of type typ the template has.
func (t Template) Count(typ string) int { return len(t.Resources(typ)) }

// Outputs returns the template's outputs.
func (t Template) Outputs() map[string]any {
	o, _ := t["Outputs"].(map[string]any)
	return o
}

// Get walks a path of map keys and slice indexes through v, returning nil
// where the path does not exist: Get(props, "Logging", "ClusterLogging").
func Get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			s, ok := v.([]any)
			if !ok || k >= len(s) {
				return nil
			}
			v = s[k]
		default:
			panic(fmt.Sprintf("synthtest.Get: bad path element %v", p))
		}
	}
	return v
}

// Ref returns the logical ID v refers to through {"Ref": id} or
// {"Fn::GetAtt": [id, attr]}, or "" if v is neither.
func Ref(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	if r, ok := m["Ref"].(string); ok {
		return r
	}
	if ga, ok := m["Fn::GetAtt"].([]any); ok && len(ga) > 0 {
		s, _ := ga[0].(string)
		return s
	}
	return ""
}

// Main is a TestMain that only runs the tests and then Close:
//
//	func TestMain(m *testing.M) { synthtest.Main(m) }
//
// A test binary that links aws-cdk-go needs it even if it never
// synthesizes: aws-cdk-go writes the jsii runtime's files to a temporary
// directory as soon as its packages load, and closing the runtime removes
// them.
func Main(m *testing.M) {
	code := m.Run()
	Close()
	os.Exit(code)
}

// Close ends the jsii runtime, which removes its temporary files, and
// removes the apps' output directories; call it from TestMain after m.Run.
func Close() {
	jsii.Close()
	outdirs.Lock()
	defer outdirs.Unlock()
	for _, d := range outdirs.dirs {
		os.RemoveAll(d)
	}
	outdirs.dirs = nil
}

// ResolveOutput follows a cross-stack reference ({"Fn::GetStackOutput":
// {"OutputName": ...}} or {"Fn::ImportValue": ...}) to the producer
// template's output and returns the logical ID that output refers to, or ""
// when ref is not such a reference to producer.
func ResolveOutput(producer Template, ref any) string {
	m, ok := ref.(map[string]any)
	if !ok {
		return ""
	}
	outputs := producer.Outputs()
	if gso, ok := m["Fn::GetStackOutput"].(map[string]any); ok {
		name, _ := gso["OutputName"].(string)
		return Ref(Get(outputs, name, "Value"))
	}
	if imp, ok := m["Fn::ImportValue"].(string); ok {
		for _, o := range outputs {
			if Get(o, "Export", "Name") == imp {
				return Ref(Get(o, "Value"))
			}
		}
	}
	return ""
}

// DependsOn returns the logical IDs the resource explicitly depends on.
func (r Resource) DependsOn() []string {
	var out []string
	switch d := r.Raw["DependsOn"].(type) {
	case string:
		out = append(out, d)
	case []any:
		for _, x := range d {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
