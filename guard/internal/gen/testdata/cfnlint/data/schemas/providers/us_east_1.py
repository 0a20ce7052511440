types: dict[str, str] = {
    "AWS::EKS::Cluster": "aaaa",
    "AWS::KMS::Key": "bbbb",
    "AWS::Glue::Job": "cccc",
}
