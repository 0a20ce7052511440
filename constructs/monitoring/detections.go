package monitoring

import (
	"strings"
)

// Detection is one audit-log detection: a metric filter on the
// control-plane log group, an alarm on its metric, and a Logs Insights
// saved query that lists the matching events.
type Detection struct {
	// ID names the detection's constructs; stable.
	ID string
	// Metric is the name of the metric its filter publishes.
	Metric string
	// What the detection finds, for alarm descriptions.
	What string
	// pattern returns the CloudWatch JSON filter pattern; breakGlassUser
	// is the username prefix of break-glass sessions.
	pattern func(breakGlassUser string) string
	// filter is the Logs Insights filter statement of the saved query.
	filter func(breakGlassUser string) string
	// needsBreakGlass is true when the detection exists only with a
	// break-glass role.
	needsBreakGlass bool
}

// Pattern is the detection's CloudWatch Logs JSON filter pattern, with
// breakGlassUser the username prefix the break-glass role's sessions
// have (BreakGlassUsername).
func (d Detection) Pattern(breakGlassUser string) string { return d.pattern(breakGlassUser) }

// Audit-event conditions the patterns share. Only completed requests
// count (an audit event is logged per stage), so one request is counted
// once.
const (
	completed = `$.stage = "ResponseComplete"`
	succeeded = `$.responseStatus.code < 400`
	writes    = `($.verb = "create" || $.verb = "update" || $.verb = "patch" || $.verb = "delete" || $.verb = "deletecollection")`
	// notEKS leaves out EKS's own components (eks:*) and the API server's
	// bootstrap of the default roles and the role aggregation controller,
	// which rewrite RBAC objects by design.
	notSystemRBAC = `$.user.username != "eks:*" && $.user.username != "system:apiserver" && ` +
		`$.user.username != "system:serviceaccount:kube-system:clusterrole-aggregation-controller"`
	// notHealth leaves out the unauthenticated health and version
	// endpoints, which load balancers and probes call anonymously.
	notHealth = `$.requestURI != "/livez*" && $.requestURI != "/readyz*" && $.requestURI != "/healthz*" && $.requestURI != "/version*"`
)

func and(parts ...string) string { return "{ " + strings.Join(parts, " && ") + " }" }

func fixed(p string) func(string) string { return func(string) string { return p } }

// The audit-log detections (SourceDetectiveControls).
var (
	DetectUnauthorized = Detection{ID: "Unauthorized", Metric: "UnauthorizedRequests",
		What:    "requests refused as unauthenticated (401) or forbidden (403)",
		pattern: fixed(and(completed, `($.responseStatus.code = 401 || $.responseStatus.code = 403)`)),
		filter:  fixed(`responseStatus.code in [401, 403]`)}
	DetectAnonymous = Detection{ID: "Anonymous", Metric: "AnonymousRequests",
		What:    "requests by system:anonymous outside the health endpoints",
		pattern: fixed(and(completed, `$.user.username = "system:anonymous"`, notHealth)),
		filter:  fixed(`user.username = "system:anonymous" and requestURI not like /^\/(livez|readyz|healthz|version)/`)}
	DetectRBACWrites = Detection{ID: "RBACWrites", Metric: "RBACWrites",
		What: "writes to clusterroles, clusterrolebindings, roles or rolebindings",
		pattern: fixed(and(completed, succeeded, writes, `$.objectRef.apiGroup = "rbac.authorization.k8s.io"`,
			`($.objectRef.resource = "clusterroles" || $.objectRef.resource = "clusterrolebindings" || $.objectRef.resource = "roles" || $.objectRef.resource = "rolebindings")`,
			notSystemRBAC)),
		filter: fixed(`objectRef.apiGroup = "rbac.authorization.k8s.io" and verb in ["create", "update", "patch", "delete", "deletecollection"]`)}
	DetectWebhookWrites = Detection{ID: "WebhookWrites", Metric: "WebhookConfigurationWrites",
		What: "writes to validating or mutating webhook configurations",
		pattern: fixed(and(completed, succeeded, writes, `$.objectRef.apiGroup = "admissionregistration.k8s.io"`,
			`($.objectRef.resource = "validatingwebhookconfigurations" || $.objectRef.resource = "mutatingwebhookconfigurations")`,
			`$.user.username != "eks:*"`)),
		filter: fixed(`objectRef.resource in ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"] and verb in ["create", "update", "patch", "delete", "deletecollection"]`)}
	DetectBreakGlass = Detection{ID: "BreakGlass", Metric: "BreakGlassRequests",
		What: "requests made with the break-glass role",
		pattern: func(user string) string {
			return and(completed, `$.user.username = "`+user+`*"`)
		},
		filter:          func(user string) string { return `user.username like "` + user + `"` },
		needsBreakGlass: true}
)

// Detections lists every audit-log detection.
var Detections = []Detection{DetectUnauthorized, DetectAnonymous, DetectRBACWrites, DetectWebhookWrites, DetectBreakGlass}

// BreakGlassUsername is the username prefix of a role's sessions in the
// audit log: an access entry without a username maps an IAM role to
// arn:<partition>:sts::<account>:assumed-role/<role name>/<session>.
func BreakGlassUsername(partition, account, roleName string) string {
	return "arn:" + partition + ":sts::" + account + ":assumed-role/" + roleName + "/"
}

// SourceAccessEntryUsername documents the username EKS gives an IAM role's
// access entry by default.
const SourceAccessEntryUsername = "https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html"

// SourceFilterSyntax documents CloudWatch Logs JSON filter patterns.
const SourceFilterSyntax = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html"
