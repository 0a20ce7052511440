package main

import (
	"os"
	"regexp"
	"testing"
)

// releaseHeading matches a released version's heading in CHANGELOG.md,
// "## [1.2.3] - 2026-12-01" (the Unreleased heading does not match).
var releaseHeading = regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$`)

// TestChangelogNamesTheVersion keeps the newest release in CHANGELOG.md
// equal to the version `ballast --version` prints, so a release bumps both.
func TestChangelogNamesTheVersion(t *testing.T) {
	b, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	if got := newestRelease(string(b)); got != version {
		t.Errorf("CHANGELOG.md's newest release is %q, the version constant %q: add a \"## [%s] - <date>\" section", got, version, version)
	}
}

// newestRelease returns the first released version heading, or "".
func newestRelease(changelog string) string {
	m := releaseHeading.FindStringSubmatch(changelog)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestNewestReleaseSkipsUnreleased(t *testing.T) {
	for in, want := range map[string]string{
		"## [Unreleased]\n### Added\n\n## [0.2.0] - 2027-01-02\n\n## [0.1.0] - 2026-12-01\n": "0.2.0",
		"## [0.1.0]\n": "", // no date: not a release heading
		"no releases":  "",
	} {
		if got := newestRelease(in); got != want {
			t.Errorf("newestRelease(%q) = %q, want %q", in, got, want)
		}
	}
}
