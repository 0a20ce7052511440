// Package ec2types is a small, documented table of EC2 instance facts for the
// instance families Ballast accepts for EKS nodes: architecture, vCPUs,
// memory, the number of network interfaces (ENIs) and of IPv4 addresses per
// ENI, and what follows from them (pods per node, the spot "size class").
//
// Why a table and not an API call: synthesis is offline and deterministic,
// so the facts live in code. They were taken from the EC2 instance type
// documentation and checked against amazon-eks-ami's eni-max-pods.txt (the
// tests carry its numbers as worked examples).
//
// Coverage: general purpose m5, m6i, m6a, m7i, m7a, m6g, m7g, m8g; compute
// c6i, c7i, c6g, c7g, c8g; memory r6i, r7i, r6g, r7g, r8g; burstable t3,
// t4g (the Graviton 4 families make three arm64 generations, so an arm64
// spot group can be diverse); sizes from
// medium to 24xlarge as each family offers them (no metal, no 32/48xlarge:
// nodes that large make poor failure domains). Accelerated (GPU and ML)
// types are listed one by one, with their accelerator (NVIDIA or Neuron):
// g4dn, g5, g6, g6e, p4d, p5, inf2 and trn1, up to their largest sizes
// (accelerated.go; network limits from amazon-vpc-cni-k8s's generated
// table, cross-checked with amazon-eks-ami's nodeadm data in the tests).
// Other types are not in the
// table: Lookup reports an error naming the accepted families. To add a
// family, add one line to families (and its sizes) and a worked example to
// the tests.
//
// Nitro instance network limits follow the size, not the family, for every
// family here: a large has 3 ENIs of 10 addresses, a 16xlarge 15 of 50. The
// burstable families are the exception and have their own rows.
package ec2types
