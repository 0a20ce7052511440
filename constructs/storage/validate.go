package storage

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

var aliasRe = regexp.MustCompile(`^alias/[a-zA-Z0-9/_-]+$`)

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
