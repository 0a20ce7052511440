package main

// version is Ballast's release (semantic versioning; CHANGELOG.md lists
// what each release changed). Any change that replaces infrastructure or
// renames an environment variable is a major release.
const version = "0.1.0"
