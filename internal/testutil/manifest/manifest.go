// Package manifest decodes rendered Kubernetes manifests back strictly
// into their Go types, so a typo in a field name or a field of the wrong
// type fails a test instead of reaching a cluster.
package manifest

import (
	"bytes"
	"fmt"
	"reflect"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/yaml"
)

// Types maps an apiVersion/kind to a new value of its Go type.
type Types map[schema.GroupVersionKind]func() any

// KubernetesTypes are the k8s.io/api types of the groups Ballast renders.
func KubernetesTypes() Types {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, networkingv1.AddToScheme, policyv1.AddToScheme,
		schedulingv1.AddToScheme, admissionregistrationv1.AddToScheme,
	} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	out := Types{}
	for gvk, typ := range s.AllKnownTypes() {
		out[gvk] = func() any { return reflect.New(typ).Interface() }
	}
	return out
}

// Docs splits a multi-document YAML file.
func Docs(file []byte) [][]byte {
	var out [][]byte
	for _, d := range bytes.Split(file, []byte("\n---\n")) {
		if len(bytes.TrimSpace(d)) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// Decode decodes one YAML document strictly (unknown or duplicate fields
// are errors) into the type its apiVersion and kind name, and returns it.
func Decode(doc []byte, types Types) (any, error) {
	var tm struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := yaml.Unmarshal(doc, &tm); err != nil {
		return nil, err
	}
	gv, err := schema.ParseGroupVersion(tm.APIVersion)
	if err != nil {
		return nil, err
	}
	newObj, ok := types[gv.WithKind(tm.Kind)]
	if !ok {
		return nil, fmt.Errorf("no Go type for apiVersion %q kind %q", tm.APIVersion, tm.Kind)
	}
	obj := newObj()
	if err := yaml.UnmarshalStrict(doc, obj); err != nil {
		return nil, fmt.Errorf("%s %s: %w", tm.APIVersion, tm.Kind, err)
	}
	return obj, nil
}
