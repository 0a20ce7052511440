package guard_test

import (
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/guard"
)

func TestJudge(t *testing.T) {
	changes := []guard.Change{
		{Stack: "s", LogicalID: "Ng", Type: "AWS::EKS::Nodegroup", Kind: guard.Replace, Stateful: true, Paths: []string{"/properties/InstanceTypes"}},
		{Stack: "s", LogicalID: "Key", Type: "AWS::KMS::Key", Kind: guard.Delete, Stateful: true},
		{Stack: "s", LogicalID: "Role", Type: "AWS::IAM::Role", Kind: guard.Replace},
		{Stack: "s", LogicalID: "Vpc", Type: "AWS::EC2::VPC", Kind: guard.Update, Stateful: true},
	}
	v := guard.Judge(changes,
		guard.Allow("s", "Key", "the key moved to the shared account"),
		guard.Allow("s", "Gone", "an old rename"),
		guard.Allow("s", "Ng", ""))
	if len(v.Allowed) != 1 || v.Allowed[0].LogicalID != "Key" {
		t.Errorf("allowed %v, want the key", v.Allowed)
	}
	if len(v.Rejected) != 1 || v.Rejected[0].LogicalID != "Ng" {
		t.Errorf("rejected %v, want the node group (its allowance has no reason)", v.Rejected)
	}
	if len(v.Stale) != 1 || v.Stale[0].LogicalID != "Gone" {
		t.Errorf("stale %v, want Gone", v.Stale)
	}
	if len(v.Invalid) != 1 || v.OK() {
		t.Errorf("invalid %v, OK %v", v.Invalid, v.OK())
	}
	problems := strings.Join(v.Problems(), "\n")
	for _, want := range []string{
		"rejected: s/Ng (AWS::EKS::Nodegroup, stateful): replace /properties/InstanceTypes",
		`stale allowance (matches no stateful replacement or deletion; remove it): guard.Allow("s", "Gone", "an old rename")`,
		"invalid allowance (names no reason)",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	if ok := guard.Judge(changes[2:]); !ok.OK() {
		t.Errorf("a stateless replacement and a stateful update are safe: %v", ok.Problems())
	}
}

func TestParseAllowance(t *testing.T) {
	a, err := guard.ParseAllowance("prod-cluster/NodeGroupsystemAZ0=bigger nodes, drained first")
	if err != nil || a != guard.Allow("prod-cluster", "NodeGroupsystemAZ0", "bigger nodes, drained first") {
		t.Errorf("got %v, %v", a, err)
	}
	for _, bad := range []string{"", "stack=reason", "stack/id", "stack/id=", "/id=r", "stack/=r"} {
		if _, err := guard.ParseAllowance(bad); err == nil || !strings.Contains(err.Error(), "STACK/LOGICAL_ID=REASON") {
			t.Errorf("%q: err %v", bad, err)
		}
	}
}

func TestReport(t *testing.T) {
	changes := []guard.Change{
		{Stack: "s", LogicalID: "Ng", Type: "AWS::EKS::Nodegroup", Kind: guard.Replace, Stateful: true,
			Paths: []string{"/properties/InstanceTypes"}, Details: []string{`/properties/InstanceTypes/0: was "a", now "b"`}},
		{Stack: "s", LogicalID: "Key", Type: "AWS::KMS::Key", Kind: guard.Delete, Stateful: true, Construct: "/s/Keys/Secrets/Resource"},
		{Stack: "s", LogicalID: "Lg", Type: "AWS::Logs::LogGroup", Kind: guard.Update, Stateful: true, Paths: []string{"/properties/RetentionInDays"}},
	}
	var b strings.Builder
	if err := guard.WriteReport(&b, guard.Judge(changes, guard.Allow("s", "Key", "moved"))); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"replace     s/Ng (AWS::EKS::Nodegroup, stateful)  REJECTED\n            /properties/InstanceTypes/0: was \"a\", now \"b\"\n",
		"delete      s/Key (AWS::KMS::Key, stateful)  allowed: moved\n            construct /s/Keys/Secrets/Resource\n",
		"update      s/Lg (AWS::Logs::LogGroup, stateful)\n            changed /properties/RetentionInDays\n",
		"1 update, 1 replace, 1 delete; 1 allowed; UNSAFE: 1 stateful replacement(s) or deletion(s) not allowed\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
