package config

import "testing"

func TestMonitoringDefaults(t *testing.T) {
	for p, actions := range map[Profile]bool{ProfileDev: false, ProfileStaging: true, ProfileProd: true} {
		c, err := Defaults(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want := MonitoringConfig{Monitoring: true, AlarmActions: actions, AvailabilitySLO: 99, LatencySLO: 1}
		if c.MonitoringConfig != want {
			t.Errorf("%s: %+v, want %+v", p, c.MonitoringConfig, want)
		}
		m := c.Props().Monitoring
		if m == nil || *m.AlarmActions != actions || m.TopicArn != nil || m.Email != nil || *m.GuardDuty {
			t.Errorf("%s: monitoring props %+v", p, m)
		}
	}
}

func TestMonitoringProps(t *testing.T) {
	topic := "arn:aws:sns:us-east-1:123456789012:pager"
	c := mustLoad(t, map[string]string{VarEnv: "prod", VarAlarmTopicARN: topic, VarAlarmEmail: "oncall@example.com",
		VarAvailabilitySLO: "99.9", VarLatencySLO: "0.5", VarGuardDuty: "on"})
	m := c.Props().Monitoring
	if *m.TopicArn != topic || *m.Email != "oncall@example.com" || *m.AvailabilityPercent != 99.9 || *m.LatencySeconds != 0.5 || !*m.GuardDuty {
		t.Errorf("props %+v", m)
	}
	if c := mustLoad(t, map[string]string{VarMonitoring: "off"}); c.Props().Monitoring != nil {
		t.Error("BALLAST_MONITORING=off still monitors")
	}
}
