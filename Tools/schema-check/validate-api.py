#!/usr/bin/env python3
"""Checks Tuki's API against its OpenAPI document with independent validators.

  python3 Tools/schema-check/validate-api.py --openapi Schemas/openapi.json < ANSWERS.jsonl

First the document itself, against the OpenAPI 3.1 specification (openapi-spec-validator). Then
each line of standard input, {"method": "get", "path": "/api/v1/groups/{activity}/…",
"status": 200, "body": …}, against the schema the document gives that operation's response
(jsonschema, Draft 2020-12). Prints "ok" or the problem for each line, and exits 1 if anything
fails.

Needs: pip install openapi-spec-validator jsonschema rfc3339-validator (Tools/test installs them).
"""
import argparse
import json
import sys

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--openapi", required=True)
    args = parser.parse_args()
    with open(args.openapi, encoding="utf-8") as handle:
        document = json.load(handle)
    try:
        validate(document)
        print("ok document")
    except Exception as error:  # the validator's own exception types differ between versions
        print(f"document: {str(error).splitlines()[0]}")
        return 1
    failed = False
    for line in sys.stdin:
        if not line.strip():
            continue
        answer = json.loads(line)
        where = f"{answer['method'].upper()} {answer['path']} {answer['status']}"
        operation = document["paths"].get(answer["path"], {}).get(answer["method"])
        if operation is None:
            print(f"{where}: no such operation in the document")
            failed = True
            continue
        response = operation["responses"].get(str(answer["status"]))
        if response is None:
            print(f"{where}: the document gives no response with this status")
            failed = True
            continue
        if "$ref" in response:
            response = document["components"]["responses"][response["$ref"].split("/")[-1]]
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            print(f"ok {where}")
            continue
        # The schema is read inside the whole document, so that its $refs resolve.
        root = {**document, "x-answer": schema, "$ref": "#/x-answer"}
        errors = sorted(Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(answer["body"]),
                        key=lambda e: list(e.path))
        if errors:
            first = errors[0]
            print(f"{where}: {'/'.join(str(p) for p in first.path) or '(root)'}: {first.message[:200]}")
            failed = True
        else:
            print(f"ok {where}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
