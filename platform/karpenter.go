package platform

import (
	"errors"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
)

// idKarpenter is the construct ID of Karpenter's AWS side in the cluster
// stack. Renaming it replaces its roles and queue.
const idKarpenter = "Karpenter"

// addKarpenter builds Karpenter's AWS side in the cluster stack and adds
// its NodePool, EC2NodeClass and chart values to the GitOps folder, when
// the cluster's compute mode is karpenter.
func addKarpenter(pl *Platform) {
	props, ok := pl.Props.karpenterProps()
	if !ok {
		return
	}
	props.Cluster = pl.ClusterStack.Cluster.Resource
	pl.Karpenter = karpenter.NewKarpenter(pl.ClusterStack.Stack, idKarpenter, &props)
	for _, f := range pl.Karpenter.Files {
		pl.Baseline.AddFile(f)
	}
}

func (p Props) karpenterMode() bool {
	return p.Cluster.Compute != nil && *p.Cluster.Compute == cluster.ComputeKarpenter
}

// karpenterProps wires Karpenter to the cluster: its name, the platform's
// AZs, and the controller onto the first (system) node group.
func (p Props) karpenterProps() (karpenter.KarpenterProps, bool) {
	if !p.karpenterMode() {
		return karpenter.KarpenterProps{}, false
	}
	var k karpenter.KarpenterProps
	if p.Karpenter != nil {
		k = *p.Karpenter
	}
	k.ClusterName, k.AvailabilityZones = p.Cluster.WithDefaults().ClusterName, p.availabilityZones()
	if len(p.NodeGroups) > 0 && p.NodeGroups[0].Name != nil {
		k.ControllerNodeSelector = map[string]string{nodegroup.GroupLabel: *p.NodeGroups[0].Name}
	}
	return k, true
}

// validateKarpenter checks Karpenter mode's needs (a system node group to
// run the controller, the GitOps folder for its node pool), the fields
// the platform wires, and Karpenter's own settings.
func (d Props) validateKarpenter() []error {
	if !d.karpenterMode() {
		if d.Karpenter != nil {
			return []error{errors.New("karpenter: set, but cluster.compute is not karpenter")}
		}
		return nil
	}
	var errs []error
	if len(d.NodeGroups) == 0 {
		errs = append(errs, errors.New("nodeGroups: Karpenter mode needs a node group (the first runs the controller)"))
	}
	if d.Baseline == nil {
		errs = append(errs, errors.New("baseline: required with cluster.compute=karpenter: the NodePool and EC2NodeClass ship in the GitOps folder"))
	}
	if k := d.Karpenter; k != nil {
		wired := wiredFields(map[string]bool{
			"karpenter.cluster": k.Cluster != nil, "karpenter.clusterName": k.ClusterName != nil,
			"karpenter.availabilityZones": k.AvailabilityZones != nil, "karpenter.controllerNodeSelector": k.ControllerNodeSelector != nil,
		})
		if len(wired) > 0 {
			return append(errs, wired...)
		}
	}
	k, _ := d.karpenterProps()
	if k.ClusterName == nil {
		k.ClusterName = jsii.String(d.Name) // reported at cluster.clusterName
	}
	return append(errs, under("karpenter", k.ValidateSettings())...)
}
