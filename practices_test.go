package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// practicesDoc is the practice catalogue, relative to the repository root.
const practicesDoc = "docs/practices.md"

// minPracticeRows is how many practice rows the catalogue has; it may grow,
// never shrink without changing this number on purpose.
const minPracticeRows = 62

// practiceSections are the section headings the catalogue must keep (the
// guide's groups, then Ballast's own).
var practiceSections = []string{
	`What "reliable" means here`,
	"Data plane",
	"Control plane",
	"Network",
	"Building it with the CDK",
	"Beyond the guide",
}

// TestPracticesCatalogue checks every row of docs/practices.md against the
// repository: each code reference names an existing file (and, with
// #Symbol, a top-level Go declaration in it), each test reference an
// existing Test function, and each BALLAST_* name a variable of config.Vars.
// It parses Go source only; nothing is synthesized.
func TestPracticesCatalogue(t *testing.T) {
	b, err := os.ReadFile(practicesDoc)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := checkPracticesDoc(".", string(b), knownVars())
	if err != nil {
		t.Error(err)
	}
	if rows < minPracticeRows {
		t.Errorf("%s has %d practice rows, want at least %d", practicesDoc, rows, minPracticeRows)
	}
}

// TestPracticesCheckerRejectsBrokenRows feeds rows with broken references
// to the checker, which must report each one.
func TestPracticesCheckerRejectsBrokenRows(t *testing.T) {
	root := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pkg/a.go", "package pkg\n\nconst Limit = 3\n\ntype T struct{}\n\nfunc (T) method() {}\n\nfunc Real() {}\n")
	write("pkg/a_test.go", "package pkg\n\nimport \"testing\"\n\nfunc TestReal(t *testing.T) {}\n\nfunc helper() {}\n")
	write("pkg/doc.md", "# doc\n")
	vars := knownVars()

	good := practiceRow{Line: 1, Practice: "A practice.", Code: "`pkg/a.go#Real`, `pkg/a.go#Limit`, `pkg/a.go#method`, `pkg/doc.md`",
		Test: "`pkg/a_test.go#TestReal`", Vars: "`BALLAST_AZS`"}
	tests := []struct {
		name   string
		modify func(*practiceRow)
		want   string // substring of the error; "" means valid
	}{
		{"valid", func(*practiceRow) {}, ""},
		{"not encoded, with why", func(r *practiceRow) { r.Code, r.Test, r.Vars = "not encoded: a Kubernetes object.", "—", "—" }, ""},
		{"missing file", func(r *practiceRow) { r.Code = "`pkg/gone.go#Real`" }, "pkg/gone.go does not exist"},
		{"missing symbol", func(r *practiceRow) { r.Code = "`pkg/a.go#Gone`" }, "pkg/a.go does not define Gone"},
		{"symbol in a non-Go file", func(r *practiceRow) { r.Code = "`pkg/doc.md#Intro`" }, "works only for Go files"},
		{"missing test file", func(r *practiceRow) { r.Test = "`pkg/b_test.go#TestReal`" }, "pkg/b_test.go does not exist"},
		{"missing test function", func(r *practiceRow) { r.Test = "`pkg/a_test.go#TestGone`" }, "pkg/a_test.go does not define TestGone"},
		{"test reference to a helper", func(r *practiceRow) { r.Test = "`pkg/a_test.go#helper`" }, "not a Test function"},
		{"test reference without a function", func(r *practiceRow) { r.Test = "`pkg/a_test.go`" }, "needs #TestName"},
		{"test reference to a non-test file", func(r *practiceRow) { r.Test = "`pkg/a.go#Real`" }, "not a _test.go file"},
		{"prose in the test column", func(r *practiceRow) { r.Test = "`pkg/a_test.go#TestReal` and more" }, "only references"},
		{"encoded without a test", func(r *practiceRow) { r.Test = "—" }, "no test"},
		{"encoded without code", func(r *practiceRow) { r.Code = "somewhere" }, "no code reference"},
		{"not encoded without why", func(r *practiceRow) { r.Code, r.Test = "not encoded", "—" }, "say why"},
		{"path outside the repository", func(r *practiceRow) { r.Code = "`../elsewhere/x.md`" }, "outside the repository"},
		{"absolute path", func(r *practiceRow) { r.Code = "`/etc/passwd`" }, "outside the repository"},
		{"unknown variable", func(r *practiceRow) { r.Vars = "`BALLAST_NO_SUCH_VAR`" }, "BALLAST_NO_SUCH_VAR is not in config.Vars"},
		{"empty variables", func(r *practiceRow) { r.Vars = "" }, `"—"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := good
			tt.modify(&r)
			err := checkPracticeRow(root, r, vars, newGoDecls())
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && err == nil:
				t.Errorf("no error, want one saying %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}

	t.Run("whole documents", func(t *testing.T) {
		header := "## Data plane\n\n| Practice | Code | Test | Variables |\n|---|---|---|---|\n"
		row := "| A practice. | `pkg/a.go#Real` | `pkg/a_test.go#TestReal` | — |\n"
		docs := []struct {
			name, doc string
			rows      int
			want      string
		}{
			{"valid", header + row + row, 2, ""},
			{"broken reference", header + row + "| B. | `pkg/a.go#Nope` | `pkg/a_test.go#TestReal` | — |\n", 2, "practices.md:6: pkg/a.go does not define Nope"},
			{"wrong cell count", header + "| A practice. | `pkg/a.go#Real` | — |\n", 0, "3 cells, want 4"},
			{"row outside a table", "| A practice. | `pkg/a.go#Real` | `pkg/a_test.go#TestReal` | — |\n", 0, "before a header"},
			{"link outside the repository", header + row + "See ../elsewhere/practices.md.\n", 1, `"../"`},
			{"shared path", header + row + "From the team's shared/docs folder.\n", 1, `"shared/"`},
			{"web link", header + row + "See https://example.com.\n", 1, "https://"},
			{"unknown variable in prose", header + row + "Set BALLAST_NOPE.\n", 1, "BALLAST_NOPE is not in config.Vars"},
			{"internal wording", header + row + "The network room owns this.\n", 1, `"room"`},
		}
		for _, d := range docs {
			t.Run(d.name, func(t *testing.T) {
				n, err := checkPracticeText(root, d.doc, vars)
				if n != d.rows {
					t.Errorf("%d rows, want %d", n, d.rows)
				}
				switch {
				case d.want == "" && err != nil:
					t.Errorf("unexpected error: %v", err)
				case d.want != "" && (err == nil || !strings.Contains(err.Error(), d.want)):
					t.Errorf("error %v, want one saying %q", err, d.want)
				}
			})
		}
	})
}

// knownVars is the set of variable names in config.Vars.
func knownVars() map[string]bool {
	out := map[string]bool{}
	for i := range config.Vars {
		out[config.Vars[i].Name] = true
	}
	return out
}

// practiceRow is one table row of the catalogue.
type practiceRow struct {
	Line                       int
	Section                    string
	Practice, Code, Test, Vars string
}

var (
	refRe       = regexp.MustCompile("`([^`]*)`")
	varRe       = regexp.MustCompile(`BALLAST_[A-Z0-9_]+`)
	separatorRe = regexp.MustCompile(`^\|[\s|:-]+\|$`)
	// internalWordRe: words of the project's own process, not the product.
	internalWordRe = regexp.MustCompile(`(?i)\b(rooms?|seeds?|issues?)\b`)
)

// checkPracticesDoc checks the whole document: the text, the required
// sections and every row. It returns the number of practice rows.
func checkPracticesDoc(root, doc string, vars map[string]bool) (int, error) {
	n, err := checkPracticeText(root, doc, vars)
	errs := []error{err}
	for _, s := range practiceSections {
		if !strings.Contains(doc, "\n## "+s+"\n") {
			errs = append(errs, fmt.Errorf("%s: no section %q", practicesDoc, s))
		}
	}
	return n, errors.Join(errs...)
}

// checkPracticeText checks what must hold anywhere in the text (no paths or
// links outside the repository, only known variables, product wording) and
// every row. It returns the number of rows parsed.
func checkPracticeText(root, doc string, vars map[string]bool) (int, error) {
	var errs []error
	for _, bad := range []string{"../", "shared/", "http://", "https://"} {
		if strings.Contains(doc, bad) {
			errs = append(errs, fmt.Errorf("%s: contains %q: point only inside the repository", practicesDoc, bad))
		}
	}
	for _, name := range varRe.FindAllString(doc, -1) {
		if !vars[name] {
			errs = append(errs, fmt.Errorf("%s: %s is not in config.Vars", practicesDoc, name))
		}
	}
	for _, w := range internalWordRe.FindAllString(doc, -1) {
		errs = append(errs, fmt.Errorf("%s: says %q: use product words", practicesDoc, strings.ToLower(w)))
	}
	rows, err := parsePracticeRows(doc)
	errs = append(errs, err)
	decls := newGoDecls()
	for _, r := range rows {
		errs = append(errs, checkPracticeRow(root, r, vars, decls))
	}
	return len(rows), errors.Join(errs...)
}

// parsePracticeRows returns every body row of every table whose header is
// "| Practice | Code | Test | Variables |".
func parsePracticeRows(doc string) ([]practiceRow, error) {
	var rows []practiceRow
	var errs []error
	section, inTable := "", false
	for i, line := range strings.Split(doc, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "## "):
			section, inTable = strings.TrimPrefix(line, "## "), false
			continue
		case !strings.HasPrefix(line, "|"):
			inTable = false
			continue
		case separatorRe.MatchString(line):
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		if len(cells) != 4 {
			errs = append(errs, fmt.Errorf("%s:%d: %d cells, want 4 (practice, code, test, variables); a cell may not contain |", practicesDoc, i+1, len(cells)))
			continue
		}
		if cells[0] == "Practice" {
			inTable = true
			continue
		}
		if !inTable {
			errs = append(errs, fmt.Errorf("%s:%d: table row before a header | Practice | Code | Test | Variables |", practicesDoc, i+1))
			continue
		}
		rows = append(rows, practiceRow{Line: i + 1, Section: section, Practice: cells[0], Code: cells[1], Test: cells[2], Vars: cells[3]})
	}
	return rows, errors.Join(errs...)
}

// checkPracticeRow reports every problem with one row, each prefixed with
// the row's line.
func checkPracticeRow(root string, r practiceRow, vars map[string]bool, decls *goDecls) error {
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", practicesDoc, r.Line, fmt.Sprintf(format, args...)))
	}
	if r.Practice == "" {
		add("empty practice")
	}
	notEncoded := strings.HasPrefix(r.Code, "not encoded")
	codeRefs, testRefs := refs(r.Code), refs(r.Test)
	switch {
	case notEncoded && len(strings.Trim(strings.TrimPrefix(r.Code, "not encoded"), " :.—-")) < 10:
		add("a practice that is not encoded must say why: \"not encoded: <why>\"")
	case !notEncoded && len(codeRefs) == 0:
		add("no code reference (`file` or `file#Symbol`); write \"not encoded: <why>\" if Ballast does not encode it")
	case !notEncoded && len(testRefs) == 0:
		add("no test reference (`file_test.go#TestName`)")
	}
	rest := strings.Trim(refRe.ReplaceAllString(r.Test, ""), " ,;")
	if rest != "" && !(len(testRefs) == 0 && r.Test == "—") {
		add("the test column holds only references (`file_test.go#TestName`, comma-separated) or \"—\", got %q", r.Test)
	}
	for _, ref := range codeRefs {
		if err := checkRef(root, ref, false, decls); err != nil {
			add("%v", err)
		}
	}
	for _, ref := range testRefs {
		if err := checkRef(root, ref, true, decls); err != nil {
			add("%v", err)
		}
	}
	names := varRe.FindAllString(r.Vars, -1)
	if len(names) == 0 && !strings.HasPrefix(r.Vars, "—") {
		add("variables: name the BALLAST_* variables that change the practice, or write \"—\"")
	}
	for _, name := range names {
		if !vars[name] {
			add("%s is not in config.Vars", name)
		}
	}
	return errors.Join(errs...)
}

// refs returns the backticked references of a cell.
func refs(cell string) []string {
	var out []string
	for _, m := range refRe.FindAllStringSubmatch(cell, -1) {
		out = append(out, m[1])
	}
	return out
}

// checkRef checks one reference, "path" or "path#Symbol", against root.
// A test reference must name a top-level Test function of a _test.go file.
func checkRef(root, ref string, test bool, decls *goDecls) error {
	path, sym, _ := strings.Cut(ref, "#")
	clean := filepath.ToSlash(filepath.Clean(filepath.FromSlash(path)))
	if path == "" || filepath.IsAbs(path) || strings.HasPrefix(path, "/") || clean == ".." || strings.HasPrefix(clean, "../") || clean != path {
		return fmt.Errorf("%q is outside the repository or not a clean repo-relative path", ref)
	}
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil || fi.IsDir() {
		return fmt.Errorf("%s does not exist (or is not a file)", path)
	}
	if test {
		switch {
		case !strings.HasSuffix(path, "_test.go"):
			return fmt.Errorf("test reference %q: %s is not a _test.go file", ref, path)
		case sym == "":
			return fmt.Errorf("test reference %q needs #TestName", ref)
		}
	}
	if sym == "" {
		return nil
	}
	if !strings.HasSuffix(path, ".go") {
		return fmt.Errorf("%q: #Symbol works only for Go files", ref)
	}
	kinds, err := decls.of(root, path)
	if err != nil {
		return err
	}
	kind, ok := kinds[sym]
	switch {
	case !ok:
		return fmt.Errorf("%s does not define %s", path, sym)
	case test && (kind != "func" || !strings.HasPrefix(sym, "Test")):
		return fmt.Errorf("%s#%s is a %s, not a Test function", path, sym, kind)
	}
	return nil
}

// goDecls caches the top-level declarations of parsed Go files.
type goDecls struct {
	files map[string]map[string]string // path -> name -> kind
}

func newGoDecls() *goDecls { return &goDecls{files: map[string]map[string]string{}} }

// of returns the top-level declarations of a Go file: functions ("func"),
// methods ("method"), types, constants and variables, by name.
func (d *goDecls) of(root, path string) (map[string]string, error) {
	if m, ok := d.files[path]; ok {
		return m, nil
	}
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, filepath.FromSlash(path)), nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("%s does not parse: %v", path, err)
	}
	m := map[string]string{}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv == nil {
				m[decl.Name.Name] = "func"
			} else if _, dup := m[decl.Name.Name]; !dup {
				m[decl.Name.Name] = "method"
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					m[spec.Name.Name] = "type"
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						m[n.Name] = decl.Tok.String()
					}
				}
			}
		}
	}
	d.files[path] = m
	return m, nil
}
