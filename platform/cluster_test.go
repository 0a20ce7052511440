package platform_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
	"github.com/ballast-eks/ballast/stacks"
)

const prodAdminRole = "arn:aws:iam::123456789012:role/PlatformAdmin"

// TestProdClusterDoneWhen checks the production cluster's promises against the prod
// platform with one admin role configured.
func TestProdClusterDoneWhen(t *testing.T) {
	cfg, err := config.Load(func(name string) (string, bool) {
		switch name {
		case config.VarEnv:
			return "prod", true
		case config.VarAdminRoleARNs:
			return prodAdminRole, true
		}
		return "", false
	})
	if err != nil {
		t.Fatal(err)
	}
	app := synthtest.NewApp()
	newPlatform(app, cfg)
	tmpl := synthtest.MustSynth(app).Templates()[cfg.Props().StackName("cluster")]
	c := tmpl.One(t, "AWS::EKS::Cluster")
	props := c.Properties
	expect := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	expect("EndpointPrivateAccess", synthtest.Get(props, "ResourcesVpcConfig", "EndpointPrivateAccess"), true)
	expect("EndpointPublicAccess", synthtest.Get(props, "ResourcesVpcConfig", "EndpointPublicAccess"), false)
	expect("AuthenticationMode", synthtest.Get(props, "AccessConfig", "AuthenticationMode"), "API")
	expect("BootstrapClusterCreatorAdminPermissions", synthtest.Get(props, "AccessConfig", "BootstrapClusterCreatorAdminPermissions"), false)
	expect("ZonalShiftConfig.Enabled", synthtest.Get(props, "ZonalShiftConfig", "Enabled"), true)
	expect("DeletionProtection", props["DeletionProtection"], true)
	expect("UpgradePolicy.SupportType", synthtest.Get(props, "UpgradePolicy", "SupportType"), "STANDARD")
	expect("DeletionPolicy", c.Raw["DeletionPolicy"], "Retain")
	if synthtest.Get(props, "EncryptionConfig", 0, "Provider", "KeyArn") == nil {
		t.Error("no secrets encryption key")
	}
	lg := tmpl.One(t, "AWS::Logs::LogGroup")
	expect("LogGroupName", lg.Properties["LogGroupName"], "/aws/eks/ballast-prod/cluster")
	expect("RetentionInDays", lg.Properties["RetentionInDays"], float64(365))
	if synthtest.Get(lg.Properties, "KmsKeyId", "Fn::GetStackOutput", "StackName") != cfg.Props().StackName("storage") {
		t.Errorf("log group KmsKeyId = %v, want the storage stack's logs key", lg.Properties["KmsKeyId"])
	}
	if !strings.Contains(toJSONString(c.Raw["DependsOn"]), lg.ID) {
		t.Errorf("cluster does not depend on the log group: %v", c.Raw["DependsOn"])
	}
	admins := 0
	for _, e := range tmpl.Resources("AWS::EKS::AccessEntry") {
		if strings.Contains(toJSONString(e.Properties["AccessPolicies"]), "AmazonEKSClusterAdminPolicy") {
			admins++
		}
	}
	if admins < 2 {
		t.Errorf("%d cluster-admin access entries, want the configured role and the break-glass role", admins)
	}
}

func TestClusterOutputs(t *testing.T) {
	outputs := stack(t, config.ProfileProd, "cluster").Outputs()
	for _, name := range []string{stacks.OutputClusterName, stacks.OutputClusterArn, stacks.OutputClusterEndpoint,
		stacks.OutputOIDCIssuer, stacks.OutputKubeconfigCommand, stacks.OutputBreakGlassRoleArn, stacks.OutputBreakGlassKubeconfig} {
		if _, ok := outputs[name]; !ok {
			t.Errorf("no output %s", name)
		}
	}
	if cmd := toJSONString(outputs[stacks.OutputKubeconfigCommand]); !strings.Contains(cmd, "aws eks update-kubeconfig --name ") {
		t.Errorf("kubeconfig command = %s", cmd)
	}
}

func TestDeletionProtectionFollowsProfile(t *testing.T) {
	for p, want := range map[config.Profile]bool{config.ProfileDev: false, config.ProfileStaging: true, config.ProfileProd: true} {
		c := stack(t, p, "cluster").One(t, "AWS::EKS::Cluster")
		if got := c.Properties["DeletionProtection"]; got != want {
			t.Errorf("%s: DeletionProtection = %v, want %v", p, got, want)
		}
		wantPolicy := map[bool]string{true: "Retain", false: "Delete"}[p == config.ProfileProd]
		if got := c.Raw["DeletionPolicy"]; got != wantPolicy {
			t.Errorf("%s: DeletionPolicy = %v, want %s", p, got, wantPolicy)
		}
	}
}

func toJSONString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
