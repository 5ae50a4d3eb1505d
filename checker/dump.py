"""`nianbao parse`: the structure the parser found, as a readable tree or as JSON.

Both forms give the line:column of every part, so a rule author can see what a rule
will see, and a parser bug can be pinned to the line that caused it.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from .labels import CJK_DIGITS
from .model import Cell, Paragraph, Report, Row, Section, Span, Table

_CJK = {v: k for k, v in CJK_DIGITS.items() if k not in "〇○零两"}


def _pos(span: Span | None) -> str:
    return f"{span.line}:{span.column}" if span else "-"


def _range(span: Span | None) -> str:
    if span is None:
        return "-"
    if span.line == span.end_line:
        return f"{span.line}:{span.column}-{span.end_column}"
    return f"{span.line}:{span.column}-{span.end_line}:{span.end_column}"


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------------- tree

def tree(report: Report, lang: str = "zh") -> str:
    out: list[str] = [f"report {report.path} ({report.encoding})"]
    add = out.append
    for note in report.notes:
        add(f"  repaired   {note.render(lang)}")
    add(f"  title      {_range(report.title.span) if report.title else '-':<16} {report.title.text if report.title else '(none)'}")
    add(f"  year       {report.year if report.year else '-'} (from {report.year_source or '-'})")
    if report.issuer:
        add(f"  issuer     {_range(report.issuer.span):<16} {report.issuer.name} [{report.issuer.kind}, from {report.issuer.source}]")
    else:
        add("  issuer     (none)")
    if report.period:
        p = report.period
        add(f"  period     {_range(p.span):<16} {_value(p.start)} – {_value(p.end)}")
    else:
        add("  period     (none)")
    pub = report.publication_date
    add(f"  published  {_range(pub.span) if pub else '-':<16} {_value(pub.value) if pub else '(none)'}")
    if report.own_date:  # (the report's own date, where the page's is taken as published)
        own = report.own_date
        add(f"  own date   {_range(own.span):<16} {_value(own.value)}")
    if report.dated_month:  # (dated to the month only: a cover's 2018年3月)
        month = report.dated_month
        add(f"  dated      {_range(month.span):<16} {month.value.year}-{month.value.month:02d} (to the month)")
    for c in report.contacts:
        add(f"  contact    {_range(c.span):<16} {c.kind}: {c.value}")
    for p in report.preamble:
        add(f"  preamble   {_range(p.span):<16} {p.kind}: {_short(p.text)}")
    for p in report.intro:
        add(f"  intro      {_range(p.span):<16} {p.kind}: {_short(p.text)}")
    for t in report.tables:
        if not any(t in s.tables for s in report.sections):
            _table(t, out, "  ")
    for lost in report.lost_tables:
        add(f"  lost table {lost.template} {_range(lost.span)}  " + ("a picture on the page: not read" if lost.image else
            f"{lost.labels} of its labels one per line, cells not told apart: not read"))
    for s in report.sections:
        _section(s, out)
    return "\n".join(out) + "\n"


def _section(s: Section, out: list[str]) -> None:
    number = _CJK.get(s.number, str(s.number)) if s.number and s.number < 10 else str(s.number or "-")
    canonical = f"section {s.canonical} ({s.title_match})" if s.canonical else "no official section"
    noise = ", auto-numbered" if s.numbering == "arabic" else ""
    out.append(f"  section {number:<3}{_range(s.span):<16} {s.title}  [{canonical}{noise}]")
    items: list[tuple[int, object]] = [(p.span.start, p) for p in s.paragraphs] + [(t.span.start, t) for t in s.tables]
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, Paragraph):
            out.append(f"    {item.kind:<10} {_range(item.span):<16} {_short(item.text)}")
        else:
            _table(item, out, "    ")


def _table(t: Table, out: list[str], indent: str) -> None:
    name = t.template or "(unrecognised)"
    version = f" {t.version}" if t.version else ""
    header = "confirmed" if t.header_confirmed else "not confirmed"
    out.append(f"{indent}table {name}{version} [{t.layout}] {_range(t.span)}  header {header}")
    if t.version_evidence:
        out.append(f"{indent}  version evidence: {', '.join(t.version_evidence)}")
    for r in t.rows:
        out.append(f"{indent}  row {r.template_row or '?':<32} {_pos(r.span):<8} {_short(r.label, 24)}"
                   + (f"  [{r.problem}]" if r.problem else ""))
        out.append(f"{indent}      " + "  ".join(_cell(c) for c in r.cells))
    for r in t.extra:
        out.append(f"{indent}  extra row (other version: {r.template_row}) {_pos(r.span)} {_short(r.label, 24)}")
    for m in t.missing:
        out.append(f"{indent}  missing {m.row:<28} near {_pos(m.span):<8} {_short(m.label, 24)}")
    for p in t.problems:
        out.append(f"{indent}  problem {p.kind} {_pos(p.span)} {_short(p.detail, 50)}")


def _cell(c: Cell) -> str:
    if c.column == "unit":
        return f"unit={c.raw or '(blank)'}"
    value = "?" if c.value is None else _value(c.value)
    flag = f"!{c.problem}" if c.problem and c.problem != "blank" else ("(blank)" if c.problem else "")
    return f"{c.column or '?'}={value}{flag}@{_pos(c.span)}"


# ------------------------------------------------------------------------------- json

def _span(span: Span | None) -> dict | None:
    return span.to_dict() if span else None


def _para(p: Paragraph) -> dict:
    return {"kind": p.kind, "text": p.text, "span": _span(p.span)}


def _cell_dict(c: Cell) -> dict:
    return {"column": c.column, "raw": c.raw, "value": _value(c.value), "problem": c.problem,
            "unit": c.unit, "span": _span(c.span)}


def _row_dict(r: Row) -> dict:
    return {"row": r.template_row, "label": r.label, "problem": r.problem, "span": _span(r.span),
            "cells": [_cell_dict(c) for c in r.cells]}


def _table_dict(t: Table) -> dict:
    return {
        "template": t.template, "version": t.version, "version_evidence": t.version_evidence,
        "layout": t.layout, "section": t.section, "span": _span(t.span),
        "header_confirmed": t.header_confirmed, "reliable": t.reliable,
        "header": [{"text": c.raw, "span": _span(c.span)} for c in t.header],
        "rows": [_row_dict(r) for r in t.rows],
        "extra_rows": [_row_dict(r) for r in t.extra],
        "missing_rows": [{"row": m.row, "label": m.label, "block": m.block, "span": _span(m.span)} for m in t.missing],
        "problems": [{"kind": p.kind, "detail": p.detail, "span": _span(p.span)} for p in t.problems],
    }


def to_dict(report: Report, lang: str = "zh") -> dict:
    return {
        "path": report.path,
        "encoding": report.encoding,
        "notes": [note.render(lang) for note in report.notes],
        "title": _para(report.title) if report.title else None,
        "year": report.year,
        "year_source": report.year_source,
        "template": report.template,
        "issuer": ({"name": report.issuer.name, "kind": report.issuer.kind, "source": report.issuer.source,
                    "span": _span(report.issuer.span)} if report.issuer else None),
        "period": ({"start": _value(report.period.start), "end": _value(report.period.end),
                    "text": report.period.raw, "span": _span(report.period.span)} if report.period else None),
        "publication_date": ({"date": _value(report.publication_date.value), "span": _span(report.publication_date.span)}
                             if report.publication_date else None),
        "own_date": ({"date": _value(report.own_date.value), "span": _span(report.own_date.span)}
                     if report.own_date else None),
        "contacts": [{"kind": c.kind, "value": c.value, "span": _span(c.span)} for c in report.contacts],
        "preamble": [_para(p) for p in report.preamble],
        "intro": [_para(p) for p in report.intro],
        "sections": [{
            "number": s.number, "heading": s.heading, "title": s.title, "canonical": s.canonical,
            "title_match": s.title_match, "numbering": s.numbering, "span": _span(s.span),
            "paragraphs": [_para(p) for p in s.paragraphs],
            "tables": [report.tables.index(t) for t in s.tables],
        } for s in report.sections],
        "tables": [_table_dict(t) for t in report.tables],
        "lost_tables": [{"table": t.template, "labels": t.labels, "image": t.image, "span": _span(t.span)}
                        for t in report.lost_tables],
    }


def to_json(report: Report, lang: str = "zh") -> str:
    return json.dumps(to_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
