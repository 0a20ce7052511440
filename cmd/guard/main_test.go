package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var stacks = []string{"ballast-prod-network", "ballast-prod-storage", "ballast-prod-cluster"}

// assembly writes a cloud assembly of the prod platform's committed
// snapshots, with edit applied to the cluster stack's node groups.
func assembly(t *testing.T, edit func(props map[string]any)) string {
	t.Helper()
	dir := t.TempDir()
	artifacts := map[string]any{}
	for _, name := range stacks {
		b, err := os.ReadFile(filepath.Join("..", "..", "platform", "testdata", name+".golden.json"))
		if err != nil {
			t.Fatal(err)
		}
		var tmpl map[string]any
		if err := json.Unmarshal(b, &tmpl); err != nil {
			t.Fatal(err)
		}
		for _, r := range tmpl["Resources"].(map[string]any) {
			if rm := r.(map[string]any); rm["Type"] == "AWS::EKS::Nodegroup" && edit != nil {
				edit(rm["Properties"].(map[string]any))
			}
		}
		writeJSON(t, filepath.Join(dir, name+".template.json"), tmpl)
		artifacts[name] = map[string]any{"type": "aws:cloudformation:stack",
			"properties": map[string]any{"templateFile": name + ".template.json", "stackName": name},
			"metadata":   map[string]any{"/" + name + "/NodeGroup-system/AZ0/Resource": []any{map[string]any{"type": "aws:cdk:logicalId", "data": "NodeGroupsystemAZ0CE27E79B"}}}}
	}
	writeJSON(t, filepath.Join(dir, "manifest.json"), map[string]any{"version": "48.0.0", "artifacts": artifacts})
	return dir
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, _ := json.Marshal(v)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func runGuard(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut strings.Builder
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestInstanceTypeChangeExits1(t *testing.T) {
	old := assembly(t, nil)
	cur := assembly(t, func(p map[string]any) { p["InstanceTypes"] = []any{"m6i.2xlarge"} })
	code, out, _ := runGuard(t, old, cur)
	if code != 1 {
		t.Errorf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		"replace     ballast-prod-cluster/NodeGroupsystemAZ0CE27E79B (AWS::EKS::Nodegroup, stateful)  REJECTED\n" +
			"            construct /ballast-prod-cluster/NodeGroup-system/AZ0/Resource\n" +
			"            /properties/InstanceTypes/0: was \"m6i.xlarge\", now \"m6i.2xlarge\"\n",
		"ballast-prod-cluster/NodeGroupsystemAZ1B0E3D499", "ballast-prod-cluster/NodeGroupsystemAZ2350F9FD1",
		"3 replace; 0 allowed; UNSAFE: 3 stateful replacement(s) or deletion(s) not allowed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	allow := []string{}
	for _, id := range []string{"NodeGroupsystemAZ0CE27E79B", "NodeGroupsystemAZ1B0E3D499", "NodeGroupsystemAZ2350F9FD1"} {
		allow = append(allow, "-allow", "ballast-prod-cluster/"+id+"=bigger nodes")
	}
	if code, out, _ := runGuard(t, append(allow, old, cur)...); code != 0 || !strings.Contains(out, "allowed: bigger nodes") {
		t.Errorf("allowed: exit %d, want 0:\n%s", code, out)
	}
}

func TestSizeChangeExits0(t *testing.T) {
	cur := assembly(t, func(p map[string]any) { p["ScalingConfig"].(map[string]any)["MaxSize"] = 20 })
	code, out, _ := runGuard(t, assembly(t, nil), cur)
	if code != 0 || !strings.Contains(out, "3 update; 0 allowed; safe") {
		t.Errorf("exit %d, want 0:\n%s", code, out)
	}
}

func TestUsageExits2(t *testing.T) {
	dir := assembly(t, nil)
	for name, args := range map[string][]string{
		"no arguments":        {},
		"one directory":       {dir},
		"missing directory":   {dir, filepath.Join(dir, "nope")},
		"malformed allowance": {"-allow", "no-slash", dir, dir},
		"stale allowance":     {"-allow", "ballast-prod-cluster/Gone=old", dir, dir},
		"unknown flag":        {"-json", dir, dir},
	} {
		if code, out, errOut := runGuard(t, args...); code != 2 || errOut+out == "" {
			t.Errorf("%s: exit %d, want 2 with a message (stderr %q)", name, code, errOut)
		}
	}
}
