#!/usr/bin/env bash
# Lints every template in a directory with cfn-lint: 0 errors, 0 warnings.
# Ignored rules and their reasons live in .ci/.cfnlintrc.
#   .ci/cfn-lint.sh <templates-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
CFN_LINT_VERSION=1.51.0
if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "cfn-lint missing: pip install cfn-lint==$CFN_LINT_VERSION"
  python3 -m pip install --quiet "cfn-lint==$CFN_LINT_VERSION"
fi
shopt -s nullglob
templates=("$1"/*.template.json)
[ "${#templates[@]}" -gt 0 ] || { echo "no templates in $1"; exit 1; }
echo "$(cfn-lint --version), ${#templates[@]} templates"
# cfn-lint 1.51's AWS::EKS::Cluster schema predates RollbackConfig (the
# CloudFormation property the cluster sets; aws-cdk-lib's L1, generated
# from the CloudFormation specification, has it). Lint against cfn-lint's
# own schema with exactly that property added, nothing else loosened.
schemas=$(mktemp -d)
trap 'rm -rf "$schemas"' EXIT
"$here/eks-cluster-schema.py" "$schemas/aws-eks-cluster.json"
# Exit codes are a bitmask: 2 errors, 4 warnings, 8 informational. Fail on any.
cfn-lint --config-file "$here/.cfnlintrc" --registry-schemas "$schemas" --format parseable -- "${templates[@]}"
echo "cfn-lint: 0 errors, 0 warnings"
