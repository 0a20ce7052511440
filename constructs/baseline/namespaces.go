package baseline

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Labels and names the rendered objects share.
const (
	// ManagedByLabel marks every rendered object as Ballast's.
	ManagedByLabel = "app.kubernetes.io/managed-by"
	managedBy      = "ballast"
	// DefaultDenyPolicy and AllowDNSPolicy name each team namespace's
	// network policies.
	DefaultDenyPolicy = "default-deny"
	AllowDNSPolicy    = "allow-dns"
	quotaName         = "team-quota"
	limitRangeName    = "team-limits"
)

// The Pod Security Admission label keys.
const (
	psaPrefix = "pod-security.kubernetes.io/"
)

// teamObjects are a team namespace and everything scoped to it.
func teamObjects(t TeamProps, version string) []runtime.Object {
	return []runtime.Object{
		namespace(t.Name, *t.Enforce, *t.Warn, version),
		quota(t.Name, *t.Quota),
		limitRange(t.Name, *t.Limits),
		defaultDeny(t.Name),
		allowDNS(t.Name),
	}
}

func meta(name, namespace string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Namespace: namespace, Labels: map[string]string{ManagedByLabel: managedBy}}
}

// namespace labels the namespace for Pod Security Admission: enforce one
// level, warn and audit another, each pinned to the cluster's version so
// an upgrade does not tighten a policy unannounced.
func namespace(name string, enforce, warn PodSecurityLevel, version string) *corev1.Namespace {
	m := meta(name, "")
	v := "v" + version
	for k, val := range map[string]string{
		"enforce": string(enforce), "enforce-version": v,
		"warn": string(warn), "warn-version": v,
		"audit": string(warn), "audit-version": v,
	} {
		m.Labels[psaPrefix+k] = val
	}
	return &corev1.Namespace{TypeMeta: typeMeta("v1", "Namespace"), ObjectMeta: m}
}

func quota(ns string, q QuotaProps) *corev1.ResourceQuota {
	return &corev1.ResourceQuota{
		TypeMeta:   typeMeta("v1", "ResourceQuota"),
		ObjectMeta: meta(quotaName, ns),
		Spec: corev1.ResourceQuotaSpec{Hard: corev1.ResourceList{
			corev1.ResourceRequestsCPU:    resource.MustParse(*q.RequestsCPU),
			corev1.ResourceRequestsMemory: resource.MustParse(*q.RequestsMemory),
			corev1.ResourceLimitsMemory:   resource.MustParse(*q.LimitsMemory),
			corev1.ResourcePods:           *resource.NewQuantity(int64(*q.Pods), resource.DecimalSI),
		}},
	}
}

func limitRange(ns string, l LimitProps) *corev1.LimitRange {
	return &corev1.LimitRange{
		TypeMeta:   typeMeta("v1", "LimitRange"),
		ObjectMeta: meta(limitRangeName, ns),
		Spec: corev1.LimitRangeSpec{Limits: []corev1.LimitRangeItem{{
			Type: corev1.LimitTypeContainer,
			DefaultRequest: corev1.ResourceList{
				corev1.ResourceCPU:    resource.MustParse(*l.DefaultRequestCPU),
				corev1.ResourceMemory: resource.MustParse(*l.DefaultRequestMemory),
			},
			Default: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(*l.DefaultLimitMemory)},
		}}},
	}
}

// defaultDeny selects every pod of the namespace for ingress and egress
// with no rule: nothing gets in or out unless another policy allows it.
func defaultDeny(ns string) *networkingv1.NetworkPolicy {
	return &networkingv1.NetworkPolicy{
		TypeMeta:   typeMeta("networking.k8s.io/v1", "NetworkPolicy"),
		ObjectMeta: meta(DefaultDenyPolicy, ns),
		Spec: networkingv1.NetworkPolicySpec{
			PodSelector: metav1.LabelSelector{},
			PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeIngress, networkingv1.PolicyTypeEgress},
		},
	}
}

// CoreDNSSelector selects the CoreDNS pods (the coredns add-on's label).
var CoreDNSSelector = map[string]string{"k8s-app": "kube-dns"}

// allowDNS lets every pod of the namespace reach CoreDNS on port 53.
func allowDNS(ns string) *networkingv1.NetworkPolicy {
	udp, tcp := corev1.ProtocolUDP, corev1.ProtocolTCP
	port := intstr.FromInt32(53)
	return &networkingv1.NetworkPolicy{
		TypeMeta:   typeMeta("networking.k8s.io/v1", "NetworkPolicy"),
		ObjectMeta: meta(AllowDNSPolicy, ns),
		Spec: networkingv1.NetworkPolicySpec{
			PodSelector: metav1.LabelSelector{},
			PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeEgress},
			Egress: []networkingv1.NetworkPolicyEgressRule{{
				To: []networkingv1.NetworkPolicyPeer{{
					NamespaceSelector: &metav1.LabelSelector{MatchLabels: map[string]string{corev1.LabelMetadataName: "kube-system"}},
					PodSelector:       &metav1.LabelSelector{MatchLabels: CoreDNSSelector},
				}},
				Ports: []networkingv1.NetworkPolicyPort{{Protocol: &udp, Port: &port}, {Protocol: &tcp, Port: &port}},
			}},
		},
	}
}

func typeMeta(apiVersion, kind string) metav1.TypeMeta {
	return metav1.TypeMeta{APIVersion: apiVersion, Kind: kind}
}
