package platform

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

var (
	accountRe = regexp.MustCompile(`^\d{12}$`)
	regionRe  = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$`)
	// stackNameRe is what CloudFormation accepts as a stack name, less the
	// characters the longest part suffix ("-storage") takes.
	stackNameRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]{0,119}$`)
	// tagKeyRe is compiled on first use: its Unicode classes take a few
	// milliseconds, which every run of the binary would pay at start.
	tagKeyRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$`) })
)

// MaxTagValueLength is the longest tag value AWS accepts.
const MaxTagValueLength = 256

// maxTagsPerResource is AWS's limit; MaxUserTags leaves room for the
// tags Ballast and aws-cdk-lib put on the most-tagged resources (a subnet:
// Name, aws-cdk:subnet-name and -type, the load-balancer role, Karpenter
// discovery, ballast.dev/subnet-role, ballast:env).
const (
	maxTagsPerResource = 50
	MaxUserTags        = maxTagsPerResource - 7
)

// partitionOf is the ARN partition of a region.
func partitionOf(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	}
	return "aws"
}

// validatePartitions rejects principal ARNs of another partition than the
// region's: IAM would refuse them at deploy time.
func (p Props) validatePartitions() []error {
	want := "arn:" + partitionOf(p.Region) + ":"
	var errs []error
	for _, l := range []struct {
		path string
		arns []string
	}{{"cluster.adminRoleARNs", p.Cluster.AdminRoleARNs}, {"cluster.breakGlassPrincipals", p.Cluster.BreakGlassPrincipals}} {
		for i, arn := range l.arns {
			if strings.HasPrefix(arn, "arn:") && !strings.HasPrefix(arn, want) {
				errs = append(errs, fmt.Errorf("%s[%d]: not an ARN of region %s's partition (%s)", l.path, i, p.Region, strings.TrimSuffix(want, ":")))
			}
		}
	}
	return errs
}

// Validate reports every problem with the props at once, each with its
// field path (nodeGroups[system].maxSize: ...), in pure Go: no construct is
// created. It runs every rule of the composed constructs (their own
// Validate or ValidateSettings), the platform's own rules, and the IP
// capacity check of the derived subnet plan.
func (p Props) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	d := p.withDefaults()
	if !stackNameRe.MatchString(d.Name) {
		add("name: %q is not a stack name prefix: a letter, then up to 119 letters, digits or '-'", d.Name)
	}
	if d.Profile.Name == "" {
		add("profile.name: required")
	}
	if p.Account != "" && !accountRe.MatchString(p.Account) {
		add("account: %q is not a 12-digit account ID", p.Account)
	}
	if !regionRe.MatchString(p.Region) {
		add("region: %q is not a region name", p.Region)
	}
	for _, k := range slices.Sorted(maps.Keys(p.Tags)) {
		if v := p.Tags[k]; !tagKeyRe().MatchString(k) || len(v) > MaxTagValueLength {
			add("tags[%s]: tag keys are 1-128 and values 0-%d characters of letters, digits, spaces and _.:/=+-@", k, MaxTagValueLength)
		}
		if strings.HasPrefix(strings.ToLower(k), "aws:") {
			add("tags[%s]: the aws: prefix is reserved for AWS", k)
		}
	}
	for i, a := range p.Acknowledged {
		if !knownWarning(a.Warning) {
			add("acknowledged[%d]: %q is not a warning Ballast raises; known: %s", i, a.Warning, strings.Join(KnownWarnings, ", "))
		}
		if strings.TrimSpace(a.Reason) == "" {
			add("acknowledged[%d]: %s needs a reason", i, a.Warning)
		}
	}
	if n := len(p.Tags); n > MaxUserTags {
		add("tags: %d tags; a resource takes at most %d, and Ballast puts up to %d of its own on some (subnets), so at most %d", n, maxTagsPerResource, maxTagsPerResource-MaxUserTags, MaxUserTags)
	}
	errs = append(errs, p.validatePartitions()...)
	errs = append(errs, p.validateWired()...)
	errs = append(errs, d.validateNetwork()...)
	errs = append(errs, d.validateStorage()...)
	clusterErrs := under("cluster", d.Cluster.ValidateSettings())
	errs = append(errs, clusterErrs...)
	if slices.ContainsFunc(clusterErrs, func(e error) bool { return strings.HasPrefix(e.Error(), "cluster.version:") }) {
		d.Cluster.Version = nil // reported once, at the cluster; node groups and add-ons follow it
	}
	errs = append(errs, d.validateCompute()...)
	errs = append(errs, d.validateMonitoring()...)
	errs = append(errs, d.validateBaseline()...)
	errs = append(errs, d.validateKarpenter()...)
	errs = append(errs, d.validateFargate()...)
	errs = append(errs, d.validateGenerations(errs)...)
	errs = append(errs, d.validateGenerationAttachments()...)
	return errors.Join(errs...)
}

func (d Props) validateNetwork() []error {
	if d.ExistingNetwork != nil {
		var errs []error
		if !reflect.ValueOf(d.Network).IsZero() && !onlyDerived(d.Network) {
			errs = append(errs, errors.New("network: set, but existingNetwork imports the VPC; leave network empty"))
		}
		if fs := d.Storage.FileSystem; fs != nil && fs.ClientSecurityGroup == nil && d.ExistingNetwork.VpcCIDR == nil {
			errs = append(errs, errors.New("existingNetwork.vpcCIDR: required with storage.fileSystem: the file system allows NFS from the VPC's block, which an imported VPC does not know"))
		}
		return append(errs, under("existingNetwork", d.ExistingNetwork.Validate())...)
	}
	var errs, capacity []error
	for _, e := range under("network", d.Network.Validate()) {
		if msg, ok := strings.CutPrefix(e.Error(), "network.ipDemand: "); ok {
			capacity = append(capacity, errors.New(msg))
			continue
		}
		errs = append(errs, e)
	}
	var lines []string
	for _, e := range capacity {
		lines = append(lines, e.Error())
	}
	return append(errs, d.capacityProblems(lines)...)
}

// onlyDerived reports whether n holds nothing but what the platform
// derives itself (CNI and IP demand).
func onlyDerived(n network.NetworkProps) bool {
	n.CNI, n.IPDemand = nil, nil
	return reflect.ValueOf(n).IsZero()
}

func (d Props) validateStorage() []error {
	s := d.Storage
	errs := under("storage.keys", s.Keys.Validate())
	if s.FileSystem != nil {
		errs = append(errs, under("storage.fileSystem", s.FileSystem.ValidateSettings())...)
		errs = append(errs, under("storage.backup", s.Backup.ValidateSettings())...)
	} else if !reflect.ValueOf(s.Backup).IsZero() {
		errs = append(errs, errors.New("storage.backup: set, but there is no fileSystem to back up"))
	}
	if s.BackupBucket != nil {
		errs = append(errs, under("storage.backupBucket", s.BackupBucket.ValidateSettings())...)
	}
	return errs
}

// validateCompute checks the node groups and add-ons as the platform will
// attach them: with the cluster's version and the network's AZs.
func (d Props) validateCompute() []error {
	var errs []error
	if d.autoMode() {
		if len(d.NodeGroups) > 0 {
			errs = append(errs, errors.New("nodeGroups: EKS Auto Mode (cluster.compute=auto) runs the nodes; remove the node groups"))
		}
		if d.Addons != nil {
			a := *d.Addons
			a.KubernetesVersion, a.AutoMode = d.Cluster.Version, jsii.Bool(true)
			errs = append(errs, under("addons", a.ValidateSettings())...)
		}
		return errs
	}
	seen, nodeGroups := map[string]bool{}, 0
	for i, ng := range d.NodeGroups {
		path := groupPath(i, ng.Name)
		if seen[path] {
			errs = append(errs, fmt.Errorf("%s: listed twice; node group names must be unique", path))
		}
		seen[path] = true
		ng.KubernetesVersion, ng.AvailabilityZones = d.Cluster.Version, d.availabilityZones()
		errs = append(errs, under(path, ng.ValidateSettings())...)
		nodeGroups += len(ng.AvailabilityZones)
	}
	if err := nodegroup.CheckClusterNodeGroups(nodeGroups); err != nil {
		errs = append(errs, err)
	}
	if d.Addons != nil {
		a := *d.Addons
		a.KubernetesVersion = d.Cluster.Version
		errs = append(errs, under("addons", a.ValidateSettings())...)
	}
	return errs
}

// validateWired rejects values in the fields the platform wires itself:
// they would be ignored.
func (p Props) validateWired() []error {
	var errs []error
	wired := func(path string, set bool) {
		if set {
			errs = append(errs, fmt.Errorf("%s: set by the platform; leave it unset", path))
		}
	}
	wired("network.ipDemand", p.Network.IPDemand != nil)
	wired("network.cni", p.Network.CNI != nil)
	c := p.Cluster
	wired("cluster.vpc", c.Vpc != nil)
	wired("cluster.controlPlaneSubnets", c.ControlPlaneSubnets != nil)
	wired("cluster.secretsKey", c.SecretsKey != nil)
	wired("cluster.logsKey", c.LogsKey != nil)
	for i, ng := range p.NodeGroups {
		path := groupPath(i, ng.Name)
		wired(path+".cluster", ng.Cluster != nil)
		wired(path+".kubernetesVersion", ng.KubernetesVersion != nil)
		wired(path+".nodeRole", ng.NodeRole != nil)
		wired(path+".volumeKey", ng.VolumeKey != nil)
		wired(path+".subnets", ng.Subnets != nil)
		wired(path+".availabilityZones", ng.AvailabilityZones != nil)
	}
	if a := p.Addons; a != nil {
		wired("addons.cluster", a.Cluster != nil)
		wired("addons.kubernetesVersion", a.KubernetesVersion != nil)
		wired("addons.ebsKey", a.EBSKey != nil)
		wired("addons.nodeGroups", a.NodeGroups != nil)
		wired("addons.autoMode", a.AutoMode != nil)
	}
	if fs := p.Storage.FileSystem; fs != nil {
		wired("storage.fileSystem.vpc", fs.Vpc != nil)
		wired("storage.fileSystem.subnets", fs.Subnets != nil)
		wired("storage.fileSystem.key", fs.Key != nil)
	}
	wired("storage.backup.key", p.Storage.Backup.Key != nil)
	wired("storage.backup.resources", p.Storage.Backup.Resources != nil)
	return errs
}

// under puts every problem of err (a joined error of "path: problem"
// lines) under prefix: "network" + "cidr: ..." is "network.cidr: ...".
func under(prefix string, err error) []error {
	var out []error
	for _, e := range propcheck.Problems(err) {
		for _, line := range strings.Split(e.Error(), "\n") {
			if line == "" {
				continue
			}
			sep := "."
			if strings.HasPrefix(line, "[") {
				sep = ""
			}
			out = append(out, errors.New(prefix+sep+line))
		}
	}
	return out
}

// validateGenerationAttachments rejects what would watch or extend only
// the first of several cluster generations: monitoring, the GitOps
// baseline, Karpenter and Fargate attach to one cluster stack today.
func (d Props) validateGenerationAttachments() []error {
	if len(d.Generations) < 2 {
		return nil
	}
	var errs []error
	for _, a := range []struct {
		path string
		set  bool
	}{{"monitoring", d.Monitoring != nil}, {"baseline", d.Baseline != nil}, {"karpenter", d.Karpenter != nil}, {"fargate", len(d.Fargate) > 0}} {
		if a.set {
			errs = append(errs, fmt.Errorf("%s: attaches to one cluster, but generations has %d; it would cover only the first, so it is refused with generations", a.path, len(d.Generations)))
		}
	}
	return errs
}
