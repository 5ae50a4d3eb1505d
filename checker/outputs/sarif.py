"""SARIF 2.1.0 output, for the viewers and code-scanning services that read it.

Each rule is described once (id, name, titles in Chinese and English, help text with
its citation, default level); each violation is a result with its region (lines and
code-point columns, and the character offset and length in the text as read — after
line ends were normalised to LF and a BOM dropped) and its related cells. Files that
could not be read, rules that failed on a report and errors in rule files are tool
notifications, so no structured output hides them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..baseline import fingerprint
from ..batch import FileResult, Finding
from ..model import Span
from ..rules import Rule
from . import Run, write_json

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "SRCROOT"


def write(run: Run, out: TextIO) -> None:
    write_json(document(run), out)


def document(run: Run) -> dict:
    rules = run.rules_run
    index = {rule.id: i for i, rule in enumerate(rules)}
    results, notifications, artifacts = [], [], []
    for r in run.results:
        location = _artifact_location(r.path)
        if not r.ok:
            notifications.append(_notification(r.error_text(run.lang), location, descriptor={"id": r.error_code}))
            continue
        location = {**location, "index": len(artifacts)}
        artifacts.append(_artifact(r, location))
        results.extend(_result(run, f, location, index) for f in r.findings)
        notifications.extend(_notification(e.message, location, associatedRule=_rule_reference(e.rule, index))
                             for e in r.rule_errors)
    configuration = [_notification(e.message, _artifact_location(e.file),
                                   region={"startLine": e.line, "startColumn": e.column})
                     for e in run.rule_file_errors]
    properties: dict = {"lang": run.lang}
    if run.summary:
        from .summary import build

        properties["summary"] = build(run)
    if run.baseline:
        properties["baseline"] = {"path": str(run.baseline.path), "known": run.baseline.known,
                                  "fixed": run.baseline.fixed}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "nianbao", "version": __version__, "semanticVersion": __version__,
                                "rules": [_descriptor(rule) for rule in rules]}},
            "invocations": [{"executionSuccessful": not notifications and not configuration,
                             "toolExecutionNotifications": notifications,
                             "toolConfigurationNotifications": configuration}],
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": properties,
        }],
    }


def _notification(text: str, location: dict, region: dict | None = None, **about) -> dict:
    physical = {"artifactLocation": location, **({"region": region} if region else {})}
    return {"level": "error", "message": {"text": text}, **about, "locations": [{"physicalLocation": physical}]}


def _rule_reference(rule_id: str, index: dict[str, int]) -> dict:
    return {"id": rule_id, **({"index": index[rule_id]} if rule_id in index else {})}


def _artifact(r: FileResult, location: dict) -> dict:
    """A report checked, with the facts read from it."""
    return {"location": {k: v for k, v in location.items() if k != "index"}, "roles": ["analysisTarget"],
            "properties": {"year": r.year, "template": r.template, "regime": r.regime, "issuer": r.issuer,
                           "issuer_kind": r.issuer_kind, "encoding": r.encoding}}


def _descriptor(rule: Rule) -> dict:
    help_text = "\n\n".join(part for part in (rule.description.strip(), f"依据 / Citation: {rule.cite}") if part)
    return {
        "id": rule.id,
        "name": rule.title_en or rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.title_en or rule.title},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"title_zh": rule.title, "title_en": rule.title_en, "citation": rule.cite,
                       "family": rule.family, "tags": [rule.family]},
    }


def _result(run: Run, f: Finding, location: dict, index: dict[str, int]) -> dict:
    v = f.violation
    result = {
        "ruleId": v.rule,
        **({"ruleIndex": index[v.rule]} if v.rule in index else {}),
        "level": LEVELS[v.severity],
        "message": {"text": v.message(run.lang)},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(v.span, f.excerpt)}}],
        "partialFingerprints": {"nianbao/v1": fingerprint(f)},
        "properties": {"title": run.title(v.rule), "message_zh": v.message("zh"), "message_en": v.message("en")},
    }
    if v.related:
        result["relatedLocations"] = [{"id": i, "physicalLocation": {"artifactLocation": location,
                                                                     "region": _region(span)}}
                                      for i, span in enumerate(v.related, 1)]
    if run.baseline:
        result["baselineState"] = "new"
    return result


def _region(span: Span, snippet: str | None = None) -> dict:
    region = {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line,
              "endColumn": span.end_column, "charOffset": span.start, "charLength": span.end - span.start}
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _artifact_location(path: str) -> dict:
    """A relative path stays relative to the working directory (SRCROOT), as code
    scanning services expect; an absolute one becomes a file: URI."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(os.fsencode(Path(path).as_posix()), safe="/"), "uriBaseId": SOURCE_ROOT}  # a byte as %FF
