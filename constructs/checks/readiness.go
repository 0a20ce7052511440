package checks

import (
	"fmt"
	"slices"

	"github.com/aws/constructs-go/constructs/v10"
)

// EKS managed add-on names the readiness rules look for.
const (
	addonVpcCni      = "vpc-cni"
	addonKubeProxy   = "kube-proxy"
	addonCoreDNS     = "coredns"
	addonPodIdentity = "eks-pod-identity-agent"
)

// CoreAddons are the add-ons a cluster created with
// BootstrapSelfManagedAddons: false needs before its nodes become Ready
// (pod network, service routing) and its pods resolve names.
var CoreAddons = []string{addonVpcCni, addonKubeProxy, addonCoreDNS}

// PodAddons are EKS add-ons that run Deployments, so they stay DEGRADED
// until nodes exist (node DaemonSets are healthy with none).
var PodAddons = []string{addonCoreDNS, "aws-ebs-csi-driver", "aws-efs-csi-driver", "metrics-server",
	"amazon-cloudwatch-observability", "aws-mountpoint-s3-csi-driver", "snapshot-controller", "adot"}

// MaxKubeletSkew is how many minor versions a kubelet may lag behind the
// API server (Kubernetes version skew policy, since 1.28).
const MaxKubeletSkew = 3

// checkReadiness runs the rules that read a cluster together with its node
// groups, add-ons and Pod Identity associations.
func (c *EKSChecks) checkReadiness(m *model) {
	for _, cl := range m.byType(typeCluster) {
		ngs, addons := nodegroupsOf(m, cl), attachedTo(m, cl, typeAddon)
		if len(c.mine([]*resource{cl})) == 1 {
			c.checkCoreAddons(cl, ngs, addons)
		}
		c.checkVersions(cl, c.mine(ngs), c.mine(addons))
		c.checkAddonOrder(m, cl, ngs, c.mine(addons))
		c.checkPodIdentity(cl, addons, c.mine(attachedTo(m, cl, typePodIdentity)))
	}
}

func autoMode(cl *resource) bool {
	on, _ := boolean(get(cl.props, "ComputeConfig", "Enabled"))
	return on
}

func addonNames(addons []*resource) map[string]bool {
	out := map[string]bool{}
	for _, a := range addons {
		out[str(a.props["AddonName"])] = true
	}
	return out
}

func (c *EKSChecks) checkCoreAddons(cl *resource, ngs, addons []*resource) {
	bootstrap, known := boolean(cl.props["BootstrapSelfManagedAddons"])
	if autoMode(cl) || len(ngs) == 0 || !known || bootstrap {
		return // EKS installs the self-managed ones, or Auto Mode runs them
	}
	have := addonNames(addons)
	var missing []string
	for _, n := range CoreAddons {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		c.fail(cl, RuleCoreAddons, "BootstrapSelfManagedAddons is false and the cluster has no "+quote(missing)+
			" add-on, so its nodes never become Ready (no pod network) or its pods cannot resolve names",
			"add the missing EKS managed add-ons (AWS::EKS::Addon; Ballast cluster.AddAddons, or awseksv2 Addon), or leave BootstrapSelfManagedAddons unset")
	}
}

func (c *EKSChecks) checkPodIdentity(cl *resource, addons, associations []*resource) {
	if autoMode(cl) || addonNames(addons)[addonPodIdentity] {
		return
	}
	fix := "add the eks-pod-identity-agent add-on to the cluster (Ballast cluster.AddAddons installs it; awseksv2 Cluster.EksPodIdentityAgent)"
	for _, a := range associations {
		c.fail(a, RulePodIdentityAgent, "a Pod Identity association on a cluster without the eks-pod-identity-agent add-on: the pods never get credentials", fix)
	}
	for _, a := range c.mine(addons) {
		if pia := a.props["PodIdentityAssociations"]; len(list(pia)) > 0 || isToken(pia) {
			c.fail(a, RulePodIdentityAgent, "add-on "+str(a.props["AddonName"])+" uses Pod Identity on a cluster without the eks-pod-identity-agent add-on: its pods never get credentials", fix)
		}
	}
}

// minor parses "1.33" (or "v1.33.1-eksbuild.2") into its minor version.
func minor(v string) (int, bool) {
	var major, mnr int
	if len(v) > 0 && v[0] == 'v' {
		v = v[1:]
	}
	if n, _ := fmt.Sscanf(v, "%d.%d", &major, &mnr); n != 2 || major != 1 {
		return 0, false
	}
	return mnr, true
}

func (c *EKSChecks) checkVersions(cl *resource, ngs, addons []*resource) {
	cv, ok := minor(str(cl.props["Version"]))
	if !ok {
		return // unset: EKS's default, the same as a node group's unset Version
	}
	for _, ng := range ngs {
		c.checkNodeVersion(ng, cv)
	}
	for _, a := range addons {
		if str(a.props["AddonName"]) != addonKubeProxy {
			continue
		}
		if av, ok := minor(str(a.props["AddonVersion"])); ok && av != cv {
			c.fail(a, RuleVersionSkew, fmt.Sprintf("kube-proxy %s is built for Kubernetes 1.%d, the cluster runs 1.%d", str(a.props["AddonVersion"]), av, cv),
				"pin the kube-proxy build for the cluster's minor version (aws eks describe-addon-versions --addon-name kube-proxy --kubernetes-version <cluster version>)")
		}
	}
}

func (c *EKSChecks) checkNodeVersion(ng *resource, cv int) {
	nv, ok := minor(str(ng.props["Version"]))
	if !ok {
		return // unset: the node group gets the cluster's version
	}
	fix := fmt.Sprintf("set the node group's Version to the cluster's (1.%d), or leave it unset", cv)
	switch lag := cv - nv; {
	case lag < 0:
		c.fail(ng, RuleVersionSkew, fmt.Sprintf("the node group runs Kubernetes 1.%d, newer than its cluster's 1.%d, which EKS refuses", nv, cv), fix)
	case lag > MaxKubeletSkew:
		c.fail(ng, RuleVersionSkew, fmt.Sprintf("the node group runs Kubernetes 1.%d, %d minor versions behind its cluster's 1.%d (kubelets may lag at most %d)", nv, lag, cv, MaxKubeletSkew), fix)
	case lag > 0:
		c.warn(ng, RuleVersionSkew, RuleVersionSkew+"-lag", fmt.Sprintf("the node group runs Kubernetes 1.%d, %d minor versions behind its cluster's 1.%d", nv, lag, cv),
			fmt.Sprintf("upgrade the node group to 1.%d (or leave its Version unset) once its workloads allow it", cv))
	}
}

func (c *EKSChecks) checkAddonOrder(m *model, cl *resource, ngs, addons []*resource) {
	if autoMode(cl) || len(ngs) == 0 {
		return // no managed node groups in the app: capacity comes from elsewhere
	}
	for _, a := range addons {
		if !slices.Contains(PodAddons, str(a.props["AddonName"])) {
			continue
		}
		deps := dependencies(m, a)
		if !slices.ContainsFunc(ngs, func(ng *resource) bool { return deps[ng.path()] }) {
			c.warn(a, RuleAddonOrder, RuleAddonOrder, "add-on "+str(a.props["AddonName"])+" runs pods but is not ordered after any node group, so it sits DEGRADED (and may time out) while the cluster has no nodes",
				"make the add-on depend on the cluster's node groups (Ballast cluster.AddAddons does; otherwise addon.Node().AddDependency(nodegroup))")
		}
	}
}

// dependencies returns the construct paths of the L1 resources r will
// depend on: its own and those its scopes were given (CloudFormation
// DependsOn is derived from these when the app is synthesized).
func dependencies(m *model, r *resource) map[string]bool {
	out := map[string]bool{}
	for _, d := range *r.node.ObtainDependencies() {
		if dep, ok := d.(constructs.IConstruct); ok {
			out[m.pathOf(dep)] = true
		}
	}
	for s := constructs.IConstruct(r.node); s != nil; {
		sc := m.scope(s)
		for _, d := range sc.dependencies {
			for _, n := range m.subtree(d) {
				out[m.pathOf(n)] = true
			}
		}
		s = sc.parent
	}
	return out
}
