package checks_test

import (
	"fmt"

	"github.com/ballast-eks/ballast/cdkapp"
	"github.com/ballast-eks/ballast/constructs/checks"
)

// The rule pack applies to any app; prod also requires deletion protection.
// A finding is an error on the resource, so synthesis fails.
func ExampleApply() {
	app := cdkapp.NewApp("")
	checks.Apply(app, checks.Options{RequireDeletionProtection: true})
	fmt.Println(len(checks.Rules), "rules:", checks.Rules[0], "..", checks.Rules[len(checks.Rules)-1])
	// Output:
	// 16 rules: BALLAST-EKS1 .. BALLAST-EKS16
}
