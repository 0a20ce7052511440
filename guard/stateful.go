package guard

import (
	"slices"
	"strings"
)

// DataTypes are the resource types whose loss loses data or makes it
// unreadable (a deleted KMS key destroys everything it encrypts). Every
// one of them should carry DeletionPolicy and UpdateReplacePolicy Retain.
var DataTypes = []string{
	"AWS::KMS::Key",
	"AWS::EFS::FileSystem",
	"AWS::S3::Bucket",
	"AWS::Backup::BackupVault",
	"AWS::Logs::LogGroup",
	"AWS::EC2::Volume",
	"AWS::DynamoDB::Table",
	"AWS::DynamoDB::GlobalTable",
	"AWS::RDS::DBCluster",
	"AWS::RDS::DBInstance",
	"AWS::SecretsManager::Secret",
	"AWS::ECR::Repository",
}

// InfrastructureTypes are the resource types whose replacement takes
// running workloads down or moves them: the cluster, its nodes and the
// network they live in.
var InfrastructureTypes = []string{
	"AWS::EKS::Cluster",
	"AWS::EKS::Nodegroup",
	"AWS::EC2::VPC",
	"AWS::EC2::Subnet",
	"AWS::EC2::NatGateway",
}

// IsStateful reports whether a resource (a template's resource entry) is
// stateful: one of DataTypes or InfrastructureTypes, or retained or
// snapshotted by its DeletionPolicy or UpdateReplacePolicy.
func IsStateful(resource map[string]any) bool {
	typ, _ := resource["Type"].(string)
	if slices.Contains(DataTypes, typ) || slices.Contains(InfrastructureTypes, typ) {
		return true
	}
	for _, attr := range []string{"DeletionPolicy", "UpdateReplacePolicy"} {
		if p, _ := resource[attr].(string); p == "Retain" || p == "Snapshot" || p == "RetainExceptOnCreate" {
			return true
		}
	}
	return false
}

// CreateOnly returns the create-only properties of a resource type as
// JSON pointers ("/properties/Name", "*" for any list item), and whether
// the type is known at all. Custom resources are known and have none.
func CreateOnly(typ string) ([]string, bool) {
	if isCustom(typ) {
		return nil, true
	}
	paths, ok := createOnly[typ]
	return slices.Clone(paths), ok
}

// KnownTypes returns every resource type in the create-only table, sorted.
func KnownTypes() []string {
	out := make([]string, 0, len(createOnly))
	for t := range createOnly {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

func isCustom(typ string) bool {
	return strings.HasPrefix(typ, "Custom::") || typ == "AWS::CloudFormation::CustomResource" || typ == "AWS::CDK::Metadata"
}
