package synthtest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// NagPrefix starts the rule ID of every AwsSolutions finding.
const NagPrefix = "AwsSolutions-"

// AddNag adds cdk-nag's AwsSolutions pack to every stack of app. Call it
// before synthesis.
func AddNag(app awscdk.App) {
	awscdk.Aspects_Of(app).Add(cdknag.NewAwsSolutionsChecks(&cdknag.NagPackProps{Verbose: boolPtr(true)}), nil)
}

func boolPtr(b bool) *bool { return &b }

// NagFindings returns the unsuppressed AwsSolutions errors and warnings.
func (a *Assembly) NagFindings() []Message {
	return a.Messages(NagPrefix, "error", "warning")
}

// Report renders findings as a readable list grouped by rule.
func Report(findings []Message) string {
	byRule := map[string][]Message{}
	for _, f := range findings {
		byRule[f.Rule()] = append(byRule[f.Rule()], f)
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var b strings.Builder
	for _, r := range rules {
		fs := byRule[r]
		fmt.Fprintf(&b, "\n%s (%d) %s\n", r, len(fs), firstSentence(fs[0].Text))
		for _, f := range fs {
			fmt.Fprintf(&b, "  %-7s %s", f.Level, f.Path)
			if id := f.Finding(); id != "" {
				fmt.Fprintf(&b, "  [%s]", id)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// firstSentence returns the rule's message without its ID and long advice.
func firstSentence(text string) string {
	_, msg, _ := strings.Cut(text, ": ")
	msg = strings.TrimPrefix(msg, " ")
	if i := strings.Index(msg, ". "); i > 0 {
		msg = msg[:i+1]
	}
	return msg
}

// annotationsFlag makes error annotations fail synthesis (through the
// validation report) and prints every annotation to the console.
const annotationsFlag = "@aws-cdk/core:annotationsInValidationReport"

// KeepSynthQuiet turns off aws-cdk-lib's annotations-in-validation-report
// flag for app, so synthesis neither fails on nor prints error annotations;
// tests then read them from the assembly. Call it before adding children.
func KeepSynthQuiet(app awscdk.App) {
	app.Node().SetContext(strPtr(annotationsFlag), false)
}

func strPtr(s string) *string { return &s }
