#!/usr/bin/env bash
# Synthesizes every template Ballast ships: the root app's three profiles and
# every example, into <out>/<app>/, and copies every template into
# <out>/templates/ for the linters.
#   .ci/synth-all.sh <out>
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "$1" && cd "$1" && pwd)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_VALIDATION=false
unset CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION
go build -o "$out/bin/ballast" .
for profile in dev staging prod; do
  BALLAST_ENV=$profile CDK_OUTDIR="$out/root-$profile" "$out/bin/ballast" >/dev/null
done
# Karpenter mode and Fargate profiles add resources no profile default has;
# their own name keeps the templates apart.
BALLAST_ENV=prod BALLAST_COMPUTE=karpenter BALLAST_FARGATE_NAMESPACES=batch BALLAST_CLUSTER_NAME=ballast-karpenter \
  CDK_OUTDIR="$out/root-karpenter" "$out/bin/ballast" >/dev/null
for ex in examples/*/; do
  name=$(basename "$ex")
  go build -o "$out/bin/$name" "./$ex"
  (cd "$ex" && CDK_OUTDIR="$out/example-$name" "$out/bin/$name" >/dev/null)
done
mkdir -p "$out/templates"
cp "$out"/root-*/*.template.json "$out"/example-*/*.template.json "$out/templates/"
echo "synthesized $(ls "$out/templates" | wc -l) templates"
