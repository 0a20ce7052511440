package cluster

// SupportedVersions are the Kubernetes versions Ballast accepts: versions
// aws-cdk-lib 2.270's awseksv2 names that EKS still supports in late 2026.
var SupportedVersions = []string{"1.32", "1.33", "1.34", "1.35", "1.36"}

// DefaultVersion is the newest version aws-cdk-lib 2.270 names that is in
// EKS standard support (1.36, on EKS since mid 2026).
const DefaultVersion = "1.36"

// DefaultLogRetentionDays is the control-plane log retention.
const DefaultLogRetentionDays = 90

// LogTypes are the five control-plane log types, all enabled.
var LogTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

func withDefaults(p ClusterProps) ClusterProps {
	out := p
	if out.Version == nil {
		v := DefaultVersion
		out.Version = &v
	}
	if out.EndpointAccess == nil {
		e := EndpointPrivate
		out.EndpointAccess = &e
	}
	if out.LogRetentionDays == nil {
		d := DefaultLogRetentionDays
		out.LogRetentionDays = &d
	}
	return out
}
