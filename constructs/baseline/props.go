package baseline

// PodSecurityLevel is a Pod Security Admission level.
type PodSecurityLevel string

// The Pod Security Admission levels, least to most strict.
const (
	PSAPrivileged PodSecurityLevel = "privileged"
	PSABaseline   PodSecurityLevel = "baseline"
	PSARestricted PodSecurityLevel = "restricted"
)

// BaselineProps configures the Kubernetes baseline.
type BaselineProps struct {
	// ClusterName names the folder the files are written to in the cloud
	// assembly: <ClusterName>/gitops. Required.
	ClusterName *string
	// KubernetesVersion is the cluster's version, e.g. "1.36": the Pod
	// Security Admission labels pin their policy version to it. Required.
	KubernetesVersion *string
	// Teams are the team namespaces, each with its quota, limit range and
	// network policies. Default: none.
	Teams []TeamProps
	// TeamDefaults are the settings of every team that does not set its
	// own, field by field. Default: the package defaults (DefaultEnforce,
	// DefaultWarn, QuotaProps and LimitProps defaults).
	TeamDefaults *TeamSettings
	// OverProvisioning, when non-nil, renders the placeholder Deployment.
	// Default: none.
	OverProvisioning *OverProvisioningProps
	// AdmissionPolicy renders the ValidatingAdmissionPolicy and binding
	// that reject catch-all admission webhooks failing closed.
	// Default: true.
	AdmissionPolicy *bool
	// SystemPDBs renders PodDisruptionBudgets for the system workloads
	// whose add-ons ship none (SystemPDBs). Default: true.
	SystemPDBs *bool
}

// TeamProps is one team's namespace.
type TeamProps struct {
	// Name is the namespace name (an RFC 1123 label, not kube-*, default
	// or ballast-*). Required.
	Name string
	// TeamSettings override BaselineProps.TeamDefaults field by field.
	// Default: the team defaults.
	TeamSettings
}

// TeamSettings are a team namespace's policies.
type TeamSettings struct {
	// Enforce is the Pod Security level the namespace enforces.
	// Default: DefaultEnforce.
	Enforce *PodSecurityLevel
	// Warn is the Pod Security level the API server warns about (and
	// audits); at least as strict as Enforce. Default: DefaultWarn.
	Warn *PodSecurityLevel
	// Quota caps what the namespace may request in total.
	// Default: see QuotaProps.
	Quota *QuotaProps
	// Limits are the per-container defaults of the namespace's LimitRange.
	// Default: see LimitProps.
	Limits *LimitProps
}

// QuotaProps is a namespace's ResourceQuota. Quantities are Kubernetes
// quantities ("8", "500m", "16Gi").
type QuotaProps struct {
	// RequestsCPU caps the sum of CPU requests. Default: DefaultQuotaRequestsCPU.
	RequestsCPU *string
	// RequestsMemory caps the sum of memory requests.
	// Default: DefaultQuotaRequestsMemory.
	RequestsMemory *string
	// LimitsMemory caps the sum of memory limits.
	// Default: DefaultQuotaLimitsMemory.
	LimitsMemory *string
	// Pods caps the number of pods. Default: DefaultQuotaPods.
	Pods *int
}

// LimitProps are a namespace's per-container defaults (LimitRange), so a
// pod without requests still counts against the quota and cannot take a
// node's memory. No CPU limit is set: CPU is throttled, not exhausted.
type LimitProps struct {
	// DefaultRequestCPU is a container's CPU request when it sets none.
	// Default: DefaultRequestCPU.
	DefaultRequestCPU *string
	// DefaultRequestMemory is a container's memory request when it sets
	// none. Default: DefaultRequestMemory.
	DefaultRequestMemory *string
	// DefaultLimitMemory is a container's memory limit when it sets none;
	// at least DefaultRequestMemory. Default: DefaultLimitMemory.
	DefaultLimitMemory *string
}

// OverProvisioningProps sizes the placeholder pods: low-priority pause
// pods that hold spare capacity and are preempted the moment a real pod
// needs the room, so the autoscaler adds a node while nothing waits.
type OverProvisioningProps struct {
	// Replicas is the number of placeholder pods, 1 to MaxPlaceholders.
	// Default: one per AZ (len(AvailabilityZones)).
	Replicas *int
	// AvailabilityZones the placeholders spread across (one node's worth
	// each by default). Required, at least 1.
	AvailabilityZones []string
	// CPU each placeholder requests. Default: DefaultPlaceholderCPU (use
	// SizeForNode to size one node's worth).
	CPU *string
	// Memory each placeholder requests. Default: DefaultPlaceholderMemory.
	Memory *string
	// Image is the pause container image. Default: DefaultPauseImage.
	Image *string
}
