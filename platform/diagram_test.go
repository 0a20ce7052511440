package platform_test

import (
	"os"
	"strings"
	"testing"

	"github.com/ballast-eks/ballast/config"
	"github.com/ballast-eks/ballast/internal/diagram"
	"github.com/ballast-eks/ballast/internal/testutil/golden"
)

const (
	readme        = "../README.md"
	diagramBegin  = "<!-- BEGIN ARCHITECTURE (generated: go test ./platform -run Diagram -update) -->\n"
	diagramEnd    = "<!-- END ARCHITECTURE -->"
	diagramOfProd = config.ProfileProd
)

// prodDiagram draws the prod profile's synthesized stacks, in deploy order.
func prodDiagram(t *testing.T) string {
	t.Helper()
	templates := map[string]diagram.Template{}
	var order []string
	props := testConfig(t, diagramOfProd).Props()
	for _, part := range []string{"network", "storage", "cluster"} {
		name := props.StackName(part)
		templates[name] = stack(t, diagramOfProd, part)
		order = append(order, name)
	}
	return "```mermaid\n" + diagram.Mermaid(templates, order) + "```\n"
}

// TestDiagram keeps the architecture diagram the README embeds equal to
// the one drawn from the prod profile's templates; -update rewrites it.
func TestDiagram(t *testing.T) {
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i, j := strings.Index(doc, diagramBegin), strings.Index(doc, diagramEnd)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the architecture markers")
	}
	want := doc[:i+len(diagramBegin)] + prodDiagram(t) + doc[j:]
	if want == doc {
		return
	}
	if golden.Updating() {
		if err := os.WriteFile(readme, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's architecture diagram is stale: run `go test ./platform -run Diagram -update` and review the diff")
}

// TestDiagramShowsAZsAndReferences: the picture has each AZ's subnets,
// NAT gateway and node group, and the cross-stack references.
func TestDiagramShowsAZsAndReferences(t *testing.T) {
	d := prodDiagram(t)
	for _, want := range []string{
		"us-east-1a<br/>ControlPlane subnet<br/>Private subnet<br/>Public subnet<br/>NAT gateway", "managed node group", "EFS mount target",
		"sballast_prod_cluster -->|VPC, 3 x ControlPlane subnet, 3 x Private subnet| sballast_prod_network", "sballast_prod_cluster -->|3 x KMS key, EFS file system| sballast_prod_storage",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("diagram lacks %q:\n%s", want, d)
		}
	}
}
