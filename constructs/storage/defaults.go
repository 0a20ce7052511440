package storage

import "github.com/aws/aws-cdk-go/awscdk/v2"

// DefaultAliasPrefix is the alias prefix used when none is given.
const DefaultAliasPrefix = "alias/ballast"

func withDefaults(p KeysProps) KeysProps {
	out := p
	if out.AliasPrefix == nil {
		s := DefaultAliasPrefix
		out.AliasPrefix = &s
	}
	if out.RemovalPolicy == nil {
		r := awscdk.RemovalPolicy_RETAIN
		out.RemovalPolicy = &r
	}
	return out
}
