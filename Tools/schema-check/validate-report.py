#!/usr/bin/env python3
"""Validate Tuki reports' JSON against Schemas/reports/ with an independent validator.

  python3 Tools/schema-check/validate-report.py --schemas Schemas REPORT.json…

Each file is checked against Schemas/reports/<its "report" member>.schema.json (which builds on
report.schema.json). Prints one line per file, "ok FILE" or "FILE: where: why", and exits 1 if any
file does not validate.

Needs: pip install jsonschema rfc3339-validator (Tools/test installs them).
"""
import argparse
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", required=True, help="the Schemas/ folder")
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    root = pathlib.Path(args.schemas)
    schemas = {path: json.loads(path.read_text(encoding="utf-8")) for path in sorted(root.rglob("*.schema.json"))}
    registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    failed = False
    for name in args.reports:
        report = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        path = root / "reports" / f"{report.get('report')}.schema.json"
        if path not in schemas:
            print(f"{name}: no schema for report {report.get('report')!r}")
            failed = True
            continue
        Draft202012Validator.check_schema(schemas[path])
        validator = Draft202012Validator(schemas[path], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
        for error in errors[:5]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{name}: {where}: {error.message[:200]}")
        if errors:
            failed = True
        else:
            print(f"ok {name}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
