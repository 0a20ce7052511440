package cost

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ballast-eks/ballast/constructs/nodegroup"
)

// Line is one priced item of an estimate.
type Line struct {
	// Item says what is billed, Quantity how many of it.
	Item     string
	Quantity float64
	// Unit is the price's unit; UnitUSD the price.
	Unit    string
	UnitUSD float64
	// MonthlyUSD is the line's cost per month.
	MonthlyUSD float64
}

// Estimate is the fixed monthly cost of a set of templates.
type Estimate struct {
	// Fixed are the resources billed by existing.
	Fixed []Line
	// Nodes are the node groups: instance price x desired size.
	Nodes []Line
	// NotPriced names what the templates hold that the table cannot price.
	NotPriced []string
}

// FixedUSD is the sum of the fixed lines.
func (e Estimate) FixedUSD() float64 { return sum(e.Fixed) }

// NodesUSD is the sum of the node lines.
func (e Estimate) NodesUSD() float64 { return sum(e.Nodes) }

func sum(ls []Line) float64 {
	var t float64
	for _, l := range ls {
		t += l.MonthlyUSD
	}
	return t
}

// Of estimates the templates (stack name -> CloudFormation template as
// parsed JSON).
func Of(templates map[string]map[string]any) Estimate {
	var e Estimate
	c := counter{}
	names := make([]string, 0, len(templates))
	for n := range templates {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		res, _ := templates[n]["Resources"].(map[string]any)
		ids := make([]string, 0, len(res))
		for id := range res {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			r, _ := res[id].(map[string]any)
			props, _ := r["Properties"].(map[string]any)
			typ, _ := r["Type"].(string)
			e.add(&c, n, id, typ, props)
		}
	}
	for _, key := range c.order {
		p := price(key)
		hours := 1.0
		if strings.HasSuffix(p.Unit, "hour") {
			hours = HoursPerMonth
		}
		e.Fixed = append(e.Fixed, Line{p.Item, c.n[key], p.Unit, p.USD, c.n[key] * p.USD * hours})
	}
	return e
}

// counter counts priced units per price key, in first-seen order.
type counter struct {
	n     map[string]float64
	order []string
}

func (c *counter) add(key string, n float64) {
	if c.n == nil {
		c.n = map[string]float64{}
	}
	if _, seen := c.n[key]; !seen {
		c.order = append(c.order, key)
	}
	c.n[key] += n
}

func (e *Estimate) add(c *counter, stack, id, typ string, props map[string]any) {
	switch typ {
	case "AWS::EKS::Cluster":
		e.cluster(c, stack, props)
	case "AWS::EC2::NatGateway":
		c.add(KeyNATHour, 1)
	case "AWS::EC2::EIP":
		c.add(KeyPublicIPv4, 1)
	case "AWS::EC2::VPCEndpoint":
		if props["VpcEndpointType"] == "Interface" {
			subnets, _ := props["SubnetIds"].([]any)
			c.add(KeyEndpointENI, float64(len(subnets)))
		}
	case "AWS::KMS::Key":
		c.add(KeyKMSKey, 1)
	case "AWS::CloudWatch::Alarm":
		c.add(KeyAlarm, 1)
	case "AWS::EKS::Nodegroup":
		e.nodegroup(stack, id, props)
	}
}

func (e *Estimate) cluster(c *counter, stack string, props map[string]any) {
	support, _ := get(props, "UpgradePolicy", "SupportType").(string)
	if support == "EXTENDED" {
		c.add(KeyEKSExtended, 1)
	} else {
		c.add(KeyEKSStandard, 1)
	}
	if tier, _ := get(props, "ControlPlaneScalingConfig", "Tier").(string); tier != "" && tier != "standard" {
		e.NotPriced = append(e.NotPriced, fmt.Sprintf("%s: control-plane scaling tier %s (billed hourly; see Amazon EKS pricing)", stack, tier))
	}
}

func (e *Estimate) nodegroup(stack, id string, props map[string]any) {
	types, _ := props["InstanceTypes"].([]any)
	desired, _ := get(props, "ScalingConfig", "DesiredSize").(float64)
	if len(types) == 0 {
		e.NotPriced = append(e.NotPriced, fmt.Sprintf("%s/%s: node group without instance types in the template", stack, id))
		return
	}
	typ, _ := types[0].(string)
	usd, ok := InstancePrices[typ]
	if !ok {
		e.NotPriced = append(e.NotPriced, fmt.Sprintf("%s/%s: instance type %s has no price in the table", stack, id, typ))
		return
	}
	item := fmt.Sprintf("%s x desired size (%s)", typ, groupName(id, props))
	if props["CapacityType"] == "SPOT" {
		item += ", spot: on-demand price shown, spot is lower"
	}
	e.Nodes = append(e.Nodes, Line{item, desired, "instance-hour", usd, desired * usd * HoursPerMonth})
}

// groupName names a node group by its Ballast labels (group and AZ), else
// by its logical ID.
func groupName(id string, props map[string]any) string {
	group, _ := get(props, "Labels", nodegroup.GroupLabel).(string)
	zone, _ := get(props, "Labels", nodegroup.ZoneLabel).(string)
	if group == "" || zone == "" {
		return id
	}
	return group + " in " + zone
}

func get(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// NotCounted says plainly what no fixed estimate includes.
const NotCounted = "Not counted: data transfer and data processed (NAT gateway, endpoints, inter-AZ), " +
	"CloudWatch Logs ingestion and storage, EFS, S3 and backup storage, node EBS volumes, " +
	"load balancers and anything Kubernetes creates, taxes, and discounts (Savings Plans, spot)."

// Summary writes the estimate for people (stderr at synth): the fixed
// total, each fixed line, and the nodes apart.
func (e Estimate) Summary(w io.Writer, title string) {
	fmt.Fprintf(w, "Estimated fixed monthly cost of %s (%s list prices of %s, %d h a month):\n", title, Region, PricesAsOf, HoursPerMonth)
	for _, l := range e.Fixed {
		fmt.Fprintf(w, "  %-52s %6.0f x %-12s %9.2f USD\n", l.Item, l.Quantity, l.Unit, l.MonthlyUSD)
	}
	fmt.Fprintf(w, "  %-52s %33.2f USD\n", "fixed total", e.FixedUSD())
	fmt.Fprintf(w, "  %-52s %33.2f USD\n", "nodes at their desired sizes (on-demand)", e.NodesUSD())
	for _, n := range e.NotPriced {
		fmt.Fprintf(w, "  not priced: %s\n", n)
	}
	fmt.Fprintf(w, "  %s\n", NotCounted)
}

// Markdown writes the estimate as a markdown section.
func (e Estimate) Markdown(w io.Writer, title string) {
	fmt.Fprintf(w, "## %s\n\n| Item | Quantity | Unit price (USD) | Monthly (USD) |\n|---|---:|---:|---:|\n", title)
	for _, l := range e.Fixed {
		fmt.Fprintf(w, "| %s | %g | %g / %s | %.2f |\n", l.Item, l.Quantity, l.UnitUSD, l.Unit, l.MonthlyUSD)
	}
	fmt.Fprintf(w, "| **Fixed total** | | | **%.2f** |\n\n", e.FixedUSD())
	fmt.Fprintf(w, "Nodes (instance price x desired size, on-demand), shown apart:\n\n| Node group | Nodes | Unit price (USD) | Monthly (USD) |\n|---|---:|---:|---:|\n")
	for _, l := range e.Nodes {
		fmt.Fprintf(w, "| %s | %g | %g / %s | %.2f |\n", l.Item, l.Quantity, l.UnitUSD, l.Unit, l.MonthlyUSD)
	}
	fmt.Fprintf(w, "| **Nodes total** | | | **%.2f** |\n\n", e.NodesUSD())
	for _, n := range e.NotPriced {
		fmt.Fprintf(w, "Not priced: %s.\n\n", n)
	}
}

// PriceTable writes the price table as markdown, with sources and date.
func PriceTable(w io.Writer) {
	fmt.Fprintf(w, "## Price table\n\n%s list prices recorded %s; a month is %d hours. Usage prices are listed for reference and not counted.\n\n", Region, PricesAsOf, HoursPerMonth)
	fmt.Fprintf(w, "| Item | USD | Unit | Counted | Source |\n|---|---:|---|---|---|\n")
	for _, p := range Prices {
		counted := "usage, not counted"
		if p.Counted {
			counted = "fixed"
		}
		fmt.Fprintf(w, "| %s | %g | %s | %s | %s |\n", p.Item, p.USD, p.Unit, counted, p.Source)
	}
	types := make([]string, 0, len(InstancePrices))
	for t := range InstancePrices {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(w, "| EC2 %s (node) | %g | instance-hour | nodes | %s |\n", t, InstancePrices[t], InstanceSource)
	}
	fmt.Fprintln(w)
}
