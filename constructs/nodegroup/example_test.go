package nodegroup_test

import (
	"fmt"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/ptr"
)

// A spot group needs diversified instance types: ValidateSettings says so, and
// Warnings lists the departures valid props still make. Both are pure Go;
// cluster.Cluster.AddNodeGroups builds the groups (one per AZ).
func ExampleNodeGroupSetProps_ValidateSettings() {
	props := nodegroup.NodeGroupSetProps{
		Name: jsii.String("batch"), CapacityType: ptr.To(nodegroup.Spot),
		InstanceTypes: []string{"m6i.xlarge"}, MetadataHopLimit: ptr.To(2),
		AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
	}
	fmt.Println(props.ValidateSettings())
	props.InstanceTypes = []string{"m6i.xlarge", "m6a.xlarge", "m6i.2xlarge"}
	for _, w := range props.Warnings() {
		fmt.Println(w.ID)
	}
	// Output:
	// instanceTypes: a SPOT group needs at least 3 instance types of the same size class and architecture (e.g. m6i.large,m6a.large,m7i.large), got 1: m6i.xlarge
	// ballast:nodegroup-imds-hop-limit
	// ballast:nodegroup-spot-diversity
}
