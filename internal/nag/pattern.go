package nag

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
)

// SuppressMatching is Suppress with the findings given as regular
// expressions (cdk-nag's RegexAppliesTo, each anchored at both ends), for
// resources another library generates, whose findings name logical IDs
// that are only known at synthesis. Each pattern should match one kind of
// finding; anything it does not match is still reported.
func SuppressMatching(scope constructs.IConstruct, rule, reason string, patterns ...string) {
	if err := check(rule, reason, patterns); err != nil {
		panic(fmt.Errorf("nag.SuppressMatching(%s): %w", *scope.Node().Path(), err))
	}
	res := cfnResource(scope)
	list := make([]any, len(patterns))
	for i, p := range patterns {
		list[i] = map[string]any{"regex": "/^" + p + "$/"}
	}
	entry := map[string]any{"id": rule, "reason": reason, "applies_to": list}
	rules := existing(res)
	for _, r := range rules {
		if fmt.Sprint(r) == fmt.Sprint(entry) {
			return
		}
	}
	res.AddMetadata(strPtr(MetadataKey), map[string]any{"rules_to_suppress": append(rules, entry)})
}
