package guard_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

func tmpl(t *testing.T, s string) guard.Template {
	t.Helper()
	var m guard.Template
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// only returns the single change, failing when there is not exactly one.
func only(t *testing.T, changes []guard.Change) guard.Change {
	t.Helper()
	if len(changes) != 1 {
		t.Fatalf("want one change, got %d: %v", len(changes), changes)
	}
	return changes[0]
}

func TestCompareKinds(t *testing.T) {
	old := tmpl(t, `{"Resources": {
	  "C": {"Type": "AWS::EKS::Cluster", "Properties": {"Name": "a", "Version": "1.35"}},
	  "K": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}},
	  "R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}},
	  "Meta": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v1"}}}}`)
	cases := []struct {
		name, edit string
		id         string
		kind       guard.Kind
		path       string
		dangerous  bool
	}{
		{"update", `{"C": {"Type": "AWS::EKS::Cluster", "Properties": {"Name": "a", "Version": "1.36"}}}`, "C", guard.Update, "/properties/Version", false},
		{"create-only literal", `{"C": {"Type": "AWS::EKS::Cluster", "Properties": {"Name": "b", "Version": "1.35"}}}`, "C", guard.Replace, "/properties/Name", true},
		{"type", `{"R": {"Type": "AWS::IAM::User", "Properties": {}}}`, "R", guard.Replace, "Type", false},
		{"deletion", `{"K": null}`, "K", guard.Delete, "", true},
		{"addition", `{"Q": {"Type": "AWS::SQS::Queue"}}`, "Q", guard.Add, "", false},
		{"create-only token", `{"C": {"Type": "AWS::EKS::Cluster", "Properties": {"Name": {"Ref": "P"}, "Version": "1.35"}}}`, "C", guard.MayReplace, "/properties/Name", true},
		{"retained role deleted", `{"R": null}`, "R", guard.Delete, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := only(t, guard.Compare("s", old, edit(t, old, c.edit)))
			if got.LogicalID != c.id || got.Kind != c.kind || got.Dangerous() != c.dangerous {
				t.Errorf("got %v (dangerous %v), want %s %s (dangerous %v)", got, got.Dangerous(), c.id, c.kind, c.dangerous)
			}
			if c.path != "" && !slices.Contains(got.Paths, c.path) {
				t.Errorf("paths %v lack %s", got.Paths, c.path)
			}
		})
	}
}

// edit returns a copy of t with the resources in patch set (null deletes).
func edit(t *testing.T, base guard.Template, patch string) guard.Template {
	t.Helper()
	b, _ := json.Marshal(base)
	out := tmpl(t, string(b))
	res := out["Resources"].(map[string]any)
	for id, r := range tmpl(t, patch) {
		if r == nil {
			delete(res, id)
			continue
		}
		res[id] = r
	}
	return out
}

func TestRetainedIsStateful(t *testing.T) {
	old := tmpl(t, `{"Resources": {"R": {"Type": "AWS::IAM::Role", "DeletionPolicy": "Retain", "Properties": {"RoleName": "a"}}}}`)
	got := only(t, guard.Compare("s", old, edit(t, old, `{"R": null}`)))
	if !got.Stateful || !got.Dangerous() {
		t.Errorf("deleting a retained role: %v, want stateful and dangerous", got)
	}
}

func TestNestedAndListItemPaths(t *testing.T) {
	old := tmpl(t, `{"Resources": {"C": {"Type": "AWS::EKS::Cluster", "Properties": {
	  "AccessConfig": {"AuthenticationMode": "API", "BootstrapClusterCreatorAdminPermissions": false},
	  "KubernetesNetworkConfig": {"IpFamily": "ipv4", "ElasticLoadBalancing": {"Enabled": false}}}},
	  "F": {"Type": "AWS::EKS::Capability", "Properties": {"Configuration": {"ArgoCd": {"Namespace": "argocd"}}}},
	  "V": {"Type": "AWS::EC2::VerifiedAccessEndpoint", "Properties": {"CidrOptions": {"SubnetIds": ["a"]}}}}}`)
	t.Run("nested create-only", func(t *testing.T) {
		n := edit(t, old, `{"C": {"Type": "AWS::EKS::Cluster", "Properties": {
		  "AccessConfig": {"AuthenticationMode": "API", "BootstrapClusterCreatorAdminPermissions": true},
		  "KubernetesNetworkConfig": {"IpFamily": "ipv4", "ElasticLoadBalancing": {"Enabled": false}}}}}`)
		got := only(t, guard.Compare("s", old, n))
		if got.Kind != guard.Replace || !slices.Equal(got.Paths, []string{"/properties/AccessConfig/BootstrapClusterCreatorAdminPermissions"}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("nested updatable sibling", func(t *testing.T) {
		n := edit(t, old, `{"C": {"Type": "AWS::EKS::Cluster", "Properties": {
		  "AccessConfig": {"AuthenticationMode": "API_AND_CONFIG_MAP", "BootstrapClusterCreatorAdminPermissions": false},
		  "KubernetesNetworkConfig": {"IpFamily": "ipv4", "ElasticLoadBalancing": {"Enabled": true}}}}}`)
		if got := only(t, guard.Compare("s", old, n)); got.Kind != guard.Update {
			t.Errorf("got %v, want an update", got)
		}
	})
	t.Run("list item", func(t *testing.T) {
		n := edit(t, old, `{"V": {"Type": "AWS::EC2::VerifiedAccessEndpoint", "Properties": {"CidrOptions": {"SubnetIds": ["b"]}}}}`)
		got := only(t, guard.Compare("s", old, n))
		if got.Kind != guard.Replace || !strings.Contains(strings.Join(got.Details, "\n"), `/properties/CidrOptions/SubnetIds/0: was "a", now "b"`) {
			t.Errorf("got %v %v", got, got.Details)
		}
	})
}

func TestReferencesPropagate(t *testing.T) {
	network := tmpl(t, `{"Resources": {
	    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
	    "Sub": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/20", "AvailabilityZone": "eu-west-1a"}}},
	  "Outputs": {"SubOut": {"Value": {"Ref": "Sub"}, "Export": {"Name": "net:sub"}}}}`)
	cluster := tmpl(t, `{"Resources": {
	    "Ng": {"Type": "AWS::EKS::Nodegroup", "Properties": {"Subnets": [{"Fn::GetStackOutput": {"StackName": "net", "OutputName": "SubOut"}}], "ClusterName": "c"}},
	    "Fp": {"Type": "AWS::EKS::FargateProfile", "Properties": {"Subnets": [{"Fn::ImportValue": "net:sub"}], "ClusterName": "c"}}}}`)
	old := map[string]guard.Template{"net": network, "cl": cluster}
	n := map[string]guard.Template{"net": edit(t, network, `{"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.1.0.0/16"}}}`), "cl": cluster}
	byID := map[string]guard.Change{}
	for _, c := range guard.CompareStacks(old, n) {
		byID[c.Stack+"/"+c.LogicalID] = c
	}
	want := map[string]guard.Kind{"net/Vpc": guard.Replace, "net/Sub": guard.MayReplace, "cl/Ng": guard.MayReplace, "cl/Fp": guard.MayReplace}
	if len(byID) != len(want) {
		t.Errorf("changes %v, want %v", byID, want)
	}
	for id, k := range want {
		if byID[id].Kind != k {
			t.Errorf("%s: %v, want %s", id, byID[id], k)
		}
	}
	if d := strings.Join(byID["cl/Ng"].Details, "\n"); !strings.Contains(d, "/properties/Subnets: refers to net/Sub, which is possibly replaced") {
		t.Errorf("node group details: %s", d)
	}
}

func TestUnknownTypeMayReplace(t *testing.T) {
	old := tmpl(t, `{"Resources": {"X": {"Type": "AWS::Nowhere::Thing", "DeletionPolicy": "Retain", "Properties": {"A": 1}}}}`)
	got := only(t, guard.Compare("s", old, edit(t, old, `{"X": {"Type": "AWS::Nowhere::Thing", "DeletionPolicy": "Retain", "Properties": {"A": 2}}}`)))
	if got.Kind != guard.MayReplace || !got.Dangerous() {
		t.Errorf("unknown retained type changed: %v, want a dangerous possible replacement", got)
	}
	if _, known := guard.CreateOnly("Custom::Anything"); !known {
		t.Error("custom resources are known (no create-only properties)")
	}
}
