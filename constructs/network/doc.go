// Package network provides the VPC an EKS cluster runs in, and the
// pure-Go subnet plan and IP capacity check behind it.
//
// Practices encoded (see docs/practices.md, "Network"):
//   - explicit availability zones (no lookups), three by default; two are
//     allowed with a warning (ballast:network-two-azs);
//   - per AZ: a public subnet (load balancers, NAT gateways; tagged
//     kubernetes.io/role/elb=1), a large private-with-egress subnet for
//     nodes and pods, because the VPC CNI gives every pod a VPC address
//     (tagged kubernetes.io/role/internal-elb=1 and
//     karpenter.sh/discovery=<cluster>), and a small isolated /28
//     control-plane subnet for the cluster's ENIs, so node growth never
//     starves the control plane of the free addresses an upgrade needs;
//   - a NAT gateway per AZ by default, each private subnet routing to the
//     one in its own AZ, so one AZ's failure does not cut egress in the
//     others; a single NAT gateway is allowed with a warning
//     (ballast:network-single-nat); NATNone builds no NAT and no internet
//     gateway (the public subnets' blocks stay reserved, the private
//     subnets are isolated) and requires the interface endpoints;
//   - optionally a secondary CIDR (e.g. 100.64.0.0/16) split into one pod
//     subnet per AZ for VPC CNI custom networking, routed to its AZ's NAT;
//   - VPC flow logs (traffic type ALL) to a retained CloudWatch log group;
//   - an S3 gateway endpoint on every route table, always (free, and it
//     keeps ECR image layers off the NAT gateways); interface endpoints
//     (InterfaceEndpointServices) with private DNS for private clusters,
//     behind a security group that allows HTTPS from the VPC's blocks only;
//   - bring your own VPC: ImportNetwork imports it from attributes, with
//     no lookups, and creates nothing.
//
// # Subnet plan
//
// PlanSubnets is deterministic and is exactly what the VPC gets. For a VPC
// of prefix /N over A AZs:
//   - private subnets are /(N+k), where k is the smallest number with
//     2^k >= A+1: the VPC is cut into 2^k equal shares, one per AZ for
//     nodes and pods and at least one left for everything else (2-3 AZs:
//     k=2, 4-6 AZs: k=3). A /16 over 3 AZs gives each AZ a /18 (16,379
//     usable addresses); a /20 gives a /22;
//   - public subnets are /(N+k+4), 1/16 of a private one (at most /28);
//   - control-plane subnets are /28 (11 usable addresses);
//
// and they are allocated the way aws-cdk-lib's Vpc does: subnet group by
// subnet group (private, public, control plane), AZ by AZ in the order
// given, each block at the next address aligned to its size. 10.0.0.0/16
// over a, b, c: private 10.0.0.0/18, 10.0.64.0/18, 10.0.128.0/18; public
// 10.0.192.0/22, 10.0.196.0/22, 10.0.200.0/22; control plane
// 10.0.204.0/28, 10.0.204.16/28, 10.0.204.32/28. The rest of 10.0.192.0/18
// is free for later subnets. A block too small for the plan is an error
// that names the smallest block that would hold it (a /24 over 3 AZs needs
// 288 addresses; a /23 holds it). Pod subnets split the secondary block
// into 2^j equal shares, 2^j >= A (a /16 over 3 AZs: a /18 each).
//
// Changing the CIDR, the AZ list or its order changes the plan, which
// replaces subnets: treat them as create-only.
//
// # IP capacity
//
// CheckIPCapacity works on numbers: per AZ, each node group's max nodes,
// ENIs per node and IPv4 addresses per ENI, and the CNI mode. Without
// prefix delegation a node at max scale holds every ENI it attaches
// (pods / (addresses per ENI - 1), plus WARM_ENI_TARGET spare, at most
// the instance's ENIs) with all their addresses. With prefix delegation
// each pod slot is a /28 prefix (16 contiguous addresses): a node takes
// ceil((maxPods - 2) / 16) + WARM_PREFIX_TARGET prefixes and one primary
// address per attached ENI; prefixes need whole aligned /28s, so such a
// subnet's capacity is its /28 blocks minus the first and last (they hold
// the AWS-reserved addresses) and addresses are counted in whole blocks.
// That assumes ENI primary addresses do not fragment the subnet; keep
// headroom (the check warns above 80%) or add a subnet CIDR reservation
// for prefixes. With a pod subnet (custom networking) pods use every ENI
// but the primary one, from the pod subnet; the node subnet holds one
// address per node.
//
// # Default security group
//
// CloudFormation cannot change a VPC's default security group (there is no
// property for its rules; cloudformation-coverage-roadmap#658), so
// aws-cdk-lib's restrictDefaultSecurityGroup uses a Lambda-backed custom
// resource. Ballast creates no Lambda unless asked: the option is off by
// default, and nothing Ballast creates uses the default group. Turn it on
// (RestrictDefaultSecurityGroup) where Security Hub EC2.2 / CIS 5.4 must
// pass, or use the AWS Config remediation
// AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules account-wide.
package network
