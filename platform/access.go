package platform

import (
	"fmt"
	"io"
	"strings"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/stacks"
)

// AccessSummary says, in a few lines for people, who can administer the
// platform's cluster and how its API endpoint is reached.
func (p *Platform) AccessSummary() []string {
	c := p.Props.Cluster
	name := *c.ClusterName
	var admins []string
	for _, arn := range c.AdminRoleARNs {
		admins = append(admins, arn+" (access entry)")
	}
	if *c.BreakGlass {
		admins = append(admins, "the break-glass role (output "+p.breakGlassOutput()+"), assumable by "+breakGlassWho(c.BreakGlassPrincipals, p.Props.Account))
	}
	return []string{
		fmt.Sprintf("cluster %s administrators: %s", name, strings.Join(admins, "; ")),
		fmt.Sprintf("cluster %s endpoint: %s", name, endpointHow(c)),
	}
}

// WriteAccess writes AccessSummary to w (stderr: it is for people).
func (p *Platform) WriteAccess(w io.Writer) {
	for _, l := range p.AccessSummary() {
		fmt.Fprintln(w, "ballast: "+l)
	}
}

func (p *Platform) breakGlassOutput() string {
	return p.Props.StackName(PartCluster) + "." + stacks.OutputBreakGlassRoleArn
}

// breakGlassWho names the principals of the break-glass role and which
// must use MFA (cluster.NeedsMFA).
func breakGlassWho(arns []string, account string) string {
	if len(arns) == 0 {
		if account == "" {
			account = "the deploying account"
		}
		return "IAM principals of " + account + " whose policies allow it, with MFA (IAM Identity Center sign-ins carry no MFA context: list their permission-set role ARNs as break-glass principals)"
	}
	var who []string
	for _, arn := range arns {
		if cluster.NeedsMFA(arn) {
			who = append(who, arn+" with MFA")
		} else {
			who = append(who, arn+" (a role: no MFA key; protect who can assume it)")
		}
	}
	return strings.Join(who, ", ")
}

func endpointHow(c cluster.ClusterProps) string {
	if *c.EndpointAccess == cluster.EndpointPublicAndPrivate {
		return "public from " + strings.Join(c.PublicAccessCIDRs, ", ") + ", and private inside the VPC"
	}
	return "private: reachable only from inside the VPC (or networks routed to it: VPN, Direct Connect, peering, SSM Session Manager on a node or bastion)"
}
