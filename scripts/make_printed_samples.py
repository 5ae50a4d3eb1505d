#!/usr/bin/env python3
"""Make tests/data/printed/: reports of the regression set (tests/regression/reports/)
written as Word documents and printed to PDF by LibreOffice, the way most bodies publish
them, in two sets of type:

- `.plain.pdf`:    everything in 16 pt (三号), the title too, headings set in their own
                   typeface: titles and headings that nearly fill a line, then text;
- `.official.pdf`: GB/T 9704's page, a 22 pt title that wraps, 16 pt text, 10.5 pt tables;
- `.letter.pdf`:   a Letter page with 20 mm margins, the title as a running header, 14 pt
                   text in one sans typeface, 9 pt tables: the text starts inside the band
                   where page numbers stand, and most lines are short (a table copied a
                   cell per line).

A PDF has no paragraphs: the reader must tell a title from the text under it, a heading
from the paragraph before it, and join a table's rows across page breaks, by layout
alone. The same report must give the same findings as its text
(tests/test_layouts.py). The PDFs are committed: the tests do not need LibreOffice.

    .venv/bin/python scripts/make_printed_samples.py
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office  # noqa: E402  (the shared structure and writers)

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "regression" / "reports"
OUT = ROOT / "tests" / "data" / "printed"
# (report, type): each printed so that the PDF is a trap for its reader (checked by hand
# against the reader before these fixes): a centred title over a date line, the title
# wrapped inside its words, heading numbers and headings in their own size and typeface,
# and a table block label (第二十条第（五）项) heading a page after a full row.
PRINTS = (("2020_dongliuchun_xiang", "plain"), ("2020_dongliuchun_xiang", "official"),
          ("2020_shixing_tyjr_dept", "official"), ("2020_shixing_tyjr_dept", "letter"),
          ("2025_sichoulu_subdistrict", "plain"))
_TEXT_FONT, _HEADING_FONT = "Noto Serif CJK SC", "Noto Sans CJK SC"  # stand-ins for 仿宋 and 黑体


def _set_type(document, kind: str) -> None:
    letter = kind == "letter"
    for section in document.sections:
        if letter:
            section.page_height, section.page_width = Mm(279), Mm(216)
            section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Mm(20)
            heading = next((p.text for p in document.paragraphs if "年度报告" in p.text), "")
            section.header.paragraphs[0].add_run(heading[:40])
        else:
            section.page_height, section.page_width = Mm(297), Mm(210)
            section.top_margin, section.bottom_margin = Mm(37), Mm(35)
            section.left_margin, section.right_margin = Mm(28), Mm(26)
    titled = False
    for paragraph in document.paragraphs:
        title = kind == "official" and not titled and "年度报告" in paragraph.text and len(paragraph.text) < 60
        titled = titled or title
        heading = any(run.bold for run in paragraph.runs) and not title
        for run in paragraph.runs:
            run.font.size = Pt(22 if title else 14 if letter else 16)
            font = _HEADING_FONT if heading or letter else _TEXT_FONT
            run.font.name = font
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for run in (r for p in cell.paragraphs for r in p.runs):
                    run.font.size = Pt({"official": 10.5, "letter": 9}.get(kind, 12))


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: PDFs not made", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as profile:
        documents = []
        for stem, kind in PRINTS:
            path = Path(work) / f"{stem}.{kind}.docx"
            office.write_docx(office.read_structure(REPORTS / f"{stem}.txt"), path, word_numbering=False,
                              rng=random.Random(stem))
            document = docx.Document(str(path))
            _set_type(document, kind)
            document.save(str(path))
            documents.append(path)
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(OUT), *map(str, documents)], check=True, capture_output=True, timeout=900)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
