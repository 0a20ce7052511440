package baseline

import (
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// The PriorityClasses the baseline renders.
const (
	// OverProvisioningPriorityClass is below every real pod's priority
	// (0 without a class), so any pending pod preempts a placeholder.
	OverProvisioningPriorityClass = "ballast-overprovisioning"
	OverProvisioningPriority      = -10
	// HighPriorityClass is for team workloads that may preempt ordinary
	// ones when the cluster is full (not a global default).
	HighPriorityClass = "ballast-high"
	HighPriority      = 100000
)

func priorityClasses() []runtime.Object {
	never := corev1.PreemptNever
	return []runtime.Object{
		&schedulingv1.PriorityClass{
			TypeMeta: typeMeta("scheduling.k8s.io/v1", "PriorityClass"), ObjectMeta: meta(HighPriorityClass, ""),
			Value:       HighPriority,
			Description: "Team workloads that may preempt ordinary pods when the cluster is full.",
		},
		&schedulingv1.PriorityClass{
			TypeMeta: typeMeta("scheduling.k8s.io/v1", "PriorityClass"), ObjectMeta: meta(OverProvisioningPriorityClass, ""),
			Value:            OverProvisioningPriority,
			PreemptionPolicy: &never,
			Description:      "Over-provisioning placeholders: any real pod preempts them; they preempt nothing.",
		},
	}
}

// SystemWorkload is a system Deployment whose add-on ships no
// PodDisruptionBudget.
type SystemWorkload struct {
	// Name of the PodDisruptionBudget.
	Name string
	// Namespace of the workload.
	Namespace string
	// Selector matches the workload's pods.
	Selector map[string]string
}

// SystemPDBs are the platform's system workloads that need a
// PodDisruptionBudget the add-on does not create. CoreDNS gets its own
// from the add-on's configuration (constructs/addon); the EBS CSI
// controller's chart ships one. Two budgets selecting the same pods make
// every eviction of them fail: when an add-on version starts shipping its
// own, drop the entry here (or turn BaselineProps.SystemPDBs off).
var SystemPDBs = []SystemWorkload{
	{Name: "metrics-server", Namespace: "kube-system", Selector: map[string]string{"app.kubernetes.io/name": "metrics-server"}},
}

// systemPDBs keep at most one pod of each system workload down during
// voluntary disruptions (node drains, upgrades); maxUnavailable never
// blocks a drain of a single replica.
func systemPDBs() []runtime.Object {
	var out []runtime.Object
	one := intstr.FromInt32(1)
	for _, w := range SystemPDBs {
		out = append(out, &policyv1.PodDisruptionBudget{
			TypeMeta:   typeMeta("policy/v1", "PodDisruptionBudget"),
			ObjectMeta: meta(w.Name, w.Namespace),
			Spec: policyv1.PodDisruptionBudgetSpec{
				MaxUnavailable: &one,
				Selector:       &metav1.LabelSelector{MatchLabels: w.Selector},
			},
		})
	}
	return out
}
