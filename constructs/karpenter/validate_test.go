package karpenter_test

import (
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/karpenter"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
	"github.com/ballast-eks/ballast/ptr"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*karpenter.KarpenterProps)
		want   []string
	}{
		{"valid", func(*karpenter.KarpenterProps) {}, nil},
		{"no cluster, name too long, one AZ", func(p *karpenter.KarpenterProps) {
			p.Cluster, p.ClusterName, p.AvailabilityZones = nil, jsii.String(strings.Repeat("a", 50)), []string{"eu-west-1a"}
		}, []string{"cluster: required", "clusterName: \"" + strings.Repeat("a", 50) + "\" must be an EKS cluster name of at most 49 characters", "availabilityZones: need at least 2, got 1"}},
		{"families unknown and mixed", func(p *karpenter.KarpenterProps) { p.InstanceFamilies = []string{"m6i", "m6g", "x9z"} },
			[]string{"instanceFamilies[2]: unknown family \"x9z\"", "instanceFamilies: mixes architectures"}},
		{"bad capacity type", func(p *karpenter.KarpenterProps) { p.CapacityTypes = []karpenter.CapacityType{"reserved"} },
			[]string{"capacityTypes[0]: \"reserved\" is not on-demand or spot"}},
		{"bad disruption settings", func(p *karpenter.KarpenterProps) {
			p.ExpireAfter, p.ConsolidateAfter, p.DisruptionBudget = jsii.String("30d"), jsii.String("soon"), jsii.String("150%")
			p.ConsolidationPolicy = ptr.To(karpenter.ConsolidationPolicy("Always"))
		}, []string{"expireAfter: \"30d\"", "consolidateAfter: \"soon\"", "disruptionBudget: \"150%\"", "consolidationPolicy: \"Always\""}},
		{"bad AMI alias, disk and limit", func(p *karpenter.KarpenterProps) {
			p.AMIAlias, p.DiskSizeGiB, p.CPULimit = jsii.String("ubuntu"), ptr.To(10), ptr.To(0)
		}, []string{"amiAlias: \"ubuntu\"", "diskSizeGiB: must be from 20 to 16384, got 10", "cpuLimit: must be at least 1, got 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := props(testCluster)
			tt.modify(p)
			err := p.Validate()
			wanterr.Check(t, err, tt.want)
			if len(tt.want) > 0 {
				wanterr.OnePerProblem(t, err, len(tt.want))
			}
		})
	}
}
