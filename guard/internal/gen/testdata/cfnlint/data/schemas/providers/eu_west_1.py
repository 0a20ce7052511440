types: dict[str, str] = {
    "AWS::EKS::Cluster": "dddd",
    "AWS::EKS::Capability": "eeee",
}
