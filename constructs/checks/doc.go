// Package checks is Ballast's EKS rule pack: a CDK Aspect that checks the
// EKS reliability and security practices Ballast encodes against the
// CloudFormation resources of any app, whatever construct library made them
// (awseksv2, awseks, Ballast's constructs or raw L1s). cdk-nag's EKS rules
// do not recognize awseksv2 clusters; these rules read the L1 resources
// (AWS::EKS::Cluster, AWS::EKS::Nodegroup, AWS::EC2::LaunchTemplate,
// AWS::EC2::Subnet and its route table) and report through annotations, so
// `cdk synth` fails on an error.
//
// Use it in an app:
//
//	checks.Apply(app, checks.Options{RequireDeletionProtection: isProd})
//
// or add it yourself: awscdk.Aspects_Of(app).Add(checks.NewEKSChecks(opts), nil).
//
// Rules (errors unless noted; each message starts with the rule ID and ends
// with a fix):
//
//	BALLAST-EKS1  all five control-plane log types are enabled
//	BALLAST-EKS2  Kubernetes secrets are envelope-encrypted with a KMS key
//	BALLAST-EKS3  the API endpoint is not public to 0.0.0.0/0 (public access
//	              needs explicit CIDRs; CloudFormation's default is public to all)
//	BALLAST-EKS4  node groups are only in private subnets
//	BALLAST-EKS5  node groups use a launch template that requires IMDSv2, and
//	              every launch template in the app requires IMDSv2
//	BALLAST-EKS6  node root volumes are encrypted (launch template block
//	              device mappings with Encrypted: true)
//	BALLAST-EKS7  a cluster's node groups span at least 2 AZs
//	BALLAST-EKS8  no Amazon Linux 2 AMI types (AL2 reached end of support)
//	BALLAST-EKS9  deletion protection is on (only with RequireDeletionProtection)
//
// Deploy readiness: rules that read a cluster together with what is
// attached to it, for templates every resource rule passes but that would
// deploy a cluster that never works:
//
//	BALLAST-EKS10 a cluster with managed node groups (not Auto Mode) and
//	              BootstrapSelfManagedAddons: false has the vpc-cni,
//	              kube-proxy and coredns add-ons (else no node becomes Ready)
//	BALLAST-EKS11 an AWS::EKS::PodIdentityAssociation, or an add-on's Pod
//	              Identity association, has the eks-pod-identity-agent add-on
//	              on its cluster (Auto Mode runs the agent itself)
//	BALLAST-EKS12 a node group's Version is not newer than its cluster's nor
//	              more than MaxKubeletSkew (3) minors behind; a smaller lag
//	              is a warning (BALLAST-EKS12-lag); kube-proxy's add-on build
//	              is for the cluster's minor version
//	BALLAST-EKS13 a node group's subnets have a 0.0.0.0/0 route through a NAT
//	              (or transit) gateway, or the endpoints of
//	              PrivateClusterEndpoints: interface endpoints with private
//	              DNS in the subnet's VPC, and the S3 gateway endpoint on the
//	              subnet's route table; a subnet not in the app, or without a
//	              route table association, is a warning (BALLAST-EKS13-unverified)
//	BALLAST-EKS14 with a private-only endpoint, node groups are in the
//	              cluster's VPC (its private DNS answers there only); subnets
//	              not in the app are a warning (BALLAST-EKS14-unverified)
//	BALLAST-EKS15 a node group label or taint topology.kubernetes.io/zone
//	              names its subnets' AZ
//	BALLAST-EKS16 warning: add-ons that run Deployments (PodAddons: coredns,
//	              the CSI drivers, metrics-server, ...) depend on at least one
//	              of the cluster's node groups, else they sit DEGRADED during
//	              creation; dependencies given to the add-on or any of its
//	              scopes count
//
// How "private subnet" is decided (BALLAST-EKS4): each subnet ID of a node
// group is matched, by CDK token, to an AWS::EC2::Subnet in the same app,
// also across stacks (a cross-stack reference is the same token before
// synthesis). The subnet is public if MapPublicIpOnLaunch is true, if its
// aws-cdk:subnet-type tag says Public, or if its route table (found through
// its AWS::EC2::SubnetRouteTableAssociation) has a route whose GatewayId is an
// AWS::EC2::InternetGateway of the app or a literal igw-* ID. A subnet that
// cannot be matched (a literal subnet ID, an Fn::ImportValue, a lookup) cannot
// be verified: that is a warning (acknowledge it with
// Annotations.AcknowledgeWarning("BALLAST-EKS4-unverified", reason) when you
// know the subnet is private), never silence.
//
// Versions are compared only when both are literals; an unset Version is
// the cluster's. Add-ons and associations are matched to a cluster by
// reference or literal name; a cluster not in the app is not checked by the
// readiness rules.
//
// Limits: the rules read each L1's properties as set through its props and
// setters; raw overrides (AddPropertyOverride) are invisible to them, as are
// values only known at deploy time. cfn-lint and cfn-guard check the final
// templates.
package checks
