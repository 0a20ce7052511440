package config

import (
	"fmt"
	"regexp"
	"strings"
)

// fieldVars maps the field paths of platform.Props (as Props.Validate
// names them) to the variables they are loaded from: the one table that
// lets a construct problem be reported under its variable. A path matches
// a problem's path exactly or as a prefix followed by "[" or ".".
var fieldVars = []struct{ path, name string }{
	{"name", VarClusterName},
	{"account", VarAccount},
	{"region", VarRegion},
	{"tags", VarTags},
	{"acknowledged", VarAcknowledge},

	{"network.availabilityZones", VarAZs},
	{"network.cidr", VarVPCCIDR},
	{"network.natMode", VarNATMode},
	{"network.clusterName", VarClusterName},
	{"network.podCIDR", VarPodCIDR},
	{"network.flowLogs", VarFlowLogs},
	{"network.flowLogRetentionDays", VarFlowLogRetentionDays},
	{"network.interfaceEndpoints", VarVPCEndpoints},
	{"network.restrictDefaultSecurityGroup", VarRestrictDefaultSG},
	{"existingNetwork.vpcID", VarVPCID},
	{"existingNetwork.vpcCIDR", VarExistingVPCCIDR},
	{"storage.fileSystem", VarEFS},
	{"existingNetwork.availabilityZones", VarAZs},
	{"existingNetwork.privateSubnetIDs", VarPrivateSubnetIDs},
	{"existingNetwork.publicSubnetIDs", VarPublicSubnetIDs},
	{"existingNetwork.controlPlaneSubnetIDs", VarControlPlaneSubnetIDs},

	{"storage.keys.aliasPrefix", VarClusterName},
	{"storage.backup.retentionDays", VarBackupRetentionDays},
	{"storage.backupBucket.noncurrentVersionDays", VarBackupRetentionDays},

	{"cluster.clusterName", VarClusterName},
	{"cluster.version", VarK8sVersion},
	{"cluster.upgradePolicy", VarUpgradePolicy},
	{"cluster.endpointAccess", VarEndpointAccess},
	{"cluster.publicAccessCIDRs", VarPublicAccessCIDRs},
	{"cluster.allowOpenPublicEndpoint", VarAllowOpenEndpoint},
	{"cluster.adminRoleARNs", VarAdminRoleARNs},
	{"cluster.breakGlass", VarBreakGlass},
	{"cluster.breakGlassPrincipals", VarBreakGlassPrincipals},
	{"cluster.logRetentionDays", VarLogRetentionDays},
	{"cluster.rollbackTimeoutMinutes", VarRollbackTimeoutMinutes},
	{"cluster.deletionProtection", VarDeletionProtection},
	{"cluster.scalingTier", VarControlPlaneTier},
	{"cluster.compute", VarCompute},

	{"nodeGroups[system].instanceTypes", VarNodeInstanceTypes},
	{"nodeGroups[system].capacityType", VarNodeCapacityType},
	{"nodeGroups[system].minSize", VarNodeMinSize},
	{"nodeGroups[system].desiredSize", VarNodeDesiredSize},
	{"nodeGroups[system].maxSize", VarNodeMaxSize},
	{"nodeGroups[workers].instanceTypes", VarWorkersInstanceTypes},
	{"nodeGroups[workers].capacityType", VarWorkersCapacityType},
	{"nodeGroups[workers].minSize", VarWorkersMinSize},
	{"nodeGroups[workers].desiredSize", VarWorkersDesiredSize},
	{"nodeGroups[workers].maxSize", VarWorkersMaxSize},
	{"nodeGroups[system].amiFamily", VarNodeAMIFamily},
	{"nodeGroups[system].releaseVersion", VarNodeReleaseVersion},
	{"nodeGroups[system].diskSizeGiB", VarNodeDiskSizeGiB},
	{"nodeGroups[system].metadataHopLimit", VarNodeMetadataHopLimit},
	{"nodeGroups[workers].amiFamily", VarNodeAMIFamily},
	{"nodeGroups[workers].releaseVersion", VarNodeReleaseVersion},
	{"nodeGroups[workers].diskSizeGiB", VarNodeDiskSizeGiB},
	{"nodeGroups[workers].metadataHopLimit", VarNodeMetadataHopLimit},

	{"addons.coreDNS.replicas", VarCoreDNSReplicas},
	{"addons.kubeProxy.mode", VarKubeProxyMode},
	{"addons.efs", VarAddonEFS},
	{"addons.cloudWatchObservability", VarAddonCloudWatch},

	{"monitoring.guardDuty", VarGuardDuty},
	{"monitoring.topicArn", VarAlarmTopicARN},
	{"monitoring.email", VarAlarmEmail},
	{"monitoring.availabilityPercent", VarAvailabilitySLO},
	{"monitoring.latencySeconds", VarLatencySLO},
	{"baseline", VarGitOps},
	{"baseline.teams", VarTeamNamespaces},
	{"baseline.teamDefaults.quota.requestsCPU", VarTeamCPU},
	{"baseline.teamDefaults.quota.requestsMemory", VarTeamMemory},
	{"baseline.teamDefaults.quota.pods", VarTeamPods},
	{"karpenter.instanceFamilies", VarKarpenterInstanceFamilies},
	{"karpenter.capacityTypes", VarKarpenterCapacityTypes},
	{"karpenter.clusterName", VarClusterName},
	{"fargate.profiles", VarFargateNamespaces},
}

// varOf returns the variable a problem's field path comes from, and the
// table path it matched.
func varOf(path string) (name, matched string, ok bool) {
	for _, f := range fieldVars {
		rest, found := strings.CutPrefix(path, f.path)
		if found && (rest == "" || rest[0] == '[' || rest[0] == '.') && len(f.path) > len(matched) {
			name, matched, ok = f.name, f.path, true
		}
	}
	return name, matched, ok
}

// fieldRefRe finds what a problem text may name of other fields: a field
// path or name, optionally with "=value".
var fieldRefRe = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*(\[[A-Za-z0-9-]+\])?(\.[A-Za-z][A-Za-z0-9]*)*(=[A-Za-z0-9._/-]+)?`)

// translate reports each problem of a platform.Props.Validate error under
// its variable, with the fields it names rewritten as variables (and their
// values in the variables' spelling). Problems of variables that failed
// to parse are already reported and dropped.
func (c *Config) translate(p *problems, err error) {
	if err == nil {
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		path, problem, found := strings.Cut(line, ": ")
		if !found {
			path, problem = "", line
		}
		name, matched, ok := varOf(path)
		if !ok {
			// A rule the table does not know of still reaches the user.
			*p = append(*p, &FieldError{Var: path, Problem: problem})
			continue
		}
		value := c.valueAt(name, strings.TrimPrefix(path, matched))
		p.add(name, value, "%s", c.rewrite(problem, parent(matched)))
	}
}

// valueAt is the value a problem is about: the variable's, or for a list
// item ("[2]" after the field) that item of the comma-separated list.
func (c *Config) valueAt(name, rest string) string {
	value := c.values[name]
	var i int
	if _, err := fmt.Sscanf(rest, "[%d]", &i); err == nil {
		if items := List(value); i >= 0 && i < len(items) {
			return items[i]
		}
	}
	return value
}

// rewrite replaces the fields a problem text names, as full paths or by
// the name of a field beside it (under the same parent), by their
// variables. A lone name is taken for a field only when it is camelCase
// or carries a value, so plain words ("version") stay words.
func (c *Config) rewrite(problem, parentPath string) string {
	return fieldRefRe.ReplaceAllStringFunc(problem, func(ref string) string {
		field, value, hasValue := strings.Cut(ref, "=")
		name, matched, ok := varOf(field)
		item := ""
		if !ok || matched != field || !strings.ContainsAny(field, ".[") {
			base, index, _ := strings.Cut(field, "[")
			if index != "" {
				item = "[" + index
			}
			name, ok = c.siblingVar(base, parentPath)
			if !ok || (!hasValue && strings.ToLower(base) == base) {
				return ref
			}
		}
		if hasValue {
			return name + item + "=" + c.spell(name, value)
		}
		return name + item
	})
}

func (c *Config) siblingVar(field, parentPath string) (string, bool) {
	if parentPath == "" {
		return "", false
	}
	name, matched, ok := varOf(parentPath + "." + field)
	return name, ok && matched == parentPath+"."+field
}

// spell renders a construct value in a variable's spelling. A value to
// set is written the documented way ("on", "extended"); the value the
// variable has now is written as the construct has it when the variable
// accepts that spelling too ("false"), else the documented way.
func (c *Config) spell(name, value string) string {
	var canonical string
	switch {
	case spellers[name] != nil:
		canonical = spellers[name](value)
	case accepted(name) == switchAccepted:
		canonical = spellSwitch(value)
	default:
		return value
	}
	if canonicalOf(name, c.values[name]) == canonical && canonicalOf(name, value) == canonical {
		return value
	}
	return canonical
}

// canonicalOf is the documented spelling of what an env value means ("" if
// it is not one the variable accepts).
func canonicalOf(name, raw string) string {
	if accepted(name) == switchAccepted {
		switch strings.ToLower(raw) {
		case "on", "true":
			return "on"
		case "off", "false":
			return "off"
		}
		return ""
	}
	if e, ok := enums[name]; ok && e(raw) {
		return raw
	}
	return ""
}

// spellers are the enum variables whose spellings differ from the
// construct values; enums tell whether a spelling is one of theirs.
var (
	spellers = map[string]func(string) string{
		VarUpgradePolicy:       upgradePolicies.spell,
		VarNodeCapacityType:    capacityTypes.spell,
		VarWorkersCapacityType: capacityTypes.spell,
		VarNodeAMIFamily:       amiFamilies.spell,
	}
	enums = map[string]func(string) bool{
		VarUpgradePolicy:       upgradePolicies.has,
		VarNodeCapacityType:    capacityTypes.has,
		VarWorkersCapacityType: capacityTypes.has,
		VarNodeAMIFamily:       amiFamilies.has,
	}
)

func parent(path string) string {
	if i := strings.LastIndex(path, "."); i >= 0 {
		return path[:i]
	}
	return ""
}
