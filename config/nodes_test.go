package config

import (
	"testing"

	"github.com/ballast-eks/ballast/constructs/nodegroup"
	"github.com/ballast-eks/ballast/internal/testutil/wanterr"
)

// loadProfile returns the configuration for profile with vars set.
func loadProfile(profile Profile, vars map[string]string) (*Config, error) {
	return Load(func(name string) (string, bool) {
		if name == VarEnv {
			return string(profile), true
		}
		v, ok := vars[name]
		return v, ok
	})
}

func TestNodeDefaults(t *testing.T) {
	want := map[Profile]struct {
		types             string
		min, desired, max int
		workersMax        int
	}{
		ProfileDev:     {"m6i.large", 1, 1, 3, 5},
		ProfileStaging: {"m6i.large", 1, 2, 5, 10},
		ProfileProd:    {"m6i.xlarge", 2, 2, 10, 20},
	}
	for p, w := range want {
		t.Run(string(p), func(t *testing.T) {
			c, err := Defaults(p)
			if err != nil {
				t.Fatal(err)
			}
			s := c.System()
			if joinList(s.InstanceTypes) != w.types || s.MinSize != w.min || s.DesiredSize != w.desired || s.MaxSize != w.max {
				t.Errorf("system = %+v", s)
			}
			if s.CapacityType != nodegroup.OnDemand || c.NodeAMIFamily != nodegroup.AL2023 || c.NodeDiskSizeGiB != 50 ||
				c.NodeMetadataHopLimit != 1 || c.NodeReleaseVersion != "" {
				t.Errorf("shared settings: capacity %s, ami %s, disk %d, hops %d, release %q",
					s.CapacityType, c.NodeAMIFamily, c.NodeDiskSizeGiB, c.NodeMetadataHopLimit, c.NodeReleaseVersion)
			}
			if c.WorkersEnabled || c.Workers.CapacityType != nodegroup.Spot || len(c.Workers.InstanceTypes) != 4 || c.Workers.MaxSize != w.workersMax {
				t.Errorf("workers = %v %+v", c.WorkersEnabled, c.Workers)
			}
		})
	}
}

func TestNodeValidation(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		want []string // substrings; none = valid
	}{
		{"workers enabled with defaults", map[string]string{VarWorkersEnabled: "true"}, nil},
		{"spot system group with two types", map[string]string{VarNodeCapacityType: "spot", VarNodeInstanceTypes: "m6i.large,m6a.large"},
			[]string{`BALLAST_NODE_INSTANCE_TYPES="m6i.large,m6a.large": a SPOT group needs at least 3 instance types of the same size class and architecture`}},
		{"spot workers with two types", map[string]string{VarWorkersEnabled: "true", VarWorkersInstanceTypes: "m6i.large,m6a.large"},
			[]string{`BALLAST_WORKERS_INSTANCE_TYPES="m6i.large,m6a.large": a SPOT group needs at least 3`}},
		{"workers settings without workers", map[string]string{VarWorkersInstanceTypes: "m6i.large"},
			[]string{`BALLAST_WORKERS_INSTANCE_TYPES="m6i.large": has no effect with BALLAST_WORKERS_ENABLED=off; unset it`}},
		{"node settings under Auto Mode", map[string]string{VarCompute: "auto", VarNodeMaxSize: "5", VarWorkersEnabled: "on"},
			[]string{`BALLAST_NODE_MAX_SIZE="5": has no effect with BALLAST_COMPUTE=auto`, `BALLAST_WORKERS_ENABLED="on": has no effect with BALLAST_COMPUTE=auto`}},
		{"spot across size classes", map[string]string{VarWorkersEnabled: "true", VarWorkersInstanceTypes: "m6i.large,m6a.large,c6i.large"},
			[]string{"BALLAST_WORKERS_INSTANCE_TYPES", "share one size class"}},
		{"mixed architectures", map[string]string{VarNodeInstanceTypes: "m6i.large,m7g.large"},
			[]string{`BALLAST_NODE_INSTANCE_TYPES="m6i.large,m7g.large": mixes architectures arm64 and x86_64`}},
		{"unknown instance type", map[string]string{VarNodeInstanceTypes: "x2idn.32xlarge"},
			[]string{`BALLAST_NODE_INSTANCE_TYPES="x2idn.32xlarge": "x2idn.32xlarge": unknown instance type; accepted families: m5, m6i`, "accepted: comma-separated EC2 instance types"}},
		{"no instance types", map[string]string{VarNodeInstanceTypes: " , "}, []string{"at least one instance type is required"}},
		{"capacity type", map[string]string{VarNodeCapacityType: "reserved"}, []string{`BALLAST_NODE_CAPACITY_TYPE="reserved": unknown capacity type; accepted: on-demand | spot`}},
		{"AL2 rejected", map[string]string{VarNodeAMIFamily: "AL2"}, []string{`BALLAST_NODE_AMI_FAMILY="AL2": Amazon Linux 2 has reached end of support`}},
		{"unknown AMI family", map[string]string{VarNodeAMIFamily: "ubuntu"}, []string{`BALLAST_NODE_AMI_FAMILY="ubuntu": unknown AMI family; accepted: al2023 | bottlerocket`}},
		{"bottlerocket", map[string]string{VarNodeAMIFamily: "bottlerocket", VarNodeReleaseVersion: "1.30.0"}, nil},
		{"release pinned", map[string]string{VarNodeReleaseVersion: "1.36.1-20260115"}, nil},
		{"release of another version", map[string]string{VarNodeReleaseVersion: "1.35.1-20260115"},
			[]string{`BALLAST_NODE_RELEASE_VERSION="1.35.1-20260115": "1.35.1-20260115" is for Kubernetes 1.35, but the cluster runs 1.36`}},
		{"malformed release", map[string]string{VarNodeReleaseVersion: "latest"}, []string{"BALLAST_NODE_RELEASE_VERSION", "is not an AL2023 EKS AMI release"}},
		{"disk size", map[string]string{VarNodeDiskSizeGiB: "8"}, []string{`BALLAST_NODE_DISK_SIZE_GIB="8": out of range (20 to 16384 GiB); accepted: a whole number from 20 to 16384`}},
		{"disk size not a number", map[string]string{VarNodeDiskSizeGiB: "big"}, []string{`BALLAST_NODE_DISK_SIZE_GIB="big": must be a whole number`}},
		{"hop limit 2", map[string]string{VarNodeMetadataHopLimit: "2"}, nil},
		{"hop limit 3", map[string]string{VarNodeMetadataHopLimit: "3"}, []string{`BALLAST_NODE_METADATA_HOP_LIMIT="3": out of range (1 keeps pods away from instance metadata; 2 lets them reach it, with a warning); accepted: 1 | 2`}},
		{"workers enabled not a bool", map[string]string{VarWorkersEnabled: "yes"}, []string{`BALLAST_WORKERS_ENABLED="yes": must be on or off`}},
		{"system sizes", map[string]string{VarNodeMinSize: "4", VarNodeMaxSize: "3"},
			[]string{`BALLAST_NODE_MAX_SIZE="3": must be >= BALLAST_NODE_MIN_SIZE`, `BALLAST_NODE_DESIRED_SIZE="1": must be between min and max`}},
		{"max over quota", map[string]string{VarNodeMaxSize: "451"}, []string{`BALLAST_NODE_MAX_SIZE="451": out of range (the EKS quota is 450 nodes per node group)`}},
		{"workers sizes", map[string]string{VarWorkersEnabled: "true", VarWorkersMinSize: "3", VarWorkersDesiredSize: "2"},
			[]string{`BALLAST_WORKERS_DESIRED_SIZE="2": must be between min and max (min=3 desired=2 max=5)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadProfile(ProfileDev, tt.vars)
			wanterr.Check(t, err, tt.want)
		})
	}
}
