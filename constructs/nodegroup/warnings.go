package nodegroup

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ballast-eks/ballast/internal/ec2types"
)

// Warning IDs: departures from best practice the user asked for. A stack
// may acknowledge one with Annotations.AcknowledgeWarning.
// Each one's comment says what triggers it; its Field line names the prop
// that changes it (docs/warnings.md is generated from these comments).
const (
	// WarnHopLimit: MetadataHopLimit is above 1, so pods can reach the
	// instance metadata service and the node role. Field: metadataHopLimit.
	WarnHopLimit = "ballast:nodegroup-imds-hop-limit"
	// WarnForceUpdate: ForceUpdate is on, so an update drains nodes even
	// when PodDisruptionBudgets forbid it. Field: forceUpdate.
	WarnForceUpdate = "ballast:nodegroup-force-update"
	// WarnSpotDiversity: a spot group's instance types span fewer than
	// MinSpotGenerations generations, drawing on few capacity pools.
	// Field: instanceTypes.
	WarnSpotDiversity = "ballast:nodegroup-spot-diversity"
)

// Warning is one departure from best practice in valid props.
type Warning struct {
	ID      string
	Message string
}

// Warnings lists the departures from best practice in the (defaulted,
// valid) props. Pure Go; the construct turns each into an annotation.
func (p NodeGroupSetProps) Warnings() []Warning {
	var out []Warning
	if p.MetadataHopLimit != nil && *p.MetadataHopLimit > 1 {
		out = append(out, Warning{WarnHopLimit, fmt.Sprintf("IMDS hop limit %d lets pods reach the instance metadata service and the node role's credentials; prefer EKS Pod Identity and hop limit 1", *p.MetadataHopLimit)})
	}
	if p.ForceUpdate != nil && *p.ForceUpdate {
		out = append(out, Warning{WarnForceUpdate, "forceUpdate drains nodes even when PodDisruptionBudgets forbid it; an update can take down more replicas than the workloads tolerate"})
	}
	if p.CapacityType != nil && *p.CapacityType == Spot {
		if gens := generations(p.InstanceTypes); len(gens) < MinSpotGenerations {
			out = append(out, Warning{WarnSpotDiversity, fmt.Sprintf("spot instance types span %d families (%s); types from at least %d families (e.g. m5, m6, m7 or c, m, r) draw on more spot capacity pools",
				len(gens), strings.Join(gens, ", "), MinSpotGenerations)})
		}
	}
	return out
}

// generations lists the distinct instance generations ("m6" for m6i and
// m6a) of the known types.
func generations(types []string) []string {
	var gens []string
	for _, t := range types {
		if s, err := ec2types.Lookup(t); err == nil && !slices.Contains(gens, s.Generation()) {
			gens = append(gens, s.Generation())
		}
	}
	slices.Sort(gens)
	return gens
}
