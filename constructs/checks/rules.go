package checks

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
)

func (c *EKSChecks) checkCluster(m *model, cl *resource) {
	c.checkLogging(cl)
	c.checkSecrets(cl)
	c.checkEndpoint(cl)
	if dp, _ := boolean(cl.props["DeletionProtection"]); !dp {
		c.fail(cl, RuleDeletionProtection, "deletion protection is off", "set DeletionProtection: true on the AWS::EKS::Cluster (awseks CfnCluster.SetDeletionProtection, or an L2 prop) so the cluster cannot be deleted by accident")
	}
	c.checkAZs(m, cl)
}

func (c *EKSChecks) checkLogging(cl *resource) {
	enabled := map[string]bool{}
	for _, e := range list(get(cl.props, "Logging", "ClusterLogging", "EnabledTypes")) {
		enabled[str(get(e, "Type"))] = true
	}
	var missing []string
	for _, t := range LogTypes {
		if !enabled[t] {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		c.fail(cl, RuleLogging, "control-plane log types "+quote(missing)+" are off",
			"enable all five log types (api, audit, authenticator, controllerManager, scheduler); with awseksv2 pass ClusterLogging with every ClusterLoggingTypes value")
	}
}

func (c *EKSChecks) checkSecrets(cl *resource) {
	for _, e := range list(cl.props["EncryptionConfig"]) {
		if slices.Contains(list(get(e, "Resources")), any("secrets")) && get(e, "Provider", "KeyArn") != nil {
			return
		}
	}
	c.fail(cl, RuleSecretsEncryption, "Kubernetes secrets are not envelope-encrypted with a KMS key",
		"set EncryptionConfig with Resources [secrets] and a customer-managed KMS key (awseksv2 ClusterProps.SecretsEncryptionKey)")
}

// openPrefixBits: a public-access block shorter than a /8 counts as the
// whole internet (0.0.0.0/0, or its halves 0.0.0.0/1 and 128.0.0.0/1).
const openPrefixBits = 8

func (c *EKSChecks) checkEndpoint(cl *resource) {
	vpc := cl.props["ResourcesVpcConfig"]
	public, known := boolean(get(vpc, "EndpointPublicAccess"))
	if get(vpc, "EndpointPublicAccess") == nil {
		public, known = true, true // CloudFormation's default
	}
	if !known || !public {
		return
	}
	cidrs := list(get(vpc, "PublicAccessCidrs"))
	if cidrs == nil && isToken(get(vpc, "PublicAccessCidrs")) {
		return // cannot be known before deployment
	}
	open := len(cidrs) == 0
	for _, cidr := range cidrs {
		if pr, err := netip.ParsePrefix(str(cidr)); err == nil && pr.Bits() < openPrefixBits {
			open = true
		}
	}
	if open {
		c.fail(cl, RuleEndpoint, "the Kubernetes API endpoint is public to the whole internet (0.0.0.0/0, or blocks larger than a /8)",
			"make the endpoint private (EndpointPublicAccess false, EndpointPrivateAccess true; awseksv2 EndpointAccess_PRIVATE) or list the CIDRs allowed to reach it (EndpointAccess_PUBLIC_AND_PRIVATE().OnlyFrom(...))")
	}
}

// nodegroupsOf returns the node groups of cluster cl.
func nodegroupsOf(m *model, cl *resource) []*resource { return attachedTo(m, cl, typeNodegroup) }

// attachedTo returns the resources of type typ whose ClusterName is cl's
// reference or its literal name.
func attachedTo(m *model, cl *resource, typ string) []*resource {
	var out []*resource
	for _, r := range m.byType(typ) {
		if clusterOf(m, r) == cl {
			out = append(out, r)
		}
	}
	return out
}

// clusterOf returns the cluster of the app r's ClusterName names, or nil.
// A construct library's cluster-name attribute is its own token, so the
// value is also compared resolved ({"Ref": ...}), preferring a cluster of
// r's stack (several platforms share logical IDs).
func clusterOf(m *model, r *resource) *resource {
	if !r.clusterKnown {
		r.cluster, r.clusterKnown = findCluster(m, r), true
	}
	return r.cluster
}

func findCluster(m *model, r *resource) *resource {
	cn := r.props["ClusterName"]
	if cl := m.ref(cn, typeCluster); cl != nil {
		return cl
	}
	var resolved string
	if isToken(cn) {
		resolved = resolveJSON(r.stack(), cn)
	}
	var found *resource
	for _, cl := range m.byType(typeCluster) {
		name := str(cl.props["Name"])
		byName := name != "" && str(cn) == name
		byRef := resolved != "" && resolved == cl.resolvedRef()
		if (byName || byRef) && (found == nil || m.stackPath(cl) == m.stackPath(r)) {
			found = cl
		}
	}
	return found
}

// resolvedRef is r's Ref token resolved in its stack, as JSON.
func (r *resource) resolvedRef() string {
	if r.refResolved == nil {
		s := resolveJSON(r.stack(), r.node.Ref())
		r.refResolved = &s
	}
	return *r.refResolved
}

// resolveJSON resolves v in stack, as JSON ("" if it fails).
func resolveJSON(stack awscdk.Stack, v any) string {
	defer func() { _ = recover() }()
	b, _ := json.Marshal(stack.Resolve(v))
	return string(b)
}

func (c *EKSChecks) checkAZs(m *model, cl *resource) {
	ngs := nodegroupsOf(m, cl)
	if len(ngs) == 0 {
		return // no managed node groups: Fargate, Auto Mode or Karpenter capacity
	}
	azs := map[string]bool{}
	for _, ng := range ngs {
		for _, s := range list(ng.props["Subnets"]) {
			subnet := m.ref(s, typeSubnet)
			if subnet == nil {
				return // BALLAST-EKS4 already warns that it cannot verify
			}
			az := str(subnet.props["AvailabilityZone"])
			if az == "" {
				return // an AZ only known at deploy time
			}
			azs[az] = true
		}
	}
	if len(azs) < 2 {
		c.fail(cl, RuleMultiAZ, fmt.Sprintf("the cluster's %d node groups are all in one AZ %v", len(ngs), keys(azs)),
			"spread node groups over at least 2 AZs (one per AZ, or one group with subnets in several AZs) so losing an AZ does not lose every node")
	}
}

func (c *EKSChecks) checkNodegroup(m *model, ng *resource) {
	if ami := str(ng.props["AmiType"]); strings.HasPrefix(ami, "AL2_") {
		c.fail(ng, RuleNoAL2, "node group uses the Amazon Linux 2 AMI type "+ami,
			"use an AL2023 (AL2023_x86_64_STANDARD, AL2023_ARM_64_STANDARD, ...) or Bottlerocket AMI type; AL2 reached end of support")
	}
	c.checkSubnets(m, ng)
	c.checkEgress(m, ng)
	c.checkEndpointVpc(m, ng)
	c.checkZoneLabels(m, ng)
	lt := c.launchTemplateOf(m, ng)
	if lt == nil {
		return
	}
	if !requiresIMDSv2(lt.props) {
		c.fail(ng, RuleIMDSv2, "the node group's launch template does not require IMDSv2",
			"set MetadataOptions.HttpTokens: required (and HttpPutResponseHopLimit: 2 for pods that need IMDS) in the launch template")
	}
}

// launchTemplateOf returns the node group's launch template resource, or
// nil after reporting why it cannot be checked.
func (c *EKSChecks) launchTemplateOf(m *model, ng *resource) *resource {
	spec := ng.props["LaunchTemplate"]
	if spec == nil {
		c.fail(ng, RuleIMDSv2, "the node group has no launch template, so IMDSv2 is not enforced",
			"give the node group a launch template with MetadataOptions.HttpTokens: required")
		c.fail(ng, RuleRootVolume, "the node group has no launch template, so its root volume is encrypted only if the account encrypts EBS by default",
			"give the node group a launch template whose block device mapping for the root volume sets Encrypted: true (optionally with a KMS key)")
		return nil
	}
	for _, key := range []string{"Id", "Name"} {
		v := get(spec, key)
		if lt := m.ref(v, typeLaunchTemplate); lt != nil {
			return lt
		}
		if name := str(v); name != "" && key == "Name" {
			for _, lt := range m.byType(typeLaunchTemplate) {
				if str(lt.props["LaunchTemplateName"]) == name {
					return lt
				}
			}
		}
	}
	c.warn(ng, RuleIMDSv2, WarnLaunchTemplateUnverified, "the node group's launch template is not in this app, so IMDSv2 and root-volume encryption cannot be verified",
		"define the launch template in the app, or acknowledge this warning if you know it requires IMDSv2 and encrypts the root volume")
	return nil
}

func (c *EKSChecks) checkLaunchTemplate(lt *resource) {
	if !requiresIMDSv2(lt.props) {
		c.fail(lt, RuleIMDSv2, "the launch template does not require IMDSv2",
			"set LaunchTemplateData.MetadataOptions.HttpTokens: required")
	}
	mappings := list(get(lt.props, "LaunchTemplateData", "BlockDeviceMappings"))
	if len(mappings) == 0 {
		c.fail(lt, RuleRootVolume, "the launch template maps no block devices, so the root volume is encrypted only if the account encrypts EBS by default",
			"add a block device mapping for the root volume (/dev/xvda on AL2023) with Ebs.Encrypted: true")
	}
	for _, bd := range mappings {
		ebs := get(bd, "Ebs")
		if ebs == nil {
			continue // instance store or NoDevice
		}
		if enc, _ := boolean(get(ebs, "Encrypted")); !enc {
			c.fail(lt, RuleRootVolume, fmt.Sprintf("the EBS volume %s is not encrypted", str(get(bd, "DeviceName"))),
				"set Ebs.Encrypted: true (and KmsKeyId to a customer-managed key) on every EBS block device mapping")
		}
	}
}

func requiresIMDSv2(props map[string]any) bool {
	return str(get(props, "LaunchTemplateData", "MetadataOptions", "HttpTokens")) == "required"
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
