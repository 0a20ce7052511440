package config

import (
	"strings"
	"testing"
)

func TestStorageDefaults(t *testing.T) {
	want := map[Profile]StorageConfig{
		ProfileDev:     {EFS: false, BackupBucket: true, BackupRetentionDays: 7},
		ProfileStaging: {EFS: true, BackupBucket: true, BackupRetentionDays: 14},
		ProfileProd:    {EFS: true, BackupBucket: true, BackupRetentionDays: 35},
	}
	for p, w := range want {
		t.Run(string(p), func(t *testing.T) {
			c, err := Defaults(p)
			if err != nil {
				t.Fatal(err)
			}
			if c.StorageConfig != w {
				t.Errorf("got %+v, want %+v", c.StorageConfig, w)
			}
		})
	}
}

func loadWith(vars map[string]string) (*Config, error) {
	return Load(func(name string) (string, bool) { v, ok := vars[name]; return v, ok })
}

func TestStorageOverrides(t *testing.T) {
	c, err := loadWith(map[string]string{VarEnv: "prod", VarEFS: "OFF", VarBackupBucket: "on", VarBackupRetentionDays: " 90 "})
	if err != nil {
		t.Fatal(err)
	}
	if want := (StorageConfig{EFS: false, BackupBucket: true, BackupRetentionDays: 90}); c.StorageConfig != want {
		t.Errorf("got %+v, want %+v", c.StorageConfig, want)
	}
	// With nothing to back up, a retention would be ignored: an error.
	if _, err := loadWith(map[string]string{VarEnv: "prod", VarEFS: "off", VarBackupBucket: "off", VarBackupRetentionDays: "90"}); err == nil ||
		!strings.Contains(err.Error(), `BALLAST_BACKUP_RETENTION_DAYS="90": has no effect with BALLAST_EFS=off and BALLAST_BACKUP_BUCKET=off`) {
		t.Errorf("retention with nothing backed up: %v", err)
	}
	c, err = loadWith(map[string]string{VarEFS: "on"})
	if err != nil || !c.EFS {
		t.Errorf("dev with %s=on: %+v, %v", VarEFS, c, err)
	}
}

func TestStorageValidation(t *testing.T) {
	cases := []struct {
		vars map[string]string
		want []string // each must appear in the error
	}{
		{map[string]string{VarEFS: "yes"}, []string{`BALLAST_EFS="yes": must be on or off; accepted: on | off`}},
		{map[string]string{VarBackupBucket: "1"}, []string{`BALLAST_BACKUP_BUCKET="1": must be on or off; accepted: on | off`}},
		{map[string]string{VarBackupRetentionDays: "a week"}, []string{`BALLAST_BACKUP_RETENTION_DAYS="a week": must be a whole number; accepted: a whole number of days from 1 to 36500`}},
		{map[string]string{VarBackupRetentionDays: "0"}, []string{`BALLAST_BACKUP_RETENTION_DAYS="0": retention must be 1 to 36500 days; accepted: a whole number of days from 1 to 36500`}},
		{map[string]string{VarBackupRetentionDays: "36501"}, []string{`BALLAST_BACKUP_RETENTION_DAYS="36501": retention must be 1 to 36500 days`}},
		{map[string]string{VarEFS: "maybe", VarBackupRetentionDays: "-1"}, []string{`BALLAST_EFS="maybe"`, `BALLAST_BACKUP_RETENTION_DAYS="-1"`}},
	}
	for _, c := range cases {
		_, err := loadWith(c.vars)
		if err == nil {
			t.Errorf("%v: no error", c.vars)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q lacks %q", c.vars, err, w)
			}
		}
		if n := len(strings.Split(err.Error(), "\n")); n != len(c.want) {
			t.Errorf("%v: %d problems, want %d: %v", c.vars, n, len(c.want), err)
		}
	}
}
