// Package diagram draws a synthesized platform as a Mermaid flowchart, from
// its templates alone: one box per stack, its main resources per AZ and
// the rest, and an arrow per cross-stack dependency labelled with what is
// referenced. Nothing is drawn by hand, so the picture cannot drift from
// the code.
package diagram

import (
	"fmt"
	"sort"
	"strings"
)

// Template is a CloudFormation template as parsed JSON.
type Template = map[string]any

// kinds are the resource types drawn, with their labels; others are left
// out (routes, associations, policies, ...) to keep the picture readable.
var kinds = []struct{ typ, label string }{
	{"AWS::EC2::VPC", "VPC"},
	{"AWS::EC2::Subnet", "subnet"},
	{"AWS::EC2::NatGateway", "NAT gateway"},
	{"AWS::EC2::VPCEndpoint", "VPC endpoint"},
	{"AWS::EC2::FlowLog", "flow log"},
	{"AWS::KMS::Key", "KMS key"},
	{"AWS::EFS::FileSystem", "EFS file system"},
	{"AWS::EFS::MountTarget", "EFS mount target"},
	{"AWS::S3::Bucket", "S3 bucket"},
	{"AWS::Backup::BackupVault", "backup vault"},
	{"AWS::Backup::BackupPlan", "backup plan"},
	{"AWS::EKS::Cluster", "EKS cluster"},
	{"AWS::EKS::Nodegroup", "managed node group"},
	{"AWS::EKS::Addon", "EKS add-on"},
	{"AWS::EKS::AccessEntry", "access entry"},
	{"AWS::Logs::LogGroup", "log group"},
	{"AWS::EC2::LaunchTemplate", "launch template"},
}

func label(typ string) (string, bool) {
	for _, k := range kinds {
		if k.typ == typ {
			return k.label, true
		}
	}
	return "", false
}

// Mermaid returns the flowchart of the stacks, in the order given.
func Mermaid(templates map[string]Template, stacks []string) string {
	idx := newIndex(templates)
	var b strings.Builder
	b.WriteString("flowchart TB\n")
	for i, s := range stacks {
		writeStack(&b, idx, s, i)
	}
	for _, e := range idx.edges(stacks) {
		fmt.Fprintf(&b, "  %s -->|%s| %s\n", nodeID(e.from), e.what, nodeID(e.to))
	}
	return b.String()
}

func nodeID(stack string) string { return "s" + strings.NewReplacer("-", "_", ".", "_").Replace(stack) }

func writeStack(b *strings.Builder, idx *index, stack string, i int) {
	id := nodeID(stack)
	fmt.Fprintf(b, "  subgraph %s[\"%s\"]\n    direction LR\n", id, stack)
	perAZ, rest := idx.placed(stack)
	azs := make([]string, 0, len(perAZ))
	for az := range perAZ {
		azs = append(azs, az)
	}
	sort.Strings(azs)
	for _, az := range azs {
		fmt.Fprintf(b, "    %s_%s[\"%s<br/>%s\"]\n", id, strings.ReplaceAll(az, "-", "_"), az, strings.Join(perAZ[az], "<br/>"))
	}
	if len(rest) > 0 {
		fmt.Fprintf(b, "    %s_regional[\"%s\"]\n", id, strings.Join(rest, "<br/>"))
	}
	b.WriteString("  end\n")
}

// counted renders counts of labels as "3 x subnet", in kinds order (a
// label is a kind's label, or a qualified one such as "Private subnet").
func counted(n map[string]int) []string {
	labels := make([]string, 0, len(n))
	for l := range n {
		labels = append(labels, l)
	}
	sort.Slice(labels, func(i, j int) bool {
		ri, rj := rank(labels[i]), rank(labels[j])
		if ri != rj {
			return ri < rj
		}
		return labels[i] < labels[j]
	})
	var out []string
	for _, l := range labels {
		if n[l] == 1 {
			out = append(out, l)
		} else {
			out = append(out, fmt.Sprintf("%d x %s", n[l], l))
		}
	}
	return out
}

// rank orders a label by the kind it ends with.
func rank(l string) int {
	for i, k := range kinds {
		if l == k.label || strings.HasSuffix(l, " "+k.label) {
			return i
		}
	}
	return len(kinds)
}
