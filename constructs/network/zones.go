package network

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Zones are the availability zones of one region, as zone letters after
// the region name ("abc" is <region>a, <region>b, <region>c).
type Zones struct {
	// Letters are the letters of the region's zone names, in order.
	Letters string
	// PerAccount, when above zero, is how many of the zones one account
	// sees (in the oldest regions each account is mapped a subset), so no
	// default can be chosen for the account. Default: 0 (every account
	// sees every zone).
	PerAccount int
}

// RegionZones is the checked-in table of every commercial, China and
// GovCloud region's zone names (docs/availability-zones.md gives its
// sources and how to update it). Ballast never looks zones up: config
// checks AZ names against this table and takes a region's default zones
// from it.
var RegionZones = map[string]Zones{
	"us-east-1": {Letters: "abcdef"}, "us-east-2": {Letters: "abc"},
	"us-west-1": {Letters: "abc", PerAccount: 2}, "us-west-2": {Letters: "abcd"},
	"ca-central-1": {Letters: "abd"}, "ca-west-1": {Letters: "abc"}, "mx-central-1": {Letters: "abc"},
	"sa-east-1": {Letters: "abc"},
	"eu-west-1": {Letters: "abc"}, "eu-west-2": {Letters: "abc"}, "eu-west-3": {Letters: "abc"},
	"eu-central-1": {Letters: "abc"}, "eu-central-2": {Letters: "abc"}, "eu-north-1": {Letters: "abc"},
	"eu-south-1": {Letters: "abc"}, "eu-south-2": {Letters: "abc"},
	"il-central-1": {Letters: "abc"}, "me-south-1": {Letters: "abc"}, "me-central-1": {Letters: "abc"},
	"af-south-1": {Letters: "abc"},
	"ap-east-1":  {Letters: "abc"}, "ap-east-2": {Letters: "abc"},
	"ap-south-1": {Letters: "abc"}, "ap-south-2": {Letters: "abc"},
	"ap-northeast-1": {Letters: "acd"}, "ap-northeast-2": {Letters: "abcd"}, "ap-northeast-3": {Letters: "abc"},
	"ap-southeast-1": {Letters: "abc"}, "ap-southeast-2": {Letters: "abc"}, "ap-southeast-3": {Letters: "abc"},
	"ap-southeast-4": {Letters: "abc"}, "ap-southeast-5": {Letters: "abc"}, "ap-southeast-6": {Letters: "abc"},
	"ap-southeast-7": {Letters: "abc"},
	"cn-north-1":     {Letters: "abd"}, "cn-northwest-1": {Letters: "abc"},
	"us-gov-west-1": {Letters: "abc"}, "us-gov-east-1": {Letters: "abc"},
}

// DefaultZoneCount is how many zones DefaultZones picks.
const DefaultZoneCount = 3

// ZonesOf returns the zone names of region in table order; ok is false for
// a region the table lacks.
func ZonesOf(region string) (names []string, ok bool) {
	z, ok := RegionZones[region]
	for _, l := range z.Letters {
		names = append(names, region+string(l))
	}
	return names, ok
}

// DefaultZones returns the first DefaultZoneCount zones of region. It is an
// error for a region the table lacks, or where each account sees its own
// subset of the zones: the zones must then be named.
func DefaultZones(region string) ([]string, error) {
	names, ok := ZonesOf(region)
	if !ok {
		return nil, fmt.Errorf("region %s is not in the zone table (known: %s)", region, strings.Join(slices.Sorted(maps.Keys(RegionZones)), ", "))
	}
	if z := RegionZones[region]; z.PerAccount > 0 {
		return nil, fmt.Errorf("each account sees %d of the zones of %s (%s); name the account's zones", z.PerAccount, region, strings.Join(names, ","))
	}
	return names[:min(DefaultZoneCount, len(names))], nil
}

// CheckZones reports each name of azs that is not a zone of region in the
// table, one error per name, with the region's zones. A region the table
// lacks is reported once.
func CheckZones(region string, azs []string) []error {
	names, ok := ZonesOf(region)
	if !ok {
		return []error{fmt.Errorf("region %s is not in the zone table, so its zones cannot be checked", region)}
	}
	var errs []error
	for _, az := range azs {
		if !slices.Contains(names, az) {
			errs = append(errs, fmt.Errorf("%s is not an availability zone of region %s (its zones: %s)", az, region, strings.Join(names, ",")))
		}
	}
	return errs
}

// IsZoneName reports whether az has the form of a zone of region: the
// region's name followed by one letter.
func IsZoneName(az, region string) bool {
	return len(az) == len(region)+1 && strings.HasPrefix(az, region) && az[len(region)] >= 'a' && az[len(region)] <= 'z'
}
