package baseline_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/aws/jsii-runtime-go"

	"github.com/ballast-eks/ballast/constructs/baseline"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
	"github.com/ballast-eks/ballast/internal/testutil/manifest"
	"github.com/ballast-eks/ballast/ptr"
)

// sample is a baseline with every part: two teams (one with its own
// settings) and over-provisioning over three AZs.
func sample() baseline.BaselineProps {
	return baseline.BaselineProps{
		ClusterName: jsii.String("shop"), KubernetesVersion: jsii.String("1.36"),
		Teams: []baseline.TeamProps{
			{Name: "payments"},
			{Name: "search", TeamSettings: baseline.TeamSettings{Enforce: ptr.To(baseline.PSARestricted),
				Quota:  &baseline.QuotaProps{RequestsCPU: jsii.String("32"), Pods: ptr.To(300)},
				Limits: &baseline.LimitProps{DefaultLimitMemory: jsii.String("1Gi")}}},
		},
		OverProvisioning: &baseline.OverProvisioningProps{AvailabilityZones: []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}},
	}
}

func folder(t *testing.T, p baseline.BaselineProps) ([]string, map[string][]byte) {
	t.Helper()
	files, err := baseline.Render(p)
	if err != nil {
		t.Fatal(err)
	}
	names, contents, err := baseline.RenderFolder(files)
	if err != nil {
		t.Fatal(err)
	}
	return names, contents
}

// TestGoldenFolder compares every rendered file with its snapshot.
func TestGoldenFolder(t *testing.T) {
	names, contents := folder(t, sample())
	for _, n := range names {
		t.Run(n, func(t *testing.T) { golden.AssertFile(t, "testdata/folder", n, contents[n]) })
	}
}

// TestEveryFileDecodesStrictly decodes every document of every manifest
// back into its k8s.io/api type, rejecting unknown fields, and checks
// that re-rendering the decoded object gives the same bytes.
func TestEveryFileDecodesStrictly(t *testing.T) {
	names, contents := folder(t, sample())
	types := manifest.KubernetesTypes()
	docs := 0
	for _, n := range names {
		if !strings.HasSuffix(n, ".yaml") || n == baseline.FileKustomization {
			continue
		}
		for _, doc := range manifest.Docs(contents[n]) {
			obj, err := manifest.Decode(doc, types)
			if err != nil {
				t.Errorf("%s: %v", n, err)
				continue
			}
			again, err := baseline.MarshalObject(obj)
			if err != nil || !bytes.Equal(bytes.TrimSpace(again), bytes.TrimSpace(doc)) {
				t.Errorf("%s: the decoded object renders differently (%v):\n%s\nvs\n%s", n, err, again, doc)
			}
			docs++
		}
	}
	if docs < 15 {
		t.Errorf("decoded %d documents, want every object of the sample (at least 15)", docs)
	}
	t.Run("a misspelt field fails", func(t *testing.T) {
		bad := []byte("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  lables:\n    a: b\n")
		if _, err := manifest.Decode(bad, types); err == nil {
			t.Error("a Namespace with metadata.lables decoded")
		}
	})
}

func TestRenderIsDeterministic(t *testing.T) {
	_, a := folder(t, sample())
	for range 5 {
		_, b := folder(t, sample())
		for n := range a {
			if !bytes.Equal(a[n], b[n]) {
				t.Fatalf("%s differs between two renders", n)
			}
		}
	}
}

// objects decodes every object of the folder by kind/namespace/name.
func objects(t *testing.T, p baseline.BaselineProps) map[string]any {
	t.Helper()
	names, contents := folder(t, p)
	out := map[string]any{}
	for _, n := range names {
		if !strings.HasSuffix(n, ".yaml") || n == baseline.FileKustomization {
			continue
		}
		for _, doc := range manifest.Docs(contents[n]) {
			obj, err := manifest.Decode(doc, manifest.KubernetesTypes())
			if err != nil {
				t.Fatal(err)
			}
			o := obj.(metav1.Object)
			kind := obj.(runtime.Object).GetObjectKind().GroupVersionKind().Kind
			out[kind+"/"+o.GetNamespace()+"/"+o.GetName()] = obj
		}
	}
	return out
}

func TestPromises(t *testing.T) {
	objs := objects(t, sample())
	get := func(t *testing.T, key string) any {
		t.Helper()
		o, ok := objs[key]
		if !ok {
			t.Fatalf("no %s among %v", key, keys(objs))
		}
		return o
	}
	t.Run("pod security: baseline enforced, restricted warned and audited, pinned", func(t *testing.T) {
		ns := get(t, "Namespace//payments").(*corev1.Namespace)
		want := map[string]string{"enforce": "baseline", "warn": "restricted", "audit": "restricted", "enforce-version": "v1.36"}
		for k, v := range want {
			if got := ns.Labels["pod-security.kubernetes.io/"+k]; got != v {
				t.Errorf("%s = %q, want %q", k, got, v)
			}
		}
		if got := get(t, "Namespace//search").(*corev1.Namespace).Labels["pod-security.kubernetes.io/enforce"]; got != "restricted" {
			t.Errorf("search enforces %q, want its own restricted", got)
		}
	})
	t.Run("quota and limit range from team settings", func(t *testing.T) {
		q := get(t, "ResourceQuota/search/team-quota").(*corev1.ResourceQuota).Spec.Hard
		if cpu, pods := q[corev1.ResourceRequestsCPU], q[corev1.ResourcePods]; cpu.String() != "32" || pods.Value() != 300 {
			t.Errorf("search quota %v, want requests.cpu 32 and 300 pods", q)
		}
		if got := get(t, "ResourceQuota/payments/team-quota").(*corev1.ResourceQuota).Spec.Hard.Name(corev1.ResourceRequestsMemory, ""); got.String() != baseline.DefaultQuotaRequestsMemory {
			t.Errorf("payments requests.memory %v, want the default", got)
		}
		lr := get(t, "LimitRange/search/team-limits").(*corev1.LimitRange).Spec.Limits[0]
		if lr.Default.Memory().String() != "1Gi" || lr.DefaultRequest.Cpu().String() != baseline.DefaultRequestCPU {
			t.Errorf("search limits %+v", lr)
		}
		if _, ok := lr.Default[corev1.ResourceCPU]; ok {
			t.Error("a default CPU limit is set; CPU limits throttle, only memory is limited")
		}
	})
	t.Run("default deny in and out, DNS allowed", func(t *testing.T) {
		deny := get(t, "NetworkPolicy/payments/default-deny").(*networkingv1.NetworkPolicy).Spec
		if len(deny.PolicyTypes) != 2 || deny.Ingress != nil || deny.Egress != nil || len(deny.PodSelector.MatchLabels) != 0 {
			t.Errorf("default-deny %+v, want every pod, both directions, no rule", deny)
		}
		dns := get(t, "NetworkPolicy/payments/allow-dns").(*networkingv1.NetworkPolicy).Spec
		rule := dns.Egress[0]
		if rule.To[0].PodSelector.MatchLabels["k8s-app"] != "kube-dns" || len(rule.Ports) != 2 || rule.Ports[0].Port.IntValue() != 53 {
			t.Errorf("allow-dns %+v, want port 53 to kube-dns", rule)
		}
	})
	t.Run("over-provisioning: one node's worth per AZ, below every pod, spread", func(t *testing.T) {
		d := get(t, "Deployment/ballast-overprovisioning/overprovisioning").(*appsv1.Deployment)
		if *d.Spec.Replicas != 3 {
			t.Errorf("%d placeholders, want one per AZ (3)", *d.Spec.Replicas)
		}
		spec := d.Spec.Template.Spec
		if spec.PriorityClassName != baseline.OverProvisioningPriorityClass || spec.TopologySpreadConstraints[0].TopologyKey != baseline.ZoneTopologyKey {
			t.Errorf("pod spec %+v", spec)
		}
		pc := get(t, "PriorityClass//"+baseline.OverProvisioningPriorityClass).(*schedulingv1.PriorityClass)
		if pc.Value >= 0 || pc.PreemptionPolicy == nil || *pc.PreemptionPolicy != corev1.PreemptNever || pc.GlobalDefault {
			t.Errorf("placeholder priority class %+v, want negative, preempting nothing, not global", pc)
		}
	})
	t.Run("admission policy is bound, denying", func(t *testing.T) {
		get(t, "ValidatingAdmissionPolicy//"+baseline.WebhookPolicyName)
		get(t, "ValidatingAdmissionPolicyBinding//"+baseline.WebhookPolicyName)
	})
	t.Run("metrics-server gets a PodDisruptionBudget", func(t *testing.T) {
		get(t, "PodDisruptionBudget/kube-system/metrics-server")
	})
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
