package karpenter_test

import (
	"encoding/json"

	"sigs.k8s.io/yaml"
)

func fmtJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func yamlStrict(b []byte, into any) error { return yaml.UnmarshalStrict(b, into) }
