package main

import (
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

// TestCheckersPass fails on any unsuppressed cdk-nag (AwsSolutions) finding
// and any EKS rule-pack message over this example (BALLAST-EKS13 among
// them: every node subnet has the private-cluster endpoints), and on a
// suppression docs/suppressions.md does not list.
func TestCheckersPass(t *testing.T) {
	synthtest.AssertClean(t, checked, "../..")
}
