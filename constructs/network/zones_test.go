package network

import (
	"slices"
	"strings"
	"testing"
)

func TestZoneTable(t *testing.T) {
	for region, z := range RegionZones {
		if len(z.Letters) < 2 || !slices.IsSorted([]byte(z.Letters)) || z.PerAccount < 0 || z.PerAccount > len(z.Letters) {
			t.Errorf("%s: zones %+v", region, z)
		}
	}
	if got, _ := ZonesOf("cn-north-1"); !slices.Equal(got, []string{"cn-north-1a", "cn-north-1b", "cn-north-1d"}) {
		t.Errorf("cn-north-1 zones %v", got)
	}
	if got, _ := ZonesOf("us-east-1"); len(got) != 6 || got[5] != "us-east-1f" {
		t.Errorf("us-east-1 zones %v", got)
	}
}

func TestDefaultZones(t *testing.T) {
	for region, want := range map[string][]string{
		"us-east-1":      {"us-east-1a", "us-east-1b", "us-east-1c"},
		"cn-north-1":     {"cn-north-1a", "cn-north-1b", "cn-north-1d"},
		"ap-northeast-1": {"ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"},
	} {
		if got, err := DefaultZones(region); err != nil || !slices.Equal(got, want) {
			t.Errorf("DefaultZones(%s) = %v, %v; want %v", region, got, err, want)
		}
	}
	for region, frag := range map[string]string{"us-west-1": "each account sees 2 of the zones", "xx-moon-1": "not in the zone table"} {
		if _, err := DefaultZones(region); err == nil || !strings.Contains(err.Error(), frag) {
			t.Errorf("DefaultZones(%s) error %v, want %q", region, err, frag)
		}
	}
}

func TestCheckZones(t *testing.T) {
	if errs := CheckZones("cn-north-1", []string{"cn-north-1a", "cn-north-1c", "cn-north-1d", "us-east-1a"}); len(errs) != 2 ||
		errs[0].Error() != "cn-north-1c is not an availability zone of region cn-north-1 (its zones: cn-north-1a,cn-north-1b,cn-north-1d)" {
		t.Errorf("errors %v", errs)
	}
	if errs := CheckZones("xx-moon-1", []string{"xx-moon-1a"}); len(errs) != 1 {
		t.Errorf("unknown region: %v", errs)
	}
	if !IsZoneName("xx-moon-1a", "xx-moon-1") || IsZoneName("xx-moon-1", "xx-moon-1") || IsZoneName("xx-moon-1aa", "xx-moon-1") {
		t.Error("IsZoneName")
	}
}
