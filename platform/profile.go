package platform

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
)

// Profile is the policy that differs between environments, as data: what
// happens to the cluster when CloudFormation lets go of it, whether the
// stacks are protected from deletion, which departures from practice the
// environment accepts by design, and how strict the EKS rule pack is.
// Construct settings that differ per environment (sizes, retention, NAT
// mode, ...) are plain construct props.
type Profile struct {
	// Name names the environment in stack descriptions and the
	// ballast:env tag, e.g. "prod".
	Name string
	// ClusterRemovalPolicy applies to the cluster unless
	// Props.Cluster.RemovalPolicy is set.
	ClusterRemovalPolicy awscdk.RemovalPolicy
	// TerminationProtection protects every stack of the platform from
	// deletion.
	TerminationProtection bool
	// ProtectedParts are the stack parts (PartNetwork, PartStorage, ...)
	// protected from deletion even without TerminationProtection; see
	// docs/teardown.md for deleting them on purpose.
	ProtectedParts []string
	// RequireDeletionProtection makes the EKS rule pack fail a cluster
	// without deletion protection, unless the props turn it off
	// deliberately (the cluster construct then warns).
	RequireDeletionProtection bool
	// Accepted are the warnings the environment accepts by design; each is
	// acknowledged, with its reason, in the stack that raises it.
	Accepted []Acceptance
}

// Acceptance is one warning a profile accepts, and why.
type Acceptance struct {
	// Warning is the warning ID, e.g. network.WarnSingleNAT.
	Warning string
	// Reason is recorded with the acknowledgement.
	Reason string
}

// The reference profiles. Dev is cheap and disposable, staging resilient
// and disposable, prod resilient and retained.
var (
	Dev = Profile{
		Name: "dev", ClusterRemovalPolicy: awscdk.RemovalPolicy_DESTROY,
		Accepted: []Acceptance{
			// A single NAT gateway trades AZ resilience for cost; outside
			// dev the warning stands.
			{network.WarnSingleNAT, "dev profile: one NAT gateway by design"},
			{cluster.WarnNoDeletionGuard, "dev profile: clusters are disposable"},
		},
	}
	Staging = Profile{Name: "staging", ClusterRemovalPolicy: awscdk.RemovalPolicy_DESTROY, ProtectedParts: StatefulParts}
	Prod    = Profile{
		Name: "prod", ClusterRemovalPolicy: awscdk.RemovalPolicy_RETAIN,
		TerminationProtection: true, ProtectedParts: StatefulParts, RequireDeletionProtection: true,
	}
)

// Profiles lists the reference profiles, in promotion order.
var Profiles = []Profile{Dev, Staging, Prod}
