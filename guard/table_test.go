package guard_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

// emitted are the types Ballast's constructs or EKS apps beside them emit,
// including those only optional features create (pod subnets, Auto Mode,
// Pod Identity, Fargate, capabilities, queues and topics for interruption
// handling).
var emitted = []string{
	"AWS::EKS::Cluster", "AWS::EKS::Nodegroup", "AWS::EKS::Addon", "AWS::EKS::AccessEntry",
	"AWS::EKS::PodIdentityAssociation", "AWS::EKS::FargateProfile", "AWS::EKS::Capability",
	"AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::NatGateway", "AWS::EC2::Route", "AWS::EC2::RouteTable",
	"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::LaunchTemplate",
	"AWS::EC2::VPCCidrBlock", "AWS::EC2::VPCEndpoint", "AWS::EC2::FlowLog", "AWS::EC2::EIP",
	"AWS::KMS::Key", "AWS::KMS::Alias", "AWS::EFS::FileSystem", "AWS::EFS::MountTarget",
	"AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::IAM::Policy",
	"AWS::Backup::BackupVault", "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection",
	"AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Events::Rule", "AWS::CloudWatch::Alarm",
	"AWS::SSM::Parameter", "AWS::Lambda::Function",
}

// TestTableCoversEmittedTypes fails when a type Ballast emits is missing
// from the create-only table: every type of every committed snapshot of
// the platform and the examples, and the list above.
func TestTableCoversEmittedTypes(t *testing.T) {
	types := slices.Clone(emitted)
	files, _ := filepath.Glob("../platform/testdata/*.golden.json")
	more, _ := filepath.Glob("../examples/*/testdata/*.golden.json")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found %d snapshots; the test reads the platform's and the examples'", len(files))
	}
	for _, f := range files {
		types = append(types, snapshotTypes(t, f)...)
	}
	known := guard.KnownTypes()
	for _, typ := range types {
		if _, ok := guard.CreateOnly(typ); !ok {
			t.Errorf("%s is not in the create-only table (add its service to the generator's namespaces, then go generate ./guard)", typ)
		}
	}
	if !slices.Contains(known, "AWS::EKS::Nodegroup") || slices.Contains(known, "AWS::Nowhere::Thing") {
		t.Errorf("KnownTypes: %d types", len(known))
	}
}

func snapshotTypes(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var tmpl struct {
		Resources map[string]struct{ Type string }
	}
	if err := json.Unmarshal(b, &tmpl); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var out []string
	for _, r := range tmpl.Resources {
		if r.Type != "" && !slices.Contains(out, r.Type) {
			out = append(out, r.Type)
		}
	}
	return out
}

func TestTableFacts(t *testing.T) {
	if !regexp.MustCompile(`^cfn-lint \d+\.\d+\.\d+ `).MatchString(guard.SchemaSource) {
		t.Errorf("SchemaSource %q names no cfn-lint version", guard.SchemaSource)
	}
	for typ, want := range map[string]string{
		"AWS::EKS::Cluster":    "/properties/AccessConfig/BootstrapClusterCreatorAdminPermissions",
		"AWS::EKS::Nodegroup":  "/properties/InstanceTypes",
		"AWS::EFS::FileSystem": "/properties/PerformanceMode",
		"AWS::EC2::Subnet":     "/properties/AvailabilityZone",
	} {
		if paths, _ := guard.CreateOnly(typ); !slices.Contains(paths, want) {
			t.Errorf("%s: create-only %v lack %s", typ, paths, want)
		}
	}
}
