#!/usr/bin/env python3
"""Validate Tuki envelopes (JSONL on stdin) against Schemas/ with an independent validator.

For each input line, prints one JSON line:
  {"envelope": "ok" | "<why not>", "data": "ok" | "<why not>" | "no-schema" | "skipped"}
`data` is checked against Schemas/events/<type>.v<schemaVersion>.schema.json when the envelope is
valid. With --check-schemas, first checks that every schema file is itself valid draft 2020-12.

Needs: pip install jsonschema rfc3339-validator (format assertion of date-time needs the latter).
"""
import argparse
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

REGISTRY = Registry()


def load_registry(root):
    """Every schema under root, by its $id, so that "$ref": "urn:tuki:schema:…" resolves."""
    global REGISTRY
    resources = []
    for path in sorted(root.rglob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    REGISTRY = Registry().with_resources(resources)


def validator(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)


def first_error(v, instance):
    errors = sorted(v.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if not errors:
        return "ok"
    e = errors[0]
    where = "/".join(str(p) for p in e.absolute_path) or "(root)"
    return f"{where}: {e.validator}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", required=True, help="the Schemas/ folder")
    parser.add_argument("--check-schemas", action="store_true")
    args = parser.parse_args()
    root = pathlib.Path(args.schemas)
    load_registry(root)

    if args.check_schemas:
        for path in sorted(root.rglob("*.schema.json")):
            validator(path)
        print(f"ok {len(list(root.rglob('*.schema.json')))} schemas", file=sys.stderr)

    envelope = validator(root / "envelope.schema.json")
    event_validators = {}
    for raw in sys.stdin:
        if not raw.strip():
            continue
        instance = json.loads(raw)
        verdict = {"envelope": first_error(envelope, instance), "data": "skipped"}
        if verdict["envelope"] == "ok":
            name = f"{instance['type']}.v{int(instance.get('schemaVersion', 1))}.schema.json"
            path = root / "events" / name
            if path.exists():
                if name not in event_validators:
                    event_validators[name] = validator(path)
                verdict["data"] = first_error(event_validators[name], instance["data"])
            else:
                verdict["data"] = "no-schema"
        print(json.dumps(verdict))


if __name__ == "__main__":
    main()
