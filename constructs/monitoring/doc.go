// Package monitoring watches an EKS cluster with CloudWatch, in plain
// CloudFormation (no Lambda, no agent in the cluster): alarms on the
// control-plane metrics EKS publishes for free in AWS/EKS (Kubernetes
// 1.28 and later), audit-log detections on the control-plane log group,
// a dashboard, and an SNS topic the alarms notify.
//
// The catalogue (catalogue.go) is the only way to name a metric: Metric
// values can only be made in this package, each vended metric carries the
// statistic and unit its source page documents and that page's address,
// and every alarm is built from a catalogue entry, so no alarm can name a
// metric EKS does not publish (AWS/EKS has no CPUUtilization).
//
// Practices encoded (docs/practices.md, "Monitoring"):
//   - API availability as multi-window burn rates after the
//     kubernetes-mixin KubeAPIErrorBudgetBurn rule: 5XX / requests over
//     1h and 5m above 14.4x the error budget, and over 6h and 30m above
//     6x, each pair joined by a composite alarm that pages;
//   - sustained throttling (429 share of requests) and API Priority and
//     Fairness seats against the control-plane tier's capacity;
//   - P99 latency per verb against the upstream objective (1 s for
//     single-object calls, 30 s for LIST);
//   - etcd size at 80 % and 95 % of 8 GiB, and "full within 4 hours" at
//     the last hour's growth, after etcd's etcdExcessiveDatabaseGrowth;
//   - pods unschedulable for 15 minutes; admission webhook rejections and
//     P99 latency approaching the 30 s timeout;
//   - audit-log detections: 401/403 spikes, anonymous requests, writes to
//     RBAC objects and to webhook configurations, any request by the
//     break-glass role; each a metric filter, an alarm and a Logs
//     Insights saved query;
//   - a control plane that stops reporting does not look healthy: the
//     ApiServerSilent alarm treats missing request counts as breaching;
//     the other alarms choose their missing-data treatment one by one
//     (docs/monitoring.md lists each and why);
//   - one SNS topic, encrypted with its own rotated key whose policy lets
//     CloudWatch publish, TLS-only, or an existing topic; an optional
//     email subscription; AlarmActions=false keeps the alarms silent.
//
// Where it lives: in the cluster stack, beside the cluster it watches.
// The alarms reference the control-plane log group and the break-glass
// role, both in that stack, so a stack of its own would need exports that
// pin them (an export in use blocks replacing what it exports). In the
// cluster stack the alarms are created and deleted with their cluster,
// and an alarm change updates only the alarms: CloudFormation leaves the
// unchanged cluster alone.
//
// GuardDuty EKS audit-log monitoring is optional and off by default: a
// detector is account-level, only one can exist per account and region,
// and the construct warns (ballast:monitoring-guardduty-detector).
package monitoring
