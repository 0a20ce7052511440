package monitoring

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

const testBreakGlassUser = "arn:aws:sts::123456789012:assumed-role/ballast-prod-BreakGlassRole-ABC/"

// auditEvent builds an EKS audit event (audit.k8s.io/v1) at stage
// ResponseComplete unless stage is given.
func auditEvent(user, verb, uri, group, resource string, code int, stage ...string) string {
	st := "ResponseComplete"
	if len(stage) > 0 {
		st = stage[0]
	}
	return `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"3f1c","stage":"` + st +
		`","requestURI":"` + uri + `","verb":"` + verb + `","user":{"username":"` + user + `","groups":["system:authenticated"]},` +
		`"sourceIPs":["10.0.1.10"],"userAgent":"kubectl/v1.36.0","objectRef":{"resource":"` + resource + `","apiGroup":"` + group + `","apiVersion":"v1"},` +
		`"responseStatus":{"metadata":{},"code":` + strconv.Itoa(code) + `},"requestReceivedTimestamp":"2026-11-30T10:00:00.000000Z","stageTimestamp":"2026-11-30T10:00:00.010000Z"}`
}

const rbac = "rbac.authorization.k8s.io"
const admission = "admissionregistration.k8s.io"

// TestDetectionPatterns evaluates every detection's filter pattern
// against sample audit events with CloudWatch's JSON-pattern semantics:
// each event must match exactly the detections listed.
func TestDetectionPatterns(t *testing.T) {
	alice := "arn:aws:sts::123456789012:assumed-role/developers/alice"
	cases := []struct {
		name  string
		event string
		want  []string // detection IDs
	}{
		{"403 listing secrets", auditEvent("system:serviceaccount:default:app", "list", "/api/v1/namespaces/kube-system/secrets", "", "secrets", 403), []string{"Unauthorized"}},
		{"401 with a bad token", auditEvent("", "get", "/api/v1/pods", "", "pods", 401), []string{"Unauthorized"}},
		{"anonymous request for namespaces", auditEvent("system:anonymous", "list", "/api/v1/namespaces", "", "namespaces", 403), []string{"Unauthorized", "Anonymous"}},
		{"anonymous health probe", auditEvent("system:anonymous", "get", "/readyz", "", "", 200), nil},
		{"anonymous version probe", auditEvent("system:anonymous", "get", "/version?timeout=32s", "", "", 200), nil},
		{"RBAC write: clusterrolebinding created", auditEvent(alice, "create", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", rbac, "clusterrolebindings", 201), []string{"RBACWrites"}},
		{"RBAC write: role patched", auditEvent(alice, "patch", "/apis/rbac.authorization.k8s.io/v1/namespaces/team/roles/x", rbac, "roles", 200), []string{"RBACWrites"}},
		{"RBAC write: rolebinding deleted", auditEvent(alice, "delete", "/apis/rbac.authorization.k8s.io/v1/namespaces/team/rolebindings/x", rbac, "rolebindings", 200), []string{"RBACWrites"}},
		{"RBAC write refused", auditEvent(alice, "create", "/apis/rbac.authorization.k8s.io/v1/clusterroles", rbac, "clusterroles", 403), []string{"Unauthorized"}},
		{"RBAC read", auditEvent(alice, "get", "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin", rbac, "clusterroles", 200), nil},
		{"RBAC write, request received stage", auditEvent(alice, "create", "/apis/rbac.authorization.k8s.io/v1/clusterroles", rbac, "clusterroles", 0, "RequestReceived"), nil},
		{"role aggregation controller", auditEvent("system:serviceaccount:kube-system:clusterrole-aggregation-controller", "update", "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin", rbac, "clusterroles", 200), nil},
		{"EKS add-on manager writes a role", auditEvent("eks:addon-manager", "update", "/apis/rbac.authorization.k8s.io/v1/clusterroles/eks:addon-manager", rbac, "clusterroles", 200), nil},
		{"webhook configuration patched", auditEvent(alice, "patch", "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/policy", admission, "validatingwebhookconfigurations", 200), []string{"WebhookWrites"}},
		{"mutating webhook created", auditEvent(alice, "create", "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", admission, "mutatingwebhookconfigurations", 201), []string{"WebhookWrites"}},
		{"webhook configurations listed", auditEvent(alice, "list", "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", admission, "validatingwebhookconfigurations", 200), nil},
		{"EKS writes its own webhook", auditEvent("eks:pod-identity-mutating-webhook", "update", "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/pod-identity-webhook", admission, "mutatingwebhookconfigurations", 200), nil},
		{"break-glass request", auditEvent(testBreakGlassUser+"incident-42", "get", "/api/v1/nodes", "", "nodes", 200), []string{"BreakGlass"}},
		{"break-glass RBAC write", auditEvent(testBreakGlassUser+"incident-42", "create", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", rbac, "clusterrolebindings", 201), []string{"RBACWrites", "BreakGlass"}},
		{"a role whose name extends the break-glass role's", auditEvent("arn:aws:sts::123456789012:assumed-role/ballast-prod-BreakGlassRole-ABCD/x", "get", "/api/v1/nodes", "", "nodes", 200), nil},
		{"ordinary read", auditEvent(alice, "get", "/api/v1/namespaces/team/pods/web", "", "pods", 200), nil},
		{"authenticator log line", `time="2026-11-30T10:00:00Z" level=info msg="access granted" arn="arn:aws:iam::123456789012:role/x"`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, d := range Detections {
				ok, err := matchJSONPattern(d.Pattern(testBreakGlassUser), c.event)
				if err != nil {
					t.Fatalf("%s: pattern does not parse: %v", d.ID, err)
				}
				if ok {
					got = append(got, d.ID)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("matched %v, want %v", got, c.want)
			}
		})
	}
}

// TestPatternEvaluator proves the evaluator models what the patterns rely
// on, and refuses syntax it does not model.
func TestPatternEvaluator(t *testing.T) {
	ev := `{"a":{"b":"eks:x","n":404,"list":["first","second"]}}`
	for _, c := range []struct {
		pattern string
		want    bool
	}{
		{`{ $.a.b = "eks:*" }`, true},
		{`{ $.a.b = "eks:" }`, false},
		{`{ $.a.b != "eks:*" }`, false},
		{`{ $.a.missing != "x" }`, false}, // a selector that does not resolve never matches
		{`{ $.a.n >= 400 && $.a.n < 500 }`, true},
		{`{ $.a.n = 403 || $.a.n = 404 }`, true},
		{`{ ($.a.n = 403 || $.a.n = 405) && $.a.b = "eks:x" }`, false},
		{`{ $.a.list[1] = "second" }`, true},
		{`{ $.a.n = "404" }`, false}, // a string never equals a number field
	} {
		got, err := matchJSONPattern(c.pattern, ev)
		if err != nil || got != c.want {
			t.Errorf("%s = %v (%v), want %v", c.pattern, got, err, c.want)
		}
	}
	for _, bad := range []string{`{ $.a IS NULL }`, `{ $.a.b = bare }`, `$.a.b = "x"`, `{ $.a.b = "x" `} {
		if _, err := matchJSONPattern(bad, ev); err == nil {
			t.Errorf("%s: parsed, want an error", bad)
		}
	}
}

// TestDetectionsAreDistinct: each detection publishes its own metric
// under its own ID, with a JSON pattern.
func TestDetectionsAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Detections {
		if seen[d.ID] || seen[d.Metric] {
			t.Errorf("detection %s: ID or metric %s repeats", d.ID, d.Metric)
		}
		seen[d.ID], seen[d.Metric] = true, true
		if !strings.HasPrefix(d.Pattern(testBreakGlassUser), "{ ") {
			t.Errorf("%s: not a JSON pattern", d.ID)
		}
	}
}
