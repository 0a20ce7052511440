package platform

import (
	"github.com/ballast-eks/ballast/constructs/fargate"
)

// idFargate is the construct ID of the Fargate profiles in the cluster
// stack. Renaming it replaces the profiles and their role.
const idFargate = "Fargate"

// addFargate creates the Fargate profiles, in the private subnets, when
// the props list any.
func addFargate(pl *Platform) {
	if len(pl.Props.Fargate) == 0 {
		return
	}
	p := pl.Props.fargateProps()
	p.Cluster, p.Subnets = pl.ClusterStack.Cluster.Resource, pl.NetworkStack.Network.PrivateSubnets
	pl.Fargate = fargate.NewFargate(pl.ClusterStack.Stack, idFargate, &p)
}

func (p Props) fargateProps() fargate.FargateProps {
	return fargate.FargateProps{ClusterName: p.Cluster.WithDefaults().ClusterName, Profiles: p.Fargate}
}

// validateFargate checks the profiles as the platform will create them.
func (d Props) validateFargate() []error {
	if len(d.Fargate) == 0 {
		return nil
	}
	f := d.fargateProps()
	if f.ClusterName == nil {
		f.ClusterName = &d.Name // reported at cluster.clusterName
	}
	return under("fargate", f.ValidateSettings())
}
