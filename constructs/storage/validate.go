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

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>". KeysProps wires no resource.
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

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>": the resources the file system
// is wired to (Vpc, Subnets, Key), then every rule of ValidateSettings.
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
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings reports every problem with the props except the
// presence of the resources the file system is wired to, so the settings
// can be checked before those exist. No setting of FileSystemProps has a
// rule yet; a composer calls it like every other ValidateSettings.
func (p FileSystemProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p FileSystemProps) settings() []error { return nil }

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>": the resources the plan is wired
// to (Key, Resources), then every rule of ValidateSettings.
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
	return errors.Join(append(errs, p.settings()...)...)
}

// ValidateSettings reports every problem with the props except the
// presence of the resources the plan is wired to, so the settings can be
// checked before those exist. Unset fields are checked as their defaults.
func (p BackupProps) ValidateSettings() error { return errors.Join(p.settings()...) }

func (p BackupProps) settings() []error {
	p = p.withDefaults()
	var errs []error
	if d := *p.RetentionDays; d < 1 || d > MaxBackupRetentionDays {
		errs = append(errs, fmt.Errorf("retentionDays: retention must be 1 to %d days", MaxBackupRetentionDays))
	}
	if h := *p.StartHourUTC; h < 0 || h > 23 {
		errs = append(errs, fmt.Errorf("startHourUTC: must be 0 to 23, got %d", h))
	}
	return errs
}

// Validate reports every problem with the props at once, one error per
// problem, each "<field path>: <problem>". Key is optional, so it is
// ValidateSettings.
func (p BackupBucketProps) Validate() error { return p.ValidateSettings() }

// ValidateSettings reports every problem with the props; no resource is
// required, so it is the same as Validate. Unset fields are checked as
// their defaults.
func (p BackupBucketProps) ValidateSettings() error {
	p = p.withDefaults()
	var errs []error
	if d := *p.NoncurrentVersionDays; d < 1 || d > MaxBackupRetentionDays {
		errs = append(errs, fmt.Errorf("noncurrentVersionDays: retention must be 1 to %d days", MaxBackupRetentionDays))
	}
	if d := *p.AccessLogDays; d < 1 {
		errs = append(errs, fmt.Errorf("accessLogDays: must be at least 1, got %d", d))
	}
	return errors.Join(errs...)
}
