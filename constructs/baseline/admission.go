package baseline

import (
	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// WebhookPolicyName names the ValidatingAdmissionPolicy and its binding.
const WebhookPolicyName = "ballast-no-catch-all-webhooks"

// MaxWebhookTimeoutSeconds: a catch-all webhook must time out in less.
const MaxWebhookTimeoutSeconds = 30

// catchAllRule is true for a webhook rule matching every API group,
// version, resource and operation.
const catchAllRule = `has(r.apiGroups) && r.apiGroups.exists(g, g == '*') && ` +
	`has(r.apiVersions) && r.apiVersions.exists(v, v == '*') && ` +
	`has(r.resources) && r.resources.exists(s, s == '*' || s == '*/*') && ` +
	`has(r.operations) && (r.operations.exists(o, o == '*') || ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'].all(o, o in r.operations))`

// WebhookRuleExpression is the policy's CEL rule: every webhook of the
// configuration either has no catch-all rule, or fails open
// (failurePolicy Ignore) with a timeout under MaxWebhookTimeoutSeconds.
// The API server defaults failurePolicy (Fail) and timeoutSeconds (10)
// before admission, so both are always set when it runs.
const WebhookRuleExpression = `object.webhooks.all(w, ` +
	`!(has(w.rules) && w.rules.exists(r, ` + catchAllRule + `)) || ` +
	`(has(w.failurePolicy) && w.failurePolicy == 'Ignore' && has(w.timeoutSeconds) && w.timeoutSeconds < 30))`

// admissionObjects are the policy and its binding. The policy runs in the
// API server (CEL): there is no webhook of its own that could fail.
func admissionObjects() []runtime.Object {
	fail := admissionregistrationv1.Fail
	policy := &admissionregistrationv1.ValidatingAdmissionPolicy{
		TypeMeta:   typeMeta("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy"),
		ObjectMeta: meta(WebhookPolicyName, ""),
		Spec: admissionregistrationv1.ValidatingAdmissionPolicySpec{
			FailurePolicy: &fail,
			MatchConstraints: &admissionregistrationv1.MatchResources{ResourceRules: []admissionregistrationv1.NamedRuleWithOperations{{
				RuleWithOperations: admissionregistrationv1.RuleWithOperations{
					Operations: []admissionregistrationv1.OperationType{admissionregistrationv1.Create, admissionregistrationv1.Update},
					Rule: admissionregistrationv1.Rule{
						APIGroups:   []string{"admissionregistration.k8s.io"},
						APIVersions: []string{"v1"},
						Resources:   []string{"validatingwebhookconfigurations", "mutatingwebhookconfigurations"},
					},
				},
			}}},
			Validations: []admissionregistrationv1.Validation{{
				Expression: WebhookRuleExpression,
				Message: "an admission webhook matching every API group, version, resource and operation must fail open " +
					"(failurePolicy: Ignore) with timeoutSeconds under 30, or a webhook outage blocks the whole cluster",
			}},
		},
	}
	binding := &admissionregistrationv1.ValidatingAdmissionPolicyBinding{
		TypeMeta:   typeMeta("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding"),
		ObjectMeta: meta(WebhookPolicyName, ""),
		Spec: admissionregistrationv1.ValidatingAdmissionPolicyBindingSpec{
			PolicyName:        WebhookPolicyName,
			ValidationActions: []admissionregistrationv1.ValidationAction{admissionregistrationv1.Deny},
		},
	}
	return []runtime.Object{policy, binding}
}
