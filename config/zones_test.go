package config

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultAZsComeFromTheZoneTable(t *testing.T) {
	c := mustLoad(t, map[string]string{VarRegion: "cn-north-1"})
	if !slices.Equal(c.AZs, []string{"cn-north-1a", "cn-north-1b", "cn-north-1d"}) {
		t.Errorf("cn-north-1 default AZs %v", c.AZs)
	}
}

// TestUnlistedAZsEscape: a region the table lacks synthesizes once its
// zones are named and the escape is on; the names keep the region's form.
func TestUnlistedAZsEscape(t *testing.T) {
	vars := map[string]string{VarRegion: "xx-moon-1", VarAZs: "xx-moon-1a,xx-moon-1b,xx-moon-1c"}
	if _, err := load(t, vars); err == nil || !strings.Contains(err.Error(), VarAllowUnlistedAZs+"=on") {
		t.Errorf("without the escape: %v", err)
	}
	vars[VarAllowUnlistedAZs] = "on"
	if c, err := load(t, vars); err != nil || len(c.AZs) != 3 {
		t.Errorf("with the escape: %v", err)
	}
	vars[VarAZs] = "xx-moon-1a,us-east-1b"
	if _, err := load(t, vars); err == nil || !strings.Contains(err.Error(), "us-east-1b is not an availability zone of region xx-moon-1") {
		t.Errorf("escape accepted another region's zone: %v", err)
	}
}

// TestNoDefaultAZsIsOneProblem: a region without default zones is one
// problem, under BALLAST_AZS, not also the network's "need 2 to 6".
func TestNoDefaultAZsIsOneProblem(t *testing.T) {
	_, err := load(t, map[string]string{VarRegion: "us-west-1"})
	if err == nil || strings.Count(err.Error(), VarAZs+"=") != 1 {
		t.Errorf("err = %v", err)
	}
}
