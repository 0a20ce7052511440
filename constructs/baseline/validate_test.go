package baseline_test

import (
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*baseline.BaselineProps)
		want   []string
	}{
		{"sample", func(*baseline.BaselineProps) {}, nil},
		{"no cluster name or version", func(p *baseline.BaselineProps) { p.ClusterName, p.KubernetesVersion = nil, jsii.String("v1") },
			[]string{"clusterName: required", "kubernetesVersion: required"}},
		{"reserved and invalid namespaces", func(p *baseline.BaselineProps) {
			p.Teams = []baseline.TeamProps{{Name: "kube-public"}, {Name: "Team_A"}, {Name: "ballast-x"}}
		}, []string{`teams[kube-public].name: "kube-public" is reserved`, `teams[Team_A].name: "Team_A" is not a namespace name`, `teams[ballast-x].name`}},
		{"duplicate team", func(p *baseline.BaselineProps) { p.Teams = append(p.Teams, baseline.TeamProps{Name: "payments"}) },
			[]string{"teams[payments]: listed twice"}},
		{"warn less strict than enforce", func(p *baseline.BaselineProps) {
			p.Teams[1].Warn = ptr.To(baseline.PSABaseline)
		}, []string{"teams[search].warn: baseline is less strict than enforce (restricted)"}},
		{"unknown level", func(p *baseline.BaselineProps) { p.Teams[0].Enforce = ptr.To(baseline.PodSecurityLevel("strict")) },
			[]string{"teams[payments].enforce: unknown Pod Security level"}},
		{"bad quantities", func(p *baseline.BaselineProps) {
			p.Teams[0].Quota = &baseline.QuotaProps{RequestsCPU: jsii.String("lots"), RequestsMemory: jsii.String("-1Gi"), Pods: ptr.To(0)}
		}, []string{"teams[payments].quota.requestsCPU: \"lots\" is not a positive Kubernetes quantity", "teams[payments].quota.requestsMemory", "teams[payments].quota.pods: must be at least 1"}},
		{"limit below request", func(p *baseline.BaselineProps) {
			p.Teams[0].Limits = &baseline.LimitProps{DefaultRequestMemory: jsii.String("1Gi"), DefaultLimitMemory: jsii.String("512Mi")}
		}, []string{"teams[payments].limits.defaultLimitMemory: 512Mi is below defaultRequestMemory (1Gi)"}},
		{"a bad team default is reported once, not per team", func(p *baseline.BaselineProps) {
			p.TeamDefaults = &baseline.TeamSettings{Quota: &baseline.QuotaProps{RequestsMemory: jsii.String("16GB!")},
				Limits: &baseline.LimitProps{DefaultRequestMemory: jsii.String("2Gi"), DefaultLimitMemory: jsii.String("256Mi")}}
		}, []string{"teamDefaults.quota.requestsMemory", "teamDefaults.limits.defaultLimitMemory: 256Mi is below defaultRequestMemory (2Gi)",
			"teams[search].limits.defaultLimitMemory: 1Gi is below defaultRequestMemory (2Gi)"}},
		{"over-provisioning without AZs, too many", func(p *baseline.BaselineProps) {
			p.OverProvisioning = &baseline.OverProvisioningProps{Replicas: ptr.To(101), CPU: jsii.String("x")}
		}, []string{"overProvisioning.availabilityZones: at least one AZ", "overProvisioning.replicas: must be from 1 to 100, got 101", "overProvisioning.cpu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sample()
			tt.modify(&p)
			err := p.Validate()
			wanterr.Check(t, err, tt.want)
			if len(tt.want) > 0 {
				wanterr.OnePerProblem(t, err, len(tt.want))
			}
		})
	}
}

func TestWithDefaultsDoesNotMutate(t *testing.T) {
	p := sample()
	_ = p.WithDefaults()
	if p.Teams[0].Quota != nil || p.OverProvisioning.Replicas != nil || p.AdmissionPolicy != nil {
		t.Error("WithDefaults filled the caller's props")
	}
}

func TestSizeForNode(t *testing.T) {
	cpu, mem := baseline.SizeForNode(2, 8)
	if cpu != "1500m" || mem != "6144Mi" {
		t.Errorf("SizeForNode(2, 8) = %s, %s; want 1500m, 6144Mi", cpu, mem)
	}
}
