// Package network provides the VPC an EKS cluster runs in.
//
// Practices encoded (see ../shared/docs/eks-practices.md, "Network"):
//   - explicit availability zones (no lookups), three by default;
//   - per AZ: a public subnet (load balancers, NAT gateways), a large
//     private-with-egress subnet for nodes and pods (the VPC CNI gives every
//     pod a VPC IP), and a small isolated control-plane subnet for the
//     cluster's ENIs, so node growth never starves the control plane;
//   - a NAT gateway per AZ by default, so one AZ's failure does not cut
//     egress in the others; a single NAT gateway is allowed with a warning;
//   - subnet tags the AWS Load Balancer Controller discovers.
//
// Subnet plan: subnets are carved in a fixed order, private first, then
// public, then control-plane, each group AZ by AZ, every block aligned to its
// size. For a VPC of prefix /N the private subnets are /(N+3), the public
// subnets /(N+6) (at most /28) and the control-plane subnets /28. A /16 gives
// each AZ a /19 (8,187 usable IPs) for nodes and pods.
package network
