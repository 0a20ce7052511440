package baseline_test

import (
	"encoding/json"
	"testing"

	"github.com/google/cel-go/cel"

	"github.com/ballast-eks/ballast/constructs/baseline"
)

// TestWebhookPolicyExpression evaluates the policy's CEL rule, as the API
// server would, on webhook configurations: a catch-all webhook failing
// closed or timing out at 30 s is rejected, one failing open fast and a
// narrow one are admitted.
func TestWebhookPolicyExpression(t *testing.T) {
	env, err := cel.NewEnv(cel.Variable("object", cel.DynType))
	if err != nil {
		t.Fatal(err)
	}
	ast, iss := env.Compile(baseline.WebhookRuleExpression)
	if iss.Err() != nil {
		t.Fatal(iss.Err())
	}
	prg, err := env.Program(ast)
	if err != nil {
		t.Fatal(err)
	}
	const catchAll = `{"apiGroups":["*"],"apiVersions":["*"],"resources":["*"],"operations":["*"]}`
	const allOps = `{"apiGroups":["*"],"apiVersions":["*"],"resources":["*/*"],"operations":["CREATE","UPDATE","DELETE","CONNECT"]}`
	const pods = `{"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"],"operations":["CREATE"]}`
	tests := []struct {
		name, webhooks string
		admit          bool
	}{
		{"catch-all failing closed", `[{"name":"a","failurePolicy":"Fail","timeoutSeconds":10,"rules":[` + catchAll + `]}]`, false},
		{"catch-all failing open, 10 s", `[{"name":"a","failurePolicy":"Ignore","timeoutSeconds":10,"rules":[` + catchAll + `]}]`, true},
		{"catch-all failing open, 30 s", `[{"name":"a","failurePolicy":"Ignore","timeoutSeconds":30,"rules":[` + catchAll + `]}]`, false},
		{"every operation listed, failing closed", `[{"name":"a","failurePolicy":"Fail","timeoutSeconds":5,"rules":[` + allOps + `]}]`, false},
		{"narrow rule failing closed", `[{"name":"a","failurePolicy":"Fail","timeoutSeconds":10,"rules":[` + pods + `]}]`, true},
		{"one bad webhook among good ones", `[{"name":"a","failurePolicy":"Fail","rules":[` + pods + `]},{"name":"b","failurePolicy":"Fail","timeoutSeconds":10,"rules":[` + catchAll + `]}]`, false},
		{"no rules", `[{"name":"a","failurePolicy":"Fail","timeoutSeconds":10}]`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var obj map[string]any
			if err := json.Unmarshal([]byte(`{"webhooks":`+tt.webhooks+`}`), &obj); err != nil {
				t.Fatal(err)
			}
			out, _, err := prg.Eval(map[string]any{"object": obj})
			if err != nil {
				t.Fatalf("evaluation failed (the policy would reject on error): %v", err)
			}
			if got := out.Value() == true; got != tt.admit {
				t.Errorf("admitted = %v, want %v", got, tt.admit)
			}
		})
	}
}
