package config

import (
	"fmt"
	"regexp"

	"github.com/ballast-eks/ballast/constructs/network"
)

// VarAllowUnlistedAZs accepts availability-zone names the checked-in zone
// table (network.RegionZones) lacks.
const VarAllowUnlistedAZs = "BALLAST_ALLOW_UNLISTED_AZS"

// ZonesConfig is the escape from the zone table.
type ZonesConfig struct {
	// AllowUnlistedAZs accepts any AZ name of the region's form (the region
	// followed by one letter) for a zone or region the table lacks.
	AllowUnlistedAZs bool
}

var zoneVars = []Var{
	{VarAllowUnlistedAZs, "Accept " + VarAZs + " names Ballast's zone table lacks (a region or zone newer than the table); they are then only checked to be the region's name and one letter.", switchAccepted,
		fixed("off"), setOnOff(func(c *Config) *bool { return &c.AllowUnlistedAZs })},
}

// regionFormRe is the rough form of a region name; the platform judges it
// exactly, and a malformed region gets no zone problems of its own.
var regionFormRe = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d$`)

// defaultAZs is the region's default zones from the zone table; "" when
// it has none, which setAZs reports.
func defaultAZs(_ Profile, c *Config, _ Lookup) string {
	azs, err := network.DefaultZones(c.Region)
	if err != nil {
		return ""
	}
	return joinList(azs)
}

// setAZs parses BALLAST_AZS; empty (unset, with no default for the
// region) is an error saying why there is no default.
func setAZs(c *Config, raw string) error {
	c.AZs = List(raw)
	if len(c.AZs) > 0 || !regionFormRe.MatchString(c.Region) {
		return nil
	}
	_, err := network.DefaultZones(c.Region)
	return fmt.Errorf("required: %v", err)
}

// validateZones rejects AZ names that are not zones of the region in the
// zone table, unless the table is overridden; then the names need only
// have the region's form.
func (c *Config) validateZones(p *problems) {
	azs := joinList(c.AZs)
	if !regionFormRe.MatchString(c.Region) {
		return
	}
	if c.AllowUnlistedAZs {
		for _, az := range c.AZs {
			if !network.IsZoneName(az, c.Region) {
				p.add(VarAZs, azs, "%s is not an availability zone of region %s", az, c.Region)
			}
		}
		return
	}
	for _, err := range network.CheckZones(c.Region, c.AZs) {
		p.add(VarAZs, azs, "%v; %s=on accepts zones the table lacks", err, VarAllowUnlistedAZs)
	}
}
