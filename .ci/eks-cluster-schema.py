#!/usr/bin/env python3
"""Writes cfn-lint's AWS::EKS::Cluster schema with RollbackConfig added.

cfn-lint 1.51 ships a schema for AWS::EKS::Cluster from before
RollbackConfig ({"TimeoutMinutes": integer}, the window in which EKS can roll
a version upgrade back). The property is added exactly as CloudFormation
documents it; if cfn-lint's schema already has it, the schema is written
unchanged.  Usage: eks-cluster-schema.py OUT.json
"""
import json
import os
import re
import shutil
import subprocess
import sys


def schema_dir():
    exe = shutil.which("cfn-lint")
    real = subprocess.run(["pyenv", "which", "cfn-lint"], capture_output=True, text=True).stdout.strip() if shutil.which("pyenv") else ""
    with open(real or exe) as f:
        python = f.readline()[2:].strip()
    code = "import cfnlint, os; print(os.path.dirname(cfnlint.__file__))"
    root = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(root, "data", "schemas")


def main(out):
    schemas = schema_dir()
    with open(os.path.join(schemas, "providers", "us_east_1.py")) as f:
        m = re.search(r'"AWS::EKS::Cluster":\s*"([^"]+)"', f.read())
    with open(os.path.join(schemas, "resources", m.group(1) + ".json")) as f:
        schema = json.load(f)
    schema["properties"].setdefault("RollbackConfig", {
        "type": "object",
        "additionalProperties": False,
        "properties": {"TimeoutMinutes": {"type": "integer", "minimum": 1}},
    })
    with open(out, "w") as f:
        json.dump(schema, f)


if __name__ == "__main__":
    main(sys.argv[1])
