package storage

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

var aliasRe = regexp.MustCompile(`^alias/[a-zA-Z0-9/_-]+$`)

// MaxBackupRetentionDays bounds retention at 100 years (AWS Backup's own
// limit is higher; anything beyond is almost certainly a typo).
const MaxBackupRetentionDays = 36500

// Validate reports every problem with the props, each with its field path.
func (p KeysProps) Validate() error {
	var errs []error
	if p.AliasPrefix != nil {
		a := *p.AliasPrefix
		if !aliasRe.MatchString(a) || strings.HasPrefix(a, "alias/aws") || strings.HasSuffix(a, "/") {
			errs = append(errs, fmt.Errorf("aliasPrefix: must match alias/<letters, digits, /, _, ->, not start with alias/aws and not end with '/', got %q", a))
		}
	}
	return errors.Join(errs...)
}

// Validate reports every problem with the props, each with its field path.
func (p FileSystemProps) Validate() error {
	var errs []error
	if p.Vpc == nil {
		errs = append(errs, errors.New("vpc: required"))
	}
	if len(p.Subnets) == 0 {
		errs = append(errs, errors.New("subnets: required: the private subnets, one per AZ"))
	}
	for i, s := range p.Subnets {
		if s == nil {
			errs = append(errs, fmt.Errorf("subnets[%d]: must not be nil", i))
		}
	}
	if p.Key == nil {
		errs = append(errs, errors.New("key: required: a customer-managed KMS key (Keys.EFS)"))
	}
	return errors.Join(errs...)
}

// Validate reports every problem with the props, each with its field path.
func (p BackupProps) Validate() error {
	var errs []error
	if p.Key == nil {
		errs = append(errs, errors.New("key: required: a customer-managed KMS key for the vault (Keys.Backup)"))
	}
	if len(p.Resources) == 0 {
		errs = append(errs, errors.New("resources: required: at least one resource to back up"))
	}
	for i, r := range p.Resources {
		if r == nil {
			errs = append(errs, fmt.Errorf("resources[%d]: must not be nil", i))
		}
	}
	if d := p.RetentionDays; d != nil && (*d < 1 || *d > MaxBackupRetentionDays) {
		errs = append(errs, fmt.Errorf("retentionDays: must be 1 to %d, got %d", MaxBackupRetentionDays, *d))
	}
	if h := p.StartHourUTC; h != nil && (*h < 0 || *h > 23) {
		errs = append(errs, fmt.Errorf("startHourUTC: must be 0 to 23, got %d", *h))
	}
	return errors.Join(errs...)
}

// Validate reports every problem with the props, each with its field path.
func (p BackupBucketProps) Validate() error {
	var errs []error
	if d := p.NoncurrentVersionDays; d != nil && *d < 1 {
		errs = append(errs, fmt.Errorf("noncurrentVersionDays: must be at least 1, got %d", *d))
	}
	if d := p.AccessLogDays; d != nil && *d < 1 {
		errs = append(errs, fmt.Errorf("accessLogDays: must be at least 1, got %d", *d))
	}
	return errors.Join(errs...)
}
