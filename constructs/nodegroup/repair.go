package nodegroup

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseksv2"
	"github.com/aws/jsii-runtime-go"
)

// Node auto repair thresholds (EKS node health: the node monitoring agent
// reports NodeConditions, auto repair replaces or reboots the node).
const (
	// DefaultRepairMaxUnhealthyPercentage stops repairs in a group once
	// half its nodes are unhealthy: that is a systemic fault (a bad AMI, a
	// broken add-on, an AZ event) that replacing nodes would not fix and
	// could make worse.
	DefaultRepairMaxUnhealthyPercentage = 50
	// DefaultRepairMaxParallel repairs one node of a group at a time, so a
	// repair wave never takes more capacity than a rolling update does.
	DefaultRepairMaxParallel = 1
)

// setNodeRepairConfig sets the auto repair thresholds, which the
// awseksv2 Nodegroup L2 (EnableNodeAutoRepair only) does not model.
func setNodeRepairConfig(cfn awseksv2.CfnNodegroup, p NodeGroupSetProps) {
	cfn.SetNodeRepairConfig(&awseksv2.CfnNodegroup_NodeRepairConfigProperty{
		Enabled:                             jsii.Bool(true),
		MaxUnhealthyNodeThresholdPercentage: jsii.Number(*p.RepairMaxUnhealthyPercentage),
		MaxParallelNodesRepairedCount:       jsii.Number(*p.RepairMaxParallel),
	})
}

func (p NodeGroupSetProps) validateRepair() []error {
	var errs []error
	if v := *p.RepairMaxUnhealthyPercentage; v < 1 || v > 100 {
		errs = append(errs, fmt.Errorf("repairMaxUnhealthyPercentage: a percentage from 1 to 100, got %d", v))
	}
	if v := *p.RepairMaxParallel; v < 1 || v > MaxNodesPerGroup {
		errs = append(errs, fmt.Errorf("repairMaxParallel: from 1 to %d nodes, got %d", MaxNodesPerGroup, v))
	}
	return errs
}
