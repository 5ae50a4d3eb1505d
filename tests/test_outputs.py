"""The output formats of `nianbao check`: golden files on the samples, the JSON against
docs/check-output.schema.json, the SARIF against the official SARIF 2.1.0 schema, the
CSV as Excel reads it, and rule run errors in every structured output.

The golden files change whenever a rule does; regenerate them with
`pytest tests/test_outputs.py --snapshot-update` and read the diff."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REAL, ROOT, SYNTHETIC, run_cli

from nianbao.batch import FileResult, Finding
from nianbao.engine import RuleRunError
from nianbao.model import Span, Violation
from nianbao.outputs import Run, write
from nianbao.outputs.csv_out import _safe

SAMPLE_ARGS = [str(REAL.relative_to(ROOT)), str(SYNTHETIC.relative_to(ROOT))]
JSON_SCHEMA = json.loads((ROOT / "docs" / "check-output.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CWD_URI = ROOT.as_uri() + "/"


def check(*args: str, cwd: Path = ROOT):
    result = run_cli("check", "--no-config", *args, cwd=cwd)
    assert result.returncode in (0, 1, 2), result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return result


def readable(format: str, data: bytes) -> str:
    """The output as a golden file holds it: CSV without its BOM and CR, SARIF without
    the machine's working directory."""
    text = data.decode("utf-8")
    if format == "csv":
        assert text.startswith("\ufeff")
        return text[1:].replace("\r\n", "\n")
    return text.replace(CWD_URI, "file:///SRCROOT/")


# ---------------------------------------------------------------------- golden files

# SARIF describes every rule it ran, so its golden file runs two rules only.
GOLDEN = {"text": [], "json": [], "csv": [], "sarif": ["--select", "TABLE-010,SUM-017"]}


@pytest.mark.parametrize("format", GOLDEN)
def test_golden_output_on_the_samples(snapshot, format):
    result = check("--format", format, *GOLDEN[format], *SAMPLE_ARGS)
    snapshot.assert_match(readable(format, result.stdout), f"samples.{'txt' if format == 'text' else format}")


def test_golden_summary_on_the_samples(snapshot):
    text = readable("text", check("--summary", "--lang", "en", *SAMPLE_ARGS).stdout)
    snapshot.assert_match(text[text.index("\nBodies and years\n") + 1:], "summary.txt")


# ---------------------------------------------------------------------- JSON

def test_json_matches_its_schema_with_every_addition(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nothing").mkdir()
    baseline = tmp_path / "baseline.json"
    check("--format", "json", "--write-baseline", str(baseline), str(REAL))
    result = check("--format", "json", "--summary", "--baseline", str(baseline), *SAMPLE_ARGS,
                   str(tmp_path / "empty.txt"), str(tmp_path / "nothing"))
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(doc)
    assert {"summary", "baseline", "rule_file_errors", "tool"} <= set(doc)
    contract = {"path", "status", "error", "year", "template", "violations"}
    assert all(contract <= set(f) for f in doc["files"])
    assert [f["status"] for f in doc["files"][-2:]] == ["error", "error"]
    assert sum(r["counts"]["error"] + r["counts"]["warning"] + r["counts"]["info"]
               for r in doc["summary"]["reports"]) == sum(len(f["violations"]) for f in doc["files"])


def test_json_validates_the_contract_it_promises():
    """The schema itself is strict where the contract is: a violation without a line is refused."""
    bad = {"files": [{"path": "a.txt", "status": "ok", "error": None, "year": 2022, "template": "2021",
                      "violations": [{"rule": "SUM-001", "severity": "error", "message": "x", "column": 1,
                                      "end_line": 1, "end_column": 2}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(JSON_SCHEMA).validate(bad)


# ---------------------------------------------------------------------- SARIF

def test_sarif_matches_the_sarif_schema_and_describes_each_rule(tmp_path):
    bad_rules = tmp_path / "rules"
    bad_rules.mkdir()
    (bad_rules / "broken.yaml").write_text("rules:\n  - id: SUM-999\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = check("--format", "sarif", "--rules", str(bad_rules), *SAMPLE_ARGS, str(tmp_path / "empty.txt"))
    assert result.returncode == 2
    doc = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules and all({"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"}
                         <= set(r) for r in rules)
    assert all("依据 / Citation: " in r["help"]["text"] for r in rules)
    assert all(r["properties"]["title_zh"] and r["properties"]["title_en"] for r in rules)
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"} <= set(region)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == ["文件为空"]
    assert invocation["toolConfigurationNotifications"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"].endswith("broken.yaml")


# ---------------------------------------------------------------------- CSV

def test_csv_opens_in_excel_with_a_row_per_violation_and_per_unreadable_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    as_json = json.loads(check("--format", "json", *SAMPLE_ARGS).stdout)
    raw = check("--format", "csv", *SAMPLE_ARGS, str(tmp_path / "empty.txt")).stdout
    assert raw.startswith("\ufeff".encode("utf-8")) and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    violations = [f for f in rows if f["status"] == "ok"]
    assert len(violations) == sum(len(f["violations"]) for f in as_json["files"])
    assert rows[-1]["path"].endswith("empty.txt") and (rows[-1]["status"], rows[-1]["error"]) == ("error", "文件为空")
    by_path = {f["path"]: f for f in as_json["files"]}
    for row in violations:
        report = by_path[row["path"]]
        assert (row["issuer"], row["year"]) == ((report["issuer"] or {}).get("name", ""), str(report["year"]))


def test_csv_summary_is_a_row_per_report():
    raw = check("--format", "csv", "--summary", *SAMPLE_ARGS).stdout
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(list(REAL.glob("*.txt")) + list(SYNTHETIC.glob("*.txt")))
    assert list(rows[0]) == ["path", "status", "error", "issuer", "year", "template", "regime", "errors",
                             "warnings", "infos"]


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1+2", "'+1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-3", "-3"), ("12", "12"), ("普通文字", "普通文字"), ("\t=1", "'\t=1"), ("\rx", "'\rx"), ("", ""),
    ("a=1", "a=1"),
])
def test_csv_cells_never_run_as_formulas(cell, written):
    assert _safe(cell) == written


# ---------------------------------------------------------------------- rule run errors

def test_rule_run_errors_are_in_every_output(rules):
    span = Span(2, 1, 2, 5, 10, 14)
    violation = Violation("SUM-001", "error", "标题", span, {"zh": "不相等", "en": "not equal"}, [span])
    result = FileResult("a.txt", year=2022, template="2021", regime="2021", issuer="某局", issuer_kind="department",
                        encoding="utf-8", findings=[Finding(violation, "1234")],
                        rule_errors=[RuleRunError("SUM-002", "division by zero")])
    run = Run([result], rules, lang="en")
    outputs = {}
    for format in ("text", "json", "sarif", "csv"):
        stream = io.StringIO()
        write(format, run, stream)
        outputs[format] = stream.getvalue()
    assert "a.txt: rule error: SUM-002: division by zero\n" in outputs["text"]
    assert json.loads(outputs["json"])["files"][0]["rule_errors"] == [{"rule": "SUM-002",
                                                                       "message": "division by zero"}]
    sarif = json.loads(outputs["sarif"])
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    note = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert (note["associatedRule"]["id"], note["message"]["text"]) == ("SUM-002", "division by zero")
    assert sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 2
    rows = list(csv.DictReader(io.StringIO(outputs["csv"].lstrip("\ufeff"), newline="")))
    assert [(r["status"], r["rule"], r["message"]) for r in rows] == [
        ("ok", "SUM-001", "not equal"), ("rule_error", "SUM-002", "division by zero")]


def test_json_writer_keeps_the_document_and_puts_each_violation_on_one_line():
    import io

    from nianbao.outputs import write_json

    doc = {"files": [{"path": "a.txt", "violations": [{"rule": "X-1", "related": [{"line": 1}]}, {"rule": "X-2"}],
                      "issuer": None, "counts": {2021: 1}}], "rule_file_errors": [], "tool": {}}
    out = io.StringIO()
    write_json(doc, out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(doc))
    lines = out.getvalue().splitlines()
    assert '        {"rule": "X-1", "related": [{"line": 1}]},' in lines and '        {"rule": "X-2"}' in lines


def test_the_main_job_prints_nothing_on_stderr_and_ends_with_the_reports_worst_first():
    """What `make check` runs, on every sample: violations, then the summary, which ends
    with the per-report table (the worst first) and the total line; nothing on stderr."""
    result = run_cli("check", "--summary", "--lang", "en", "samples/", cwd=ROOT)
    assert result.returncode == 1 and result.stderr == b""
    lines = result.stdout.decode("utf-8").rstrip("\n").split("\n")
    assert lines[-1].startswith("47 report(s) checked")
    import re

    table = lines[lines.index("Reports (worst first)") + 2:-2]
    row = re.compile(r"^(\S+)\s+\S+\s+(?:\d{4}|-)\s+\S+\s+(\d+)\s+(\d+)\s+(\d+)")
    counts = [tuple(-int(n) for n in row.match(line).groups()[1:]) for line in table]
    assert len(counts) == 47 and counts == sorted(counts)   # most errors, then warnings, then info first
