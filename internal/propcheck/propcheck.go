// Package propcheck is how every Ballast constructor treats its props: nil
// props are the zero props (every field at its default, required ones
// reported missing), and invalid props panic naming the construct's path,
// so two instances in one app can be told apart.
package propcheck

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
)

// Deref returns *p, or the zero value for nil props.
func Deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Must panics when err (the props' Validate result) is not nil, naming
// what kind of construct scope/id would have been.
func Must(scope constructs.Construct, id, kind string, err error) {
	if err != nil {
		panic(fmt.Errorf("%s %s: invalid props:\n%w", kind, Path(scope, id), err))
	}
}

// Path is the construct path of child id of scope (id alone without a
// scope).
func Path(scope constructs.Construct, id string) string {
	if scope == nil {
		return id
	}
	if p := *scope.Node().Path(); p != "" {
		return p + "/" + id
	}
	return id
}

// Problems lists the single problems of a Validate error: the leaves of a
// tree of joined errors (errors.Join), or err alone; nil for nil.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	return []error{err}
}
