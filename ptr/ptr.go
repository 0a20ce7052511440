// Package ptr is Ballast's one pointer helper. Construct props use pointer
// fields so that nil means "use the default"; ptr.To writes any such value
// inline (jsii.String and jsii.Bool cover strings and booleans, ptr.To every
// other type, including the construct enums).
package ptr

// To returns a pointer to a copy of v.
func To[T any](v T) *T { return &v }
