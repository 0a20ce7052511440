package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
)

// badInput is one invalid configuration: the variables set, the variable
// the error message must name, and a fragment of the problem text that
// message must carry (so the case fails if the rule is dropped, not only
// if some other rule happens to name the same variable).
type badInput struct {
	name string
	vars map[string]string
	want string
	frag string
	// pending names the part whose validation will reject this
	// input; until then the case is skipped (and listed in the report).
	pending string
}

// Existing-VPC fixtures: a well-formed VPC ID and one private subnet per
// default AZ (us-east-1a,b,c).
const (
	byoVPC     = "vpc-0a1b2c3d"
	byoPrivate = "subnet-11111111,subnet-22222222,subnet-33333333"
)

// corpus is the bad-input corpus: at least one case per config.Vars entry
// (TestCorpusCoversEveryVar), wrong types, out-of-range values, malformed
// CIDRs/ARNs/AZs/IDs and contradictory combinations, grouped by part. Add
// each new variable's cases here.
var corpus = []badInput{
	// core: profile, account, region, cluster name, tags
	{"unknown profile", vars(config.VarEnv, "qa"), config.VarEnv, "unknown profile", ""},
	{"profile in capitals", vars(config.VarEnv, "PROD"), config.VarEnv, "unknown profile", ""},
	{"two profiles", vars(config.VarEnv, "dev,prod"), config.VarEnv, "unknown profile", ""},
	{"account too short", vars(config.VarAccount, "12345"), config.VarAccount, "not a 12-digit account ID", ""},
	{"account too long", vars(config.VarAccount, "1234567890123"), config.VarAccount, "not a 12-digit account ID", ""},
	{"account with dashes", vars(config.VarAccount, "1111-2222-3333"), config.VarAccount, "not a 12-digit account ID", ""},
	{"account not digits", vars(config.VarAccount, "abcdefghijkl"), config.VarAccount, "not a 12-digit account ID", ""},
	{"region unknown form", vars(config.VarRegion, "mars"), config.VarRegion, "not a region name", ""},
	{"region in capitals", vars(config.VarRegion, "US-EAST-1"), config.VarRegion, "not a region name", ""},
	{"region is an AZ", vars(config.VarRegion, "us-east-1a"), config.VarRegion, "not a region name", ""},
	{"cluster name leading dash", vars(config.VarClusterName, "-bad"), config.VarClusterName, "not a valid EKS cluster name", ""},
	{"cluster name with space", vars(config.VarClusterName, "my cluster"), config.VarClusterName, "not a valid EKS cluster name", ""},
	{"cluster name too long", vars(config.VarClusterName, strings.Repeat("c", 101)), config.VarClusterName, "not a valid EKS cluster name", ""},
	{"cluster name punctuation", vars(config.VarClusterName, "prod!"), config.VarClusterName, "not a valid EKS cluster name", ""},
	{"tag without value", vars(config.VarTags, "novalue"), config.VarTags, "must be comma-separated key=value pairs", ""},
	{"tag without key", vars(config.VarTags, "=v"), config.VarTags, "must be comma-separated key=value pairs", ""},
	{"tag value too long", vars(config.VarTags, "k="+strings.Repeat("v", 257)), config.VarTags, "values 0-256 characters", ""},
	{"tag key bad characters", vars(config.VarTags, "k{}=v"), config.VarTags, "tag keys are 1-128", ""},

	// network: AZs, VPC CIDR, NAT, pod CIDR, flow logs, endpoints, default SG
	{"one AZ", vars(config.VarAZs, "us-east-1a"), config.VarAZs, "need 2 to 6 availability zones", ""},
	{"seven AZs", vars(config.VarAZs, "us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f,us-east-1g"), config.VarAZs, "need 2 to 6 availability zones", ""},
	{"duplicate AZ", vars(config.VarAZs, "us-east-1a,us-east-1a,us-east-1b"), config.VarAZs, "us-east-1a is listed twice", ""},
	{"AZ of another region", vars(config.VarAZs, "us-east-1a,eu-west-1b"), config.VarAZs, "eu-west-1b is not an availability zone of region us-east-1", ""},
	{"AZ is a region", vars(config.VarAZs, "us-east-1,us-east-1b"), config.VarAZs, "us-east-1 is not an availability zone", ""},
	{"AZ with two letters", vars(config.VarAZs, "us-east-1aa,us-east-1b"), config.VarAZs, "us-east-1aa is not an availability zone", ""},
	{"AZs of the default region after a region change", vars(config.VarRegion, "eu-west-1", config.VarAZs, "us-east-1a,us-east-1b"), config.VarAZs, "not an availability zone of region eu-west-1", ""},
	{"CIDR without prefix", vars(config.VarVPCCIDR, "10.0.0.0"), config.VarVPCCIDR, "not an IPv4 CIDR", ""},
	{"CIDR host bits", vars(config.VarVPCCIDR, "10.0.0.1/16"), config.VarVPCCIDR, "host bits are set; did you mean 10.0.0.0/16?", ""},
	{"CIDR too large", vars(config.VarVPCCIDR, "10.0.0.0/8"), config.VarVPCCIDR, "prefix /8 is outside /16 to /24", ""},
	{"CIDR too small", vars(config.VarVPCCIDR, "10.0.0.0/25"), config.VarVPCCIDR, "prefix /25 is outside /16 to /24", ""},
	{"CIDR public range", vars(config.VarVPCCIDR, "8.8.0.0/16"), config.VarVPCCIDR, "not in an allowed range", ""},
	{"CIDR IPv6", vars(config.VarVPCCIDR, "fd00::/48"), config.VarVPCCIDR, "not an IPv4 CIDR", ""},
	{"CIDR garbage", vars(config.VarVPCCIDR, "ten-dot-zero"), config.VarVPCCIDR, "not an IPv4 CIDR", ""},
	{"CIDR bad octet", vars(config.VarVPCCIDR, "10.0.256.0/16"), config.VarVPCCIDR, "not an IPv4 CIDR", ""},
	{"CIDR cannot hold the subnet plan", vars(config.VarVPCCIDR, "10.0.0.0/24"), config.VarVPCCIDR, "cannot hold the subnet plan for 3 AZs", ""},
	{"NAT mode none", vars(config.VarNATMode, "none"), config.VarNATMode, "unknown NAT mode", ""},
	{"NAT mode misspelt", vars(config.VarNATMode, "per_az"), config.VarNATMode, "unknown NAT mode", ""},
	{"pod CIDR overlaps the VPC", vars(config.VarPodCIDR, "10.0.0.0/16"), config.VarPodCIDR, "overlaps the VPC block 10.0.0.0/16", ""},
	{"pod CIDR inside the VPC", vars(config.VarPodCIDR, "10.0.128.0/17"), config.VarPodCIDR, "overlaps the VPC block", ""},
	{"pod CIDR public range", vars(config.VarPodCIDR, "8.8.0.0/16"), config.VarPodCIDR, "not in an allowed range", ""},
	{"pod CIDR host bits", vars(config.VarPodCIDR, "100.64.0.1/16"), config.VarPodCIDR, "host bits are set; did you mean 100.64.0.0/16?", ""},
	{"pod CIDR too large", vars(config.VarPodCIDR, "100.0.0.0/8"), config.VarPodCIDR, "prefix /8 is outside /16 to /24", ""},
	{"pod CIDR too small", vars(config.VarPodCIDR, "100.64.0.0/28"), config.VarPodCIDR, "prefix /28 is outside /16 to /24", ""},
	{"pod CIDR garbage", vars(config.VarPodCIDR, "pods"), config.VarPodCIDR, "not an IPv4 CIDR", ""},
	{"pod CIDR IPv6", vars(config.VarPodCIDR, "fd00::/56"), config.VarPodCIDR, "not an IPv4 CIDR", ""},
	{"flow logs yes", vars(config.VarFlowLogs, "yes"), config.VarFlowLogs, "must be on or off", ""},
	{"flow logs 1", vars(config.VarFlowLogs, "1"), config.VarFlowLogs, "must be on or off", ""},
	{"flow-log retention not offered", vars(config.VarFlowLogRetentionDays, "31"), config.VarFlowLogRetentionDays, "not a CloudWatch Logs retention value", ""},
	{"flow-log retention zero", vars(config.VarFlowLogRetentionDays, "0"), config.VarFlowLogRetentionDays, "not a CloudWatch Logs retention value", ""},
	{"flow-log retention negative", vars(config.VarFlowLogRetentionDays, "-1"), config.VarFlowLogRetentionDays, "not a CloudWatch Logs retention value", ""},
	{"flow-log retention a word", vars(config.VarFlowLogRetentionDays, "week"), config.VarFlowLogRetentionDays, "must be a whole number", ""},
	{"endpoints yes", vars(config.VarVPCEndpoints, "yes"), config.VarVPCEndpoints, "unknown endpoints mode", ""},
	{"endpoints in capitals", vars(config.VarVPCEndpoints, "ON"), config.VarVPCEndpoints, "unknown endpoints mode", ""},
	{"restrict default SG yes", vars(config.VarRestrictDefaultSG, "yes"), config.VarRestrictDefaultSG, "must be on or off", ""},
	{"restrict default SG enabled", vars(config.VarRestrictDefaultSG, "enabled"), config.VarRestrictDefaultSG, "must be on or off", ""},

	// network, bring your own VPC: IDs, one subnet per AZ, nothing Ballast would create
	{"subnets without a VPC ID", vars(config.VarPrivateSubnetIDs, byoPrivate), config.VarVPCID, "the VPC they belong to is required", ""},
	{"VPC ID too short", vars(config.VarVPCID, "vpc-1234", config.VarPrivateSubnetIDs, byoPrivate), config.VarVPCID, "not a VPC ID", ""},
	{"VPC ID 16 hex digits", vars(config.VarVPCID, "vpc-0123456789abcdef", config.VarPrivateSubnetIDs, byoPrivate), config.VarVPCID, "not a VPC ID", ""},
	{"VPC ID not hex", vars(config.VarVPCID, "vpc-1234567g", config.VarPrivateSubnetIDs, byoPrivate), config.VarVPCID, "not a VPC ID", ""},
	{"VPC ID in capitals", vars(config.VarVPCID, "VPC-12345678", config.VarPrivateSubnetIDs, byoPrivate), config.VarVPCID, "not a VPC ID", ""},
	{"VPC ID is a subnet ID", vars(config.VarVPCID, "subnet-12345678", config.VarPrivateSubnetIDs, byoPrivate), config.VarVPCID, "not a VPC ID", ""},
	{"existing VPC without private subnets", vars(config.VarVPCID, byoVPC), config.VarPrivateSubnetIDs, "need one subnet per availability zone (3 in BALLAST_AZS), got 0", ""},
	{"private subnets fewer than AZs", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, "subnet-11111111,subnet-22222222"), config.VarPrivateSubnetIDs, "(3 in BALLAST_AZS), got 2", ""},
	{"private subnets more than AZs", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate+",subnet-44444444"), config.VarPrivateSubnetIDs, "(3 in BALLAST_AZS), got 4", ""},
	{"private subnets for three AZs, two AZs", vars(config.VarAZs, "us-east-1a,us-east-1b", config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate), config.VarPrivateSubnetIDs, "(2 in BALLAST_AZS), got 3", ""},
	{"private subnet ID too short", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, "subnet-11111111,subnet-2222,subnet-33333333"), config.VarPrivateSubnetIDs, `"subnet-2222": not a subnet ID`, ""},
	{"private subnet ID is a VPC ID", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, "subnet-11111111,vpc-22222222,subnet-33333333"), config.VarPrivateSubnetIDs, `"vpc-22222222": not a subnet ID`, ""},
	{"private subnet listed twice", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, "subnet-11111111,subnet-11111111,subnet-33333333"), config.VarPrivateSubnetIDs, "listed more than once", ""},
	{"public subnets fewer than AZs", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarPublicSubnetIDs, "subnet-aaaaaaaa,subnet-bbbbbbbb"), config.VarPublicSubnetIDs, "(3 in BALLAST_AZS), got 2", ""},
	{"public subnet ID malformed", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarPublicSubnetIDs, "subnet-aaaaaaaa,subnet-bbbbbbbb,sn-cccccccc"), config.VarPublicSubnetIDs, `"sn-cccccccc": not a subnet ID`, ""},
	{"public subnets without a VPC", vars(config.VarPublicSubnetIDs, "subnet-aaaaaaaa"), config.VarPublicSubnetIDs, "(3 in BALLAST_AZS), got 1", ""},
	{"public subnet is also private", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarPublicSubnetIDs, "subnet-11111111,subnet-aaaaaaaa,subnet-bbbbbbbb"), config.VarPublicSubnetIDs, "listed more than once", ""},
	{"control-plane subnets fewer than AZs", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarControlPlaneSubnetIDs, "subnet-aaaaaaaa"), config.VarControlPlaneSubnetIDs, "(3 in BALLAST_AZS), got 1", ""},
	{"control-plane subnet ID malformed", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarControlPlaneSubnetIDs, "subnet-aaaaaaaa,subnet-bbbbbbbb,subnet-XYZ"), config.VarControlPlaneSubnetIDs, `"subnet-XYZ": not a subnet ID`, ""},
	{"existing VPC with a pod CIDR", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarPodCIDR, "100.64.0.0/16"), config.VarPodCIDR, "gets no subnets from Ballast", ""},
	{"existing VPC with endpoints on", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarVPCEndpoints, "on"), config.VarVPCEndpoints, "gets no endpoints from Ballast", ""},
	{"existing VPC with a VPC CIDR", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarVPCCIDR, "10.1.0.0/16"), config.VarVPCCIDR, "has no effect with BALLAST_VPC_ID", ""},
	{"existing VPC with NAT mode", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarNATMode, "single"), config.VarNATMode, "has no effect with BALLAST_VPC_ID", ""},
	{"existing VPC with flow logs off", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarFlowLogs, "off"), config.VarFlowLogs, "has no effect with BALLAST_VPC_ID", ""},

	// storage: EFS, backup bucket, backup retention
	{"EFS yes", vars(config.VarEFS, "yes"), config.VarEFS, "must be on or off", ""},
	{"EFS enable", vars(config.VarEFS, "enable"), config.VarEFS, "must be on or off", ""},
	{"backup bucket yes", vars(config.VarBackupBucket, "yes"), config.VarBackupBucket, "must be on or off", ""},
	{"backup bucket 0", vars(config.VarBackupBucket, "0"), config.VarBackupBucket, "must be on or off", ""},
	{"backup retention zero", vars(config.VarBackupRetentionDays, "0"), config.VarBackupRetentionDays, "retention must be 1 to 36500 days", ""},
	{"backup retention negative", vars(config.VarBackupRetentionDays, "-7"), config.VarBackupRetentionDays, "retention must be 1 to 36500 days", ""},
	{"backup retention over 100 years", vars(config.VarBackupRetentionDays, "36501"), config.VarBackupRetentionDays, "retention must be 1 to 36500 days", ""},
	{"backup retention with a unit", vars(config.VarBackupRetentionDays, "1w"), config.VarBackupRetentionDays, "must be a whole number", ""},

	// cluster: version and upgrade policy, endpoint, access, logs, tier, compute
	{"k8s version word", vars(config.VarK8sVersion, "banana"), config.VarK8sVersion, "unsupported Kubernetes version", ""},
	{"k8s version too old", vars(config.VarK8sVersion, "1.20"), config.VarK8sVersion, "unsupported Kubernetes version", ""},
	{"k8s version too new", vars(config.VarK8sVersion, "1.37"), config.VarK8sVersion, "unsupported Kubernetes version", ""},
	{"k8s version with v", vars(config.VarK8sVersion, "v1.36"), config.VarK8sVersion, "unsupported Kubernetes version", ""},
	{"extended-support 1.32 without opt-in", vars(config.VarK8sVersion, "1.32"), config.VarK8sVersion, "only in EKS extended support", ""},
	{"extended-support 1.33 without opt-in", vars(config.VarK8sVersion, "1.33"), config.VarK8sVersion, "opt in with BALLAST_UPGRADE_POLICY=extended", ""},
	{"extended-support 1.33 with standard policy", vars(config.VarK8sVersion, "1.33", config.VarUpgradePolicy, "standard"), config.VarK8sVersion, "only in EKS extended support", ""},
	{"past extended support with extended policy", vars(config.VarK8sVersion, "1.31", config.VarUpgradePolicy, "extended"), config.VarK8sVersion, "unsupported Kubernetes version", ""},
	{"upgrade policy in capitals", vars(config.VarUpgradePolicy, "EXTENDED"), config.VarUpgradePolicy, "unknown upgrade policy", ""},
	{"upgrade policy none", vars(config.VarUpgradePolicy, "none"), config.VarUpgradePolicy, "unknown upgrade policy", ""},
	{"public CIDR prefix 33", vars(config.VarPublicAccessCIDRs, "198.51.100.0/33"), config.VarPublicAccessCIDRs, "not an IPv4 CIDR", ""},
	{"public CIDR host bits", vars(config.VarPublicAccessCIDRs, "198.51.100.1/24"), config.VarPublicAccessCIDRs, "not an IPv4 CIDR", ""},
	{"public CIDR IPv6", vars(config.VarPublicAccessCIDRs, "2001:db8::/32"), config.VarPublicAccessCIDRs, "not an IPv4 CIDR", ""},
	{"public CIDRs on a private endpoint", vars(config.VarEnv, "prod", config.VarPublicAccessCIDRs, "198.51.100.0/24"), config.VarPublicAccessCIDRs, "public access CIDRs need BALLAST_ENDPOINT_ACCESS=public-and-private", ""},
	{"prod public to the world without opt-in", vars(config.VarEnv, "prod", config.VarEndpointAccess, "public-and-private", config.VarPublicAccessCIDRs, "0.0.0.0/0"), config.VarPublicAccessCIDRs, "opt in with BALLAST_ALLOW_OPEN_ENDPOINT=on", ""},
	{"dev public to the world without opt-in", vars(config.VarPublicAccessCIDRs, "0.0.0.0/0"), config.VarPublicAccessCIDRs, "opens the Kubernetes API endpoint to the whole internet", ""},
	{"public to the world with opt-in off", vars(config.VarPublicAccessCIDRs, "198.51.100.0/24,0.0.0.0/0", config.VarAllowOpenEndpoint, "off"), config.VarPublicAccessCIDRs, "opens the Kubernetes API endpoint to the whole internet", ""},
	{"public to the world as two halves", vars(config.VarPublicAccessCIDRs, "0.0.0.0/1,128.0.0.0/1"), config.VarPublicAccessCIDRs, "whole internet", ""},
	{"endpoint public only", vars(config.VarEndpointAccess, "public"), config.VarEndpointAccess, "unknown endpoint access mode", ""},
	{"endpoint in capitals", vars(config.VarEndpointAccess, "PRIVATE"), config.VarEndpointAccess, "unknown endpoint access mode", ""},
	{"public endpoint without CIDRs", vars(config.VarEndpointAccess, "public-and-private"), config.VarPublicAccessCIDRs, "needs the CIDRs allowed to reach it", ""},
	{"open endpoint opt-in yes", vars(config.VarAllowOpenEndpoint, "yes"), config.VarAllowOpenEndpoint, "must be on or off", ""},
	{"open endpoint opt-in 1", vars(config.VarAllowOpenEndpoint, "1"), config.VarAllowOpenEndpoint, "must be on or off", ""},
	{"admin ARN is a user", vars(config.VarAdminRoleARNs, "arn:aws:iam::111122223333:user/bob"), config.VarAdminRoleARNs, "not an IAM role ARN", ""},
	{"admin ARN short account", vars(config.VarAdminRoleARNs, "arn:aws:iam::1:role/Admin"), config.VarAdminRoleARNs, "not an IAM role ARN", ""},
	{"admin ARN wildcard", vars(config.VarAdminRoleARNs, "arn:aws:iam::111122223333:role/*"), config.VarAdminRoleARNs, "not an IAM role ARN", ""},
	{"admin ARN not an ARN", vars(config.VarAdminRoleARNs, "Admin"), config.VarAdminRoleARNs, "not an IAM role ARN", ""},
	{"admin ARN other service", vars(config.VarAdminRoleARNs, "arn:aws:s3:::bucket"), config.VarAdminRoleARNs, "not an IAM role ARN", ""},
	{"break-glass off and no admin roles", vars(config.VarBreakGlass, "off"), config.VarAdminRoleARNs, "no principal could administer the cluster", ""},
	{"break-glass false and no admin roles", vars(config.VarBreakGlass, "false"), config.VarAdminRoleARNs, "no principal could administer the cluster", ""},
	{"break-glass no", vars(config.VarBreakGlass, "no", config.VarAdminRoleARNs, "arn:aws:iam::111122223333:role/Admin"), config.VarBreakGlass, "must be on or off", ""},
	{"break-glass disabled", vars(config.VarBreakGlass, "disabled", config.VarAdminRoleARNs, "arn:aws:iam::111122223333:role/Admin"), config.VarBreakGlass, "must be on or off", ""},
	{"break-glass principal not an ARN", vars(config.VarBreakGlassPrincipals, "root"), config.VarBreakGlassPrincipals, "not an IAM account root, user or role ARN", ""},
	{"break-glass principal is a group", vars(config.VarBreakGlassPrincipals, "arn:aws:iam::111122223333:group/Admins"), config.VarBreakGlassPrincipals, "not an IAM account root, user or role ARN", ""},
	{"break-glass principal short account", vars(config.VarBreakGlassPrincipals, "arn:aws:iam::1111:root"), config.VarBreakGlassPrincipals, "not an IAM account root, user or role ARN", ""},
	{"break-glass principal assumed role", vars(config.VarBreakGlassPrincipals, "arn:aws:sts::111122223333:assumed-role/Admin/bob"), config.VarBreakGlassPrincipals, "not an IAM account root, user or role ARN", ""},
	{"break-glass principal star", vars(config.VarBreakGlassPrincipals, "*"), config.VarBreakGlassPrincipals, "not an IAM account root, user or role ARN", ""},
	{"break-glass principal wildcard role", vars(config.VarBreakGlassPrincipals, "arn:aws:iam::111122223333:role/*"), config.VarBreakGlassPrincipals, "not an IAM account root, user or role ARN", ""},
	{"break-glass principals with break-glass off", vars(config.VarBreakGlass, "off", config.VarBreakGlassPrincipals, "arn:aws:iam::111122223333:root", config.VarAdminRoleARNs, "arn:aws:iam::111122223333:role/Admin"), config.VarBreakGlassPrincipals, "set, but BALLAST_BREAK_GLASS=false", ""},
	{"retention not offered", vars(config.VarLogRetentionDays, "31"), config.VarLogRetentionDays, "not a CloudWatch Logs retention value", ""},
	{"retention a word", vars(config.VarLogRetentionDays, "month"), config.VarLogRetentionDays, "must be a whole number", ""},
	{"retention negative", vars(config.VarLogRetentionDays, "-1"), config.VarLogRetentionDays, "not a CloudWatch Logs retention value", ""},
	{"retention fraction", vars(config.VarLogRetentionDays, "1.5"), config.VarLogRetentionDays, "must be a whole number", ""},
	{"deletion protection yes", vars(config.VarDeletionProtection, "yes"), config.VarDeletionProtection, "must be on or off", ""},
	{"deletion protection enabled", vars(config.VarDeletionProtection, "enabled"), config.VarDeletionProtection, "must be on or off", ""},
	{"control-plane tier unknown", vars(config.VarControlPlaneTier, "huge"), config.VarControlPlaneTier, "unknown control-plane scaling tier", ""},
	{"control-plane tier in capitals", vars(config.VarControlPlaneTier, "STANDARD"), config.VarControlPlaneTier, "unknown control-plane scaling tier", ""},
	{"control-plane tier without prefix", vars(config.VarControlPlaneTier, "xl"), config.VarControlPlaneTier, "unknown control-plane scaling tier", ""},
	{"compute fargate", vars(config.VarCompute, "fargate"), config.VarCompute, "unknown compute mode", ""},
	{"compute in capitals", vars(config.VarCompute, "Auto"), config.VarCompute, "unknown compute mode", ""},
	{"compute fargate", vars(config.VarCompute, "fargate"), config.VarCompute, "unknown compute mode", ""},

	// nodes: system group, shared settings, workers group
	{"no instance types", vars(config.VarNodeInstanceTypes, " , "), config.VarNodeInstanceTypes, "at least one instance type is required", ""},
	{"instance type without family", vars(config.VarNodeInstanceTypes, "large"), config.VarNodeInstanceTypes, "unknown instance type", ""},
	{"instance type in capitals", vars(config.VarNodeInstanceTypes, "M6I.LARGE"), config.VarNodeInstanceTypes, "unknown instance type", ""},
	{"one bad instance type among good", vars(config.VarNodeInstanceTypes, "m6i.large,m6i"), config.VarNodeInstanceTypes, `size "" is not in the table for m6i`, ""},
	{"instance size not offered", vars(config.VarNodeInstanceTypes, "m6i.nano"), config.VarNodeInstanceTypes, `size "nano" is not in the table for m6i`, ""},
	{"instance family unknown", vars(config.VarNodeInstanceTypes, "zz9.large"), config.VarNodeInstanceTypes, "unknown instance type", ""},
	{"mixed architectures", vars(config.VarNodeInstanceTypes, "m6i.large,m6g.large"), config.VarNodeInstanceTypes, "mixes architectures arm64 and x86_64", ""},
	{"spot with one instance type", vars(config.VarNodeCapacityType, "spot"), config.VarNodeInstanceTypes, "a SPOT group needs at least 3 instance types", ""},
	{"spot with two instance types", vars(config.VarNodeCapacityType, "spot", config.VarNodeInstanceTypes, "m6i.large,m6a.large"), config.VarNodeInstanceTypes, "needs at least 3 instance types of the same size class and architecture (e.g. m6i.large,m6a.large,m7i.large), got 2", ""},
	{"spot with one type three times", vars(config.VarNodeCapacityType, "spot", config.VarNodeInstanceTypes, "m6i.large,m6i.large,m6i.large"), config.VarNodeInstanceTypes, "got 1: m6i.large", ""},
	{"spot across size classes", vars(config.VarNodeCapacityType, "spot", config.VarNodeInstanceTypes, "m6i.large,m6a.large,m7i.xlarge"), config.VarNodeInstanceTypes, "must share one size class", ""},
	{"min size a word", vars(config.VarNodeMinSize, "two"), config.VarNodeMinSize, "must be a whole number", ""},
	{"min size negative", vars(config.VarNodeMinSize, "-1", config.VarNodeDesiredSize, "0"), config.VarNodeMinSize, "out of range", ""},
	{"min size over quota", vars(config.VarNodeMinSize, "451", config.VarNodeDesiredSize, "451", config.VarNodeMaxSize, "451"), config.VarNodeMinSize, "out of range", ""},
	{"min size fraction", vars(config.VarNodeMinSize, "1.5"), config.VarNodeMinSize, "must be a whole number", ""},
	{"desired above max", vars(config.VarNodeDesiredSize, "9"), config.VarNodeDesiredSize, "must be between min and max (min=1 desired=9 max=3)", ""},
	{"desired below min", vars(config.VarEnv, "prod", config.VarNodeDesiredSize, "1"), config.VarNodeDesiredSize, "must be between min and max (min=2 desired=1", ""},
	{"desired a word", vars(config.VarNodeDesiredSize, "x"), config.VarNodeDesiredSize, "must be a whole number", ""},
	{"max over quota", vars(config.VarNodeMaxSize, "451"), config.VarNodeMaxSize, "the EKS quota is 450 nodes per node group", ""},
	{"max zero", vars(config.VarNodeMinSize, "0", config.VarNodeDesiredSize, "0", config.VarNodeMaxSize, "0"), config.VarNodeMaxSize, "the EKS quota is 450 nodes per node group", ""},
	{"min above max", vars(config.VarNodeMinSize, "5", config.VarNodeDesiredSize, "5", config.VarNodeMaxSize, "3"), config.VarNodeMaxSize, "must be >= BALLAST_NODE_MIN_SIZE", ""},
	{"max a word", vars(config.VarNodeMaxSize, "ten"), config.VarNodeMaxSize, "must be a whole number", ""},
	{"subnets cannot hold max scale", vars(config.VarVPCCIDR, "10.0.0.0/20", config.VarNodeMaxSize, "100"), config.VarNodeMaxSize, "cannot hold max scale", ""},
	{"pod subnets cannot hold max scale", vars(config.VarPodCIDR, "100.64.0.0/24"), config.VarNodeMaxSize, "use a larger secondary pod CIDR", ""},
	{"capacity type in capitals", vars(config.VarNodeCapacityType, "SPOT"), config.VarNodeCapacityType, "unknown capacity type", ""},
	{"capacity type reserved", vars(config.VarNodeCapacityType, "reserved"), config.VarNodeCapacityType, "unknown capacity type", ""},
	{"capacity type underscore", vars(config.VarNodeCapacityType, "on_demand"), config.VarNodeCapacityType, "unknown capacity type", ""},
	{"AMI family AL2", vars(config.VarNodeAMIFamily, "al2"), config.VarNodeAMIFamily, "Amazon Linux 2 has reached end of support", ""},
	{"AMI family AL2 in capitals", vars(config.VarNodeAMIFamily, "AL2"), config.VarNodeAMIFamily, "Amazon Linux 2 has reached end of support", ""},
	{"AMI family ubuntu", vars(config.VarNodeAMIFamily, "ubuntu"), config.VarNodeAMIFamily, "unknown AMI family", ""},
	{"AMI family windows", vars(config.VarNodeAMIFamily, "windows"), config.VarNodeAMIFamily, "unknown AMI family", ""},
	{"release latest", vars(config.VarNodeReleaseVersion, "latest"), config.VarNodeReleaseVersion, "is not an AL2023 EKS AMI release", ""},
	{"release without date", vars(config.VarNodeReleaseVersion, "1.36.0"), config.VarNodeReleaseVersion, "is not an AL2023 EKS AMI release", ""},
	{"release date too short", vars(config.VarNodeReleaseVersion, "1.36.0-2026011"), config.VarNodeReleaseVersion, "is not an AL2023 EKS AMI release", ""},
	{"release for an older version", vars(config.VarNodeReleaseVersion, "1.35.0-20260115"), config.VarNodeReleaseVersion, "is for Kubernetes 1.35, but the cluster runs 1.36", ""},
	{"release for a newer version", vars(config.VarK8sVersion, "1.35", config.VarNodeReleaseVersion, "1.36.0-20260115"), config.VarNodeReleaseVersion, "is for Kubernetes 1.36, but the cluster runs 1.35", ""},
	{"bottlerocket release with v", vars(config.VarNodeAMIFamily, "bottlerocket", config.VarNodeReleaseVersion, "v1.30.0"), config.VarNodeReleaseVersion, "is not a Bottlerocket release", ""},
	{"disk below 20 GiB", vars(config.VarNodeDiskSizeGiB, "19"), config.VarNodeDiskSizeGiB, "out of range", ""},
	{"disk above 16384 GiB", vars(config.VarNodeDiskSizeGiB, "16385"), config.VarNodeDiskSizeGiB, "out of range", ""},
	{"disk zero", vars(config.VarNodeDiskSizeGiB, "0"), config.VarNodeDiskSizeGiB, "out of range", ""},
	{"disk with a unit", vars(config.VarNodeDiskSizeGiB, "50GiB"), config.VarNodeDiskSizeGiB, "must be a whole number", ""},
	{"hop limit 3", vars(config.VarNodeMetadataHopLimit, "3"), config.VarNodeMetadataHopLimit, "out of range", ""},
	{"hop limit 0", vars(config.VarNodeMetadataHopLimit, "0"), config.VarNodeMetadataHopLimit, "out of range", ""},
	{"hop limit a word", vars(config.VarNodeMetadataHopLimit, "one"), config.VarNodeMetadataHopLimit, "must be a whole number", ""},
	{"workers yes", vars(config.VarWorkersEnabled, "yes"), config.VarWorkersEnabled, "must be on or off", ""},
	{"workers 2", vars(config.VarWorkersEnabled, "2"), config.VarWorkersEnabled, "must be on or off", ""},
	{"workers spot with one instance type", vars(config.VarWorkersEnabled, "on", config.VarWorkersInstanceTypes, "m6i.xlarge"), config.VarWorkersInstanceTypes, "a SPOT group needs at least 3 instance types", ""},
	{"workers spot with two instance types", vars(config.VarWorkersEnabled, "on", config.VarWorkersInstanceTypes, "m6i.xlarge,m6a.xlarge"), config.VarWorkersInstanceTypes, "got 2: m6a.xlarge,m6i.xlarge", ""},
	{"workers spot across size classes", vars(config.VarWorkersEnabled, "on", config.VarWorkersInstanceTypes, "m6i.xlarge,m6a.xlarge,m7i.2xlarge"), config.VarWorkersInstanceTypes, "must share one size class", ""},
	{"workers spot mixed architectures", vars(config.VarWorkersEnabled, "on", config.VarWorkersInstanceTypes, "m6i.xlarge,m6a.xlarge,m7g.xlarge"), config.VarWorkersInstanceTypes, "mixes architectures arm64 and x86_64", ""},
	{"workers on-demand mixed architectures", vars(config.VarWorkersEnabled, "on", config.VarWorkersCapacityType, "on-demand", config.VarWorkersInstanceTypes, "m6i.xlarge,m6g.xlarge"), config.VarWorkersInstanceTypes, "mixes architectures arm64 and x86_64", ""},
	{"workers no instance types", vars(config.VarWorkersEnabled, "on", config.VarWorkersInstanceTypes, ","), config.VarWorkersInstanceTypes, "at least one instance type is required", ""},
	{"workers instance type without size", vars(config.VarWorkersEnabled, "on", config.VarWorkersInstanceTypes, "m6i"), config.VarWorkersInstanceTypes, `size "" is not in the table for m6i`, ""},
	{"workers capacity type in capitals", vars(config.VarWorkersEnabled, "on", config.VarWorkersCapacityType, "SPOT"), config.VarWorkersCapacityType, "unknown capacity type", ""},
	{"workers capacity type ondemand", vars(config.VarWorkersEnabled, "on", config.VarWorkersCapacityType, "ondemand"), config.VarWorkersCapacityType, "unknown capacity type", ""},
	{"workers min negative", vars(config.VarWorkersEnabled, "on", config.VarWorkersMinSize, "-1", config.VarWorkersDesiredSize, "0"), config.VarWorkersMinSize, "out of range", ""},
	{"workers min over quota", vars(config.VarWorkersEnabled, "on", config.VarWorkersMinSize, "451", config.VarWorkersDesiredSize, "451", config.VarWorkersMaxSize, "451"), config.VarWorkersMinSize, "out of range", ""},
	{"workers min a word", vars(config.VarWorkersEnabled, "on", config.VarWorkersMinSize, "many"), config.VarWorkersMinSize, "must be a whole number", ""},
	{"workers desired above max", vars(config.VarWorkersEnabled, "on", config.VarWorkersDesiredSize, "6"), config.VarWorkersDesiredSize, "must be between min and max (min=1 desired=6 max=5)", ""},
	{"workers desired below min", vars(config.VarWorkersEnabled, "on", config.VarWorkersDesiredSize, "0"), config.VarWorkersDesiredSize, "must be between min and max (min=1 desired=0 max=5)", ""},
	{"workers desired fraction", vars(config.VarWorkersEnabled, "on", config.VarWorkersDesiredSize, "1.5"), config.VarWorkersDesiredSize, "must be a whole number", ""},
	{"workers min above max", vars(config.VarWorkersEnabled, "on", config.VarWorkersMinSize, "6", config.VarWorkersDesiredSize, "6", config.VarWorkersMaxSize, "5"), config.VarWorkersMaxSize, "must be >= BALLAST_WORKERS_MIN_SIZE (min=6 desired=6 max=5)", ""},
	{"workers max zero", vars(config.VarWorkersEnabled, "on", config.VarWorkersMinSize, "0", config.VarWorkersDesiredSize, "0", config.VarWorkersMaxSize, "0"), config.VarWorkersMaxSize, "the EKS quota is 450 nodes per node group", ""},
	{"workers max over quota", vars(config.VarWorkersEnabled, "on", config.VarWorkersMaxSize, "451"), config.VarWorkersMaxSize, "the EKS quota is 450 nodes per node group", ""},
	{"workers max a word", vars(config.VarWorkersMaxSize, "lots"), config.VarWorkersMaxSize, "must be a whole number", ""},

	// add-ons: CoreDNS, kube-proxy, EFS CSI driver, CloudWatch
	{"CoreDNS zero replicas", vars(config.VarCoreDNSReplicas, "0"), config.VarCoreDNSReplicas, "out of range", ""},
	{"CoreDNS negative replicas", vars(config.VarCoreDNSReplicas, "-2"), config.VarCoreDNSReplicas, "out of range", ""},
	{"CoreDNS 51 replicas", vars(config.VarCoreDNSReplicas, "51"), config.VarCoreDNSReplicas, "out of range", ""},
	{"CoreDNS replicas a word", vars(config.VarCoreDNSReplicas, "two"), config.VarCoreDNSReplicas, "must be a whole number", ""},
	{"CoreDNS one replica in prod", vars(config.VarEnv, "prod", config.VarCoreDNSReplicas, "1"), config.VarCoreDNSReplicas, "single point of failure", ""},
	{"CoreDNS one replica in staging", vars(config.VarEnv, "staging", config.VarCoreDNSReplicas, "1"), config.VarCoreDNSReplicas, "allowed only in dev", ""},
	{"kube-proxy nftables", vars(config.VarKubeProxyMode, "nftables"), config.VarKubeProxyMode, "unknown kube-proxy mode", ""},
	{"kube-proxy in capitals", vars(config.VarKubeProxyMode, "IPVS"), config.VarKubeProxyMode, "unknown kube-proxy mode", ""},
	{"kube-proxy ebpf", vars(config.VarKubeProxyMode, "ebpf"), config.VarKubeProxyMode, "unknown kube-proxy mode", ""},
	{"EFS CSI yes", vars(config.VarAddonEFS, "yes"), config.VarAddonEFS, "must be on or off", ""},
	{"EFS CSI 1", vars(config.VarAddonEFS, "1"), config.VarAddonEFS, "must be on or off", ""},
	{"CloudWatch yes", vars(config.VarAddonCloudWatch, "yes"), config.VarAddonCloudWatch, "must be on or off", ""},
	{"CloudWatch enabled", vars(config.VarAddonCloudWatch, "enabled"), config.VarAddonCloudWatch, "must be on or off", ""},

	// monitoring: alarms, topic, email, objectives, GuardDuty
	{"monitoring yes", vars(config.VarMonitoring, "yes"), config.VarMonitoring, "must be on or off", ""},
	{"alarm actions maybe", vars(config.VarAlarmActions, "maybe"), config.VarAlarmActions, "must be on or off", ""},
	{"alarm actions with monitoring off", vars(config.VarMonitoring, "off", config.VarAlarmActions, "on"), config.VarAlarmActions, "has no effect with BALLAST_MONITORING=off", ""},
	{"alarm topic is FIFO", vars(config.VarAlarmTopicARN, "arn:aws:sns:us-east-1:123456789012:alarms.fifo"), config.VarAlarmTopicARN, "not a standard SNS topic ARN", ""},
	{"alarm topic is a name", vars(config.VarAlarmTopicARN, "alarms"), config.VarAlarmTopicARN, "not a standard SNS topic ARN", ""},
	{"alarm topic is an SQS queue", vars(config.VarAlarmTopicARN, "arn:aws:sqs:us-east-1:123456789012:alarms"), config.VarAlarmTopicARN, "not a standard SNS topic ARN", ""},
	{"alarm topic with monitoring off", vars(config.VarMonitoring, "off", config.VarAlarmTopicARN, "arn:aws:sns:us-east-1:123456789012:alarms"), config.VarAlarmTopicARN, "has no effect with BALLAST_MONITORING=off", ""},
	{"alarm email without a domain", vars(config.VarAlarmEmail, "oncall@"), config.VarAlarmEmail, "not an email address", ""},
	{"alarm email is a name", vars(config.VarAlarmEmail, "oncall"), config.VarAlarmEmail, "not an email address", ""},
	{"availability 100", vars(config.VarAvailabilitySLO, "100"), config.VarAvailabilitySLO, "100 is out of range (from 90 to 99.99)", ""},
	{"availability as a fraction", vars(config.VarAvailabilitySLO, "0.99"), config.VarAvailabilitySLO, "0.99 is out of range", ""},
	{"availability with a percent sign", vars(config.VarAvailabilitySLO, "99%"), config.VarAvailabilitySLO, "must be a number", ""},
	{"latency zero", vars(config.VarLatencySLO, "0"), config.VarLatencySLO, "0 is out of range (above 0 to 60)", ""},
	{"latency with a unit", vars(config.VarLatencySLO, "1s"), config.VarLatencySLO, "must be a number", ""},
	{"latency of two minutes", vars(config.VarLatencySLO, "120"), config.VarLatencySLO, "120 is out of range", ""},
	{"GuardDuty enabled", vars(config.VarGuardDuty, "enabled"), config.VarGuardDuty, "must be on or off", ""},
	{"GuardDuty with monitoring off", vars(config.VarMonitoring, "off", config.VarGuardDuty, "on"), config.VarGuardDuty, "has no effect with BALLAST_MONITORING=off", ""},

	// accelerated node groups
	{"workers mix GPU and plain types", vars(config.VarWorkersEnabled, "true", config.VarWorkersCapacityType, "on-demand",
		config.VarWorkersInstanceTypes, "g5.xlarge,m6i.xlarge"), config.VarWorkersInstanceTypes, "mixes accelerators none and nvidia", ""},

	// unknown variables: a misspelt BALLAST_ name, with the nearest known one
	{"unknown BALLAST_ENVIRONMENT", vars("BALLAST_ENVIRONMENT", "prod"), "BALLAST_ENVIRONMENT", "unknown variable; did you mean BALLAST_ENV?", ""},
	{"unknown BALLAST_DELETION_PROTECTON", vars("BALLAST_DELETION_PROTECTON", "on"), "BALLAST_DELETION_PROTECTON", "did you mean BALLAST_DELETION_PROTECTION?", ""},
	{"unknown BALLAST_NODE_MAXSIZE", vars("BALLAST_NODE_MAXSIZE", "4"), "BALLAST_NODE_MAXSIZE", "did you mean BALLAST_NODE_MAX_SIZE?", ""},
	{"unknown BALLAST_CAPACITY_TYPE", vars("BALLAST_CAPACITY_TYPE", "SPOT"), "BALLAST_CAPACITY_TYPE", "did you mean BALLAST_NODE_CAPACITY_TYPE?", ""},
	{"unknown name, nothing near", vars("BALLAST_QWERTY_ZXCV", "1"), "BALLAST_QWERTY_ZXCV", "unknown variable", ""},

	// availability zones from the zone table, with its escape
	{"AZ the region does not have", vars(config.VarRegion, "cn-north-1", config.VarAZs, "cn-north-1a,cn-north-1c"), config.VarAZs, "cn-north-1c is not an availability zone of region cn-north-1 (its zones: cn-north-1a,cn-north-1b,cn-north-1d)", ""},
	{"AZ letter past the table", vars(config.VarAZs, "us-east-1a,us-east-1g"), config.VarAZs, "BALLAST_ALLOW_UNLISTED_AZS=on accepts zones the table lacks", ""},
	{"region the table lacks, no AZs", vars(config.VarRegion, "xx-moon-1"), config.VarAZs, "required: region xx-moon-1 is not in the zone table", ""},
	{"region the table lacks, AZs unchecked", vars(config.VarRegion, "xx-moon-1", config.VarAZs, "xx-moon-1a,xx-moon-1b"), config.VarAZs, "so its zones cannot be checked", ""},
	{"region whose zones differ per account", vars(config.VarRegion, "us-west-1"), config.VarAZs, "each account sees 2 of the zones of us-west-1", ""},
	{"unlisted AZs allowed, name still malformed", vars(config.VarAllowUnlistedAZs, "on", config.VarAZs, "us-east-1a,us-east-1aa"), config.VarAZs, "us-east-1aa is not an availability zone of region us-east-1", ""},
	{"unlisted AZs switch yes", vars(config.VarAllowUnlistedAZs, "yes"), config.VarAllowUnlistedAZs, "must be on or off", ""},

	// in-cluster baseline (GitOps folder)
	{"GitOps yes", vars(config.VarGitOps, "yes"), config.VarGitOps, "must be on or off", ""},
	{"team namespace reserved", vars(config.VarTeamNamespaces, "apps,kube-tools"), config.VarTeamNamespaces, `"kube-tools" is reserved`, ""},
	{"team namespace in capitals", vars(config.VarTeamNamespaces, "Payments"), config.VarTeamNamespaces, "is not a namespace name", ""},
	{"team namespace twice", vars(config.VarTeamNamespaces, "apps,apps"), config.VarTeamNamespaces, "listed twice", ""},
	{"team namespaces without the baseline", vars(config.VarGitOps, "off", config.VarTeamNamespaces, "apps"), config.VarTeamNamespaces, "has no effect with BALLAST_GITOPS=off", ""},
	{"team CPU a word", vars(config.VarTeamCPU, "lots"), config.VarTeamCPU, "not a positive Kubernetes quantity", ""},
	{"team CPU zero", vars(config.VarTeamCPU, "0"), config.VarTeamCPU, "not a positive Kubernetes quantity", ""},
	{"team memory in GB with a typo", vars(config.VarTeamMemory, "16GiB"), config.VarTeamMemory, "not a positive Kubernetes quantity", ""},
	{"team pods zero", vars(config.VarTeamPods, "0"), config.VarTeamPods, "must be at least 1", ""},
	{"team pods a word", vars(config.VarTeamPods, "many"), config.VarTeamPods, "must be a whole number", ""},
	{"over-provisioning yes", vars(config.VarOverProvisioning, "yes"), config.VarOverProvisioning, "must be on or off", ""},

	// Karpenter
	{"compute karpenter in capitals", vars(config.VarCompute, "Karpenter"), config.VarCompute, "unknown compute mode", ""},
	{"karpenter with workers", vars(config.VarCompute, "karpenter", config.VarWorkersEnabled, "on"), config.VarWorkersEnabled, "has no effect with BALLAST_COMPUTE=karpenter", ""},
	{"karpenter without the GitOps folder", vars(config.VarCompute, "karpenter", config.VarGitOps, "off"), config.VarGitOps, "required with BALLAST_COMPUTE=karpenter", ""},
	{"karpenter unknown family", vars(config.VarCompute, "karpenter", config.VarKarpenterInstanceFamilies, "m6i,z9"), config.VarKarpenterInstanceFamilies, `unknown family "z9"`, ""},
	{"karpenter mixed architectures", vars(config.VarCompute, "karpenter", config.VarKarpenterInstanceFamilies, "m6i,m7g"), config.VarKarpenterInstanceFamilies, "mixes architectures", ""},
	{"karpenter families without karpenter", vars(config.VarKarpenterInstanceFamilies, "m6i"), config.VarKarpenterInstanceFamilies, "has no effect with BALLAST_COMPUTE other than karpenter", ""},
	{"karpenter reserved capacity", vars(config.VarCompute, "karpenter", config.VarKarpenterCapacityTypes, "spot,reserved"), config.VarKarpenterCapacityTypes, `"reserved" is not on-demand or spot`, ""},
	{"karpenter no capacity type", vars(config.VarCompute, "karpenter", config.VarKarpenterCapacityTypes, ","), config.VarKarpenterCapacityTypes, "at least one of on-demand, spot", ""},
	// Fargate profiles
	{"Fargate namespace in capitals", vars(config.VarFargateNamespaces, "Batch"), config.VarFargateNamespaces, `"Batch" is not a namespace name`, ""},
	{"Fargate namespace twice", vars(config.VarFargateNamespaces, "batch,batch"), config.VarFargateNamespaces, "listed twice", ""},
	{"Fargate namespace with a dot", vars(config.VarFargateNamespaces, "team.a"), config.VarFargateNamespaces, "is not a namespace name", ""},

	{"karpenter cluster name too long", vars(config.VarCompute, "karpenter", config.VarClusterName, "a-cluster-name-that-is-far-too-long-for-karpenters-node-role"), config.VarClusterName, "at most 49 characters", ""},

	// several environments per app: the list, its files, the process environment
	{"environment name in capitals", vars(config.VarEnvironments, "Prod"), config.VarEnvironments, "is not an environment name", ""},
	{"environment name is a path", vars(config.VarEnvironments, "../prod"), config.VarEnvironments, "is not an environment name", ""},
	{"environment listed twice", vars(config.VarEnvironments, "dev,dev"), config.VarEnvironments, "dev is listed twice", ""},
	{"environments listed empty", vars(config.VarEnvironments, " , "), config.VarEnvironments, "names no environment", ""},
	{"environment without its file", vars(config.VarEnvironments, "dev"), config.VarEnvironments, "environments/dev.env: no such file", ""},
	{"environments with a process variable", vars(config.VarEnvironments, "dev", config.VarEnv, "prod"), config.VarEnv, "set in the process environment", ""},

	// control-plane version rollback window
	{"rollback window zero", vars(config.VarRollbackTimeoutMinutes, "0"), config.VarRollbackTimeoutMinutes, "must be a positive number of minutes", ""},
	{"rollback window with a unit", vars(config.VarRollbackTimeoutMinutes, "12h"), config.VarRollbackTimeoutMinutes, "must be a whole number", ""},

	// existing VPC's block (NFS scope, control-plane egress)
	{"existing VPC with EFS and no block", vars(config.VarEFS, "on", config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate), config.VarExistingVPCCIDR, "required with BALLAST_EFS", ""},
	{"existing VPC block with host bits", vars(config.VarVPCID, byoVPC, config.VarPrivateSubnetIDs, byoPrivate, config.VarExistingVPCCIDR, "10.20.0.1/16"), config.VarExistingVPCCIDR, "not an IPv4 CIDR without host bits", ""},
	{"existing VPC block without an existing VPC", vars(config.VarExistingVPCCIDR, "10.20.0.0/16"), config.VarExistingVPCCIDR, "has no effect with BALLAST_VPC_ID unset", ""},

	// settings that would be ignored, limits AWS enforces at deploy time, acknowledgements
	{"flow-log retention with flow logs off", vars(config.VarFlowLogs, "off", config.VarFlowLogRetentionDays, "90"), config.VarFlowLogRetentionDays, "has no effect with BALLAST_FLOW_LOGS=off", ""},
	{"backup retention with nothing to back up", vars(config.VarBackupBucket, "off", config.VarBackupRetentionDays, "30"), config.VarBackupRetentionDays, "nothing is backed up", ""},
	{"tag key given twice", vars(config.VarTags, "team=a,team=b"), config.VarTags, "tag key \"team\" is given twice", ""},
	{"tag with the aws: prefix", vars(config.VarTags, "aws:owner=me"), config.VarTags, "the aws: prefix is reserved", ""},
	{"too many tags", vars(config.VarTags, manyTags(44)), config.VarTags, "44 tags; a resource takes at most 50", ""},
	{"admin role of another partition", vars(config.VarAdminRoleARNs, "arn:aws-cn:iam::123456789012:role/Admin"), config.VarAdminRoleARNs, "not an ARN of region us-east-1's partition (arn:aws)", ""},
	{"break-glass principal of another partition", vars(config.VarRegion, "cn-north-1", config.VarBreakGlassPrincipals, "arn:aws:iam::123456789012:root"), config.VarBreakGlassPrincipals, "partition (arn:aws-cn)", ""},
	{"acknowledge an unknown warning", vars(config.VarAcknowledge, "ballast:network-single-nut=cost"), config.VarAcknowledge, "is not a warning Ballast raises; known: ballast:network-single-nat", ""},
	{"acknowledge without a reason", vars(config.VarAcknowledge, "ballast:network-single-nat"), config.VarAcknowledge, "must be comma-separated <warning ID>=<reason> pairs", ""},
	{"acknowledge twice", vars(config.VarAcknowledge, "ballast:network-two-azs=a,ballast:network-two-azs=b"), config.VarAcknowledge, "acknowledged twice", ""},
	{"AL2023 release with Bottlerocket", vars(config.VarNodeAMIFamily, "bottlerocket", config.VarNodeReleaseVersion, "1.36.0-20260115"), config.VarNodeReleaseVersion, "is an AL2023 EKS AMI release", ""},
}

func vars(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// TestBadInputCorpus runs the real binary on every bad input: it must exit
// with code 2, print a line that names the variable, the problem (the
// case's fragment) and what is accepted, and write nothing.
func TestBadInputCorpus(t *testing.T) {
	if len(corpus) < 40 {
		t.Errorf("corpus has %d cases, want at least 40", len(corpus))
	}
	binary(t) // build once, before the parallel subtests
	for _, c := range corpus {
		t.Run(c.name, func(t *testing.T) {
			if c.pending != "" {
				t.Skipf("pending: the %s validation must reject this (today it reaches synthesis)", c.pending)
			}
			if c.frag == "" {
				t.Fatal("the case has no problem fragment")
			}
			t.Parallel()
			r := runBinary(t, c.vars)
			if r.code != 2 {
				t.Fatalf("exit code %d, want 2; stderr:\n%s", r.code, r.stderr)
			}
			if !namesProblem(r.stderr, c.want, c.frag) {
				t.Errorf("stderr must have a line naming %s=, %q and what is accepted:\n%s", c.want, c.frag, r.stderr)
			}
			if es := r.entries(t); len(es) != 0 {
				t.Errorf("bad input wrote %v", es)
			}
		})
	}
}

// namesProblem reports whether one line of stderr is a problem about name
// (name="value": ...) that contains frag and what is accepted.
func namesProblem(stderr, name, frag string) bool {
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, name+"=") && strings.Contains(line, frag) && strings.Contains(line, "; accepted: ") {
			return true
		}
	}
	return false
}

// TestCorpusCoversEveryVar fails when a config variable has no bad-input
// case, so each new variable gets its own.
func TestCorpusCoversEveryVar(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range corpus {
		if c.pending == "" {
			covered[c.want] = true
		}
	}
	for _, v := range config.Vars {
		if !covered[v.Name] {
			t.Errorf("%s has no case in the bad-input corpus (corpus_test.go)", v.Name)
		}
	}
}

// The corpus holds invalid inputs only; the departures (binary_test.go)
// are valid by design and must synthesize with the construct's warning
// rather than fail. They share one run of the binary with the other
// synthesis tests.
func TestDeliberateDeparturesSynthesizeWithWarnings(t *testing.T) {
	t.Parallel()
	r, _ := sharedSynth(t)
	for _, d := range departures {
		t.Run(d.name, func(t *testing.T) {
			if !strings.Contains(r.stdout+r.stderr, d.warning) {
				t.Errorf("no %s warning in the output:\n%s", d.warning, r.stderr)
			}
		})
	}
}

// manyTags is n distinct key=value tags.
func manyTags(n int) string {
	var kv []string
	for i := 0; i < n; i++ {
		kv = append(kv, fmt.Sprintf("k%d=v", i))
	}
	return strings.Join(kv, ",")
}
