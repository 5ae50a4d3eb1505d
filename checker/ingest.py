"""ingest: a file on disk → `Source` (normalised text), or one clear `IngestError`.

Plain text comes as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK,
with LF, CRLF or CR line ends. Decoding is explicit (UTF-8 first, then GB18030), not
guessed by a detector: the two encodings real reports use are told apart reliably by
whether the bytes are valid UTF-8, and a guess would make results depend on a
heuristic. Other formats (.docx, .html, .pdf) are read by their own readers
(`readers/`) into the same `Source`, with a map from each line back to the original.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from .cache import compile_re
from .i18n import Message
from .limits import check_source_size
from .linebreaks import joined_lines
from .pipetables import pipe_tables
from .sniff import choose
from .spacing import close_up, joined_gaps, moved
from .traditional import simplified

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
REPORT_SUFFIXES = frozenset({".txt", ".docx", ".html", ".htm", ".pdf"})


@dataclass(slots=True)
class Source:
    """A report as text, however it was stored, with what reading it found and repaired."""

    path: str
    text: str               # normalised: "\n" line ends, no BOM
    encoding: str
    origin: list[str] | None = None  # per line (0-based index): where it came from
    notes: list[Message] = field(default_factory=list)  # what the reader had to repair
    # Spaces taken out of characters spaced apart (see spacing.py): where they stood in
    # `text`, and the text as it was, which is what the user sees (None: nothing taken out).
    gaps: list[int] = field(default_factory=list)
    original: str | None = None
    # Line ends taken out where a copy broke a sentence (see linebreaks.py): the offsets in
    # `text` of the first character of each line joined to the one before (among the gaps).
    breaks: list[int] = field(default_factory=list)


class IngestError(Exception):
    """A file that cannot be read as a report. Carries a translatable message."""

    def __init__(self, key: str, **params: object) -> None:
        self.msg = Message(key, params)
        super().__init__(self.msg.render("en"))

    def render(self, lang: str = "zh") -> str:
        return self.msg.render(lang)


_VALID_UTF8_MULTIBYTE = compile_re(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_CONTROL = compile_re(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Every byte but those of _CONTROL: control characters are ASCII, and in UTF-8 and
# GB18030 no byte of a longer character is one, so they are counted in the bytes by
# deleting every other byte (bytes.translate: ~2x quicker than _CONTROL over the text).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises IngestError for bytes that are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "utf-16"), "utf-16"
    if b"\x00" in data:
        raise IngestError("ingest.binary_nul", offset=data.index(b"\x00"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        # (where, not the error: kept, its traceback would hold this frame and the
        # caller's, the whole report, in a cycle only the collector frees)
        bad = e.start
    non_ascii = sum(1 for b in data if b >= 0x80)
    utf8_bytes = sum(len(m) for m in _VALID_UTF8_MULTIBYTE.findall(data))
    if non_ascii and utf8_bytes / non_ascii > 0.5:
        # Mostly valid UTF-8 with a few bad bytes: a damaged or mixed-encoding file.
        # Decoding it as GB18030 would turn every character into garbage.
        line, col = _position(data, bad)
        raise IngestError("ingest.bad_utf8", line=line, column=col, byte=f"0x{data[bad]:02X}")
    return _strict(data, "gb18030", "gb18030"), "gb18030"


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        line, col = _position(data, e.start)
        raise IngestError("ingest.undecodable", encoding=name, line=line, column=col,
                          byte=f"0x{data[e.start]:02X}") from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text  # one look, not two


def text_source(path: str, data: bytes) -> Source:
    text, encoding = decode(data)
    text = normalise_newlines(text)
    check_source_size(text)  # before anything makes an object per line
    if text.startswith("\ufeff"):
        text = text[1:]
    if encoding == "utf-16":
        controls = len(_CONTROL.findall(text))
    else:
        controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    if controls > max(8, len(text) // 100):
        raise IngestError("ingest.binary_control", count=controls)
    if not text.strip():
        raise IngestError("ingest.blank" if text else "ingest.empty")
    source = _with_tables(path, text, encoding)
    if source.text is not text:  # bars became TABs: the cells counted again
        check_source_size(source.text)
    return source


def plain_text(path: str, text: str, encoding: str = "utf-8") -> Source:
    """Text as a .txt report is read: "\n" line ends, and tables written with vertical
    bars in the TAB layout of the grammar (see pipetables)."""
    return in_simplified(closed_up(_with_tables(path, normalise_newlines(text), encoding)))


def closed_up(source: Source) -> Source:
    """The source without a mirror site's pinyin glosses, with the line ends a copy put
    inside sentences taken out (a text's own lines only: a reader's lines each have their
    origin; after the glosses, which make a wrapped line look wider than it was printed),
    and with characters spaced apart closed up, as every reader's text is read; what was
    done is noted. The characters taken out are gaps: every line and column stays the
    document's. (Before that, the "?" a page's copy put for lost indents, a list's bullet
    before a section's heading, and the TABs that indent its prose, are read as spaces,
    one for one.) The text as it was stays `original`."""
    text, lost = _without_lost_indents(source.text)
    if lost:
        source.notes.append(Message("note.lost_indents", {"lines": lost}))
    text = _without_tab_indents(_without_heading_bullets(text))
    if text is not source.text:
        source.original, source.text = source.original or source.text, text
    text, glosses, count, strays = _without_glosses(text)
    if count:
        source.notes.append(Message("note.glosses", {"n": count}))
    if strays:
        source.notes.append(Message("note.stray_commas", {"n": strays}))
    joins: list[int] = []
    breaks: list[int] = []
    if source.origin is None:
        text, joins, breaks = joined_lines(text)
        if breaks:
            source.notes.append(Message("note.joined_lines", {"n": len(breaks)}))
    closed, gaps = close_up(text)
    if gaps:  # (on the document's lines: those joined counted apart)
        line_ends = sorted([m.start() for m in re.finditer("\n", text)] + breaks)
        lines = len({bisect_left(line_ends, g + i) for i, g in enumerate(gaps)})
        source.notes.append(Message("note.spaced", {"lines": lines, "spaces": len(gaps)}))
    if joins or glosses or gaps:
        source.breaks = moved(breaks, gaps)
        source.original, source.text = source.original or source.text, closed
        source.gaps = joined_gaps(joined_gaps(glosses, joins), gaps)
    return source


# A line's indent (an ideographic space, a bullet) that a page's copy lost as "?":
# “?一、總體情況”, “????2024年…”; at least LOST_INDENT_LINES lines open so.
_LOST_INDENT = compile_re(r"(?m)^[ \t]*\?+(?=[^?\n]|$)")
LOST_INDENT_LINES = 3


def _without_lost_indents(text: str) -> tuple[str, int]:
    """The text with the "?" a page put for each line's lost indent read as a space (one
    for one: every offset stays), and how many lines had one. Where fewer than
    LOST_INDENT_LINES lines open so, only those before a section's heading (`????一、`)
    are read so: another may be a question mark of the text's own. So is the "?" ending
    a section's heading (一、總體情況?), the space there lost."""
    if "?" not in text:
        return text, 0
    lost = _LOST_INDENT if len(_LOST_INDENT.findall(text)) >= LOST_INDENT_LINES else _LOST_BEFORE_HEADING
    repaired, lines = lost.subn(_as_spaces, text)
    # (and the space lost at the end of a section's heading, “一、總體情況?”: no heading asks)
    repaired, ends = _LOST_AFTER_HEADING.subn(_as_spaces, repaired)
    return (repaired, lines + ends) if lines or ends else (text, 0)


def _as_spaces(m: re.Match) -> str:
    return m.group().replace("?", " ")


_LOST_BEFORE_HEADING = compile_re(r"(?m)^[ \t]*\?+(?=[一二三四五六]、)")
_LOST_AFTER_HEADING = compile_re(r"(?m)(?<=^[一二三四五六]、)[^?\n，,。；;：:！!？]{2,24}\?+[ \t]*$")


# How the format's six sections' headings open, after their numbers (parse reads them run on into lines too)
SECTION_OPENINGS = (r"(?:总体情况|主动公开政府信息|收到和处理政府信息公开申请|政府信息公开行政复议|"
                    r"(?:政府信息公开工作)?存在的主要问题|其他需要报告)")
# A web page's list bullet before a section's heading (  •   一、总体情况: the page's metadata list ran on
# into the report), or the TABs that indent a heading of the format's (\t\t\t\t\t一、总体情况, a cell's
# indent a page's copy kept; no table's row, which the format's words are not), read as spaces, one for one
_HEADING_BULLET = compile_re(r"(?m)^[ \t\u3000]*[•●▪◆■][ \t\u3000]*(?=[一二三四五六][、.．])"
                             r"|^[ \u3000]*\t[ \t\u3000]*(?=[一二三四五六][、.．][ \u3000]*" + SECTION_OPENINGS + r"[^\t\n]*$)")


def _without_heading_bullets(text: str) -> str:
    """The text with a bullet or TABs before a section's heading read as spaces (no heading
    is found behind them)."""
    if not any(mark in text for mark in "•●▪◆■\t"):
        return text
    return _HEADING_BULLET.sub(lambda m: re.sub(r"[•●▪◆■\t]", " ", m.group()), text)


# A line of prose or a heading indented by a TAB ("\t一、总体情况", "\t(一)主动公开…，…", or the title's
# second line, "\t2019年政府信息公开工作年度报告", a real page of 广元市利州区, round 271): no table's
# row (its only TAB is the first), at least LOST_INDENT_LINES lines so
# (a TAB, then the look behind for the line's start: re skips from TAB to TAB, where `^\t`
# is tried at every character, five times slower)
_TAB_INDENT = compile_re(r"(?m)\t(?<=^\t)(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^\t\n]*$"
                         r"|[^\t\n]*[，。；：][^\t\n]*$|[^\t\n]{4,60}(?:年度报告|年报)[ \u3000]*$)")


def _without_tab_indents(text: str) -> str:
    """The text with the TAB that indents lines of prose and headings read as a space (one
    for one), where at least LOST_INDENT_LINES lines are so indented and every line whose
    one TAB opens it is one of them; such a TAB otherwise opens a cell of a table written
    a cell per line (the TAB layouts of the grammar)."""
    if "\t" not in text:
        return text
    indented = len(_TAB_INDENT.findall(text))
    if indented < LOST_INDENT_LINES or indented != len(_TAB_START.findall(text)):
        return text
    return _TAB_INDENT.sub(" ", text)


# (a line whose one TAB opens it: indent or a cell; not a TAB alone, a blank line)
_TAB_START = compile_re(r"(?m)\t(?<=^\t)(?=[^\t\n]*[^\s][^\t\n]*$)")


# A pinyin gloss a mirror site puts after each character (主動(dòng)公開, 濟(jì)南): a syllable
# with its tone mark, in brackets, right after a Chinese character. No report writes one.
# One pattern per bracket, each opening with it: re then skips from bracket to bracket
# (a class of both, or the look behind first, is tried at every character: ten times slower).
_GLOSSES = tuple(compile_re(rf"{b}(?<=[\u3400-\u9fff]{b})[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
                 for b in (r"\(", "（"))


# The comma the same mirrors put before each mark of a glossed page (一,、總體情況, 黨委,、政府,
# 編制,。): never a report's own punctuation, taken out where a page has STRAY_COMMAS of them
_STRAY_COMMA = compile_re(r",(?=[、。，,；;])")
STRAY_COMMAS = 3


def _without_glosses(text: str) -> tuple[str, list[int], int, int]:
    """The text without pinyin glosses and a mirror's stray commas, the gaps they leave
    (spacing.close_up's form: for each character taken out, the offset in the new text of
    the one that followed), and how many glosses and commas there were."""
    found = [m for gloss in _GLOSSES for m in gloss.finditer(text)] if "(" in text or "（" in text else []
    glosses = len(found)
    if ",、" in text or ",。" in text:
        strays = list(_STRAY_COMMA.finditer(text))
        if sum(m.end() < len(text) and text[m.end()] in "、。" for m in strays) >= STRAY_COMMAS:
            found += strays
    if not found:
        return text, [], 0, 0
    parts: list[str] = []
    gaps: list[int] = []
    pos = removed = 0
    for m in sorted(found, key=re.Match.start):  # (none overlap)
        parts.append(text[pos:m.start()])
        gaps += [m.start() - removed] * (m.end() - m.start())
        removed += m.end() - m.start()
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), gaps, glosses, len(found) - glosses


def in_simplified(source: Source) -> Source:
    """The source read in simplified characters where it is written in traditional ones,
    one character for one (see traditional.py); what was done is noted, and the text as
    it was is what the user sees."""
    found = simplified(source.text)
    if found is not None:
        source.notes.append(Message("note.traditional", {"n": found[1]}))
        if source.original is None:
            source.original = source.text
        source.text = found[0]
    return source


def _with_tables(path: str, text: str, encoding: str) -> Source:
    text, tables = pipe_tables(text)
    notes = [Message("note.bars", {"n": tables})] if tables else []
    return Source(path=path, text=text, encoding=encoding, notes=notes)


def read_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one report file. Every failure is an IngestError with a one-line message."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise IngestError("ingest.not_found") from None
    except OSError as e:
        raise IngestError("ingest.os_error", reason=e.strerror or str(e)) from None
    if p.is_dir():
        raise IngestError("ingest.is_dir")
    if st.st_size == 0:
        raise IngestError("ingest.empty")
    if st.st_size > max_bytes:
        raise IngestError("ingest.too_large", size=_mb(st.st_size), limit=_mb(max_bytes))
    try:
        data = p.read_bytes()
    except PermissionError:
        raise IngestError("ingest.permission") from None
    except OSError as e:
        raise IngestError("ingest.os_error", reason=e.strerror or str(e)) from None
    kind, note = choose(p.suffix.lower(), data)  # a web page saved as .txt is read as one
    if kind == ".txt":
        source = text_source(str(path), data)  # which checks the size of its text
    else:
        from .readers import READERS  # here: the readers import this module, and cost ~20 ms

        source = READERS[kind](str(path), data)
        check_source_size(source.text)
    if note:
        source.notes.append(note)
    return in_simplified(closed_up(source))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def is_report_file(path: Path) -> bool:
    """Whether a file found in a folder walk should be checked."""
    return path.suffix.lower() in REPORT_SUFFIXES and not path.name.startswith(".")
