#!/usr/bin/env bash
# Shows each template checker fails when its subject is broken: it breaks
# copies of synthesized templates and expects cfn-lint and cfn-guard to fail
# with the right rule. (The Go checkers prove the same in their tests:
# constructs/checks, internal/testutil/synthtest, corpus_test.go.)
#   .ci/selftest.sh <templates-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$1"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# expect_fail <name> <expected text> <command...>: the command must fail and print the text.
expect_fail() {
  local name=$1 want=$2; shift 2
  if out=$("$@" 2>&1); then echo "selftest $name: checker passed a broken template"; exit 1; fi
  grep -q -- "$want" <<<"$out" || { echo "selftest $name: no '$want' in:"; echo "$out"; exit 1; }
  echo "ok: $name fails as expected ($want)"
}

# break_template <template> <dir> <python statements on t>: copies every
# template into dir, then breaks the one named (so only the break can fail).
break_template() {
  mkdir -p "$2"
  cp "$src"/*.template.json "$2/"
  python3 - "$src/$1" "$2/$1" "$3" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
res = t["Resources"]
def one(typ): return next(v for v in res.values() if v["Type"] == typ)
exec(sys.argv[3])
json.dump(t, open(sys.argv[2], "w"), indent=1)
PY
}

break_template ballast-dev-cluster.template.json "$work/lint1" 'one("AWS::EKS::Cluster")["Properties"]["Bogus"] = 1'
expect_fail "cfn-lint/unknown-property" E3002 "$here/cfn-lint.sh" "$work/lint1"

break_template ballast-dev-cluster.template.json "$work/lint2" '
for v in res.values():
    s = json.dumps(v)
    if "Fn::GetStackOutput" in s:
        v.update(json.loads(s.replace("\"OutputName\"", "\"Output\"", 1))); break'
expect_fail "cfn-lint/GetStackOutput-shape" E1033 "$here/cfn-lint.sh" "$work/lint2"

break_template ballast-prod-cluster.template.json "$work/guard1" '
vpc = one("AWS::EKS::Cluster")["Properties"]["ResourcesVpcConfig"]
vpc["EndpointPublicAccess"] = True'
expect_fail "cfn-guard/public-endpoint" CT.EKS.PR.1 node "$here/cfn-guard.js" "$work/guard1"

break_template ballast-prod-network.template.json "$work/guard2" '
for v in res.values():
    if v["Type"] == "AWS::EC2::Subnet": v["Properties"]["MapPublicIpOnLaunch"] = True'
expect_fail "cfn-guard/public-ip-subnet" CT.EC2.PR.11 node "$here/cfn-guard.js" "$work/guard2"
