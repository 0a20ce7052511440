package nag

// Check exposes check to the external tests.
var Check = check
