package storage

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/ballast-eks/ballast/internal/propcheck"
)

// Construct IDs of FileSystem's children. Renaming one replaces the file
// system or its security group.
const (
	idFileSystem    = "FileSystem"
	idSecurityGroup = "SecurityGroup"
)

// NFSPort is the port EFS mount targets listen on.
const NFSPort = 2049

// FileSystem is an EFS file system shared by the cluster's pods (through
// the EFS CSI driver): encrypted with a customer-managed key, elastic
// throughput, a mount target in every given subnet, lifecycle to Infrequent
// Access, automatic backups, retained on removal.
//
// Its file system policy denies anonymous access and non-TLS connections:
// clients mount with IAM authorization and TLS (the EFS CSI driver's "tls"
// and "iam" mount options), and their role needs
// elasticfilesystem:ClientMount (FileSystem.GrantReadWrite and friends).
type FileSystem struct {
	constructs.Construct
	// Resource is the EFS file system.
	Resource awsefs.FileSystem
	// SecurityGroup is attached to every mount target; it allows NFS only.
	SecurityGroup awsec2.SecurityGroup
}

// NewFileSystem validates props and creates the file system.
func NewFileSystem(scope constructs.Construct, id string, props *FileSystemProps) *FileSystem {
	if props == nil {
		props = &FileSystemProps{}
	}
	p := props.withDefaults()
	propcheck.Must(scope, id, "file system", p.Validate())
	propcheck.Must(scope, id, "file system", onePerAZ(p.Subnets))
	f := &FileSystem{Construct: constructs.NewConstruct(scope, jsii.String(id))}
	warnNotRetained(f.Construct, *p.RemovalPolicy, "file system")
	f.SecurityGroup = f.newSecurityGroup(p)
	f.Resource = awsefs.NewFileSystem(f.Construct, jsii.String(idFileSystem), &awsefs.FileSystemProps{
		Vpc:                         p.Vpc,
		VpcSubnets:                  &awsec2.SubnetSelection{Subnets: &p.Subnets},
		SecurityGroup:               f.SecurityGroup,
		Encrypted:                   jsii.Bool(true),
		KmsKey:                      p.Key,
		PerformanceMode:             awsefs.PerformanceMode_GENERAL_PURPOSE,
		ThroughputMode:              awsefs.ThroughputMode_ELASTIC,
		LifecyclePolicy:             *p.TransitionToIA,
		OutOfInfrequentAccessPolicy: awsefs.OutOfInfrequentAccessPolicy_AFTER_1_ACCESS,
		EnableAutomaticBackups:      p.AutomaticBackups,
		AllowAnonymousAccess:        jsii.Bool(false),
		FileSystemPolicy:            denyInsecureTransport(),
		RemovalPolicy:               *p.RemovalPolicy,
	})
	return f
}

// newSecurityGroup allows NFS from the client group if given, else from the
// VPC's CIDR. Mount targets never initiate connections: no egress.
func (f *FileSystem) newSecurityGroup(p FileSystemProps) awsec2.SecurityGroup {
	sg := awsec2.NewSecurityGroup(f.Construct, jsii.String(idSecurityGroup), &awsec2.SecurityGroupProps{
		Vpc:              p.Vpc,
		Description:      jsii.String("EFS mount targets: NFS from cluster clients only"),
		AllowAllOutbound: jsii.Bool(false),
	})
	peer, what := awsec2.Peer_Ipv4(p.Vpc.VpcCidrBlock()), "NFS from the VPC"
	if p.ClientSecurityGroup != nil {
		peer, what = p.ClientSecurityGroup, "NFS from cluster clients"
	}
	sg.AddIngressRule(peer, awsec2.Port_Tcp(jsii.Number(NFSPort)), jsii.String(what), jsii.Bool(false))
	return sg
}

// denyInsecureTransport is the file system policy statement EFS's console
// adds for "enforce in-transit encryption for all clients". The L2 appends
// its deny-anonymous statement to the same document.
func denyInsecureTransport() awsiam.PolicyDocument {
	return awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{
		Statements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Sid:        jsii.String("DenyInsecureTransport"),
			Effect:     awsiam.Effect_DENY,
			Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
			Actions:    jsii.Strings("*"),
			Conditions: &map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}},
		})},
	})
}

// onePerAZ fails if two subnets share an AZ: EFS allows one mount target per
// AZ, and CloudFormation would only say so halfway through a deployment.
// Subnets whose AZ is a token (imported by ID) are not checked.
func onePerAZ(subnets []awsec2.ISubnet) error {
	seen := map[string]int{}
	var dups []string
	for i, s := range subnets {
		az := s.AvailabilityZone()
		if az == nil || *awscdk.Token_IsUnresolved(az) {
			continue
		}
		if j, ok := seen[*az]; ok {
			dups = append(dups, fmt.Sprintf("subnets[%d]: AZ %s already has a mount target (subnets[%d]); pass one subnet per AZ", i, *az, j))
			continue
		}
		seen[*az] = i
	}
	if len(dups) > 0 {
		return fmt.Errorf("%s", strings.Join(dups, "\n"))
	}
	return nil
}

// Warning IDs this package emits; a stack may acknowledge them. Each one's
// comment says what triggers it; its Field line names the prop that
// changes it (docs/warnings.md is generated from these comments).
const (
	// WarnNotRetained: the file system, backup vault or backup bucket has
	// a removal policy other than RETAIN, so removing it deletes its data.
	// Field: removalPolicy.
	WarnNotRetained = "ballast:storage-not-retained"
	// WarnKeyNotRetained: the KMS keys have a removal policy other than
	// RETAIN, so removing them makes what they encrypt unreadable.
	// Field: keys.removalPolicy.
	WarnKeyNotRetained = "ballast:storage-key-not-retained"
)

func warnNotRetained(c constructs.Construct, r awscdk.RemovalPolicy, what string) {
	if r == awscdk.RemovalPolicy_RETAIN {
		return
	}
	awscdk.Annotations_Of(c).AddWarningV2(jsii.String(WarnNotRetained),
		jsii.String(fmt.Sprintf("The %s is not retained: removing it from the app, or a change that replaces it, deletes its data.", what)), nil)
}
