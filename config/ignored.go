package config

import "github.com/ballast-eks/ballast/constructs/cluster"

// ignoredBy lists, per mode, the variables that mode makes meaningless: set
// explicitly, they would be silently ignored, so they are an error instead.
var ignoredBy = []struct {
	mode   string
	active func(*Config) bool
	vars   []string
}{
	{VarVPCID + " (an existing VPC)", (*Config).BringYourOwnVPC,
		[]string{VarVPCCIDR, VarNATMode, VarFlowLogs, VarFlowLogRetentionDays, VarRestrictDefaultSG}},
	{VarFlowLogs + "=off", func(c *Config) bool { return !c.FlowLogs && !c.BringYourOwnVPC() }, []string{VarFlowLogRetentionDays}},
	{VarEFS + "=off and " + VarBackupBucket + "=off (nothing is backed up)", func(c *Config) bool { return !c.EFS && !c.BackupBucket },
		[]string{VarBackupRetentionDays}},
	{VarVPCID + " unset (Ballast creates the VPC, from " + VarVPCCIDR + ")", func(c *Config) bool { return !c.BringYourOwnVPC() && !c.anySubnetIDs() },
		[]string{VarExistingVPCCIDR}},
	{VarCompute + "=auto (EKS Auto Mode runs the nodes and their core add-ons)", func(c *Config) bool { return c.Compute == cluster.ComputeAuto },
		[]string{VarNodeInstanceTypes, VarNodeMinSize, VarNodeDesiredSize, VarNodeMaxSize, VarNodeCapacityType, VarNodeAMIFamily,
			VarNodeReleaseVersion, VarNodeDiskSizeGiB, VarNodeMetadataHopLimit, VarWorkersEnabled, VarKubeProxyMode, VarCoreDNSReplicas}},
	{VarWorkersEnabled + "=off", func(c *Config) bool { return !c.WorkersEnabled && c.Compute != cluster.ComputeAuto },
		[]string{VarWorkersInstanceTypes, VarWorkersCapacityType, VarWorkersMinSize, VarWorkersDesiredSize, VarWorkersMaxSize}},
	{VarMonitoring + "=off", func(c *Config) bool { return !c.Monitoring }, monitoringVarsIgnoredWhenOff},
	{VarGitOps + "=off (no in-cluster baseline is rendered)", func(c *Config) bool { return !c.GitOps },
		[]string{VarTeamNamespaces, VarTeamCPU, VarTeamMemory, VarTeamPods, VarOverProvisioning}},
	{VarCompute + "=karpenter (Karpenter launches the capacity beyond the system node group)", func(c *Config) bool { return c.Compute == cluster.ComputeKarpenter },
		[]string{VarWorkersEnabled}},
	{VarCompute + " other than karpenter", func(c *Config) bool { return c.Compute != cluster.ComputeKarpenter },
		[]string{VarKarpenterInstanceFamilies, VarKarpenterCapacityTypes}},
}

// validateIgnored rejects explicitly set variables the active mode ignores.
func (c *Config) validateIgnored(p *problems) {
	for _, m := range ignoredBy {
		if !m.active(c) {
			continue
		}
		for _, name := range m.vars {
			if c.IsSet(name) {
				p.add(name, c.rawOf(name), "has no effect with %s; unset it", m.mode)
			}
		}
	}
}
