package baseline

import (
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/ballast-eks/ballast/ptr"
)

// OverProvisioningNamespace holds the placeholder Deployment.
const OverProvisioningNamespace = "ballast-overprovisioning"

// ZoneTopologyKey is the well-known node label of the AZ.
const ZoneTopologyKey = "topology.kubernetes.io/zone"

// overProvisioningObjects are the placeholders' namespace (restricted
// enforced), its default-deny policy, and the Deployment.
func overProvisioningObjects(o OverProvisioningProps, version string) []runtime.Object {
	return []runtime.Object{
		namespace(OverProvisioningNamespace, PSARestricted, PSARestricted, version),
		defaultDeny(OverProvisioningNamespace),
		placeholders(o),
	}
}

// placeholders are pause pods at OverProvisioningPriority, spread one per
// zone at a time (maxSkew 1), with requests equal to limits.
func placeholders(o OverProvisioningProps) *appsv1.Deployment {
	labels := map[string]string{"app.kubernetes.io/name": "overprovisioning", ManagedByLabel: managedBy}
	res := corev1.ResourceList{corev1.ResourceCPU: resource.MustParse(*o.CPU), corev1.ResourceMemory: resource.MustParse(*o.Memory)}
	m := meta("overprovisioning", OverProvisioningNamespace)
	return &appsv1.Deployment{
		TypeMeta:   typeMeta("apps/v1", "Deployment"),
		ObjectMeta: m,
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To(int32(*o.Replicas)),
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app.kubernetes.io/name": "overprovisioning"}},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec: corev1.PodSpec{
					PriorityClassName:             OverProvisioningPriorityClass,
					TerminationGracePeriodSeconds: ptr.To(int64(0)),
					AutomountServiceAccountToken:  ptr.To(false),
					SecurityContext: &corev1.PodSecurityContext{
						RunAsNonRoot: ptr.To(true), RunAsUser: ptr.To(int64(65535)),
						SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
					},
					TopologySpreadConstraints: []corev1.TopologySpreadConstraint{{
						MaxSkew: 1, TopologyKey: ZoneTopologyKey, WhenUnsatisfiable: corev1.DoNotSchedule,
						LabelSelector: &metav1.LabelSelector{MatchLabels: map[string]string{"app.kubernetes.io/name": "overprovisioning"}},
					}},
					Containers: []corev1.Container{{
						Name: "pause", Image: *o.Image,
						Resources: corev1.ResourceRequirements{Requests: res, Limits: res},
						SecurityContext: &corev1.SecurityContext{
							AllowPrivilegeEscalation: ptr.To(false), ReadOnlyRootFilesystem: ptr.To(true),
							Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
						},
					}},
				},
			},
		},
	}
}
