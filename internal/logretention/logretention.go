// Package logretention maps a retention in days to aws-cdk-lib's
// awslogs.RetentionDays enum, which Go cannot build from a number.
package logretention

import (
	"fmt"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
)

var byDays = map[int]awslogs.RetentionDays{
	1: awslogs.RetentionDays_ONE_DAY, 3: awslogs.RetentionDays_THREE_DAYS, 5: awslogs.RetentionDays_FIVE_DAYS,
	7: awslogs.RetentionDays_ONE_WEEK, 14: awslogs.RetentionDays_TWO_WEEKS, 30: awslogs.RetentionDays_ONE_MONTH,
	60: awslogs.RetentionDays_TWO_MONTHS, 90: awslogs.RetentionDays_THREE_MONTHS, 120: awslogs.RetentionDays_FOUR_MONTHS,
	150: awslogs.RetentionDays_FIVE_MONTHS, 180: awslogs.RetentionDays_SIX_MONTHS, 365: awslogs.RetentionDays_ONE_YEAR,
	400: awslogs.RetentionDays_THIRTEEN_MONTHS, 545: awslogs.RetentionDays_EIGHTEEN_MONTHS, 731: awslogs.RetentionDays_TWO_YEARS,
	1096: awslogs.RetentionDays_THREE_YEARS, 1827: awslogs.RetentionDays_FIVE_YEARS, 2192: awslogs.RetentionDays_SIX_YEARS,
	2557: awslogs.RetentionDays_SEVEN_YEARS, 2922: awslogs.RetentionDays_EIGHT_YEARS, 3288: awslogs.RetentionDays_NINE_YEARS,
	3653: awslogs.RetentionDays_TEN_YEARS,
}

// Days lists the retention values CloudWatch Logs accepts, ascending.
func Days() []int {
	out := make([]int, 0, len(byDays))
	for d := range byDays {
		out = append(out, d)
	}
	slices.Sort(out)
	return out
}

// Valid reports whether CloudWatch Logs accepts days as a retention.
func Valid(days int) bool { _, ok := byDays[days]; return ok }

// Of returns the enum value for days; it errors on values CloudWatch Logs
// does not accept.
func Of(days int) (awslogs.RetentionDays, error) {
	r, ok := byDays[days]
	if !ok {
		return "", fmt.Errorf("%d days is not a CloudWatch Logs retention; accepted: %v", days, Days())
	}
	return r, nil
}
