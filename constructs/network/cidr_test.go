package network

import (
	"net/netip"
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
)

func TestCheckCIDR(t *testing.T) {
	tests := []struct {
		cidr   string
		ranges []netip.Prefix
		want   []string // none means valid
	}{
		{"10.0.0.0/16", PrivateRanges, nil},
		{"172.31.0.0/16", PrivateRanges, nil},
		{"192.168.0.0/24", PrivateRanges, nil},
		{"100.64.0.0/16", PrivateRanges, nil},
		{"10.0.0.0", PrivateRanges, []string{"not an IPv4 CIDR"}},
		{"10.0.256.0/16", PrivateRanges, []string{"not an IPv4 CIDR"}},
		{"fd00::/48", PrivateRanges, []string{"not an IPv4 CIDR"}},
		{"ten-dot-zero", PrivateRanges, []string{"not an IPv4 CIDR"}},
		{"10.0.0.1/16", PrivateRanges, []string{"host bits are set; did you mean 10.0.0.0/16?"}},
		{"10.0.0.0/8", PrivateRanges, []string{"prefix /8 is outside /16 to /24"}},
		{"10.0.0.0/25", PrivateRanges, []string{"prefix /25 is outside /16 to /24"}},
		{"8.8.0.0/16", PrivateRanges, []string{"not in an allowed range"}},
		{"172.32.0.0/16", PrivateRanges, []string{"not in an allowed range"}},
		{"198.19.0.0/16", PrivateRanges, []string{"not in an allowed range"}},
		{"198.19.0.0/16", PodRanges, nil},
		{"198.19.4.0/22", PodRanges, nil},
		{"198.18.0.0/16", PodRanges, []string{"not in an allowed range"}},
	}
	for _, tt := range tests {
		t.Run(tt.cidr, func(t *testing.T) { wanterr.Check(t, CheckCIDR(tt.cidr, tt.ranges), tt.want) })
	}
}
