package stacks

import (
	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/constructs/addon"
)

// idAddons is the add-ons' construct ID in the cluster stack.
const idAddons = "Addons"

// newAddons installs the cluster's managed add-ons. Add-ons that run
// Deployments wait for every node group; every node group waits for the
// add-ons nodes need to become Ready (pod identity agent, vpc-cni with its
// prefix-delegation settings, kube-proxy).
func (s *ClusterStack) newAddons(props *addon.AddonsProps) *addon.Addons {
	p := *props
	p.Cluster = s.Cluster.Cluster
	for _, set := range s.NodeGroups {
		p.NodeGroups = append(p.NodeGroups, set.Dependables()...)
	}
	a := addon.NewAddons(s.Stack, idAddons, &p)
	for _, set := range s.NodeGroups {
		for _, ng := range set.NodeGroups {
			ng.Node().AddDependency(a.BeforeCompute()...)
		}
	}
	return a
}

// addonsProps maps the add-on room's configuration to props. The version
// table row follows the cluster's Kubernetes version.
func addonsProps(cfg *config.Config, p *Platform) *addon.AddonsProps {
	replicas, mode := cfg.CoreDNSReplicas, addon.KubeProxyMode(cfg.KubeProxyMode)
	return &addon.AddonsProps{
		KubernetesVersion:       jsii.String(cfg.KubernetesVersion),
		EBSKey:                  p.Storage.Keys.EBS,
		CoreDNS:                 &addon.CoreDNSConfig{Replicas: &replicas},
		KubeProxy:               &addon.KubeProxyConfig{Mode: &mode},
		EFS:                     jsii.Bool(cfg.AddonEFSCSI),
		CloudWatchObservability: jsii.Bool(cfg.AddonCloudWatch),
	}
}

// grantFileSystemToEFSDriver lets the EFS CSI driver mount the shared file
// system: its policy only allows IAM-authorized clients through a mount
// target, and AmazonEFSCSIDriverPolicy covers access points, not mounting.
func grantFileSystemToEFSDriver(p *Platform) {
	fs, addons := p.Storage.FileSystem, p.Cluster.Addons
	if fs == nil || addons == nil {
		return
	}
	if driver := addons.Installed[addon.EfsCsiDriver]; driver != nil && driver.Role != nil {
		fs.FileSystem.GrantReadWrite(driver.Role)
	}
}
