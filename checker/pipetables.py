"""Tables written with vertical bars, as text taken from a web page often has them:

    规章 | 0 | 0 | 0 |                       one row per line, a bar after each cell
    | (二)部分公开 | | | 0 |                  … a bar first: the first cell is empty
    | 信息内容 | 本年处理决定数量 | ||          Markdown: every row starts with a bar
    |---|---|                               Markdown's rule under the header
    规章 | 0 | 0 | 0                         … the row's last bar alone on the next line
    |

They are rewritten, character for character, into the TAB layout the grammar reads
(grammar/report.lark): a bar between two cells becomes a TAB, a bar at the edge of a
row a space, and a Markdown rule a line of spaces. Every line and column stays where
it was, so a violation points at the same place in the file.

Only a run of bar lines in which at least two rows have two cells with text counts as
a table: a stray bar in prose, or a run of one cell per line (`信息内容 |`, the rows
no longer told apart), is left as it is. Such a run indented by TABs (a page's cells
copied a line each, `\t\t\t0  |`, rows apart by a line of TABs) has its TABs made
spaces: else the TABs make each line a row of a TAB table, every cell a row of its own.
A row of one cell that is the report's title (`某局2023年…年度报告 |`, the last row of a
page's box of fields) stays a title line: its bars become spaces.
"""

from __future__ import annotations

from .cache import compile_re

BARS = "|｜"
_SPACE = " \u3000\xa0"
_RULE_LINE = compile_re(r"(?=.*---)[ \u3000|｜:\-]+")  # |---|:---:|
CELLS = compile_re(r"[^|｜]+")  # (a table row's cells, between its bars)
# (…年度报告, …工作报告 (浙江省教育厅2024年度政府信息公开工作报告 |||…), or in traditional characters with a
# pinyin gloss a mirror added, …年度報(bào)告 | ||: the bars are read before either is undone)
_TITLE_CELL = compile_re(r"(?:年度|工作)[报報](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,8}\))?告[ \u3000]*[|｜][ \u3000|｜]*$"
                         r"|年[报報][ \u3000]*[|｜][ \u3000|｜]*$")


def pipe_tables(text: str) -> tuple[str, int]:
    """The text with its bar tables in the TAB layout, and how many tables were
    rewritten."""
    if "|" not in text and "｜" not in text:
        return text, 0
    lines = text.split("\n")
    tables = 0
    untabbed = _untab_cell_lines(lines) if "\t\t" in text else False
    for run in _runs(lines):
        if sum(1 for i in run if _filled_cells(lines[i]) >= 2) < 2 or _cells_spread_over_lines(lines, run):
            continue
        markdown = all(lines[i].lstrip(_SPACE)[:1] in BARS for i in run)
        closing = {i for i in run if _closing_bar(lines, i)}  # (before the rows above them are rewritten)
        for i in run:
            if _filled_cells(lines[i]) == 1 and _TITLE_CELL.search(lines[i]):
                # (the page's title in its box's last row, 某局2023年…年度报告 |: the title, its bars blanked)
                lines[i] = "".join(" " if ch in BARS else ch for ch in lines[i])
                continue
            lines[i] = " " * len(lines[i]) if i in closing else _as_tab_row(lines[i], markdown)
        tables += 1
    return ("\n".join(lines), tables) if tables or untabbed else (text, 0)


_CELL_LINE = compile_re(r"[ \u3000\xa0\t]*[^\t|｜]*[|｜][ \u3000\xa0]*")  # (a cell and its bar, or a bar alone)
_NO_BAR_CELL = compile_re(r"[ \u3000\xa0\t]*[^\t|｜ \u3000\xa0][^\t|｜]*")  # (a cell whose bar is on the next line)


def _untab_cell_lines(lines: list[str]) -> bool:
    """Runs of a cell per line, each closed by a bar (or by a bar alone on the next line),
    rows apart by lines of TABs, some lines indented by two TABs or more: their TABs made
    spaces, in place (a run of one cell per line, as _runs leaves). Whether any was."""
    changed = False
    i, n = 0, len(lines)
    while i < n:
        j, cells, indented = i, 0, False
        while j < n:
            line = lines[j]
            if _CELL_LINE.fullmatch(line):
                cells += any(ch not in BARS and not ch.isspace() for ch in line)
            elif not (not line.strip() or (_NO_BAR_CELL.fullmatch(line) and (
                    (j + 1 < n and lines[j + 1].strip(" \u3000\xa0\t") in ("|", "｜"))
                    or (indented and line.startswith("\t"))))):  # (the run's last cell, cut off before its bar)
                break
            indented = indented or line.startswith("\t\t")
            j += 1
        if cells >= 4 and indented:
            for k in range(i, j):
                lines[k] = lines[k].replace("\t", " ")
            changed = True
        i = max(j, i + 1)
    return changed


def _is_bar_row(line: str) -> bool:
    """A line that reads as a table row: it starts or ends with a bar, and has no TAB
    of its own (TABs before it are a page's indentation, made spaces: a header cell
    broken onto a line of its own, `\t\t\t本年新 | `)."""
    core = line.strip(_SPACE)
    return bool(core) and (core[-1] in BARS or core[0] in BARS) and "\t" not in line.lstrip("\t")


def _closing_bar(lines: list[str], i: int) -> bool:
    """Whether line i is a bar alone that closes the row above it, a page's copy putting
    each row's last bar on a line of its own (规章 | 0 | 0 | 0 / |)."""
    return (lines[i].strip(_SPACE) in ("|", "｜") and i > 0
            and sum(lines[i - 1].count(bar) for bar in BARS) >= 2 and "\t" not in lines[i - 1])


def _runs(lines: list[str]) -> list[list[int]]:
    """Runs of bar rows, as line numbers (0-based); blank lines between two bar rows
    belong to the run but are not rows. A row whose closing bar stands on the next line
    alone is a bar row."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if _is_bar_row(line) or (i + 1 < len(lines) and _closing_bar(lines, i + 1)):
            current.append(i)
        elif line.strip(_SPACE) and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _cells_spread_over_lines(lines: list[str], run: list[int]) -> bool:
    """Whether a run's rows stand over several lines, each blank cell's bar on a line of its
    own, in two places or more (一、本年新收政府信息公开申请数量 | 25 | / | / | / … / | 25 |, row after
    row: a real 2020 page, round 287): which cells make a row cannot be told from its lines,
    and a line read as a row would be a row cut short and a value taken for a row. (One row
    so, 规章 | / | / | / |, its cells blank, is read as a row of blank cells.)"""
    lone = [i for i in run if lines[i].strip(_SPACE) in ("|", "｜")]
    spreads = [b for a, b in zip(lone, lone[1:]) if b - a == 1 and a - 1 not in lone]  # (where two begin)
    return len(spreads) >= 2


def _filled_cells(line: str) -> int:
    return sum(1 for cell in CELLS.findall(line) if cell.strip(_SPACE))


def _as_tab_row(line: str, markdown: bool) -> str:
    if _RULE_LINE.fullmatch(line):
        return " " * len(line)
    indent = len(line) - len(line.lstrip("\t"))  # (a page's TABs before a row: indentation, made spaces)
    line = " " * indent + line[indent:]
    chars = list(line)
    bars = [k for k, ch in enumerate(line) if ch in BARS]
    first = len(line) - len(line.lstrip(_SPACE))
    last = len(line.rstrip(_SPACE)) - 1
    leading = markdown and bars[0] == first
    trailing = bars[-1] == last and not (leading and len(bars) == 1)
    inner = bars[int(leading):len(bars) - int(trailing)]
    for k in inner:
        chars[k] = "\t"
    if leading:
        chars[bars[0]] = " "
    if trailing:  # a row of one cell ends in a TAB, as every reader writes it (and a
        # TAB at the start alone would make the line a cell of the one-cell-per-line layout)
        chars[bars[-1]] = "\t" if not inner or inner == [first] else " "
    return "".join(chars)
