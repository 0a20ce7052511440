package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// TestOpenEndpointNeedsOptIn is the command line
// BALLAST_ENV=prod BALLAST_ENDPOINT_ACCESS=public-and-private
// BALLAST_PUBLIC_ACCESS_CIDRS=0.0.0.0/0 go run . exits 2 naming the opt-in.
func TestOpenEndpointNeedsOptIn(t *testing.T) {
	environ := []string{
		config.VarEnv + "=prod", config.VarEndpointAccess + "=public-and-private", config.VarPublicAccessCIDRs + "=0.0.0.0/0",
	}
	var stdout, stderr bytes.Buffer
	code := run(nil, environ, &stdout, &stderr)
	if code != exitInvalidConfig {
		t.Errorf("exit %d, want %d", code, exitInvalidConfig)
	}
	if !strings.Contains(stderr.String(), config.VarAllowOpenEndpoint+"=on") {
		t.Errorf("stderr does not explain the opt-in:\n%s", stderr.String())
	}
}
