package pipeline

import (
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/cluster"
	"github.com/ballast-eks/ballast/constructs/network"
	"github.com/ballast-eks/ballast/platform"
)

func env(name string, profile *platform.Profile, account, region string) platform.Props {
	return platform.Props{
		Profile: profile, Account: account, Region: region,
		Network: network.NetworkProps{AvailabilityZones: []string{region + "a", region + "b"}},
		Cluster: cluster.ClusterProps{ClusterName: jsii.String(name)},
	}
}

func valid() Props {
	return Props{
		Name: "ship", Account: "777777777777", Region: "eu-west-1",
		Source: Source{ConnectionARN: "arn:aws:codestar-connections:eu-west-1:777777777777:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", Repository: "org/repo"},
		Environments: []platform.Props{
			env("a-dev", &platform.Dev, "111111111111", "eu-west-1"),
			env("a-prod-eu", &platform.Prod, "222222222222", "eu-west-1"),
			env("a-prod-us", nil, "222222222222", "us-east-1"),
			env("b-prod-eu", &platform.Prod, "333333333333", "eu-west-1"),
		},
	}
}

func TestValidProps(t *testing.T) {
	if err := valid().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	p := valid()
	p.Name, p.Account = "1ship", "7777"
	p.Source = Source{ConnectionARN: "arn:aws:iam::777777777777:role/x", Repository: "repo"}
	p.AppDir = "../elsewhere"
	p.Environments = append(p.Environments, env("a-dev", &platform.Dev, "", "eu-west-1"))
	err := p.Validate()
	for _, want := range []string{
		`name: "1ship" is not a pipeline name`,
		`account: "7777" is not a 12-digit account ID`,
		"source.connectionARN:", `source.repository: "repo" is not owner/name`,
		`appDir: "../elsewhere" must be a directory inside the repository`,
		"environments[a-dev]: listed twice",
		"environments[a-dev].account: required in a stage",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("no problem %q in:\n%v", want, err)
		}
	}
	if err := (Props{}).Validate(); err == nil || !strings.Contains(err.Error(), "environments: required") {
		t.Errorf("empty props: %v", err)
	}
}

// TestWavesPerProfileAndRegion: environments of one profile and region
// share a wave; waves keep the order the environments are listed in.
func TestWavesPerProfileAndRegion(t *testing.T) {
	var got []string
	for _, w := range valid().waves() {
		var names []string
		for _, e := range w.envs {
			names = append(names, envName(e))
		}
		got = append(got, w.name+":"+strings.Join(names, ","))
	}
	want := "dev-eu-west-1:a-dev prod-eu-west-1:a-prod-eu,b-prod-eu prod-us-east-1:a-prod-us"
	if strings.Join(got, " ") != want {
		t.Errorf("waves %v, want %s", got, want)
	}
}
