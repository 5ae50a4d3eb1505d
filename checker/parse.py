"""parse: Source → Report, through the Lark grammar `grammar/report.lark`.

The grammar splits the text into front matter, sections and their blocks (paragraphs,
sub-headings, tables). This module turns that tree into the model: it picks the title
out of the front matter, decides which section headings are real ones (a 一、 line
inside a section that neither continues the numbering nor names an official section
is an ordinary heading of that section), reads the tables against the templates, and
collects the facts the prose states.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from itertools import islice, takewhile
from operator import attrgetter

from lark import Lark, Token, Tree

from . import facts
from .ingest import SECTION_OPENINGS, Source
from .lexing import OneLoopParser, ReportLines
from .labels import cjk_number, core, numbering, strip_numbering
from .model import Fact, Issuer, LostTable, Paragraph, Report, Section, Span, Table
from .regimes import regime_for
from .cache import compile_re, grammar as load_grammar
from .tables import flattened_tables, is_cell_line, is_table_label, lost_tables, read_region
from .templates import SameMeaning, SectionTitle, Templates, bundled
from .text import LineIndex, join_spans


@lru_cache(maxsize=1)
def grammar() -> Lark:
    return load_grammar("report.lark", lexer="contextual")


@lru_cache(maxsize=1)
def _parser() -> OneLoopParser:
    return OneLoopParser(grammar(), ReportLines.of(grammar()))


def parse_tree(text: str) -> Tree:
    """The raw parse tree (total: any text parses)."""
    return _parser().parse(text if text.endswith("\n") else text + "\n")


# A section heading of the format that a web page ran on into a line: after a space
# inside it (…现将年报公开如下。 一、总体情况 2024年，…), or at its start, perhaps indented, with
# the body after a space (一、总体情况 2022年，大寨镇…, 　　一、总体情况　2020年,…); with a body after it, not the next heading,
# a page number or dots leading to one (a table of contents stays as it is). (Looked for from its
# number, which re finds by its first character; what stands before it is then looked at.)
_RUN_ON_HEADING = compile_re(
    r"[一二三四五六][、.．][ \u3000]*(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|"
    r"政府信息公开行政复议、?行政诉讼情况|(?:政府信息公开工作)?存在的主要问题及改进情况|其他需要报告的事项)"
    r"(?P<after>[ \u3000\xa0])(?![ \u3000\xa0]*(?:[一二三四五六][、.．]|\d{1,3}(?:[ \u3000\xa0]|$)|[.．·…]{3}))(?=[^\n]{2})",
    re.M)
_SPACES = " \u3000\xa0"
# A title a page ran on into the report's first words, on one of its first lines: 襄州区水利局
# 2024年度政府信息公开工作年度报告 2024年,区水利局秉承…; 2018年政府信息公开工作年度报告 根据《…》
# under 大兴乡人民政府 (the body's name on the line above, a title split in two); 临潭县卫生健康局
# 2022年度政府信息公开工作的报告 根据《…》.
# Or a title a page ran on into the name of the site that copied it, after a hyphen or an
# underscore: 沧州市交通运输局2017年政府信息公开工作年度报告-凯发k8国际首页登录 (a real page, round
# 277), …年度报告_政府信息公开年报_上海市宝山区人民政府门户网站.
_RUN_ON_TITLE = compile_re(
    r"^[ \u3000]*[^\n。，,；;：:|｜（(]{0,40}?(?:19|20)\d\d[ \u3000]*年度?[^\n。，,；;：:|｜（(]{0,30}?政府信息公开(?:工作)?(?:年度报告|年报|的?报告)"
    r"(?:(?P<after>[ \u3000\xa0])(?=[ \u3000\xa0]*[^\s（(\[【|｜][^\n]{4})"
    r"(?![ \u3000\xa0]*[一二三四五六七八九十]{1,3}[、.．])"  # (a section's heading after it: _with_glued_headings')
    r"|(?P<site>[-_])(?=[^\n。，,；;：:]{2,40}$)(?=[^\n\u4e00-\u9fff]{0,20}[\u4e00-\u9fff]))", re.M)
_TITLE_LINES = 5  # (the lines a run-on title is looked for in)


def lexed_text(text: str) -> str:
    """The text as the grammar reads it: each section heading a page ran on into a line
    (_RUN_ON_HEADING) on a line of its own, the space before it and the one after it
    read as line ends; and so is a title run on into the report's first words
    (_RUN_ON_TITLE), the space after it a line end. One character for one, so every
    offset stays the document's; and the lines and columns given are the document's (the
    LineIndex is the text's as it is)."""
    breaks = []
    end = -1
    for _ in range(_TITLE_LINES):  # (the end of the first lines: the title is looked for there alone)
        end = text.find("\n", end + 1)
        if end == -1:
            end = len(text)
            break
    title = _RUN_ON_TITLE.search(text, 0, end)
    if title is not None:
        breaks.append(title.start("after") if title.group("after") else title.start("site"))
    for m in _RUN_ON_HEADING.finditer(text):
        start = m.start()
        before = start
        while before > 0 and text[before - 1] in _SPACES:
            before -= 1
        if before == 0 or text[before - 1] == "\n":  # (a line's start, perhaps indented: 　　一、总体情况　2020年,…)
            breaks.append(m.start("after"))
        elif before != start and not text[before - 1].isspace():  # (after a space inside a line; not glued on)
            breaks += (start - 1, m.start("after"))
    if not breaks:
        return text
    pieces, last = [], 0
    for i in breaks:
        pieces += (text[last:i], "\n")
        last = i + 1
    pieces.append(text[last:])
    return "".join(pieces)


_PARAGRAPH_KINDS = {"TEXT": "text", "SUB_HEAD": "subheading", "TITLE_LINE": "title",
                    "DOC_NUMBER": "doc_number", "DATE_LINE": "date"}


class _Reader:
    def __init__(self, source: Source, templates: Templates) -> None:
        self.source = source
        self.text = source.text
        self.index = LineIndex(self.text, source.gaps, source.breaks)
        self.templates = templates

    def paragraph(self, tok: Token) -> Paragraph:
        line = tok.value.rstrip("\n")
        start = tok.start_pos
        if tok.type == "TITLE_LINE" and line.rstrip(" \u3000")[-1:] in ("|", "｜"):  # (a layout table's empty cells)
            line = line.rstrip(" \u3000|｜")
        if line.strip() is line:  # (most lines: no space around the text, the span the line's, and no slice of it)
            return Paragraph(line, self.index.span(start, start + len(line)), _PARAGRAPH_KINDS[tok.type])
        return Paragraph(line.strip(" \u3000\t"), self.index.trimmed(start, start + len(line)),
                         _PARAGRAPH_KINDS[tok.type])

    def blocks(self, children: list, preferred: str | None) -> tuple[list[Paragraph], list[Table]]:
        paragraphs: list[Paragraph] = []
        tables: list[Table] = []
        for i, child in enumerate(children):
            if isinstance(child, Tree):
                tokens = list(child.children)
                before = children[i - 1] if i else None
                if (isinstance(before, Token) and before.type == "TEXT"
                        and is_table_label(before.value, self.templates)):
                    paragraphs.pop()  # 第二十条第（一）项 on its own line: the table's first row
                    tokens.insert(0, before)
                for item in read_region(tokens, self.index, self.templates, preferred):
                    (tables if isinstance(item, Table) else paragraphs).append(item)
            else:
                paragraphs.append(self.paragraph(child))
        return paragraphs, tables


def parse(source: Source, templates: Templates | None = None) -> Report:
    templates = templates or bundled()
    reader = _Reader(source, templates)
    tree = _with_glued_headings(parse_tree(lexed_text(source.text)), templates)
    front, *section_nodes = tree.children
    front_paragraphs = [reader.paragraph(t) for t in front.children if isinstance(t, Token)]
    title_at, title, title_start = _title(front_paragraphs)
    if title is not None and title.kind == "title":
        title = _without_label(title, reader.index)
    if title is None or title.kind != "title":  # (none, or only a short first line: a site's banner, 高青县人民政府)
        labelled = _labelled_title(front, reader.index)
        if labelled is not None or title is None:
            title_at, title, title_start = None, labelled, 0
    preamble = front_paragraphs[:title_start] if title_at is not None else []
    intro = front_paragraphs[title_at + 1:] if title_at is not None else front_paragraphs

    prose, stretches = _without_tables(source.text, tree)
    all_dates = facts.dates(prose, reader.index, stretches)
    periods = facts.periods(prose, reader.index, all_dates, stretches)
    # (the year rules which template version a table is read against: the opening lines
    # are taken from the tree, before the sections are read)
    # (twelve lines of section 一, and of the items under it that the tree holds as
    # sections: “1. 主动公开政府信息的数量” under 一、总体情况 / (一)…, up to 二、)
    first_nodes = section_nodes[:1] + list(takewhile(_not_cjk_numbered, section_nodes[1:]))
    # (a site's menu, 移动端应用 / 政务微信 / …, above the opening is none of its lines: a real 2016 page, round 314)
    first_lines = [p.text for p in intro if len(p.text) > 6][:5] + [t.value for t in islice(
        (t for node in first_nodes for t in node.children[1:]), 12)
        if isinstance(t, Token) and t.type in ("TEXT", "SUB_HEAD")]
    # (the years of the dates above the first section: a page's stamp, a cover's date)
    opening_at = section_nodes[0].children[0].start_pos if section_nodes and section_nodes[0].children else len(source.text)
    # (and the date a web page's metadata table gives it, 发文日期: | 2020-01-08 |)
    tabled = _tabled_publication(source.text, opening_at, reader.index)
    years_above = frozenset([d.value.year for d in all_dates if d.span.start < opening_at and isinstance(d.value, dt.date)]
                            + ([tabled.value.year] if tabled is not None else []))
    year, year_source = _year(title, periods, first_lines, years_above)
    preferred = regime_for(year)

    front_tables = [item for child in front.children if isinstance(child, Tree)
                    for item in read_region(child.children, reader.index, templates, preferred)
                    if isinstance(item, Table)]
    sections = _sections(section_nodes, reader, templates, preferred)
    intro, front_tables, sections = _without_contents(intro, front_tables, sections)
    if not any(s.canonical for s in sections) or all(s.numbering == "arabic" for s in sections):
        intro, front_tables, sections = _unnumbered_sections(intro, front_tables, sections, templates)
    intro, front_tables, first = _unnumbered_first_section(intro, front_tables, sections, templates)
    if first is None:
        intro, front_tables, first = _untitled_first_section(intro, front_tables, sections, templates)
    if first is not None:
        sections[:] = [first, *_items_of(first, sections, templates)]
        _finish(first)
    sections = _with_lost_headings(sections, templates)
    _first_by_place(sections, templates)
    found = {t.template for t in front_tables} | {t.template for s in sections for t in s.tables}
    if any(t.id not in found for t in templates.tables if preferred in (None, t.version)):
        _read_flattened_tables(sections, reader.index, templates, preferred)  # (perhaps there, a cell per line)
    _tables_above_their_heading(sections, templates)
    tables = front_tables + [t for s in sections for t in s.tables]

    issuer_candidates: list[Issuer] = []
    title_issuer = facts.issuer_from_title(title.text, title.span, reader.index) if title is not None else None
    if title_issuer:
        issuer_candidates.append(title_issuer)
    elif title is not None and intro:
        issuer_candidates.extend(_byline(title, intro[0], reader.index))
    signature, publication, own_date = _signature(sections, preamble, intro, reader.index, all_dates)
    if publication is None:
        publication = _tabled_publication(source.text, sections[0].span.start if sections else len(source.text), reader.index)
    if publication is None and title is not None:
        # (…工作年度报告 ( 2022年01月27日 ): the date the page gives beside the title, or beside the
        # page's heading above it, the title set out again below: 上海's pages, …年度报告 ( 2025.01.13 ))
        # (…年报( 2018年02月27日 ): a title that calls the report 年报, a real 2017 page of 上海市发展和改革委员会, round 483)
        dated = next((p for p in (title, *preamble) if _DATED_TITLE.search(p.text) and ("报告" in p.text or "年报" in p.text)), None)
        if dated is not None:
            publication = next((f for f in reversed(all_dates) if dated.span.start <= f.span.start < dated.span.end), None)
    issuer_candidates.extend(signature)
    # (the first lines, and at least five after the title, and the first sentence after
    # them: a page's chrome, a title split over lines or a page's metadata listed a line
    # a field (- 发文字号 / - 索引号 / …) must not push the introduction out)
    first = front_paragraphs[:max(8, (title_at or 0) + 6)]
    first += [p for p in front_paragraphs[len(first):] if len(p.text) >= _SENTENCE_LENGTH][:1]
    opening = first + (sections[0].paragraphs[:3] if sections else [])
    issuer_candidates.extend(facts.issuer_from_intro(opening, reader.index))
    section_paragraphs = [p for s in sections for p in s.paragraphs]
    if all(c.kind == "unknown" for c in issuer_candidates):  # (none, or none that tells its kind: 衡山县贯塘 of a title)
        found = facts.issuer_from_prose(opening + section_paragraphs, reader.index)
        if found is None:  # (the page's metadata table names the body: 发布机构 | 进化镇 | 主题分类 | …)
            found = _tabled_publisher(source.text, sections, reader.index)
        issuer_candidates.extend([found] if found else [])
    read = {t.template for t in tables}
    unread = sorted(_lost_tables(front_paragraphs, sections, read, templates, reader.index)
                    + _pictured_tables(sections, read, templates), key=_START)
    issuer = facts.speaking_for(facts.best_issuer(facts.speaking_first(issuer_candidates, prose)), prose, reader.index)
    # (a page's date of a re-post or a site's move is none; then the date the report itself gives, if any:
    # 发布时间:2017-06-15 over a 2008 report signed 2008年12月29日, round 322)
    published = ((own_date if own_date is not publication else None)
                 if _reposted(publication, issuer, front_paragraphs) or _posted_long_after(publication, year) else publication)
    return Report(
        layout_lost=_layout_lost(source.text, sections),
        lost_tables=unread,
        tables_not_in_text=_tables_not_in_text(sections, read | {t.template for t in unread}, templates),
        path=source.path, text=source.text, encoding=source.encoding, title=title,
        year=year, year_source=year_source, title_issuer=title_issuer,
        issuer=issuer,
        signed_by=next((i for i in signature if i.source == "signature"), None),
        period=_report_period(periods, year), periods=periods,
        contacts=facts.contacts(prose, reader.index, stretches), dates=all_dates,
        publication_date=published,
        dated_month=None if published is not None else _dated_to_the_month(first, sections),
        own_date=own_date if own_date is not published else None,
        preamble=preamble, intro=intro,
        sections=sections, tables=tables, origin=source.origin, original_text=source.original, notes=list(source.notes),
        line_index=reader.index)


_MONTH_ALONE = compile_re(r"[ \u3000]*[（(]?[ \u3000]*(?P<y>(?:19|20)\d\d)[ \u3000]*年[ \u3000]*(?P<m>1[0-2]|0?[1-9]|元)[ \u3000]*月"
                          r"[ \u3000]*[）)]?[ \u3000]*")


def _dated_to_the_month(first: list[Paragraph], sections: list[Section]) -> Fact | None:
    """A date written to the month only on a line of its own, in the first lines (a cover's:
    广州市财政局 / 2018年1月 under the title, 广州's reports, round 478; (2018年3月) under 云南省's, round 525)
    or the last ones (under the signature): when the report was dated, to the month (元月 the first)."""
    tail = sections[-1].paragraphs[-3:] if sections else []
    for p in [*first, *reversed(tail)]:
        m = _MONTH_ALONE.fullmatch(p.text)
        if m:
            month = 1 if m.group("m") == "元" else int(m.group("m"))  # ((2024年元月), a real 2023 page of 衡南县水利局, round 541)
            return Fact("month", dt.date(int(m.group("y")), month, 1), p.span, p.text.strip(" \u3000"))
    return None


def _unnumbered_first_section(intro: list[Paragraph], front_tables: list[Table], sections: list[Section],
                              templates: Templates) -> tuple[list[Paragraph], list[Table], Section | None]:
    """一、总体情况 written without its number (总体情况 alone on its line, or —、总体情况
    with a dash typed for 一) where the first section numbered is a later one: that line opens
    section 一, not more of the introduction (SEC-001 said the report had no 总体情况)."""
    if not sections or (sections[0].canonical or 0) < 2 or any(s.canonical == 1 for s in sections):
        return intro, front_tables, None
    for k, p in enumerate(intro):
        dash = _DASH_FOR_ONE.match(p.text)
        line = p.text[dash.end():] if dash else _without_bullet(p.text)
        if len(line) > 12:
            continue
        number, _, title, canonical, how, runs_on = _HEADINGS.read(line, templates)
        if canonical == 1 and how in ("exact", "wording") and not runs_on and number is None:
            tables = [t for t in front_tables if t.span.start > p.span.start]
            section = Section(number=1 if dash else None, heading=p.text, span=p.span, title=title,
                              canonical=1, title_match=how, numbering="none", paragraphs=intro[k + 1:], tables=tables)
            return intro[:k], [t for t in front_tables if t not in tables], section
    return intro, front_tables, None


_SENTENCE_LENGTH = 40  # (a paragraph this long is prose, not a page's field or a heading)

# A picture's file where a page shows a table as an image (1705995746322.jpg, [图片])
# (or its name without the extension, as a page's copy kept it: a time stamp in milliseconds, 1675156994710,
# or a hash, d5b5f316b2d8c8b60cedb05304df1cf)
_PICTURE = compile_re(r"[ \u3000]*(?:(?:[\w\-.]+\.(?:jpe?g|png|gif|bmp|webp)[ \u3000]*)+|[\[【]图片[\]】]"
                      r"|1[4-9]\d{11}|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{24,40})[ \u3000]*", re.I)


def _lost_tables(front: list[Paragraph], sections: list[Section], read: set[str | None], templates: Templates,
                 index: LineIndex) -> list[LostTable]:
    """The tables not read whose labels stand in the prose (tables.lost_tables). What stands
    above the first section counts only where it shows a table by itself (a caption and its
    column names, a table row then read as a heading): a page's menu of document kinds above
    the report, 地方性法规 / 规章 / 行政规范性文件, names two of section 二's labels and is no
    place of its table (a real 2020 page of 宣城市气象局, round 375)."""
    if not sections:
        return lost_tables(front, read, templates, index)
    start = sections[0].span.start
    above = [p for p in front if p.span.start < start]
    below = [p for p in front if p.span.start >= start] + [p for s in sections for p in s.paragraphs]
    shown_above = bool(above) and bool(lost_tables(above, read, templates, index))
    return lost_tables(above + below if shown_above else below, read, templates, index)


def _pictured_tables(sections: list[Section], found: set[str | None], templates: Templates) -> list[LostTable]:
    """The statistics tables a page shows as pictures: a section of the format whose own
    table was not read holds a picture's file name alone on a line. There, but not read
    (TABLE-018 says so once; TABLE-002 had called the tables missing, an error each)."""
    out = []
    for table in templates.tables:
        if table.id in found or table.section is None:
            continue
        section = next((s for s in sections if s.canonical == table.section), None)
        picture = next((p for p in section.paragraphs if _PICTURE.fullmatch(p.text)), None) if section else None
        if picture is not None and all(o.template != table.id for o in out):
            out.append(LostTable(table.id, table.title, picture.span, 0, image=True))
    return out


def _tables_not_in_text(sections: list[Section], found: set[str | None], templates: Templates) -> bool:
    """Whether the statistics tables of sections there as headings alone (二–四, at least two
    of them) stand nowhere in the text, the tables of the others somewhere: a web page
    that showed the tables as pictures, or lost them in its copy (22 of 540 stored pages
    audited), or a report that left them out. Which it is only the original tells; it is
    one cause (TABLE-022 says so once, where TABLE-002 had called each table missing, an
    error each)."""
    held = [s for s in sections if s.canonical in (2, 3, 4)]
    # (the page's footer under the last of them, 扫一扫在手机打开当前页 and a lone bar, is no content:
    # a real 2024 page of 金口河区文广旅局, round 378, told three tables missing, an error each)
    filled = {s.canonical for s in held if s.tables or not all(map(_is_page_chrome, s.paragraphs))}
    bare = {s.canonical for s in held} - filled
    found_in = {t.section for t in templates.tables if t.id in found}
    # (a section of them with content has its table somewhere, read or not: 四 with its prose and its
    # table copied a cell to a line, 二 and 三 bare, is a page whose two pictures were lost; with 二 and 三
    # bare, 四's may be nowhere too, as theirs: a line of prose under 四 and no table in the text, a real
    # 2025 page of 临泽县审计局, round 510, had been told three tables missing, an error each; prose
    # under 二, its figures in words, is a report that wrote no tables)
    return len(bare) >= 2 and not bare & found_in and (filled <= found_in or {2, 3} <= bare)


def _tables_above_their_heading(sections: list[Section], templates: Templates) -> None:
    """The tables at the end of a section, after its prose, that are the next section's,
    when that section's heading stands with nothing under it: a page put them above it
    (二's table at the end of 一, then 二、主动公开政府信息情况 alone: a real 2023 page of
    城中区文体旅游科技局, round 281, told its section 二 had only a heading). That section's."""
    section_of = {t.id: t.section for t in templates.tables}
    for before, after in zip(sections, sections[1:]):
        if after.paragraphs or after.tables or after.canonical is None or not before.tables:
            continue
        prose_end = max((p.span.end for p in before.paragraphs), default=before.span.end)
        k = len(before.tables)
        while k and before.tables[k - 1].span.start >= prose_end and section_of.get(before.tables[k - 1].template) == after.canonical:
            k -= 1
        if k < len(before.tables):
            before.tables, after.tables = before.tables[:k], before.tables[k:]
            _finish(before)
            _finish(after)


def _first_by_place(sections: list[Section], templates: Templates) -> None:
    """一、 worded as no section of the format (一、2023年工作开展情况) right before 二、, which is
    section 二, or alone (a copy that ends inside it: 一、 工作情况): section 一 by its place,
    not missing (SEC-001, an error). Worded in words that name the work alone, how it went
    (一、政府信息公开工作情况, 一、工作开展情况), it is the overview worded otherwise (SEC-009, a
    note); in others, worded otherwise (SEC-004, a warning)."""
    if (sections and sections[0].number == 1 and sections[0].canonical is None and sections[0].numbering == "cjk"
            and (len(sections) == 1 or (sections[1].number == 2 and sections[1].canonical == 2))):
        words = _heading_parts(sections[0].title)[0]
        the_work = bool(words) and _same_meaning(words, "情况", templates.same_meaning)  # (一、 alone names nothing)
        sections[0].canonical, sections[0].title_match = 1, "wording" if the_work else "fuzzy"
        _finish(sections[0])


def _byline(title: Paragraph, first: Paragraph, index: LineIndex) -> list[Issuer]:
    """The body named alone on the line under a title that names none (2020年政府信息公开
    工作年度报告 / 武昌经开区(滨江)管委会, or with its second name after it: 武昌经开区管委会(滨江
    商务区管委会)): the report's."""
    line = facts.without_second_name(first.text.rstrip(" \u3000"))
    name = facts.signature_line(line) if first.span.line - title.span.end_line <= 2 else None
    kind = facts.issuer_kind(name) if name else "unknown"
    if kind == "unknown" or facts.is_generic_name(name):
        return []
    start = first.span.start + first.text.index(name)
    return [Issuer(name, kind, index.span(start, start + len(name)), "intro")]


def _not_cjk_numbered(node: Tree) -> bool:
    """Whether a section node's heading is numbered otherwise than 二、 (an item's 1. or (1))."""
    number = numbering(node.children[0].value)
    return number is None or number[0] != "cjk"


def _untitled_first_section(intro: list[Paragraph], front_tables: list[Table], sections: list[Section],
                            templates: Templates) -> tuple[list[Paragraph], list[Table], Section | None]:
    """Section 一 written without any heading: the first heading is 二、 (and is section
    二), and before it, after the introduction, stand sub-items (一), (二), … in order,
    as 总体情况 has them ((一)主动公开… (五)监督保障…). They are section 一's content: the
    section is there, its heading is not (title_match "untitled", which SEC-017 reports;
    SEC-001 had said the whole section was missing). Or, unnumbered, paragraphs each
    opening with one of its topics, three of them at least, in their order (主动公开全面落实。
    … 依申请公开依法规范。… 监督保障逐步强化。…, a real 2020 page)."""
    if not sections or sections[0].number != 2 or sections[0].canonical != 2:
        return intro, front_tables, None
    items = [(k, numbering(p.text)) for k, p in enumerate(intro) if p.kind == "subheading"]
    items = [(k, n[1]) for k, n in items if n is not None and n[0] == "paren"]
    if len(items) >= 2 and items[0][1] == 1 and [n for _, n in items] == list(range(1, len(items) + 1)):
        k = items[0][0]
    elif (inline := next((k for k, p in enumerate(intro) if _INLINE_ITEMS.match(p.text)), None)) is not None:
        k = inline  # ((一)主动公开。…(二)依申请公开。…(三)… run together in one paragraph)
    else:
        topics = [(k, _TOPICS.index(m.group("topic"))) for k, p in enumerate(intro) if (m := _TOPIC_OPENING.match(p.text))]
        if len(topics) < 3 or [t for _, t in topics] != sorted({t for _, t in topics}):
            return intro, front_tables, None
        k = topics[0][0]
    tables = [t for t in front_tables if t.span.start > intro[k].span.start]
    section = Section(number=None, heading="", span=intro[k].span, title=templates.official(1).title, canonical=1,
                      title_match="untitled", numbering="none", paragraphs=intro[k:], tables=tables)
    return intro[:k], [t for t in front_tables if t not in tables], section


_TOPICS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")  # (section 一's, in the format's order)
_INLINE_ITEMS = compile_re(r"[ \u3000]{0,4}[（(]一[）)][ \u3000]*主动公开.*?[（(]二[）)].*?[（(]三[）)]")
_TOPIC_OPENING = compile_re(r"[ \u3000]{0,4}(?P<topic>" + "|".join(_TOPICS) + ")")


_LEADERS = compile_re(r"(?:[.．·…]\s*){4,}\d{0,3}\s*$")  # (一、总体情况......... 1: a table of contents' line)


def _without_contents(intro: list[Paragraph], front_tables: list[Table],
                      sections: list[Section]) -> tuple[list[Paragraph], list[Table], list[Section]]:
    """A table of contents before the report (一、总体情况........ 1, its items below): its
    headings, dotted to their page numbers, open no section; they are front matter. So are
    the items of the introduction's list of the report's parts (本报告包含以下7个部分内容: /
    3.主动公开政府信息的情况; … 7. 政府信息公开工作存在的主要问题及改进情况。) that name a
    section, numbered 1. 2. … and ended as a list's items are, above the sections numbered
    一、二、… (SEC-012 had judged the lines after the last item as section 五)."""
    toc = 0
    while toc < len(sections) and _LEADERS.search(sections[toc].heading):
        toc += 1
    if not toc:  # (or the headings on one line, 一、总体情况,二、主动公开政府信息情况,三、…: a real 2020 page of 华阴市)
        while toc < len(sections) and _HEADINGS_IN_A_ROW.search(sections[toc].heading):
            toc += 1
        if not any(s.numbering == "cjk" and s.canonical for s in sections[toc:]):
            toc = 0
    if not toc:
        while (toc < len(sections) and sections[toc].numbering == "arabic"
               and sections[toc].heading.endswith(("；", ";", "。"))):
            toc += 1
        if not any(s.numbering == "cjk" and s.canonical for s in sections[toc:]):
            toc = 0
    if not toc:
        return intro, front_tables, sections
    intro = list(intro)
    for s in sections[:toc]:
        intro += [Paragraph(s.heading, s.span, "text"), *s.paragraphs]
        front_tables = front_tables + s.tables
    return intro, front_tables, sections[toc:]


# (two more headings numbered 二、 三、… after the line's own, each after a comma)
_HEADINGS_IN_A_ROW = compile_re(r"[，,；;][ \u3000]*[二三四五六七八九十]、[^，,；;\n]{2,30}[，,；;][ \u3000]*[三四五六七八九十]、")


_EMPTY_BRACKETS = compile_re(r"[ \u3000]*[（(][ \u3000]*[）)]")


def _unnumbered_sections(intro: list[Paragraph], front_tables: list[Table], numbered: list[Section],
                         templates: Templates) -> tuple[list[Paragraph], list[Table], list[Section]]:
    """Sections whose headings all lost their numbers (Word's list numbering, gone on the
    way): where no numbered heading names a section of the format, lines that are each the
    format's heading in its very words, alone (总体情况, 主动公开政府信息情况, …), at least two
    of them, or 总体情况 where no line is numbered as a section, and in the format's order,
    open those sections; a numbered heading among them (a table's row numbered 一、) is one
    inside the section it stands in; so do headings numbered in brackets as their sections
    are, (一)总体情况 … (二)主动公开政府信息的情况. (SEC-001 had called every one of them
    missing.) Above sections numbered 1. 2. …, headings numbered in brackets are the
    sections and those their items: (一)政府信息公开基本情况 / 1.主动公开 / 2.依申请公开."""
    lines = list(intro)  # the text after the title, the numbered headings as sub-headings
    tables = list(front_tables)
    for s in numbered:
        lines += [Paragraph(s.heading, s.span, "subheading"), *s.paragraphs]
        tables += s.tables
    found: list[tuple[int, int, str, str, bool]] = []  # (index in lines, section number, title, how it is worded, bracketed)
    outline = _bracketed_outline(lines, templates) if not any(s.canonical for s in numbered) else set()
    for k, p in enumerate(lines):
        # (an item whose number in brackets was lost, ()主动公开政府信息情况 between (一) and (三): no section)
        if p.kind in ("text", "subheading") and len(p.text) <= 26 and not _EMPTY_BRACKETS.match(p.text):
            number, _, title, canonical, how, runs_on = _HEADINGS.read(_without_bullet(p.text), templates)
            # (or numbered as the format's section, in brackets: (一)总体情况 … (二)主动公开政府信息的情况;
            # or the parts of an outline in brackets that has one on review and litigation: _bracketed_outline)
            # (and the next of such a series in words the format's only varies, (三)依申请公开情况 after
            # (二)政府信息主动公开情况: a real 2024 page of 东胜区发改委, round 492, whose 三 had been said missing)
            bracketed = ((number is not None and number == canonical and (numbering(p.text) or ("",))[0] == "paren"
                          and (how in ("exact", "wording", "article")
                               or (how == "variant" and found and found[-1][4] and found[-1][1] == canonical - 1)))
                         or k in outline)
            if ((p.kind == "text" and number is None and how == "exact" and len(p.text) <= 22) or bracketed) and (
                    not runs_on and (not found or canonical > found[-1][1])):
                found.append((k, canonical, title, how, bracketed))
    if any(s.canonical for s in numbered) and not (
            found and all(f[4] for f in found) and lines[found[0][0]].span.start < numbered[0].span.start):
        # (sections numbered 1. 2. … that name the format's: only headings numbered (一) (二)
        # … above them, a level higher, are the sections, and those 1. 2. … their items)
        return intro, front_tables, numbered
    # (总体情况 alone is a heading too, and so is (一)政府信息公开基本情况 above “1.主动公开”)
    if len(found) < 2 and not (found and found[0][1] == 1 and (not numbered or found[0][4])):
        return intro, front_tables, numbered
    sections = []
    for (k, canonical, title, how, _), after in zip(found, [f[0] for f in found[1:]] + [len(lines)]):
        head = lines[k]
        end = lines[after].span.start if after < len(lines) else None
        sections.append(Section(number=None, heading=head.text, span=head.span, title=title, canonical=canonical,
                                title_match=how, numbering="none", paragraphs=lines[k + 1:after],
                                tables=[t for t in tables if t.span.start > head.span.start
                                        and (end is None or t.span.start < end)]))
        _finish(sections[-1])
    first = lines[found[0][0]]
    return lines[:found[0][0]], [t for t in tables if t.span.start < first.span.start], sections


def _bracketed_outline(lines: list[Paragraph], templates: Templates) -> set[int]:
    """The lines of an outline numbered in brackets alone, no 一、 above them, whose parts are
    the format's under other numbers: the outline before 2019 kept in a later report, (一)主动公开
    政府信息的情况 / (二)依申请公开信息的情况 / (三)因政府信息公开申请行政复议、提起行政诉讼的情况 / (四)…
    收费及减免情况 (real 2021 pages of 扬州市 and 海口市 bureaus, rounds 221, 254: SEC-001 had called
    each part missing). Only where one of them is the part on review and litigation (四's matter),
    which no item of 总体情况 is ((一)主动公开情况 (二)依申请公开情况 … are its items), and they stand in
    the format's order, their brackets' numbers in order too. Their indexes in lines."""
    picked: list[tuple[int, int, int]] = []  # (index, number in brackets, section)
    for k, p in enumerate(lines):
        if p.kind not in ("text", "subheading") or len(p.text) > 30 or (numbering(p.text) or ("",))[0] != "paren":
            continue
        number, _, _, canonical, how, runs_on = _HEADINGS.read(_without_bullet(p.text), templates)
        if canonical is None or runs_on or number is None or how == "none":
            continue
        if picked and (canonical <= picked[-1][2] or number <= picked[-1][1]):
            return set()  # (out of order: items of a list, not an outline)
        picked.append((k, number, canonical))
    return {k for k, _, _ in picked} if len(picked) >= 2 and any(c == 4 for _, _, c in picked) else set()


def _with_lost_headings(sections: list[Section], templates: Templates) -> list[Section]:
    """The sections, with those whose heading alone lost its number (主动公开政府信息情况
    on its line under a numbered 一、, its table right below) standing on their own: a
    line in a section that is a later section's heading in the format's very words, not
    a section already, with that section's table the next thing after it, or with the 、
    its lost number left before it. (SEC-001 had called such a section missing.)"""
    out: list[Section] = []
    have = {s.canonical for s in sections}
    for s in sections:
        out.append(s)
        k = 0
        while k < len(out[-1].paragraphs):
            current = out[-1]
            p = current.paragraphs[k]
            k += 1
            if p.kind != "text" or len(p.text) > 22:
                continue
            # (“、主动公开政府信息情况”: the number lost, its 、 left, a heading whatever follows; so is
            # one whose 、 was typed 是, 三是收到和处理政府信息公开申请情况 (a real 2021 page), its number the section's)
            slipped = _SLIPPED_NUMBER.match(p.text)
            numeral_lost = p.text.startswith("、") or slipped is not None
            words = p.text[slipped.end():] if slipped else p.text.removeprefix("、")
            number, _, title, canonical, how, runs_on = _HEADINGS.read(words, templates)
            if (number is not None or how != "exact" or runs_on or canonical in have
                    or canonical <= (current.canonical or 0)
                    or (slipped is not None and cjk_number(slipped.group("n")) != canonical)):
                continue
            after = [t for t in current.tables if t.span.start > p.span.start]
            rest = current.paragraphs[k:]
            following = min(after, key=_START, default=None)
            if not numeral_lost and (following is None or templates.section_of(following.template) != canonical or (
                    rest and rest[0].span.start < following.span.start)):
                continue
            current.paragraphs = current.paragraphs[:k - 1]
            current.tables = [t for t in current.tables if t.span.start < p.span.start]
            _finish(current)
            out.append(Section(number=None, heading=p.text, span=p.span, title=title, canonical=canonical,
                               title_match="exact", numbering="none", paragraphs=rest, tables=after))
            _finish(out[-1])
            have.add(canonical)
            k = 0
    return out


_SLIPPED_NUMBER = compile_re(r"(?P<n>[二三四五六])是")


def _items_of(first: Section, sections: list[Section], templates: Templates) -> list[Section]:
    """The sections after an unnumbered 一, less its items numbered 1. 2. … that run on into
    their prose (2.主动公开情况。2021年我局…: item 2 of 总体情况, as _sections() tells them
    under a numbered 一), or that name a section by key words only under another number
    (1.主动公开目录 under (三)政府信息管理, a real 2025 page of 乐平市 whose 一 is “- 总体情况”,
    round 342: no 二, which SEC-004 had said misworded and TABLE-002 without its table),
    which join it."""
    k = 0
    while k < len(sections) and sections[k].numbering == "arabic" and (
            (read := _HEADINGS.read(sections[k].heading, templates))[5] or (read[4] == "fuzzy" and read[0] != read[3])):
        _fold(first, sections[k].heading, sections[k].span, sections[k].paragraphs, sections[k].tables)
        k += 1
    return sections[k:]


_DASH_FOR_ONE = compile_re(r"[—\-－–][ \u3000]*[、.．][ \u3000]*")  # (—、总体情况: 一 typed as a dash)
_BULLET = compile_re(r"[-•·*●▪][ \u3000]+")  # (- 总体情况: a page that showed a list's numbers as bullets)


def _without_bullet(line: str) -> str:
    bullet = _BULLET.match(line)
    return line[bullet.end():] if bullet else line


def _read_flattened_tables(sections: list[Section], index: LineIndex, templates: Templates,
                           preferred: str | None) -> None:
    """Tables whose cells stand one per line in a section's prose, read where they can be
    (tables.flattened_tables): their lines are then no longer prose."""
    for s in sections:
        s.paragraphs, found = flattened_tables(s.paragraphs, index, templates, preferred)
        if found:
            for t in found:
                t.section = s.canonical
            s.tables = sorted(s.tables + found, key=_START)


_START = attrgetter("span.start")


# A section heading that a web page's lost line break glued to the end of the paragraph
# before it ("…电话:0714-8766001)。一、总体情况"): after a full stop, numbered 一、 to 六、,
# up to the line's end; or after 如下: (…以及其他报告事项等。具体内容如下:一、总体情况, a real 2025 page of
# 油洋乡, round 587).
_HEADING_ENDS = ("情况", "事项", "措施", "概述", "概况")  # how the format's headings, and their variants, end
_GLUED_HEADING = compile_re(r"(?:(?<=[。）)])|(?<=如下[:：]))[ \u3000]*(?P<head>[一二三四五六][、.．][^\n\t。；;，,]{2,30})[ \u3000]*$")


_GLUED_RUN_ON = compile_re(r"(?:(?<=[。）)])|(?<=年度报告)|(?<=年报))[ \u3000]*(?P<number>[一二三四五六])、")
# (a heading worded otherwise, set off by a space from its items or its prose on the line)
_HEAD_BEFORE_ITEMS = compile_re(r"(?P<words>[^\s。；;，,、（()）]{2,16})[ \u3000]+(?=\S)")


def _run_on_heading(child: Token, expected: int, templates: Templates) -> list[Token] | None:
    """A paragraph's line split where the next section's heading, numbered as that section,
    runs on after a sentence (or the title) and into its own first sentence: in the format's
    very words (…电话:0577-67199058。 一、总体情况2023,云岭乡认真…), or in others a space sets
    off (…年度报告 一、基本情况 2022年,…): the line before it, the heading, and the prose after it."""
    title = templates.official(expected).title
    for m in _GLUED_RUN_ON.finditer(child.value):
        if cjk_number(m.group("number")) != expected:
            continue
        if child.value.startswith(title, m.end()):
            end = m.end() + len(title)
        elif (items := _HEAD_BEFORE_ITEMS.match(child.value, m.end())) and _HEADINGS.read(
                m.group("number") + "、" + items.group("words"), templates)[3:5] in (
                    (expected, "exact"), (expected, "wording"), (expected, "article")):
            end = items.end("words")  # (…联系。 一、总体概况 (一)主动公开情况 …, …年度报告 一、基本情况 2022年,…)
        else:
            continue
        cut = m.start("number")
        if end >= len(child.value.rstrip("\n")) or child.value[end] in "；;，,、。":
            return None  # (the heading ends the line, _GLUED_HEADING's; or a list of the parts goes on)
        return [Token(child.type, child.value[:cut], start_pos=child.start_pos),
                Token("SECTION_HEAD", child.value[cut:end], start_pos=child.start_pos + cut),
                Token("TEXT", child.value[end:], start_pos=child.start_pos + end)]
    return None


_GLUED_TO_METADATA = compile_re(r"(?<=[^\s\d])(?P<head>[一二三四五六][、.．][^\n\t。；;，,:：]{2,30})[ \u3000]*$")


def _with_glued_headings(tree: Tree, templates: Templates) -> Tree:
    """The tree with each section heading glued to the end of a paragraph (_GLUED_HEADING)
    taken as the heading it is: the paragraph ends before it, and the heading starts a
    section that holds what followed, up to the next heading. Only a heading in the
    format's own words (or art. 50's, or words of the same meaning) numbered as the
    section that comes next: the last sentence of a paragraph is not taken for one. (Also
    after a page's 来源 line that ran on into it: …来源: 上海普陀一、总体情况.)"""
    read = [None if node.data == "front" else _HEADINGS.read(node.children[0].value.rstrip("\n"), templates)
            for node in tree.children]
    numbers = [None if found is None else found[3] for found in read] + [None]  # (the official section each node's heading names)
    nodes: list[Tree] = []
    expected = 1
    for k, node in enumerate(tree.children):
        item = (node.data == "section" and node.children[0].type == "NUM_HEAD"
                and (read[k][5] or read[k][0] != read[k][3]))
        if node.data == "section" and not item:
            expected = (numbers[k] or 6) + 1  # (past 六: none expected)
        # (an item numbered 1、 under a section, running on into its prose, as “1、主动公开政府信息的情况:
        # 40条,…”, which the grammar reads as a heading: the section it is in goes on, and so does
        # the heading expected next, which may be glued to its end: …情况:无。 二、主动公开政府信息情况)
        while True:  # (and the heading after it glued into the section it starts, and so on)
            nodes.append(node)
            if expected > 6 or numbers[k + 1] == expected:
                break  # (the heading is there, on a line of its own)
            split = next(((i, found) for i, child in enumerate(node.children)
                          if isinstance(child, Token) and (child.type == "TEXT" or (i == 0 and item))
                          and (found := _glued_heading(child, expected, templates)) is not None), None)
            if split is None:
                break
            i, (before, *section) = split
            nodes[-1] = Tree(node.data, node.children[:i] + [before])
            node, expected = Tree("section", section + node.children[i + 1:]), expected + 1
    return Tree(tree.data, nodes)


def _glued_heading(child: Token, expected: int, templates: Templates) -> list[Token] | None:
    """A paragraph's line split at the heading of the section `expected` glued into it: the
    line before the heading, the heading, and the prose after it on the line, if any."""
    if child.value.rstrip().endswith(_HEADING_ENDS):
        if "。" in child.value:
            found = _GLUED_HEADING.search(child.value.rstrip("\n"))
        elif _METADATA_LINE.search(child.value):
            # (a page's 来源 line that ran on into the heading: …来源: 上海普陀一、总体情况)
            found = _GLUED_TO_METADATA.search(child.value.rstrip("\n"))
        else:
            return None
        if found is not None:
            head_number, _, _, canonical, how, _ = _HEADINGS.read(found["head"], templates)
            if head_number == expected and canonical == expected and how in ("exact", "article", "wording"):
                cut = found.start("head")
                return [Token(child.type, child.value[:cut], start_pos=child.start_pos),
                        Token("SECTION_HEAD", child.value[cut:], start_pos=child.start_pos + cut)]
    # (…电话:0577-67199058。 一、总体情况2023,云岭乡认真…; on a line that may end with a later heading)
    return _run_on_heading(child, expected, templates) if "。" in child.value else None


_ABOUT_DISCLOSURE = compile_re(r"政府信息公开|政务公开|信息公开")
_OVERALL_ITEM = compile_re(r"(?m)^[ \u3000]*[（(][一二三四五六][）)][ \u3000]*(?:政府信息)?(?P<topic>主动公开|依申请公开|政府信息管理"
                           r"|(?:政府信息公开|政务公开)?平台建设|监督保障)")
# (现将…工作情况报告如下; …2018年政务信息公开工作汇报, a real page filed as the year's report, round 589)
_REPORT_WORD = compile_re(r"年度报告|年报|工作报告|本(?:年度)?报告|报告如下|工作(?:情况)?汇报|汇报如下")


def looks_like_report(report: Report) -> bool:
    """Whether the document is an annual report at all (a README, a 404 page or a PDF
    saying "Hello" is not): it has a report's title, a section heading of the format,
    a statistics table (read or not), or at least names itself as a report on
    information disclosure near its start. Anything else is one clear result, not a
    list of rule findings about what such a document lacks."""
    if report.title is not None and report.title.kind == "title":
        return True
    if any(s.canonical is not None for s in report.sections) or report.layout_lost:
        return True
    if any(t.template for t in report.tables) or report.lost_tables:
        return True
    start = report.text[:600]
    if _ABOUT_DISCLOSURE.search(start) and _REPORT_WORD.search(start):
        return True
    # (or 总体情况's items of the 2021 format, (一)主动公开情况 … (四)政府信息公开平台建设, at least three:
    # a page that lost its title and first heading)
    return len({m.group("topic") for m in _OVERALL_ITEM.finditer(report.text[:3000])}) >= 3


def school_year_report(report: Report) -> bool:
    """Whether the document is a school's disclosure report for a school year, under the
    Ministry of Education's 《高等学校信息公开办法》 (2020~2021学年, 9月1日 to 8月31日): no
    report under the Regulations, whose format and calendar year it does not follow."""
    start = report.text[:800]
    # (not a school year inside a cited document's name: 《2023—2024学年度省州级三好学生…公示》 among
    # what 吉首市教育和体育局 published in 2024, a real page, round 594, had the bureau's report refused)
    # (or the period a school year, 自2021年9月1日起,至2022年8月31日止, under the ministry's notice on 高校信息公开年度报告:
    # a real 2022 page of a university, round 688, called its year 2021—2022年度)
    return bool(_SCHOOL_YEAR.search(_CITED_NAME.sub("", start)) or "高等学校信息公开办法" in start
                or ("高校信息公开" in start and _SCHOOL_YEAR_PERIOD.search(start)))


_SCHOOL_YEAR = compile_re(r"\d{4}\s*[-~～—–至]*\s*\d{4}\s*学年")
_SCHOOL_YEAR_PERIOD = compile_re(r"(?:19|20)\d\d\s*年\s*9\s*月\s*1\s*日[^。；;\n]{0,12}?(?:19|20)\d\d\s*年\s*8\s*月\s*31\s*日")
_CITED_NAME = compile_re(r"《(?![^《》\n]{0,80}(?:报告|年报)》)[^《》\n]{0,80}》")  # (a report's own title quoted is no other document)


def academy_report(report: Report) -> bool:
    """Whether the report is a unit's of 中国科学院 (中国社会科学院): an institute's, a
    branch's (中国科学院物理研究所2022年度信息公开工作报告), made under the academy's own
    rules on disclosure. The academy and its institutes are public institutions (事业单位),
    no administrative organs: the Regulations' format binds them not (real 2019–2022 pages of
    five institutes and a branch had some thirty findings of a format they never followed)."""
    named = report.title.text if report.title is not None else report.text[:300]
    # (or, a page that lost its title, the academy's rules cited as the report's basis)
    return ((bool(_ACADEMY_UNIT.search(named)) and "政府信息公开" not in named)
            or "中国科学院信息公开工作管理办法" in report.text[:800])


_ACADEMY_UNIT = compile_re(r"中国(?:社会)?科学院[^。；;\n]{0,24}?信息公开")


def _without_tables(text: str, tree: Tree) -> tuple[str, list[tuple[int, int]]]:
    """The text with its table regions blanked out (line ends kept, so every offset
    stays where it was), and the web site's footer lines (主办单位:…县人民政府办公室 联系电话:…:
    the site's host, not the report's contact; and a line between two of them, its address): dates and contact details are looked for
    in the prose. With
    it, the stretches of prose between the regions, each (start, end) ending after a
    line end or at the text's end: nothing facts looks for starts in a blanked line or
    runs on over a line end, so they are looked for there alone (in a generated report
    half the text is tables)."""
    regions = []
    # (a footer's line holds one of _SITE_FOOTER's words: in a text without any, no line is looked at)
    footers = any(word in text for word in _SITE_FOOTER_WORDS)
    for node in tree.children:
        footer_at = [k for k, t in enumerate(node.children)
                     if footers and not isinstance(t, Tree) and _SITE_FOOTER.search(t.value)]
        # (and a line between two of the footer's, 地址:…路268号 邮编:… under 主办单位:… over 网站标识码:…)
        footer = {k for a, b in zip(footer_at, footer_at[1:]) if b - a <= 3 for k in range(a, b + 1)} | set(footer_at)
        regions += [(t.children[0].start_pos, t.children[-1].end_pos)  # a table is a block of front or a section
                    if isinstance(t, Tree) else (t.start_pos, t.end_pos)
                    for k, t in enumerate(node.children) if isinstance(t, Tree) or k in footer]
    if not regions:
        return text, [(0, len(text))]
    parts, stretches, pos = [], [], 0
    for start, end in sorted(regions):
        parts.append(text[pos:start])
        parts.append(text[start:end].encode("ascii", "replace").translate(_BLANKED).decode("ascii"))
        if start > pos:
            stretches.append((pos, start))
        pos = end
    parts.append(text[pos:])
    if pos < len(text):
        stretches.append((pos, len(text)))
    return "".join(parts), stretches


# Every byte a space but the line end: a region encoded as ASCII, with "?" for each
# other character (one a code point), blanked in C, not line by line in Python.
_BLANKED = bytes(b if b == ord("\n") else ord(" ") for b in range(256))


# 二、主动公开政府信息情况 and the like in the middle of a line, not at its start.
# (not an item of a list of the parts: 本报告分为六个部分:一、总体情况,二、主动公开…)
# (or the old format's, before 2019: 。 一、政府信息公开工作的基本概况…。 二、主动公开政府信息情况…。 三、依申请公开政府信息和
# 不予公开政府信息的情况…, a real 2018 page of 金溪乡 on one line, round 526, told its outline of eight parts had 0 headings)
_INLINE_HEADING = compile_re(r"(?<=[^\s\u3000,，、:：;；])[ \u3000]*[一二三四五六][、.．][ \u3000]*(?:" + SECTION_OPENINGS
                             + r"|概述|政府信息公开(?:工作)?的?基本|依申请公开政府信息|政府信息公开的?收费|因政府信息公开申请)")


def _layout_lost(text: str, sections: list[Section]) -> bool:
    """Whether the report's line structure was lost on the way (a web archive that put
    the whole report on one line): several section headings run together inside lines
    while hardly any stands on a line of its own. Its tables cannot be read, nor can
    missing sections and tables be told; rules say so once rather than calling every
    section missing."""
    on_own_lines = sum(1 for s in sections if not text[text.rfind("\n", 0, s.span.start) + 1:s.span.start].strip())
    # (read now, the headings a page ran on into its lines are sections all the same:
    # counted are those that open a line of the document)
    return on_own_lines < 3 and len(_INLINE_HEADING.findall(text)) >= 3


# (a wiki's box of facts about the report under its title: • 中文名:2009年…年度报告 / • 类别:政府信息公开工作
# 年度报告, a real mirror of 陕西省教育厅's 2009 report, round 341: fields, the last of which had been taken
# for the title and 类别 for the body; a field named 标题 or 名称 is the page's title, _PAGE_TITLE_LABEL's)
_INFOBOX_FIELD = compile_re(r"[ \u3000]*[•·][ \u3000]*(?!(?:信息)?[标名][ \u3000]*[题称])[^:：\s]{1,5}[ \u3000]*[:：]")


def _title(front: list[Paragraph]) -> tuple[int | None, Paragraph | None, int]:
    """The title: (index of its last line in the front matter, the title, index of its
    first line). It is the last title-like line of the front matter (a cover letter may
    quote it before), with the line above when the title is split over two ("宿州市人民
    政府2016年" / "政府信息公开工作年度报告"). Where a web page shows the title and the
    document repeats it (with only short lines between: no cover letter), the first is the
    title; and where the one or the other leaves the year out, the one with the year.
    Failing any title-like line, a short first line."""
    candidates = [_joined_title(front, i) for i, p in enumerate(front)
                  if (p.kind == "title" or (p.kind == "text" and i and _split_inside_words(front[i - 1].text, p.text)))
                  and not (p.text.startswith(("关于", "附")) and not _ABOUT_THE_REPORT.fullmatch(p.text))
                  and not _CHROME.search(p.text) and not _SENTENCE.search(p.text) and not _RELATED_LINK.match(p.text)
                  and not _METADATA_LINE.match(p.text) and not _METADATA_START.match(p.text)
                  and not _INFOBOX_FIELD.match(p.text)
                  and not (i and _FIELD_LABEL_ALONE.fullmatch(front[i - 1].text))
                  and (not _SITE_LABEL.fullmatch(core(p.text)) or _split_before_label(front, i))
                  and not _PAGE_CONTROL.search(p.text)]  # (点击查看PDF版:X…年度报告.pdf: the page's link to a file)
    # (a file's name, X…年度报告.doc, is the title only where no other line is: 问答解读:X….docx under the
    # title is a link to another document, a real 2022 page of 历城区, round 553)
    candidates = [c for c in candidates if not _FILE_NAME.search(c[1].text)] or candidates
    # (a page's breadcrumb: 首页 > … > 信息公开年度报告; a column's label, 年度报告, unless it is
    # the end of a title split before it: 襄城区人社局2024年政府信息公开工作 / 年度报告)
    if len(candidates) > 1:  # a bare "政府信息公开工作年度报告" beside a full title is the page repeating it
        named = [c for c in candidates if facts.year_in(c[1].text) is not None
                 or facts.issuer_from_title(c[1].text, c[1].span, _NO_INDEX) is not None]
        # (and the page's metadata line that shows it under a label, 标题: … or 名  称 …, is
        # the page's, beside the document's own)
        candidates = [c for c in named or candidates if not _PAGE_TITLE_LABEL.match(c[1].text)] or named or candidates
    if candidates:
        return _with_year_below(front, _chosen_title(front, candidates))
    if (front and len(front[0].text) <= 60 and "。" not in front[0].text and not _CHROME.search(front[0].text)
            and _TITLE_WORD.search(front[0].text) and not front[0].text.endswith((":", "："))  # (政策, a menu; 某办公室:, an addressee)
            and not _SITE_FOOTER.search(front[0].text)  # (版权所有:…人民政府 主办单位:…, the site's footer)
            and not _SITE_LABEL.fullmatch(core(front[0].text)) and front[0].kind not in ("date", "doc_number", "subheading")
            and not _METADATA_LINE.match(front[0].text) and not _PAGE_CONTROL.search(front[0].text)
            and not _DOC_NUMBER.match(front[0].text) and not _RELATED_LINK_ALONE.match(front[0].text)
            and not _NUMBERED_ITEM.match(front[0].text)
            and not _SENTENCE.match(front[0].text)):  # (根据…条例现向社会公布2014年本局…报告: a sentence, its title lost, round 523)
        return 0, front[0], 0
    return None, None, 0


_FILE_NAME = compile_re(r"\.(?:docx?|pdf|wps)[ \u3000|｜]*$")


# An item of a numbered list, (2)市级部门及其主要职责 or 3、…: no title, but a page's copy that starts inside
# a list (a real 2011 page of 兰州市, its second page, round 440)
_NUMBERED_ITEM = compile_re(r"[ \u3000]*(?:[（(]\d{1,2}[）)]|\d{1,2}[、.．](?!\d))")


def _chosen_title(front: list[Paragraph], candidates: list[tuple[int, Paragraph, int]]) -> tuple[int, Paragraph, int]:
    """Of the title-like lines, the title (see _title)."""
    last = candidates[-1]
    key, dated = _title_key(last[1].text), facts.year_in(last[1].text) is not None
    for earlier in candidates[:-1]:
        # (the page's title, 石家庄经济技术开发区 / 2025年…年度报告, then its second half said
        # again: the whole title, not the repeat that lost the body)
        if earlier[2] < earlier[0] and earlier[1].text.endswith(last[1].text):
            return earlier
        # (or on one line, the repeat right under it without the body: 重庆市大足区农业农村委员会 2023年度…报告 /
        # 2023年度…报告, a real 2023 page, round 447, whose title had been read as the repeat, naming no body)
        if (earlier[0] + 1 == last[2] and core(earlier[1].text).endswith(core(last[1].text))
                and facts.issuer_from_title(last[1].text, last[1].span, _NO_INDEX) is None):
            return earlier
        # (or the repeat lost the first characters of the body's name, or its place: 山东省大数据局2024年…
        # above, 东省大数据局 / 2024年… under it, 西塞山区农业农村局… above 区农业农村局…; not a field
        # whose label lost its start, 称: X2025年…)
        earlier_key = _title_key(earlier[1].text)
        lost = earlier_key[:len(earlier_key) - len(key)] if earlier_key.endswith(key) else None
        # (not a column's heading without the year above the title with it: 云南省政府信息公开工作年度报告 /
        # 2019年云南省政府信息公开工作年度报告)
        same = (earlier_key == key or (len(key) >= 12 and lost is not None and len(lost) <= 4 and lost.isalpha()
                                       and not any(c in earlier[1].text for c in ":：|"))) and (
            facts.year_in(earlier[1].text) is not None)
        if same and (not dated or all((len(p.text) <= 40 or _METADATA_LINE.match(p.text)) and "。" not in p.text
                                      for p in front[earlier[0] + 1:last[2]])):
            return earlier
    return last


def _with_year_below(front: list[Paragraph], found: tuple[int, Paragraph, int]) -> tuple[int, Paragraph, int]:
    """The title with the year on the line under it when it has none of its own (海滨街道政府
    信息公开工作年度报告 / (2021年))."""
    at, title, first = found
    below = front[at + 1] if at + 1 < len(front) else None
    if (below is not None and facts.year_in(title.text) is None and below.span.line - title.span.end_line <= 2
            and _YEAR_ONLY.fullmatch(below.text)):
        return at + 1, Paragraph(title.text + below.text, join_spans(title.span, below.span), "title"), first
    return found


_TITLE_WORD = compile_re(r"公开|报告|年报|政府|[局委办乡镇区县市旗]|街道|管委会")
# A sentence that ends by naming the report (根据《条例》规定,现公布某局…年度报告): no title
_SENTENCE = compile_re(r"^[ \u3000]*(?:根据|依据|依照|按照|为)|[，,]")


# A web page's line of metadata (索引号, 发布日期, 信息来源…), or a date alone: no title,
# though it stands first (a date taken for the title gave a 2017 report the year 2018)
_METADATA_LINE = compile_re(r"[-*·•\s]*(?:索\s*引\s*号|(?:发布|成文|生成|公开|发表)(?:日期|时间|机构)|日期|时间|信息来源|来源"
                            r"|文\s*号|发文(?:机关|字号|日期)|关键[字词]|浏览次数|主题分类|体裁分类|所属(?:机构|类目|栏目)|发布单位"
                            r"|主办单位|承办单位|内容概述|内容摘要|相关文件|信息分类|信息名称|(?:工作)?机构名称|办公地址|办公时间|联系电话)\s*[:：|｜]")
# A page's field's label on a line of its own, its value on the next (- 主题分类 / - 政府信息公开年度报告):
# that value is no title
_FIELD_LABEL_ALONE = compile_re(r"[-*·•\s]*(?:主题分类|信息分类|体裁分类|所属(?:机构|类目|栏目)|栏目|分类|类别)\s*[:：]?\s*")
# A line of the web site's footer (its host, its registration numbers)
_SITE_FOOTER = compile_re(r"(?:主办|承办)单位\s*[:：]|网站标识码|ICP备|公网安备|版权所有")
_SITE_FOOTER_WORDS = ("主办单位", "承办单位", "网站标识码", "ICP备", "公网安备", "版权所有")  # (one in each of its matches)


# A document's number (东府〔2018〕3号, perhaps with its 签发人): no title
_DOC_NUMBER = compile_re(r"[^\n\t]{0,24}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")


# A web page's control shown above the article (点击收听年报语音朗读, 长者版 无障碍阅读, 打印本页)
_PAGE_CONTROL = compile_re(r"点击|收听|朗读|无障碍|长者版|字号|打印|关闭窗口|分享到|分享至|二维码|浏览次数")
# A web site's column name shown above the article ("政府信息公开年报"; of a kind of body, with
# the year of the column's list: 部门信息公开年报 2022, 乡镇政府信息公开年度报告), and page chrome
# (a breadcrumb): no report's title.
_SITE_LABEL = compile_re(r"(?:(?:市直|县直|区直|各)?部门|(?:各)?乡镇|街道|镇街|区县|县区|县市区)?"
                         r"(?:(?:政府)?信息公开(?:工作)?年报|政务公开年报|(?:政府信息)?公开年度报告|年度报告|年报"
                         r"|(?:政府)?信息公开元数据)(?:(?:19|20)\d\d年?度?)?")
_CHROME = compile_re(r"当前位置|您的位置|现在的位置|首页\s*[>/／]|>>|[^>\s] +> +[^>\n]+ +> +[^>\s]"  # (文昌市龙楼镇 > 信息公开 > 政府信息公开年报)
                     r"|^[ \u3000]*>[ \u3000]"  # (a breadcrumb's step on a line of its own: > 乡镇信息公开年度报告, a real 2019 page, round 369)
                     r"|^[ \u3000]*首页(?:[ \u3000]+[^\s>]{2,8}){3,}[ \u3000]*$"  # (首页 走进宁强 新闻中心 政府信息公开 …: a menu)
                     r"|扫描?二维码|分享(?:至|到)(?:好友|朋友圈|微信|微博)")  # (用微信扫描二维码分享至好友和朋友圈: a share button, round 327)
_PAGE_FOOTER = compile_re(r"扫一扫|手机上?(?:打开|浏览|阅读|查看)|当前页")


def _is_page_chrome(p: Paragraph) -> bool:
    """A short line of the web page around the report, not of the report: a lone bar, the
    page's controls (扫一扫在手机打开当前页, 【打印本页】【关闭窗口】), a breadcrumb."""
    text = p.text.strip(" \u3000|｜")
    return not text or (len(text) <= 20 and any(r.search(text) for r in (_PAGE_FOOTER, _PAGE_CONTROL, _CHROME)))


_NO_INDEX = LineIndex("")  # (a title's issuer looked for only to tell a title from a label)


def _title_key(text: str) -> str:
    """A title without its year (with 年 or run on: 2020政府…), or the label of the page's
    metadata line that shows it (名  称 …): two titles of one report compare equal."""
    return core(_title_year().sub("", _PAGE_TITLE_LABEL.sub("", text, 1)))


# (or in square brackets, as the page's other fields: [ 名 称 ] 吴堡县…年度报告 under [ 发布机构 ] …)
_PAGE_TITLE_LABEL = compile_re(r"^[-•·*\s\u3000]*(?:[\[［【][ \u3000]*)?(?:信息)?[标名][ \u3000]*[题称][ \u3000]*(?:[\]］】]|[:：|]?)")


@lru_cache(maxsize=1)
def _title_year() -> re.Pattern:
    """_title_key()'s pattern, compiled when first asked for, then kept (re.sub with it
    would look it up in re's cache at every call)."""
    return compile_re(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*(?:年度?)?")


# (or the end of a body's name split from its start: "…小龙坎街道" / "办事处2023年…"; or a mirror's junk where
# the body's name stood, "…管理委员会" / "???????2021年…", a real 2021 page of 大足区海棠新城)
_TITLE_START_WITHOUT_BODY = compile_re(r"[（(]?\d|[^\u4e00-\u9fff\n]{1,12}(?:19|20)\d\d|关于|政府信息|信息公开|政务|工作|年度|年报|办事处|人民政府|管委会|委员会|办公室")
# (a page's link to a reading of the report: • 一图读懂:汉阴县人民政府2023年度…报告, 相关图解:…)
_READINGS = r"(?:一图读懂|一图看懂|图解|图说|政策解读|解读)"
_RELATED_LINK = compile_re(r"[-•·*\s]*(?:相关)?" + _READINGS + r"[ \u3000]*[:：《“]")
# (a page's line that is only a link to a related reading, 相关图解:…, is no title even alone; 图解:… alone
# labels the report's own graphic version, its title)
_RELATED_LINK_ALONE = compile_re(r"[-•·*\s]*相关" + _READINGS)
# (关于2020年度政府信息公开工作报告 under the body's name: the title's second half, worded as a
# document's subject; or the body named in it, 关于中国测试技术研究院2020年政府信息公开工作的年度报告, a real
# 2020 page, round 582; not a cover letter's 关于报送…的函, 关于上报…年度报告, nor a notice's 关于做好…)
_ABOUT_THE_REPORT = compile_re(r"关于[ \u3000]*(?!报送|上报|呈报|报请|印发|转发|公布|发布|做好|编制|开展)"
                               r"(?:[^，。；\n]{0,30}?(?:19|20)\d\d[^，。；\n]{0,30}(?:年度报告|工作报告|年报|(?:工作|公开)情况的?报告)"
                               # (or without its year, 某局办公室 / 关于政府信息公开工作情况的报告: the year the title lacks, a
                               # regression helper's probe on 重庆市卫生健康委员会办公室 2018)
                               r"|[^，。；\n\d]{0,20}?政府信息公开工作(?:情况)?的?报告)")


def _joined_title(front: list[Paragraph], at: int) -> tuple[int, Paragraph, int]:
    """The title line at `at`, joined with the short line above it (at most one blank
    line between) when that line is the title's first half: a body and a year
    ("某县人民政府办公室" / "2021年政府信息…", "宿州市人民政府2016年" / "政府信息…",
    "西咸新区底张街道办事处2023年度政府" / "信息公开工作年度报告", "察隅县古拉乡2022年政府信息" /
    "公开工作年度报告", "西藏自治区审计厅2025年政务信息" / "公开工作开展年度报告"), or a year alone, or the
    body an office that names no place belongs to."""
    title = front[at]
    before = front[at - 1] if at > 0 else None
    issuer = facts.issuer_from_title(title.text, title.span, _NO_INDEX)
    dated = facts.year_in(title.text) is not None
    whole = dated and issuer is not None  # a year and a body: no second half
    # an office that names no place under the body it belongs to ("武汉市东湖生态旅游风景区
    # 管理委员会" / "卫生健康办公室2023年政府信息公开工作年度报告")
    office_of_body_above = (whole and before is not None and not _PLACE_WORD.search(issuer.name)
                            and facts.issuer_kind(before.text) in ("government", "committee", "department"))
    if ((not whole or office_of_body_above) and before is not None and before.kind == "text"
            and not _names_the_site(front[_below_fields(front, at - 1):at - 1], before.text)
            and not _METADATA_START.match(before.text)
            and not _CHROME.search(before.text)
            and title.span.line - before.span.end_line <= 2
            and not (dated and facts.year_in(before.text) is not None)  # (two years: no halves of one title)
            and len(before.text) <= 40 and not any(ch in before.text for ch in "，。：:；|｜")  # (｜: a page's menu)
            and (_TITLE_START_WITHOUT_BODY.match(title.text) or _YEAR_ONLY.fullmatch(before.text)
                 or before.text.endswith(("年", "年度", "政府", "政务", "政府信息", "政务信息")) or office_of_body_above
                 # (not a column's label above a title that says it again: 政府信息公开 / 桂东县政府信息公开工作年度报告,
                 # a real page, round 594)
                 or (before.text.endswith(_FIRST_HALF_ENDS) and "信息公开" not in title.text and "政务公开" not in title.text)
                 # (a year and a place, the body's own name the title's start: "2015年广州市海珠区" / "教育局政府
                 # 信息公开年度报告", a real 2015 page, round 505, whose year META-002 had said was missing)
                 or (not dated and facts.year_in(before.text) is not None and before.text.endswith(("区", "县", "市", "州", "旗", "盟")))
                 or _split_inside_words(before.text, title.text))):
        return at, Paragraph(before.text + title.text, join_spans(before.span, title.span), "title"), at - 1
    return at, title, at


def _below_fields(front: list[Paragraph], end: int) -> int:
    """Where the lines after the page's last field line before `end` begin (0 where there is
    none): a site's banner above the fields is no banner over the title below them
    (欢迎光临海南省工业和信息化厅 / 首页 > … / • 索 引 号:… / 海南省工业和信息化厅 / 2022年…年度报告, a
    real 2022 page, round 346)."""
    for k in range(end - 1, -1, -1):
        if _METADATA_START.match(front[k].text) or _METADATA_LINE.match(front[k].text):
            return k + 1
    return 0


# (a page's metadata line, its label perhaps without a colon: 发文机关宋村镇人民政府 主题词, 内容概述 某局2014年…报告)
_METADATA_START = compile_re(r"[-*·•\s]*(?:索\s*引\s*号|发文机关|发布机构|发布单位|主题词|主题分类|成文日期|发布日期|信息来源"
                             r"|内容概述|内容摘要|文件下载|附件下载)")  # (文件下载 宿迁市2017年…年度报告: the page's link to the file, a real 2017 page, round 484)


def _labelled_title(front: Tree, index: LineIndex) -> Paragraph | None:
    """The title a web page shows only in its metadata box, under a label (标 题: | 原州区
    中河乡2019年政府信息公开工作年度报告 |, a box read as a table's lines, or 名 称: … on a
    line of its own), or an encyclopedia's first line names in its marks (《…年度报告》是…):
    the report's title when its text has no title line of its own."""
    for child in front.children:
        for token in (child.children if isinstance(child, Tree) else (child,)):
            m = _LABELLED_TITLE.search(token.value) or _QUOTED_TITLE.match(token.value)
            if m:
                start = token.start_pos + m.start("title")
                return Paragraph(m.group("title"), index.span(start, start + len(m.group("title"))), "title")
    return None


# (or on a line of its own, other fields after it: 名 称: 咸宁市…2025年信息公开工作年度报告 发布日期: …; or 信息名称;
# or in brackets, [ 名 称 ] | 岔河则乡人民政府2020年…年度报告 |, a real 2020 page of 榆阳区, round 340)
_LABELLED_TITLE = compile_re(r"(?m)^[ \u3000]*(?:[\[［【][ \u3000]*)?(?:信息)?[标名][ \u3000]*[题称][ \u3000]*(?:[\]］】][ \u3000]*)?(?:[:：]?[ \u3000]*\t|[:：])[ \u3000]*"
                             r"(?P<title>[^\t\n]{2,60}?(?:年度报告|年报)(?:[（(][^）)\t\n]{0,12}[）)])?)(?=[\t \u3000]|$)")


# (or in its marks, an encyclopedia's first line: 《泰安市财政局2010年信息公开工作年度报告》是泰安市财政局2010年发布的一份报告,
# a real 2010 page, round 563)
_QUOTED_TITLE = compile_re(r"[ \u3000]*《(?P<title>[^《》\n]{2,60}?(?:年度报告|年报))》(?=是)")


def _without_label(title: Paragraph, index: LineIndex) -> Paragraph:
    """The title without the label a page's metadata box put before it on its line
    (标题:长治高新区2022年政府信息公开年度报告 | |, a real 2022 page, round 264: messages had
    quoted the label as the title's), or a mirror's ? for a character it could not convert
    (?望江鄉2021年度…, round 276: the body had been read as ?望江乡), or the page's mark of what
    kind of article it is ((图文)海宁市人民政府2023年度…, round 294)."""
    label = _TITLE_LABEL_BEFORE.match(title.text)
    if label is None or title.span.line != title.span.end_line or title.span.end - title.span.start != len(title.text):
        return title
    start = title.span.start + label.end()
    return Paragraph(title.text[label.end():], index.span(start, title.span.end), "title")


_TITLE_LABEL_BEFORE = compile_re(r"(?:(?:信息)?[标名][ \u3000]*[题称][ \u3000]*[:：]|[?？]+|[（(【\[](?:图文|图解|视频|文字版|全文)[）)】\]])"
                                 r"[ \u3000]*(?=\S)")


def _names_the_site(above: list[Paragraph], name: str) -> bool:
    """Whether `name` is the web site's, in its banner above ("欢迎您访问金口河区人民政府门户
    网站" … "金口河区人民政府"): the site's name, not the first half of the title under it."""
    return any(name in p.text and _SITE_BANNER.search(p.text) and not _CHROME.search(p.text) for p in above)


_SITE_BANNER = compile_re(r"欢迎|门户")
_YEAR_ONLY = compile_re(r"[（(]?(?:\d{4}\s*年度?|(?:19|20)\d\d)[）)]?")  # (2023 alone: a page's line over the title)


def _split_inside_words(first: str, second: str) -> bool:
    """Whether a title was wrapped inside its closing words, as a PDF's line end falls
    ("…2022年政府信息公" / "开工作年度报告", "…工作年度" / "报告")."""
    first, second = first.replace(" ", ""), second.replace(" ", "")
    return len(second) <= 24 and any(first.endswith(words[:k]) and second.startswith(words[k:])
                                     for words in _TITLE_WORDS for k in range(1, len(words)))


# (and the title that lacks 工作, as a real 2019 page of 衡东县甘溪镇 wraps it: …政府信息公开年度 / 报 告, round 369;
# or 年度, …2022年政府信息公开 / 工作报告, a real 2022 page of 南昌市新建区, round 528, whose META-003 went unsaid)
_TITLE_WORDS = ("政府信息公开工作年度报告", "政务公开工作年度报告", "政务信息公开工作年度报告", "政府信息公开年度报告",
                "政府信息公开工作报告")


def _split_before_label(front: list[Paragraph], at: int) -> bool:
    """Whether the line above a bare 年度报告 is the title's first half (…政府信息公开工作, or the
    year and the body: 2017年绍兴市住房和城乡建设局 / 政府信息公开年报, or the body and the year;
    or split inside 信息公开: 衡南县人民政府办公室2022年政府信息 / 公开年度报告, a real page, round 265).
    The body may carry its second name in brackets (自治区民委(宗教事务局)2019年度 / 政府信息公开年度报告,
    a real 2019 page, round 356)."""
    if at == 0 or front[at - 1].kind != "text":
        return False
    above = front[at - 1].text
    halves = _YEAR_FIRST.fullmatch(above) or _YEAR_LAST.fullmatch(above)
    return above.endswith(_FIRST_HALF_ENDS) or (
        halves is not None and facts.issuer_kind(facts.without_second_name(halves.group("body"))) != "unknown") or (
        above.endswith(("政府信息", "政务信息")) and front[at].text.startswith("公开"))


# (or the body and then the year: 天津市红桥区人民政府2024年 / 政府信息公开年度报告)
_YEAR_FIRST = compile_re(r"[ \u3000]*(?:19|20)\d\d[ \u3000]*年度?(?P<body>[\u4e00-\u9fff（）()]{2,30})[ \u3000]*")
_YEAR_LAST = compile_re(r"[ \u3000]*(?P<body>[\u4e00-\u9fff（）()]{2,30}?)[ \u3000]*(?:19|20)\d\d[ \u3000]*年度?[ \u3000]*")


_FIRST_HALF_ENDS = ("公开工作", "政务公开", "信息公开")
_PLACE_WORD = compile_re(r"[省市县区旗州盟乡镇村]|街道|苏木|国家|中央|国务院")


# An opening sentence that names the report and its year ("现将我局2019年政府信息公开工作
# 报告如下"), or a first paragraph that opens with the year ("2023年，在区委、区政府的领导下…",
# "（一）主动公开情况。2024年我局认真贯彻…").
_REPORT_OF_YEAR = compile_re(r"(?<!\d)(?<![^现特]发布)(?<![及和、])(?P<y>(?:19|20)\d\d)[ \u3000]*(?:年度?|度)(?:政府信息公开|政务公开|政务信息公开|信息公开)"
                             r"[^。；;\n]{0,12}(?:年度报告|工作报告|报告|年报|工作总结)(?![》”]?、)")
# (年 lost before 度, “…环境保护局编制的2013度政府信息公开年度报告”, a real 2013 page, round 341: the
# year is no other the page names, 我局从2008年开始实行…)
# (not an item of a list of what was published: “…住建局2024年政府信息公开工作年度报告、2025年…”, “…等重点领域
# 信息及2018年度信息公开工作报告” in a 2019 report (南京, round 256); nor
# last year's report, published this year: “更新了公开指南,发布2019年政府信息公开年度报告” in a 2020 report)
# “特向社会公布2014年谯城区政务服务中心政府信息公开工作年度报告”: the year before the body's name (or “现将2021年度
# 镇远县林业局政府信息公开工作报告如下”, a real 2021 page, round 287, whose year had not been read)
_PUBLISHES_REPORT_OF_YEAR = compile_re(r"(?:公布|现将|特将)(?P<y>(?:19|20)\d\d)[ \u3000]*年度?[^，,。；;\n《》“”\d]{2,30}?"
                                       r"(?:政府信息公开|政务公开|政务信息公开|信息公开)[^。；;\n]{0,12}(?:年度报告|工作报告|年报)")
# (or the year after the matter: 特编制兴国县教育科技体育局政府信息公开工作2021年度报告, a real 2021 page, round 432,
# whose 2023年我局建立健全… of a later paragraph had been taken for the year)
_REPORT_OF_YEAR_AFTER_MATTER = compile_re(r"(?:编制|编写|公布|发布|现将)[^。；;\n]{0,30}?(?:政府信息公开|政务公开|信息公开)工作"
                                          r"(?P<y>(?:19|20)\d\d)[ \u3000]*年度?报告")
# “…等六个方面汇报我镇2023年政府信息公开工作。”: the work the report is on
_REPORTS_ON_YEAR = compile_re(r"汇报(?:[我本][乡镇局委办区县市])?(?P<y>(?:19|20)\d\d)[ \u3000]*年度?(?:政府信息公开|政务公开)工作(?=[。；;]|$)")
# “…积极开展政府信息公开工作。2008年主要工作情况如下。”: the year whose work follows (a real 2008 page of 国家统计局, round 320)
_WORK_OF_YEAR_FOLLOWS = compile_re(r"(?<!\d)(?P<y>(?:19|20)\d\d)[ \u3000]*年度?(?:的)?(?:主要)?(?:政府信息公开)?工作(?:情况)?(?:报告)?如下")
# How a report speaks of its own body (我委, 本镇)
_SELF_NAMED = r"[我本](?:局|委|办|厅|镇|乡|街道|区|县|市|中心|单位|机关)"
_OPENS_WITH_YEAR = compile_re(r"^[ \u3000]*(?:(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、])[^。：:\n]{1,20}[。：:][ \u3000]*)?在?"
                              rf"(?:{_SELF_NAMED}[ \u3000]*)?"  # (我委2019年度共主动公开…: a real 2019 page, round 307)
                              r"(?P<y>(?:19|20)\d\d)[ \u3000]*(?:年(?:度|以来)?(?:[，,]|(?=我|本|共|为|通过)"
                              r"|(?=[\u4e00-\u9fff]{2,24}?(?:局|委员会|委|办公室|厅|人民政府|街道|镇|乡)(?:高度|认真|坚持|始终|全面|积极|严格|深入|在[^，,。]{2,30}?(?:领导|指导)下))"
                              r"|(?=[\u4e00-\u9fff]{0,16}?(?:政务公开|政府信息公开|信息公开)工作(?!要点|报告|年报|年度报告|总结)))"
                              r"|[，,](?=\D))")
# (or the year alone before its comma, 年 left out: “2025,吐鲁番市高昌区住建局以…”; or 在2024年,…; or 我局 2017年通过…,
# a real 2017 page of 海口市教育局, round 383; or the body
# right after the year, a sentence's subject: “2023年荔湾区退役军人事务局高度重视…”, or the year's
# work: “2021年城中区政务公开工作在区委区政府的正确领导下…”;
# after an item's heading, （一）主动公开情况。2021年,… or 1.主动公开政府信息。2021年,…)
# (or a sentence that counts up to the end of the year: “截至2019年底,鲤城高新区主动公开…”)
_AS_AT_YEAR_END = compile_re(r"(?:(?:^|[。；;！!])[ \u3000]*截[至止]到?"
                             r"|(?:统计|数据)[^。；;，,\n]{0,8}截[至止](?:时间|日期)(?:为|是)?)"  # (报告统计数据截止时间为2022年12月31日)
                             r"[ \u3000]*(?P<y>(?:19|20)\d\d)[ \u3000]*年(?:底|末|12月31日)")

# (or a later sentence of the opening paragraph, the body its subject: …的服务作用。2019年度,我乡政务政务信息主动
# 公开信息81条, a real 2019 page that lost its title and introduction, round 606)
_SENTENCE_WITH_YEAR = compile_re(r"[。；;][ \u3000]*(?P<y>(?:19|20)\d\d)[ \u3000]*年度?[，,]?[ \u3000]*" + _SELF_NAMED)


# (the patterns above that read a sentence's year, not the report's name: _year weighs them against
# the other years the opening names)
_SENTENCE_YEARS = (_OPENS_WITH_YEAR, _WORK_OF_YEAR_FOLLOWS, _AS_AT_YEAR_END, _SENTENCE_WITH_YEAR)


def _year(title: Paragraph | None, periods: list, opening: list[str],
          years_above: frozenset[int] = frozenset()) -> tuple[int | None, str | None]:
    """The report year: from the title, else the statistics period, else the opening
    sentences (a web page's text without its title). `years_above`: the years of the dates
    above the first section."""
    if title is not None:
        year = facts.year_in(title.text)
        if year is not None:
            return year, "title"
    years = [p.start.year for p in periods if p.start is not None and p.end is not None and p.start.year == p.end.year]
    # (two periods of two years, one a slip: the report as its opening names it decides, 我镇认真编写了
    # 《…2020年度…年度报告》 over 2019年1月1日起至12月31日 and 2020年1月1日至12月31日)
    if years and len(set(years)) == 1:
        # (and one period whose year is the slip: 编制了2021年政府信息公开年度报告, the opening's sentences
        # of 2021 twice at least and never of the period's 2020, a real 2021 page: the report's own words decide;
        # so do 特向社会公布2011年陕西省财政厅政府信息公开工作年度报告 and 2011年,省财政厅… over a period of 2010,
        # a real 2011 page, round 370)
        named = next((int(m.group("y")) for pattern in (_REPORT_OF_YEAR, _PUBLISHES_REPORT_OF_YEAR)
                      for text in opening for m in pattern.finditer(text)), years[0])
        # (not where a date above the report is of the year after the period's, as a report of the
        # period's year is published: 发布时间:2016-03-09 over 公布2014年度…年度报告 and a period of
        # 2015, a real page, round 308)
        if named != years[0] and years[0] + 1 not in years_above:
            said = _years_named(opening)
            if said[named] >= 2 and not said[years[0]]:
                return named, "text"
        return years[0], "period"
    said = None
    for pattern in (_REPORT_OF_YEAR, _PUBLISHES_REPORT_OF_YEAR, _REPORT_OF_YEAR_AFTER_MATTER, _REPORTS_ON_YEAR, _OPENS_WITH_YEAR,
                    _WORK_OF_YEAR_FOLLOWS, _AS_AT_YEAR_END, _SENTENCE_WITH_YEAR):
        for text in opening:
            m = pattern.search(text)
            if m and (not years or int(m.group("y")) in years):
                year = int(m.group("y"))
                if pattern in _SENTENCE_YEARS:
                    # (a sentence's year, not the report's name: not where the opening names another year
                    # twice as often, at least twice: 2023年我局建立健全… once among 2021年度 … 2021年12月31日 …
                    # 2021年 of a 2021 report, a real page, round 432)
                    said = said or _years_named(opening)
                    if any(n >= 2 and n >= 2 * said[year] for other, n in said.items() if other != year):
                        continue
                    if pattern is _SENTENCE_WITH_YEAR and any(n for other, n in said.items() if other != year):
                        continue  # (a later sentence's year: only where the opening names no other)
                return year, "text"
    for text in opening:  # (a paragraph that opens with the report's name: 2024年柳北区…年度报告,坚持以…)
        name = facts.report_named_first(text)
        year = facts.year_in(name) if name else None
        if year is not None and (not years or year in years):
            return year, "text"
    if years:
        return years[0], "period"
    # (last, the year the opening lines name at least twice, and twice as often as any other:
    # “…我镇依法依规办理申请。2022年我镇…” / “2022年高陂镇严格按照…”; “2025年中仓街道…” /
    # “2025年度…公示了…2024年度部门决算和2025年度部门预算”)
    (most, times), *others = _years_named(opening).most_common() or [(None, 0)]
    if times >= 2 and all(times >= 2 * n for _, n in others):
        return most, "text"
    # (or the one year the opening names, once, under a date of the year after it, as a report is
    # published: 今年,…。2019年共主动公开政府信息195条 under 发文日期: 2020-01-08, a real 2019 page of
    # 天台县民政局, round 443, whose 规章 row was not checked for want of a year)
    if times == 1 and not others and most + 1 in years_above:
        return most, "text"
    return None, None


_YEAR_NAMED = compile_re(r"(?<!\d)(?P<y>(?:19|20)\d\d)[ \u3000]*年(?!\d|以来|以前|之前|前|底前)")


def _years_named(opening: list[str]) -> Counter:
    """How often the opening lines name each year (2022年, not 2022年1月 of a date)."""
    return Counter(int(m.group("y")) for text in opening for m in _YEAR_NAMED.finditer(text))


def _report_period(periods: list, year: int | None):
    """The statistics period: the first stated period that spans a year's worth of
    months (a report may also mention shorter periods of work)."""
    for p in periods:
        if p.start and p.end and p.start.month == 1 and p.start.day == 1:
            return p
    return periods[0] if periods else None


def _match_title(title: str, known: list[SectionTitle]) -> tuple[int | None, str]:
    c = core(title)
    if not c:
        return None, "none"
    for s in known:
        if c == core(s.title):
            return s.number, "exact"
    for s in known:
        if s.article and c == core(s.article):
            return s.number, "article"
    for s in known:
        if any(c == core(v) for v in s.variants):
            return s.number, "variant"
    for s in known:
        if any(all(k in c for k in group) for group in s.keywords):
            return s.number, "fuzzy"
    return None, "none"


def _head_number(head: str) -> tuple[int | None, str]:
    num = numbering(head)
    if num is None:
        return None, "cjk"
    kind, value = num
    return value, "arabic" if kind == "arabic" else "cjk"


_YEAR_OF_REPORT = compile_re(r"(?:19|20)\d\d年度?")  # (一、2024年总体情况: the report's year, said again)
# The body itself named before a heading's words: 一、全局信息公开总体情况, 五、我局…存在的主要问题及改进情况
# (a real 2020 page of 开州区医疗保障局, round 258).
_BODY_BEFORE_HEADING = compile_re(r"^(?:全|本|我)(?:局|委|办|厅|署|市|县|区|旗|镇|乡|街道|单位|机关|中心)")


def _same_meaning(heading: str, official: str, words: SameMeaning) -> bool:
    """Whether a heading says what the format's heading says, differing only by words
    that leave the meaning as it is (sections.yaml, same_meaning), or by a year, or by
    the 情况 the format's ends with, left out (三、收到和处理政府信息公开申请, a real 2023 page of
    临潼区, round 244; not 情况 anywhere: 主要措施 would be read as 主要情况 and go), or by the
    body's own name before its words (一、全局信息公开总体情况)."""
    def plain(text: str) -> str:
        text = _BODY_BEFORE_HEADING.sub("", _YEAR_OF_REPORT.sub("", core(text)))
        for word, same in words.same:
            text = text.replace(word, same)
        for word in sorted(words.ignore, key=len, reverse=True):
            text = text.replace(word, "")
        return text

    return plain(heading) == plain(official) or (
        official.endswith("情况") and not heading.endswith("情况") and plain(heading + "情况") == plain(official))


def _read_heading(line: str, templates: Templates) -> tuple[int | None, str, str, int | None, str, bool]:
    """A section heading's number and kind of numbering, its title, the official section
    its title names and how (_match_title, or "wording"), and whether it runs on into
    prose after the stop that ends its words."""
    known = templates.sections
    line = _SPACED_NUMBER.sub(r"\g<number>、", line)
    number, numbering_kind = _head_number(line)
    title = strip_numbering(line)
    words, rest = _heading_parts(title)
    canonical, how = _match_title(words, known)
    if how in ("variant", "fuzzy"):
        section = templates.official(canonical)
        # (art. 50's words first where its 行政机关 is there: 行政机关 is otherwise a word that leaves the
        # meaning, 一、行政机关2020年度政府信息公开工作的基本情况, a real page, round 592)
        article = section.article and _same_meaning(words, section.article, templates.same_meaning)
        if article and "行政机关" in words:
            how = "article"
        elif _same_meaning(words, section.title, templates.same_meaning):
            how = "wording"  # worded otherwise, meaning kept (as the format's own heading)
        elif article:
            how = "article"  # art. 50's words, but for one that leaves the meaning (行政机关主动公开政府信息情况)
    runs_on = len(rest.strip()) >= 6  # (into prose: not a stop at the line's end)
    if ("指" in title and _DEFINITION.match(title)) or _HEADINGS_IN_A_ROW.search(title):
        # (a term and its definition, 2、主动公开政府信息:指涉及公民…, of a glossary the introduction
        # holds (专有名词解释, real 上海 pages of 2015-17), or the report's headings listed on one line:
        # names no section)
        canonical, how = None, "none"
    return number, numbering_kind, title, canonical, how, runs_on


_DEFINITION = compile_re(r"[^。：:\n]{2,20}[：:][ \u3000]*指")
# A part's number set apart from its title by spaces, the 、 lost in a PDF's text (六     其他需要报告的事项,
# a real 2022 page of 德州市生态环境局, round 420; 一 概 述, 二 政府信息主动公开情况, a real 2018 page of 湖塘镇,
# round 700): read as 六、 (report.lark's SECTION_HEAD takes such a line, before the same opening words)
_SPACED_NUMBER = compile_re(r"^(?P<number>[ \u3000]*[一二三四五六七八九十]{1,3})[ \u3000]+"
                            r"(?=总体情况|概[ \u3000]*述|(?:政府信息)?主动公开|(?:政府信息)?依申请公开|收到和处理政府信息"
                            r"|政府信息公开(?:的|工作)?(?:行政复议|收费|咨询|存在|情况统计)|(?:因政府信息公开(?:申请)?)?(?:行政)?复议"
                            r"|(?:政府信息公开)?咨询情况|政府支出|收费|存在的?主要问题|其他需要报告)")


class _Headings:
    """_read_heading(line, templates), kept by line for the templates last asked about:
    reports repeat the official headings, and reading one costs ≈ 30,000 instructions
    (its numbering, its title normalised and matched against each official one)."""

    KEPT = 1024

    def __init__(self) -> None:
        self.templates: Templates | None = None
        self.read_by_line: dict[str, tuple[int | None, str, str, int | None, str, bool]] = {}

    def read(self, line: str, templates: Templates) -> tuple[int | None, str, str, int | None, str, bool]:
        if templates is not self.templates:
            self.templates, self.read_by_line = templates, {}
        found = self.read_by_line.get(line)
        if found is None:
            if len(self.read_by_line) >= self.KEPT:
                self.read_by_line.clear()
            found = self.read_by_line[line] = _read_heading(line, templates)
        return found


_HEADINGS = _Headings()


def _sections(nodes: list[Tree], reader: _Reader, templates: Templates, preferred: str | None) -> list[Section]:
    sections: list[Section] = []
    items = (None, 0)  # the numbering and number of the last item numbered like a section the last section holds
    restarted = False  # whether those items' list opened with the section's own number again (一、 under 一、)
    for node in nodes:
        head, *children = node.children
        line = head.value.rstrip("\n")
        span = reader.index.trimmed(head.start_pos, head.start_pos + len(line))
        number, numbering_kind, title, canonical, how, runs_on = _HEADINGS.read(line, templates)
        paragraphs, tables = reader.blocks(children, preferred)
        if (number is not None and not title and paragraphs and paragraphs[0].kind == "text"
                and len(paragraphs[0].text) <= 30):
            # (“一、” alone on its line, its words on the next, as a PDF's copy breaks them)
            joined = _HEADINGS.read(line.rstrip(" \u3000") + paragraphs[0].text, templates)
            if joined[4] in ("exact", "wording", "article", "variant") and not joined[5]:
                line = line.rstrip(" \u3000") + paragraphs[0].text
                span = join_spans(span, paragraphs.pop(0).span)
                number, numbering_kind, title, canonical, how, runs_on = joined
        previous = sections[-1] if sections else None
        if previous is not None and not (previous.paragraphs or previous.tables) and line.strip(" \u3000") == previous.heading:
            # (the heading said twice, the page's and the document's own, as in “一、总体情况” /
            # “一、总体情况 本年报是根据…”: one section)
            previous.paragraphs.extend(paragraphs)
            previous.tables.extend(tables)
            continue
        continues = previous is None or previous.number is None or number == previous.number + 1
        goes_back = (previous is not None and numbering_kind == "arabic" and number is not None
                     and previous.number is not None and number <= previous.number)
        under_cjk = numbering_kind == "arabic" and previous is not None and previous.numbering == "cjk"
        # (and a sentence numbered 一、 that names a section by a key word only: “一、为做好我镇的
        # 政府信息公开工作，…依申请公开受理…”, longer than any heading)
        item = (runs_on and (canonical is None or (under_cjk and how != "exact"))) or (
            how == "fuzzy" and len(title) > _SENTENCE_LENGTH)
        # (“3.主动公开信息情况”, item 3 of 一's list, names section 二 only by key words, or in
        # words that keep its meaning once a list numbered 1. has begun under 一, numbered 3;
        # a section's own words under Word's wrong number, “4、 收到和处理…”, are that section)
        misnumbered = under_cjk and number != canonical and (how == "fuzzy" or (
            how == "wording" and (items[0] == "arabic" or _last_item(previous) is not None)))
        # (a row of a table copied a cell per line, “四、结转下年度继续办理” after the numbers of
        # the row before: numbered as a section, it names a table's row, not a section)
        row = (how != "exact" and previous is not None and previous.paragraphs and core(title) in templates.row_labels
               and is_cell_line(previous.paragraphs[-1], head.start_pos, reader.index.text, templates))
        # (a section's items numbered 一、二、… like the sections, running on into their prose:
        # “一、强化组织保障。…” under 一、总体情况, then “二、及时主动公开。…”, which names 二 by a
        # key word only, is item 二 of that list; so is “一、扩面提效…主动公开。…” right under it)
        # (and “2.主动公开政府信息的形式” after “1.主动公开政府信息的数量” under 一、: item 2 of that list)
        # (and “3.政府信息公开行政复议、行政诉讼情况。2019年我局未收到…” after items 1. and 2.
        # under 一、: item 3, running on into its prose, though it names section 四 word for word)
        # (the list's items 1., 2. may be headings of their own or lines of text; and
        # “2.主动公开情况” after “1.组织领导” under 一、 is item 2, though it is a wording of
        # section 二 met in real reports; so is “2.主动公开信息情况” after “1.体制机制建设情况”, in words
        # that keep 二's meaning)
        next_item = under_cjk and number is not None and (items == ("arabic", number - 1)
                                                          or _last_item(previous) == number - 1)
        listed = (how == "fuzzy" and (
            (numbering_kind == "cjk" and (runs_on or line.rstrip(" \u3000").endswith("。"))
             and (not continues or items == ("cjk", (number or 0) - 1))) or next_item)) or (
            next_item and (runs_on or how in ("variant", "wording"))) or (
            # (“2.政府信息公开行政复议、行政诉讼情况” after “1.收到和处理政府信息公开申请情况” under
            # 一、's “(二)依申请公开工作方面”: item 2 of that list, naming section 四 word for word
            # under another number; a real 2025 page of 荣成市信访局, round 262)
            next_item and canonical is not None and canonical != number) or (
            # (“三、主动公开政府信息情况。2021年,我局无…” after items 一、 and 二、 under 一、:
            # item 三 of that list, though it names section 二 word for word)
            runs_on and numbering_kind == "cjk" and items == ("cjk", (number or 0) - 1) and number != canonical)
        # (the section's number again right under it, 一、 under 一、总体情况, on an item of its
        # list that names 二 by key words or as reports word it at times, “一、主动公开,拓宽信息传播
        # 广度”, “一、主动公开情况”, or on the section's heading in other words, “一、信息公开基本
        # 情况”; and “二、规范流程,提升依申请公开质效” after it, item 二 of that list, though its number
        # goes on from the section's)
        repeated = (numbering_kind == "cjk" and previous is not None and number is not None
                    and number == previous.number and line.strip(" \u3000") != previous.heading
                    and (how in ("fuzzy", "variant") or canonical == previous.canonical))
        restarted = (repeated and not items[0] and not previous.tables and len(previous.paragraphs) <= 3
                     and all(p.kind == "text" for p in previous.paragraphs)) or (
            restarted and numbering_kind == "cjk" and items == ("cjk", (number or 0) - 1) and how in ("fuzzy", "none"))
        # (the section's second half under a number of its own, named by key words only: 四、下一步改进措施
        # after 三、存在的问题, the problems and then what is done about them; not 五、提起行政诉讼情况 after
        # 四、申请行政复议情况, two sections of the outline before 2019; and 二、2020年度组织推进政府信息公开工作
        # 基本情况 after 一、2020年度政府信息公开工作情况概述, a real 2020 page of 鄂尔多斯市自然资源局, round 268:
        # more of 总体情况, which SEC-004 had measured against 一、总体情况 under the number 二)
        again = (how == "fuzzy" and canonical in (1, 5) and previous is not None and previous.canonical == canonical
                 and (canonical == 5 or previous.title_match != "fuzzy"))
        if previous is not None and ((not continues and (canonical is None or goes_back or misnumbered))
                                     or item or row or listed or restarted or again):
            # Not a section of its own: a heading inside the previous one (an item "1、主动公开。
            # …" inside "1、总体情况" is no second section, whatever its words; nor is an item
            # that runs on into its prose, as no section heading does, and names no section of
            # the format ("二、完善制度建设，规范运行流程。进一步细化…") or is numbered 2. under
            # 一、 and names one in other words ("2.主动公开情况。围绕…" in 一、总体情况)).
            _fold(previous, line.strip(" \u3000"), span, paragraphs, tables)
            if number is not None and (number == 1 or items == (numbering_kind, number - 1)):
                items = (numbering_kind, number)
            continue
        items, restarted = (None, 0), False
        if runs_on and line == head.value.rstrip("\n"):
            line, span, title, paragraphs = _run_on_prose(line, span, head.start_pos, title, paragraphs, reader.index)
        sections.append(Section(number=number, heading=line.strip(" \u3000"), span=span, title=title,
                                canonical=canonical, title_match=how, numbering=numbering_kind,
                                paragraphs=paragraphs, tables=tables))
    for s in sections:
        _finish(s)
    return sections


def _run_on_prose(line: str, span: Span, start: int, title: str, paragraphs: list[Paragraph],
                  index: LineIndex) -> tuple[str, Span, str, list[Paragraph]]:
    """A section heading that runs on into its prose after the stop ending its words
    (一、概述。2017年我局共上传政策文件32余条…, 一、完善主动发布机制,指定专人…。凡是…): the
    heading up to that stop, and the prose after it the section's first paragraph, which
    the rules on the prose read (META-006 had not seen the 32余条 of a real 2017 page of
    济源市环境保护局, round 478). Kept whole where the prose is not the line's end as
    written (a note removed from the words stood in it)."""
    _, rest = _heading_parts(title)
    prose = rest.strip(" \u3000")
    body = line.rstrip(" \u3000")
    if not body.endswith(prose):
        return line, span, title, paragraphs
    at = len(body) - len(prose)
    heading = line[:at].rstrip(" \u3000")
    paragraph = Paragraph(prose, index.trimmed(start + at, start + len(body)), "text")
    return heading, index.trimmed(start, start + len(heading)), title[:len(title) - len(prose)].rstrip(" \u3000"), [
        paragraph, *paragraphs]


def _last_item(section: Section) -> int | None:
    """The number of the last of a section's paragraphs numbered 1. 2. …, if any."""
    for p in reversed(section.paragraphs):
        number = numbering(p.text)
        if number is not None and number[0] == "arabic":
            return number[1]
    return None


def _fold(section: Section, heading: str, span: Span, paragraphs: list[Paragraph], tables: list[Table]) -> None:
    """A heading that is no section of its own, and what follows it, into the section it
    stands in: a sub-heading there."""
    section.paragraphs.append(Paragraph(heading, span, "subheading"))
    section.paragraphs.extend(paragraphs)
    section.tables.extend(tables)


def _finish(section: Section) -> None:
    """A section's tables told which section they are in, and where its body ends."""
    for t in section.tables:
        t.section = section.canonical
    parts = [section.span] + [p.span for p in section.paragraphs] + [t.span for t in section.tables]
    section.body_span = join_spans(section.span, max(parts, key=_END))


_END = attrgetter("end")


_UNIT_NOTE = compile_re(r"[ \u3000]*[（(][ \u3000]*单位[ \u3000]*[:：][^（）()\n]{0,10}[）)]")
# (一、总体情况(宋体加粗小四号字): the template's note on the type, left in; META-016 says so)
_TYPE_NOTE = compile_re(r"[ \u3000]*[（(][^（）()\n]{0,8}(?:宋体|黑体|仿宋|楷体)[^（）()\n]{0,10}号字?[）)]")


def _heading_parts(title: str) -> tuple[str, str]:
    """A heading's words, without a note of its units ("二、主动公开政府信息情况（单位：条）")
    or of its type ("一、总体情况(宋体加粗小四号字)"),
    up to the stop where it runs on into its first sentence ("一、总体情况。2021年…"); and
    what follows that stop."""
    title = _TYPE_NOTE.sub("", _UNIT_NOTE.sub("", title))
    for stop in ("。", "：", ":"):
        if stop in title:
            words, rest = title.split(stop, 1)
            return words, rest
    return title, ""


# (发布日期：, 发表日期：, 生成日期 | 2026-01-23, 生成日期/有效期:, 发布日期2024-01-10, a bare 时间： or
# 日期： opening a line, or a date before the page's 来源 (2023年01月28日 来源: 上海普陀,
# 2022-01-27 10:03来源: 高明乡) or after it, or after 稿源, at the line's end (来源:某管委会   2022-01-31), or after
# the page's title at its line's end (…年度报告 2024-01-28))
# its labels, the surest first (信息提供日期: Shenzhen's portals)
_PUBLISHED_RANKS = (("发布", "公开", "发表"), ("成文", "生成", "发文", "添加", "上载", "上传", "信息提供", "信息"), ())  # (【信息时间:2023-01-11 13:04:33)
_PUBLISHED = compile_re("(?:" + "|".join(w for words in _PUBLISHED_RANKS for w in words) + ")"
                        r"日?(?:日期|时间)(?:/有效期)?\s*(?:[:：|｜]|(?=\d{4}))"  # (发布日时间: 2024-01-30, a site's label, round 532)
                        r"|(?:^|[\s:：'’\"”])(?:日期|时间)\s*[:：]"  # (来源:时间:2022年01月29日: the source left blank; 浏览:3274次'时间:…)
                        r"|(?:来源|作者)\s*[:：][^\s:：。，,]{2,30}?(?:日期|时间)\s*[:：]"  # (来源:桐柏县人民政府时间:2024-01-17; 作者:默认管理员日期:2013-01-16)
                        r"|(?:(?<=[局委办厅府处镇乡区县市])|(?<=中心)|(?<=街道))(?:日期|时间)\s*[:：](?=\s*\d{4}[-/.年])"  # (… > 南漳县城市管理执法局日期:2024-01-19 16:39 来源:…, a breadcrumb's last body: round 357)
                        r"|^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:信息)?来源\s*[:：]"
                        r"|^\s*(?:[\u4e00-\u9fff]{2,16}(?:网|网站|政府)\s+)?(?:www\.[A-Za-z0-9.\-]+\s+)?\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}/?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
                        r"(?:(?:点击|浏览)(?:量|次数)?\s*[:：]?\s*\S{0,8}\s+)?(?:(?:信息|文章)?来源|(?:稿件)?作者)\s*[:：]"  # (2023-01-10 20:58文章来源:交通局; 2024-01-23 16:45  稿件作者:; 2024-01-11 15:04  点击:[] 来源:…; 2021/03/09/ 16:25 来源:…; 交口县政府 www.jiaokou.gov.cn 2026-01-22 14:32 来源:…)
                        r"|^\s*(?:(?:信息)?来源|稿源)\s*[:：][^\n]{0,40}?\s\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"  # (稿源: 浑南区政府网 2022-01-19)
                        r"(?:$|【?字体|字号|打印|分享)"  # (the page's controls after it: …17:13:25 【字体:)
                        r"|(?:年度报告|年报)[ \u3000]+(?=\d{4}-\d{1,2}-\d{1,2}[ \u3000]*$)")


# (a word each of _PUBLISHED's labels holds; or, for a date after the title at the line's end, its dash)
_PUBLISHED_WORDS = ("日期", "时间", "来源", "作者", "稿源")


def _published_labels(line: str) -> list[re.Match]:
    """_PUBLISHED's labels on a line, looked for only on a line holding a word one of them
    needs (_PUBLISHED_WORDS): re tries each of its branches at every character."""
    if any(word in line for word in _PUBLISHED_WORDS) or ("-" in line and ("年度报告" in line or "年报" in line)):
        return list(_PUBLISHED.finditer(line))
    return []


def _published_rank(label: re.Match) -> int:
    """How sure a page's date label is (_PUBLISHED_RANKS: 0 the surest)."""
    return next((k for k, words in enumerate(_PUBLISHED_RANKS) if label.group().lstrip(" -*·•[【［").startswith(words)),
                len(_PUBLISHED_RANKS) - 1)


# A date alone on its line (2021-01-22 08:37, • 2024-03-08, (2026年1月13日), 2021-03-2918:26), or
# with the site's name after it (2019-07-07 19:35 湖北省人民政府网), or the site and its address
# before it (银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-28), or the publishing body before it
# (芜湖市人民政府(办公室) 2016-01-30 under the title, a real 2015 page, round 620; 安徽省人民政府办公厅  2016/3/28,
# 安徽省政务公开办  2018/3/26, the byline of that province's pages, round 664) or after a
# page's stamp (2024-01-26   伊宁县人民政府办公室), or the page's byline after it (2021-02-09 发布:卓尼县人民政府办公室 点击数:)
_SITE_NAME = r"[\u4e00-\u9fff]{2,16}(?:网|网站)"  # (a portal's name: 湖北省人民政府网)
_BYLINE_BODY = r"[\u4e00-\u9fff]{2,24}(?:人民政府|政府|办公室|办公厅|局|厅|委员会|委|中心|办事处|街道|公开办)"  # (the publishing body of a byline: 安徽省人民政府办公厅)
_BARE_DATE = compile_re(r"[-•·*\s]*(?:" + _SITE_NAME + r"(?:\s+(?:https?://)?[\w.]+\.[a-z]{2,})?\s+(?=\d{4}-)"
                        r"|" + _BYLINE_BODY + r"(?:[（(][\u4e00-\u9fff]{2,12}[）)])?\s+(?=\d{4}(?:[-./]|\s*年)))?"
                        r"[（(]?(?:\d{4}(?:(?P<sep>[-./])\d{1,2}(?P=sep)\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
                        r"|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                        r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[）)]?"  # (（二〇一一年四月一日）: round 322)
                        r"(?:\s+" + _SITE_NAME + r"|(?<=\d)\s+" + _BYLINE_BODY +
                        r"(?:\s+(?:浏览|点击|阅读|访问)(?:次数|量)?\s*[:：][^\n]*)?"  # (2026-01-22  碌曲县人民政府办公室   浏览:, its counter empty: round 537)
                        r"|(?<=\d)\s+(?:发布|作者|来源|点击数|點擊數|浏览次数|阅读)[:：][^\n]*"  # (2021-02-09 发布:X 点击数:, a page's byline)
                        r"|(?<=[\d日])\s*[（(](?:点击|浏览|阅读)[^（）()\n]*[）)][\s|｜]*)?\s*")  # (2024年01月25日 (点击: ) | |||: its counter, bars after it)
_NUMERIC_DATE = compile_re(r"\d{4}[-./]\d")
# A date in brackets opening the document, the words after it run on (its lines lost): the date under the title
_DATE_OPENING = compile_re(r"[ \u3000]*[（(](?:19|20)\d\d[ \u3000]*年[ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日[）)][ \u3000]+\S")
# (| 发布日期 | 2026-01-19 17:08 |, 发文日期: | 2025-01-09 |, 发文日期: | 2023年01月19日 |: a page's metadata as a table)
_TABLED_PUBLISHED = compile_re(r"(?:(?:发布|公开|成文|发表|生成|发文)(?:日期|时间)|(?<![\u4e00-\u9fff])日期)[\s|｜:：\]】］]*"  # ([ 成文日期 ] | 2025-02-12, 作者: | 科技局 | 日期: | 2023-01-10 |)
                               r"(?=\d{4}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)")  # (| 发布日期 | 2025/03/05 |)


def _reposted(publication: Fact | None, issuer: Issuer | None, front: list[Paragraph]) -> bool:
    """Whether the page's date is a township's or a street's repost of a higher body's report
    (河北省发展和改革委员会's report under 发布时间:2022-02-03 发布机构:侯贯镇, a county portal's copy):
    the day the copy was posted, not the report's publication (DATE-001 had judged the
    province's deadline by it). So is a page whose source field says it reposts the report
    (来源 :转发勐海县人民政府, a county's 2021 report in a township's column dated 2022-12-28, a
    real page, round 593: DATE-002 had called the county nine months late)."""
    if publication is None or publication.kind != "published":
        return False
    if any(_REPOST_SOURCE.search(p.text) for p in front):
        return True
    if issuer is None or issuer.kind in ("township", "subdistrict"):
        return False
    for p in front:
        m = _PAGE_PUBLISHER.search(p.text)
        if m and facts.issuer_kind(m.group("name")) in ("township", "subdistrict") and issuer.name not in m.group("name"):
            return True
    return False


def _posted_long_after(publication: Fact | None, year: int | None) -> bool:
    """Whether the page's date is more than a year past the latest deadline of the report's
    year (31 March of the year after): the date of a site's move or of a mirror's copy (a
    2020 report of 湖南省卫生健康委 on a page of 2024-06-19; pages of 2009 and 2013 reports of
    上虞 dated 2015, all catalogued again in one batch: rounds 140, 220, 237, 247, 251), not
    of the report's publication; DATE-001/002/003 had called such reports years late."""
    return (publication is not None and publication.kind == "published" and year is not None
            and publication.value > dt.date(year + 2, 3, 31))


_REPOST_SOURCE = compile_re(r"来源[ \u3000]*[:：][ \u3000]*转(?:发|载)")
_PAGE_PUBLISHER = compile_re(r"(?:发布机构|发布单位)[ \u3000]*[:：][ \u3000]*(?P<name>[^\s，,。；;:：|｜]{2,30})")
# (or after a label, …政府信息公开年报 时间:2023-01-31, a real 2022 page of 上海市知识产权局, round 521)
_DATED_TITLE = compile_re(r"(?:[（(][ \u3000]*(?:19|20)\d\d(?:[ \u3000]*年[ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日"
                          r"|(?P<sep>[-./])\d{1,2}(?P=sep)\d{1,2})[ \u3000]*[）)]"
                          r"|[ \u3000]+(?:发布|成文)?(?:时间|日期)[ \u3000]*[:：][ \u3000]*(?:19|20)\d\d"
                          r"(?:[ \u3000]*年[ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日|(?P<sep2>[-./])\d{1,2}(?P=sep2)\d{1,2})"
                          r"(?:[ \u3000]+\d{1,2}:\d{2}(?::\d{2})?)?)[ \u3000|｜]*$")


def _tabled_publication(text: str, end: int, index: LineIndex):
    """The publication date a web page's metadata gives in a table's row above `end`, the
    first section, where the dates of the prose are not looked for: of its dated labels, the
    surest (成文日期 : | 2017-03-31 | 发布日期 : | 2017-04-06 |, a real 2016 page of 重庆市, round
    625: published on the 6th, after the deadline, as on a page whose labels stand in lines)."""
    labels = list(_TABLED_PUBLISHED.finditer(text, 0, end))
    if not labels:
        return None
    m = min(labels, key=_published_rank)  # (the first of the surest)
    return _as_published(next((f for f in facts.dates(text[:end], index) if f.span.start == m.end()), None))


def _tabled_publisher(text: str, sections: list[Section], index: LineIndex) -> Issuer | None:
    """The body a web page's metadata table names as the publisher, above the first
    section (a table's row, its cells between | or TABs, which the lines the issuer is read
    from leave out): the last resort, where the report names itself nowhere."""
    m = _TABLED_PUBLISHER.search(text, 0, sections[0].span.start if sections else len(text))
    if m is None or m.group("name").startswith(_NO_BODY_NAMED):  # (发布机构 | 政府办公室 |: whose, it does not say)
        return None
    kind = facts.issuer_kind(m.group("name"))
    return Issuer(m.group("name"), kind, index.span(m.start("name"), m.end("name")), "text") if kind != "unknown" else None


_NO_BODY_NAMED = ("政府", "人民政府", "本", "我", "各", "全", "办公", "县", "区", "市", "乡", "镇", "街道")
# (发布机构 | 进化镇 |, or with its colon and the row's last cell, 发布机构: | 汉中市自然资源局 |: a real 2021 page, round 671)
_TABLED_PUBLISHER = compile_re(r"(?:发布机构|发布单位)[ \u3000]*[:：]?[ \u3000]*[|｜\t][ \u3000]*(?P<name>[^\s|｜，,。；;:：]{2,30})[ \u3000]*(?:[|｜\t]|\n|$)")


def _as_published(date: Fact | None) -> Fact | None:
    """A date the page gives as its publication date (kind "published"), not the date
    the report is signed with (kind "date"): the rules word their findings by it."""
    return Fact("published", date.value, date.span, date.raw) if date is not None else None


def _short_line(p: Paragraph) -> bool:
    """A line of a page's metadata, not a sentence of the report."""
    return len(p.text) <= 40 and "。" not in p.text


_LABEL_LAST = compile_re(r"[:：|｜]\s*$")  # (发布时间: with its date on the line under it)
# The lines an official document's record (版记) puts under its date (主题词:信息公开 报告 / 抄送:… /
# 福全镇党委政府办公室 2012年4月30日印发 / 校对:… 共印5份: a cover letter of 2012, round 313)
_DOCUMENT_RECORD = compile_re(r"\s*(?:主题词|抄送|抄报|校对|共印|印数)|[^\n]*印发\s*$")
# A document-sharing site's record of a copy uploaded (大小:233.98 KB / 页数:8页 / 时间:2019-02-19, a
# wenku copy of a 2017 report, round 305): its 时间 is the upload's, not the report's publication
_SHARED_COPY = compile_re(r"大小\s*[:：]\s*[\d.]+\s*[KkMm]B\s*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*页数\s*[:：]\s*\d+\s*页")


def _signature(sections: list[Section], preamble: list[Paragraph], intro: list[Paragraph], index: LineIndex,
               all_dates: list) -> tuple[list[Issuer], object, object]:
    """The signing body and date at the end of the report, or of its cover letter; or
    a date alone on a line just under the title. And the date the report itself gives
    (signed, its cover letter's, or under its title), should a page's date be refused."""
    issuers: list[Issuer] = []
    publication = None
    # a web page's "发布日期：2022-01-20" above or under the title, or among the lines of its
    # metadata there (索引号, 发布机构, 关键词, 成文日期, 发布日期: short lines)
    # (the date of the surest label, 发布日期 before 成文日期 before a bare 时间; of two as sure,
    # the first: a page's template may carry another article's line below)
    def date_from(p: Paragraph):  # (the first date written from a paragraph on)
        return next((f for f in all_dates if f.span.start >= p.span.start), None)

    rank = len(_PUBLISHED_RANKS)
    stamped = False
    own = None  # (the date the report itself gives: under its signature, its cover letter's, or under its title)
    shared = _SHARED_COPY.search(index.text, 0, 3000)
    # (of the intro's later lines, the short ones, or one that opens with a label: 发布日期: 2015- 03- 31 15: 39 浏览次数: 来源:
    # 市府办 字体:[ ], a real 2014 page of 温州市, round 691, its figures spaced, one line too long)
    for p in [*preamble, *intro[:3], *(p for p in intro[3:10] if len(p.text) <= 40 or _PUBLISHED.match(p.text))]:
        labels = _published_labels(p.text)
        if not labels or (shared and p.span.start > shared.start() and p.text.lstrip().startswith("时间")):
            continue  # (a document-sharing site's 时间 under its 大小 and 页数: when the copy was uploaded)
        # (of two labels on a line, the surer: 生成日期: 2017-03-31 發布日期: 2017-04-06, a real 2016 page, round
        # 295, is published on the 6th; its date the one after it)
        label = min(labels, key=_published_rank)
        its_rank = _published_rank(label)
        if its_rank >= rank:
            continue
        after = p.span.start + label.end() if len(labels) > 1 else p.span.start
        found = (next((f for f in all_dates if after <= f.span.start < p.span.end), None)
                 or next((f for f in all_dates if p.span.start <= f.span.start < p.span.end), None))
        if found is None and _LABEL_LAST.search(p.text) and not any(c.isdigit() for c in p.text[label.end():]):
            # (its date on the line under it, opening that line; not when the label's line holds
            # one that could not be read, nor a date inside the sentence under an empty label)
            found = next((f for f in all_dates if f.span.start >= p.span.end and f.span.line <= p.span.end_line + 2), None)
            if found is not None and index.text[index.line_span(found.span.line).start:found.span.start].strip(" \u3000-•·*（("):
                found = None
        if found is not None:
            publication, rank = _as_published(found), its_rank
            stamped = "生成" in label.group()  # (公文生成日期: when a document system made the page)
    # (the last section's end; a page without a section heading, as the last page of a
    # flipbook is, ends its opening lines so)
    tail = sections[-1].paragraphs[-3:] if sections else intro[-3:] if len(intro) > 3 else []
    letter = list(preamble)
    while letter and _DOCUMENT_RECORD.match(letter[-1].text):
        letter.pop()  # (the cover letter's record under its date: 主题词, 印发, 校对, 共印…)
    for block in (tail, letter[-3:]):
        date_para = next((p for p in reversed(block) if p.kind == "date"), None)
        if date_para is None:
            continue
        own = own or date_from(date_para)
        if publication is None:
            publication = own
        at = block.index(date_para)
        if at > 0:
            name = facts.signature_line(block[at - 1].text)
            if name:
                sp: Span = block[at - 1].span
                start = sp.start + block[at - 1].text.index(name)
                issuers.append(Issuer(name, facts.issuer_kind(name), index.span(start, start + len(name)),
                                      "signature" if block is tail else "cover_letter"))
    # (or among the short lines of the page's metadata under it, unlabelled: 索引号 / 主动公开 /
    # 上海市青浦区政务服务办公室 / 2022.01.13, a real 2021 page; ten fields a line each, bulleted, on
    # a 2022 page of 金鸡乡: - 索引号 / … / - 日期 / - 2023-01-31)
    metadata = list(takewhile(_short_line, intro[:12]))[3:]
    dated = next((p for p in [*intro[:3], *preamble[-2:], *metadata] if p.kind == "date" or _BARE_DATE.fullmatch(p.text)),
                 None)
    opening = (preamble or intro or [None])[0]
    if dated is None and opening is not None and opening.span.start < 4 and _DATE_OPENING.match(opening.text):
        dated = opening  # ((2017年12月15日) 平甸乡政府信息公开工作领导小组办公室 根据…: a page that lost its lines, round 571)
    if publication is None and dated is not None:  # (a date alone on a line under the title, or just above it)
        publication = date_from(dated)
        if publication is not None and _NUMERIC_DATE.search(dated.text):
            # (2021-01-22 08:37, 2022.01.13: the page's stamp, no signed date)
            publication = _as_published(publication)
    elif dated is not None and (stamped or publication.kind == "published") and not _NUMERIC_DATE.search(dated.text):
        # (the report's own date under its title beside the page's: (2013年3月25日) under 发布时间:2015-08-20,
        # a real 2012 page of 嵊州市, round 556, the page's date a later copy's)
        own = own or date_from(dated)
    if stamped and own is not None and own.value < publication.value:
        # (公文生成日期:2010-04-10 over a report dated 2010年1月9日 under its title, a real 2009 page of
        # 梅列区财政局, round 313: the system's stamp of a later change, not the publication)
        publication = own
    return issuers, publication, own
