// Package cost estimates the fixed monthly cost of synthesized templates
// from a checked-in table of us-east-1 list prices: what the resources
// cost by existing, whatever the traffic. Usage (data processed or
// transferred, log and storage volume, requests) is not counted; node
// instances are estimated separately, at their on-demand price.
package cost

// Region is the region the price table holds list prices for.
const Region = "us-east-1"

// PricesAsOf is the date the price table was recorded.
const PricesAsOf = "2026-12-01"

// HoursPerMonth is the month AWS pricing pages use (730 hours).
const HoursPerMonth = 730

// Price is one list price.
type Price struct {
	// Key names the price in the estimate's code.
	Key string
	// Item says what is billed.
	Item string
	// USD is the price per Unit.
	USD float64
	// Unit is what USD buys ("hour", "month", "GB").
	Unit string
	// Source is the AWS pricing page the price is read from.
	Source string
	// Counted says whether the fixed estimate uses it; usage prices are
	// listed for reference only.
	Counted bool
}

// Price keys the estimate reads.
const (
	KeyEKSStandard    = "eks-standard"
	KeyEKSExtended    = "eks-extended"
	KeyNATHour        = "nat-hour"
	KeyNATGB          = "nat-gb"
	KeyPublicIPv4     = "public-ipv4"
	KeyEndpointENI    = "endpoint-eni"
	KeyEndpointGB     = "endpoint-gb"
	KeyKMSKey         = "kms-key"
	KeyAlarm          = "cloudwatch-alarm"
	KeyLogIngestion   = "logs-ingestion"
	KeyLogStorage     = "logs-storage"
	KeyEFSStorage     = "efs-storage"
	KeyS3Storage      = "s3-storage"
	KeyBackupStorage  = "backup-storage"
	KeyEBSgp3         = "ebs-gp3"
	sourceEKS         = "Amazon EKS pricing"
	sourceVPC         = "Amazon VPC pricing (NAT gateway, public IPv4 address)"
	sourcePrivateLink = "AWS PrivateLink pricing (interface endpoints)"
	sourceKMS         = "AWS Key Management Service pricing"
	sourceCloudWatch  = "Amazon CloudWatch pricing"
	sourceEFS         = "Amazon EFS pricing"
	sourceS3          = "Amazon S3 pricing"
	sourceBackup      = "AWS Backup pricing"
	sourceEBS         = "Amazon EBS pricing"
	sourceEC2         = "Amazon EC2 On-Demand pricing (Linux)"
)

// Prices is the price table (us-east-1 list prices, PricesAsOf).
var Prices = []Price{
	{KeyEKSStandard, "EKS cluster, standard support", 0.10, "cluster-hour", sourceEKS, true},
	{KeyEKSExtended, "EKS cluster, extended support", 0.60, "cluster-hour", sourceEKS, true},
	{KeyNATHour, "NAT gateway", 0.045, "hour", sourceVPC, true},
	{KeyNATGB, "NAT gateway data processed", 0.045, "GB", sourceVPC, false},
	{KeyPublicIPv4, "Public IPv4 address (a NAT gateway's Elastic IP)", 0.005, "hour", sourceVPC, true},
	{KeyEndpointENI, "Interface VPC endpoint, per AZ", 0.01, "hour", sourcePrivateLink, true},
	{KeyEndpointGB, "Interface VPC endpoint data processed", 0.01, "GB", sourcePrivateLink, false},
	{KeyKMSKey, "KMS customer managed key", 1.00, "key-month", sourceKMS, true},
	{KeyAlarm, "CloudWatch alarm (standard resolution)", 0.10, "alarm-month", sourceCloudWatch, true},
	{KeyLogIngestion, "CloudWatch Logs ingestion (control-plane and flow logs)", 0.50, "GB", sourceCloudWatch, false},
	{KeyLogStorage, "CloudWatch Logs storage", 0.03, "GB-month", sourceCloudWatch, false},
	{KeyEFSStorage, "EFS Standard storage", 0.30, "GB-month", sourceEFS, false},
	{KeyS3Storage, "S3 Standard storage (backup bucket)", 0.023, "GB-month", sourceS3, false},
	{KeyBackupStorage, "AWS Backup warm storage (EFS)", 0.05, "GB-month", sourceBackup, false},
	{KeyEBSgp3, "EBS gp3 volume (node disks)", 0.08, "GB-month", sourceEBS, false},
}

// InstancePrices are on-demand Linux prices per hour of the instance types
// the reference profiles use (source: Amazon EC2 On-Demand pricing).
var InstancePrices = map[string]float64{
	"m6i.large": 0.096, "m6i.xlarge": 0.192, "m6a.xlarge": 0.1728, "m7i.xlarge": 0.2016, "m5.xlarge": 0.192,
	"m6i.2xlarge": 0.384, "m7g.xlarge": 0.1632, "m6g.xlarge": 0.154, "t3.large": 0.0832,
}

// InstanceSource is where InstancePrices come from.
const InstanceSource = sourceEC2

// price returns the table's price for key.
func price(key string) Price {
	for _, p := range Prices {
		if p.Key == key {
			return p
		}
	}
	panic("cost: no price " + key)
}
