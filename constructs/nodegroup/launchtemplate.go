package nodegroup

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"
)

// Root and data volume device names of the EKS AMIs.
const (
	rootDevice             = "/dev/xvda"
	bottlerocketDataDevice = "/dev/xvdb"
)

// newLaunchTemplate creates the group's launch template: IMDSv2 only with
// the given hop limit, encrypted gp3 volumes with the volume key, no SSH key,
// no AMI and no user data (EKS supplies both for its AMI types), tags
// propagated to instances and volumes.
func (s *NodeGroupSet) newLaunchTemplate(p NodeGroupSetProps) awsec2.LaunchTemplate {
	lt := awsec2.NewLaunchTemplate(s.Construct, jsii.String(idLaunchTemplate), &awsec2.LaunchTemplateProps{
		RequireImdsv2:           jsii.Bool(true),
		HttpTokens:              awsec2.LaunchTemplateHttpTokens_REQUIRED,
		HttpEndpoint:            jsii.Bool(true),
		HttpPutResponseHopLimit: jsii.Number(*p.MetadataHopLimit),
		DetailedMonitoring:      p.DetailedMonitoring,
		BlockDevices:            blockDevices(p),
	})
	// Tags on the template reach the instances and volumes it launches.
	// Name replaces the L2's default (the construct path) with
	// "<cluster>/<group>".
	tags := awscdk.Tags_Of(lt)
	tags.Add(jsii.String(GroupLabel), p.Name, nil)
	tags.Add(jsii.String("Name"), jsii.String(*p.Cluster.ClusterName()+"/"+*p.Name), nil)
	return lt
}

func blockDevices(p NodeGroupSetProps) *[]*awsec2.BlockDevice {
	data := encrypted(*p.DiskSizeGiB, p.VolumeKey)
	if *p.AMIFamily == Bottlerocket {
		return &[]*awsec2.BlockDevice{
			{DeviceName: jsii.String(rootDevice), Volume: encrypted(BottlerocketOSVolumeGiB, p.VolumeKey)},
			{DeviceName: jsii.String(bottlerocketDataDevice), Volume: data},
		}
	}
	return &[]*awsec2.BlockDevice{{DeviceName: jsii.String(rootDevice), Volume: data}}
}

func encrypted(sizeGiB int, key awskms.IKey) awsec2.BlockDeviceVolume {
	return awsec2.BlockDeviceVolume_Ebs(jsii.Number(sizeGiB), &awsec2.EbsDeviceOptions{
		VolumeType:          awsec2.EbsDeviceVolumeType_GP3,
		Encrypted:           jsii.Bool(true),
		KmsKey:              key,
		DeleteOnTermination: jsii.Bool(true),
	})
}
