"""Word list numbering: the "三、" or "（二）" that Word draws in front of a paragraph
but that is not in its text.

Reports often number their section headings with Word's lists, so the heading text
reads only "收到和处理政府信息公开申请情况"; the number must be recovered from
numbering.xml for the grammar to see a section. Counting follows Word: a list is the
abstract numbering definition, which every w:num that points at it continues, unless
that w:num restarts a level with w:startOverride; a level restarts after a higher level
(or as w:lvlRestart says). Where the number cannot be worked out, the paragraph keeps
its text and a note says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import Message, Place

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VAL = W + "val"

_CJK_DIGITS = "零一二三四五六七八九"
_CJK_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def _chinese(n: int, digits: str = _CJK_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and out:
                out += digits[0]
            out += ("" if (power == 10 and d == 1 and not out and digits is _CJK_DIGITS) else digits[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _letters(n: int, upper: bool) -> str:
    base = ord("A" if upper else "a")
    return chr(base + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _from(table: str, n: int) -> str:
    return table[n - 1] if 0 < n <= len(table) else str(n)


def _cycle(table: str, n: int) -> str:
    return table[(n - 1) % len(table)] if n > 0 else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: _from(_CIRCLED, n),
    "decimalEnclosedCircleChinese": lambda n: _from(_CIRCLED, n),
    "decimalEnclosedParen": lambda n: _from(_PARENTHESISED, n),
    "decimalEnclosedFullstop": lambda n: _from(_FULL_STOP, n),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n, _CJK_LEGAL, "拾佰仟"),
    "ideographTraditional": lambda n: _cycle(_HEAVENLY_STEMS, n),
    "ideographZodiac": lambda n: _cycle(_EARTHLY_BRANCHES, n),
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "upperLetter": lambda n: _letters(n, True),
    "lowerLetter": lambda n: _letters(n, False),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None   # w:lvlRestart: restart after levels above this index; 0: never
    legal: bool = False          # w:isLgl: show every level's number as decimal
    suffix: str = "tab"


@dataclass(slots=True)
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)      # ilvl → startOverride
    levels: dict[int, _Level] = field(default_factory=dict)   # ilvl → overriding w:lvl


def int_value(el, default: int | None = None) -> int | None:
    """An element's w:val as a number (Word writes numbers as attributes)."""
    if el is None:
        return default
    try:
        return int(el.get(_VAL))
    except (TypeError, ValueError):
        return default


def _level(lvl) -> _Level:
    fmt = lvl.find(W + "numFmt")
    if fmt is None:  # a custom format: Word writes a plain fallback for older readers
        fmt = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
    text = lvl.find(W + "lvlText")
    legal = lvl.find(W + "isLgl")
    suffix = lvl.find(W + "suff")
    return _Level(
        start=int_value(lvl.find(W + "start"), 1),
        fmt=fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
        text=text.get(_VAL) if text is not None else None,
        restart=int_value(lvl.find(W + "lvlRestart")),
        legal=legal is not None and legal.get(_VAL, "1") not in ("0", "false", "off"),
        suffix=suffix.get(_VAL, "tab") if suffix is not None else "tab",
    )


class ListNumbering:
    """The numbers of numbered paragraphs, worked out in document order."""

    def __init__(self, numbering, styles) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}        # abstractNumId → the numbering style it uses
        self.styled_levels: dict[tuple[str, str], int] = {}  # (abstractNumId, styleId) → ilvl
        self.instances: dict[str, _Instance] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.notes: list[Message] = []
        if numbering is not None:
            self._load(numbering)
        if styles is not None:
            self._load_styles(styles)

    def _load(self, numbering) -> None:
        for abstract in numbering.iterfind(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId", "")
            levels = {}
            for lvl in abstract.iterfind(W + "lvl"):
                ilvl = _int_attr(lvl, W + "ilvl")
                if ilvl is not None:
                    levels[ilvl] = _level(lvl)
                    style = lvl.find(W + "pStyle")
                    if style is not None and style.get(_VAL):
                        self.styled_levels[(abstract_id, style.get(_VAL))] = ilvl
            self.abstracts[abstract_id] = levels
            link = abstract.find(W + "numStyleLink")
            if link is not None and link.get(_VAL):
                self.style_links[abstract_id] = link.get(_VAL)
        for num in numbering.iterfind(W + "num"):
            ref = num.find(W + "abstractNumId")
            instance = _Instance(ref.get(_VAL, "") if ref is not None else "")
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _int_attr(override, W + "ilvl")
                if ilvl is None:
                    continue
                start = int_value(override.find(W + "startOverride"))
                if start is not None:
                    instance.starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    instance.levels[ilvl] = _level(lvl)
            self.instances[num.get(W + "numId", "")] = instance

    def _load_styles(self, styles) -> None:
        """Paragraph styles that carry numbering (heading styles linked to a list),
        resolved through w:basedOn."""
        own: dict[str, tuple[str | None, int | None]] = {}
        based_on: dict[str, str] = {}
        for style in styles.iterfind(W + "style"):
            sid = style.get(W + "styleId")
            if not sid:
                continue
            parent = style.find(W + "basedOn")
            if parent is not None and parent.get(_VAL):
                based_on[sid] = parent.get(_VAL)
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(W + "numId")
                own[sid] = (num_id.get(_VAL) if num_id is not None else None, int_value(num_pr.find(W + "ilvl")))
        for sid in set(own) | set(based_on):
            seen, current = set(), sid
            while current is not None and current not in own and current not in seen:
                seen.add(current)
                current = based_on.get(current)
            if current in own:
                self.style_numbering[sid] = own[current]

    def prefix(self, p, where: str) -> str:
        """The number Word shows in front of paragraph `p`, with what follows it, or ""."""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        style = ppr.find(W + "pStyle")
        style_id = style.get(_VAL) if style is not None else None
        style_num = self.style_numbering.get(style_id) if style_id else None
        num_pr = ppr.find(W + "numPr")
        num_id = ilvl = None
        if num_pr is not None:
            el = num_pr.find(W + "numId")
            num_id = el.get(_VAL) if el is not None else None
            ilvl = int_value(num_pr.find(W + "ilvl"))
        if style_num is not None:
            num_id = num_id if num_id is not None else style_num[0]
            ilvl = ilvl if ilvl is not None else style_num[1]
        if num_id is None or num_id == "0":
            return ""
        if ilvl is None and style_id and num_id in self.instances:  # the level linked to the style
            ilvl = self.styled_levels.get((self._abstract(num_id), style_id))
        return self._number(num_id, ilvl or 0, where)

    def _abstract(self, num_id: str) -> str:
        """The abstract definition a w:num uses, through a list style (w:numStyleLink)."""
        abstract = self.instances[num_id].abstract
        link = self.style_links.get(abstract)
        linked = self.style_numbering.get(link) if link else None
        if linked and linked[0] in self.instances and linked[0] != num_id:
            return self.instances[linked[0]].abstract
        return abstract

    def _number(self, num_id: str, ilvl: int, where: str) -> str:
        instance = self.instances.get(num_id)
        abstract = self._abstract(num_id) if instance is not None else None
        levels = self.abstracts.get(abstract) if abstract is not None else None
        if instance is None or levels is None or (ilvl not in levels and ilvl not in instance.levels):
            self.notes.append(Message("note.numbering_undefined", {"where": Place(where), "num_id": num_id, "level": ilvl}))
            return ""
        level = instance.levels.get(ilvl) or levels[ilvl]
        if level.fmt == "bullet":
            return ""  # a bullet is not a number a rule could read
        if level.fmt not in FORMATS or level.text is None:
            self.notes.append(Message("note.numbering_format", {"where": Place(where), "fmt": repr(level.fmt)}))
            return ""
        counters = self.counters.setdefault(abstract, {})
        if (num_id, ilvl) not in self.started and ilvl in instance.starts:
            counters[ilvl] = instance.starts[ilvl] - 1
        self.started.add((num_id, ilvl))
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            deeper_level = instance.levels.get(deeper) or levels.get(deeper)
            threshold = deeper if deeper_level is None or deeper_level.restart is None else deeper_level.restart
            if ilvl < threshold:
                del counters[deeper]
        text = level.text
        for k in range(9, 0, -1):  # %1 … %9, each in its own level's format
            placeholder = f"%{k}"
            if placeholder in text:
                shown = instance.levels.get(k - 1) or levels.get(k - 1) or level
                value = counters.get(k - 1, shown.start)
                fmt = "decimal" if level.legal else shown.fmt
                text = text.replace(placeholder, FORMATS.get(fmt, str)(value))
        if not text:
            return ""
        if level.suffix == "space" or (level.suffix == "tab" and text[-1].isascii()):
            return text + " "
        return text


def _int_attr(el, name: str) -> int | None:
    try:
        return int(el.get(name))
    except (TypeError, ValueError):
        return None
