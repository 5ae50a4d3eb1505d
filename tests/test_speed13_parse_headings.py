"""parse._Headings: a section heading read once per line (its numbering, title and the
official section it names) gives what reading it afresh gives, for the templates it was
read against, and the reports parse as they do with nothing kept."""

from __future__ import annotations

import random
from pathlib import Path

from nianbao import parse as parse_module
from nianbao.ingest import Source
from nianbao.parse import _Headings, _read_heading, parse
from nianbao.templates import Templates, bundled

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    paths = sorted((ROOT / "samples").rglob("*.txt")) + sorted((ROOT / "tests" / "regression").rglob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _heading_lines() -> list[str]:
    lines = [line for text in _texts() for line in text.split("\n")
             if line.strip()[:1] in set("一二三四五六七八九十第123456789")]
    assert len(lines) > 100
    # (and headings worded otherwise, spaced out, numbered otherwise, cut short)
    rng = random.Random(13)
    for line in list(lines[:300]):
        lines.append(line.replace("、", " 、", 1))
        lines.append(line[: rng.randrange(len(line) + 1)])
        lines.append("3、" + line[2:])
    return lines


def test_a_heading_kept_is_the_heading_read_afresh():
    templates, kept = bundled(), _Headings()
    for line in _heading_lines() * 2:  # (the second time, each from what was kept)
        assert kept.read(line, templates) == _read_heading(line, templates), line


def test_other_templates_get_answers_of_their_own():
    templates, kept = bundled(), _Headings()
    fewer = Templates(tables=templates.tables, sections=[s for s in templates.sections if s.number != 6],
                      same_meaning=templates.same_meaning)
    line = next(line for line in _heading_lines() if _read_heading(line, templates)[3] == 6)
    assert kept.read(line, templates)[3] == 6
    assert kept.read(line, fewer) == _read_heading(line, fewer) and _read_heading(line, fewer)[3] != 6
    assert kept.read(line, templates)[3] == 6


def test_what_is_kept_is_bounded():
    templates, kept = bundled(), _Headings()
    for i in range(_Headings.KEPT * 2 + 5):
        kept.read(f"{i}、总体情况", templates)
        assert len(kept.read_by_line) <= _Headings.KEPT


def test_reports_parse_as_with_nothing_kept(monkeypatch):
    """Each report parsed after all the others (their headings kept) and parsed with a
    fresh _Headings: the same report, field by field."""
    reports = [Source("x.txt", text, "utf-8") for text in _texts()]
    after_all = [parse(source) for source in reports]
    fresh = []
    for source in reports:
        monkeypatch.setattr(parse_module, "_HEADINGS", _Headings())
        fresh.append(parse(source))
    assert after_all == fresh
