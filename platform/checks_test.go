package platform_test

import (
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// TestEKSRulePack runs the EKS rule pack (every rule, prod with deletion
// protection required) over every profile's defaults: it must stay quiet.
func TestEKSRulePack(t *testing.T) {
	for _, p := range config.Profiles {
		t.Run(string(p), func(t *testing.T) {
			if msgs := nagged(t)[p].Messages("BALLAST-EKS"); len(msgs) > 0 {
				for _, m := range msgs {
					t.Errorf("the EKS rule pack reports on the %s defaults: %s", p, m)
				}
			}
		})
	}
}
