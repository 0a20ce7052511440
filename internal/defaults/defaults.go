// Package defaults fills construct props: pointer fields are nil when the
// user left them unset, and a default is a fresh copy, never shared.
package defaults

// Set points *field at a copy of v when it is nil.
func Set[T any](field **T, v T) {
	if *field == nil {
		*field = &v
	}
}

// Or returns v, or a pointer to a copy of def when v is nil.
func Or[T any](v *T, def T) *T {
	if v != nil {
		return v
	}
	return &def
}
