#!/usr/bin/env python3
"""Write the synthetic sample reports under samples/synthetic/.

Every report is built from its figures: table totals are computed, never typed, and
every figure the prose states is taken from the same numbers, so the 勾稽关系 and
the narrative-vs-table agreement hold by construction (the script asserts them).

    python3 scripts/make_synthetic_samples.py            # (re)write the samples
    python3 scripts/make_synthetic_samples.py --check    # only check that the files are current

Bodies, places, addresses, phone numbers and web addresses are invented.
Standard library only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "samples" / "synthetic"

# --------------------------------------------------------------------------------------
# Template labels (as in rules/templates/*.yaml)

CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_COLS = ["natural", "commercial", "research", "nonprofit", "legal", "other"]
LEGAL_SUBCOLS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# (id, level, parent label, label). level 0: rows 一、二、四、; level 1: rows of 三 without
# sub-rows; level 2: numbered sub-rows. The first row of a parent carries its label.
_APP_ROWS_COMMON_HEAD = [
    ("new", 0, None, "一、本年新收政府信息公开申请数量"),
    ("carried_in", 0, None, "二、上年结转政府信息公开申请数量"),
    ("disclosed", 1, "三、本年度办理结果", "（一）予以公开"),
    ("partial", 1, "三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", 2, "（三）不予公开", "1.属于国家秘密"),
    ("withheld.prohibited", 2, "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld.security", 2, "（三）不予公开", "3.危及“三安全一稳定”"),
    ("withheld.third_party", 2, "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld.internal", 2, "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld.process", 2, "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld.enforcement_file", 2, "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld.inquiry", 2, "（三）不予公开", "8.属于行政查询事项"),
    ("unable.not_held", 2, "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", 2, "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable.unclear", 2, "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("not_processed.petition", 2, "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed.repeated", 2, "（五）不予处理", "2.重复申请"),
    ("not_processed.publication", 2, "（五）不予处理", "3.要求提供公开出版物"),
    ("not_processed.mass_requests", 2, "（五）不予处理", "4.无正当理由大量反复申请"),
    ("not_processed.confirmation", 2, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
]
_APP_ROWS_2019_OTHER = [("other_handling", 1, "三、本年度办理结果", "（六）其他处理")]
_APP_ROWS_2021_OTHER = [
    ("other_handling.no_correction", 2, "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_handling.unpaid_fee", 2, "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_handling.other", 2, "（六）其他处理", "3.其他"),
]
_APP_ROWS_TAIL = [
    ("results_total", 1, "三、本年度办理结果", "（七）总计"),
    ("carried_out", 0, None, "四、结转下年度继续办理"),
]


def app_rows(version: str) -> list[tuple[str, int, str | None, str]]:
    other = _APP_ROWS_2019_OTHER if version == "2019" else _APP_ROWS_2021_OTHER
    return _APP_ROWS_COMMON_HEAD + other + _APP_ROWS_TAIL


RESULT_ROWS = {v: [r[0] for r in app_rows(v) if r[0] not in ("new", "carried_in", "results_total", "carried_out")]
               for v in ("2019", "2021")}

ACTIVE_BLOCKS = {
    "2021": [
        ("item1", "第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("regulations", "规章"), ("normative", "行政规范性文件")]),
        ("item5", "第二十条第（五）项", ["本年处理决定数量"], [("licensing", "行政许可")]),
        ("item6", "第二十条第（六）项", ["本年处理决定数量"], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
        ("item8", "第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
    ],
    "2019": [
        ("item1", "第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("regulations", "规章"), ("normative", "规范性文件")]),
        ("item5", "第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
        ("item6", "第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
        ("item8", "第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
        ("item9", "第二十条第（九）项", ["采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
    ],
}

APPEAL_GROUPS = ["review", "direct_suit", "suit_after_review"]
APPEAL_COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

SECTION_TITLES = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

NOTICE_2021 = ("《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
               "（国办公开办函〔2021〕30号）")
NOTICE_2019 = ("《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"
               "（国办公开办函〔2019〕60号）")


# --------------------------------------------------------------------------------------
# Figures


@dataclass
class Applications:
    """Section 三: per row, the six applicant columns; totals are computed."""

    version: str
    new: list[int]
    carried_in: list[int]
    results: dict[str, list[int]]  # result row id → six values; rows left out are zero

    def __post_init__(self) -> None:
        for rid in self.results:
            assert rid in RESULT_ROWS[self.version], rid
        for vals in [self.new, self.carried_in, *self.results.values()]:
            assert len(vals) == 6 and all(v >= 0 for v in vals)
        assert all(v >= 0 for v in self.carried_out), self.carried_out

    def row(self, rid: str) -> list[int]:
        if rid == "new":
            six = self.new
        elif rid == "carried_in":
            six = self.carried_in
        elif rid == "results_total":
            six = self.results_total
        elif rid == "carried_out":
            six = self.carried_out
        else:
            six = self.results.get(rid, [0] * 6)
        return list(six) + [sum(six)]

    @property
    def results_total(self) -> list[int]:
        return [sum(self.results.get(r, [0] * 6)[i] for r in RESULT_ROWS[self.version]) for i in range(6)]

    @property
    def carried_out(self) -> list[int]:
        return [self.new[i] + self.carried_in[i] - self.results_total[i] for i in range(6)]

    def total(self, rid: str) -> int:
        return self.row(rid)[6]

    def group(self, prefix: str) -> int:
        """Total of a result group: disclosed, partial, withheld, unable, not_processed, other_handling."""
        return sum(self.row(r)[6] for r in RESULT_ROWS[self.version] if r == prefix or r.startswith(prefix + "."))

    def check(self) -> None:
        for rid, *_ in app_rows(self.version):
            r = self.row(rid)
            assert r[6] == sum(r[:6])                                   # ARI-002
        for i in range(7):                                              # ARI-001
            assert self.row("new")[i] + self.row("carried_in")[i] == self.row("results_total")[i] + self.row("carried_out")[i]
        groups = ["disclosed", "partial", "withheld", "unable", "not_processed", "other_handling"]
        assert sum(self.group(g) for g in groups) == self.total("results_total")   # ARI-003


@dataclass
class Appeals:
    review: tuple[int, int, int, int] = (0, 0, 0, 0)
    direct_suit: tuple[int, int, int, int] = (0, 0, 0, 0)
    suit_after_review: tuple[int, int, int, int] = (0, 0, 0, 0)

    def values(self) -> list[int]:
        out: list[int] = []
        for g in APPEAL_GROUPS:
            four = list(getattr(self, g))
            out += four + [sum(four)]
        return out

    def total(self, group: str) -> int:
        return sum(getattr(self, group))

    @property
    def any(self) -> bool:
        return any(self.values())


Active = dict  # block id → row id → list of cell strings


def check_active(version: str, active: Active) -> None:
    for bid, _label, cols, rows in ACTIVE_BLOCKS[version]:
        for rid, _ in rows:
            vals = active[bid][rid]
            assert len(vals) == len(cols), (bid, rid)
    if version == "2021":
        for rid in ("regulations", "normative"):
            issued, _rep, in_force = (int(v) for v in active["item1"][rid])
            assert in_force >= issued
    else:
        for rid in ("regulations", "normative"):
            made, published, total = (int(v) for v in active["item1"][rid])
            assert published <= total and made >= 0
        for bid in ("item5", "item6", "item8"):
            for vals in active[bid].values():
                assert int(vals[0]) + int(vals[1]) >= 0               # ARI-007


def parts(total: int, items: list[tuple[str, int]], unit: str, sep: str = "、") -> str:
    """'机构职能类8条、政策文件类23条…' — asserting that the parts add up to the total."""
    assert sum(n for _, n in items) == total, (total, items)
    return sep.join(f"{name}{n}{unit}" for name, n in items)


# --------------------------------------------------------------------------------------
# Rendering


@dataclass
class Style:
    layout: str = "cells"            # cells | tsv | bars (TSV rows written "规章 | 0 | 0 | 0 |")
    heading_indent: str = ""         # "  " or "　　" in front of the six headings
    half_width_sub: bool = False     # (一) instead of （一） in sub-headings
    broken_header: bool = False      # "本年新\n制作数量" in layout A (2019 section 二)
    stray_spaces: bool = False       # " 0" / "3 " in some layout-A value cells
    tsv_halfwidth_labels: bool = False  # "(一) 予以公开" etc. in layout B


def _noisy_value(v: str, i: int, style: Style) -> str:
    if not style.stray_spaces:
        return v
    return (" " + v) if i % 5 == 1 else (v + " ") if i % 7 == 3 else v


def _halfwidth_label(label: str) -> str:
    out = label.replace("（", "(").replace("）", ") ").replace("，", ", ")
    return out.replace(") )", "))").rstrip()


def cells_rows(rows: list[list[str]]) -> list[str]:
    """Layout A: one cell per line (TAB + text), rows separated by a blank line."""
    lines: list[str] = []
    for i, row in enumerate(rows):
        if i:
            lines.append("")
        for cell in row:
            lines.append("\t" + cell)
    return lines


def render_active(version: str, active: Active, style: Style) -> list[str]:
    if style.layout == "tsv":
        lines = []
        for bid, label, cols, rows in ACTIVE_BLOCKS[version]:
            lines.append(label + "\t" * len(cols))
            lines.append("\t".join(["信息内容", *cols]))
            for rid, rlabel in rows:
                lines.append("\t".join([rlabel, *active[bid][rid]]))
        return lines
    rows: list[list[str]] = []
    k = 0
    for bid, label, cols, brows in ACTIVE_BLOCKS[version]:
        rows.append([label])
        header = list(cols)
        if style.broken_header:
            header = [c.replace("本年新", "本年新\n") if c.startswith("本年新") else c for c in header]
        rows.append(["信息内容", *header])
        for rid, rlabel in brows:
            vals = []
            for v in active[bid][rid]:
                vals.append(_noisy_value(v, k, style))
                k += 1
            rows.append([rlabel, *vals])
    return cells_rows(rows)


def render_applications(apps: Applications, style: Style) -> list[str]:
    rows = app_rows(apps.version)
    if style.layout == "tsv":
        lab = _halfwidth_label if style.tsv_halfwidth_labels else (lambda s: s)
        lines = [CAPTION + "\t\t申请人情况" + "\t" * 6,
                 "\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
                 "\t\t\t" + "\t".join(LEGAL_SUBCOLS) + "\t"]
        seen_parent: set[str] = set()
        for rid, level, parent, label in rows:
            vals = [str(v) for v in apps.row(rid)]
            if level == 0:
                cells = [lab(label), ""]
            elif level == 1:
                first = parent not in seen_parent
                cells = [parent if first else "", lab(label)]
            else:
                first = parent not in seen_parent
                cells = ["", lab(parent) if first else "", lab(label)]
            if parent:
                seen_parent.add(parent)
            lines.append("\t".join(cells + vals))
        return lines
    table: list[list[str]] = [
        [CAPTION, "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", *LEGAL_SUBCOLS, ""],
    ]
    seen_parent = set()
    k = 0
    for rid, level, parent, label in rows:
        vals = []
        for v in apps.row(rid):
            vals.append(_noisy_value(str(v), k, style))
            k += 1
        if level == 0:
            cells = [label]
        elif level == 1:
            cells = [parent, label] if parent not in seen_parent else ["", label]
        else:
            if parent not in seen_parent:
                cells = ["", parent, label]
            else:
                cells = ["", "", label]
        if parent:
            seen_parent.add(parent)
        table.append(cells + vals)
    # "三、本年度办理结果" opens the first row under it, as the seeds show
    return cells_rows(table)


def render_appeals(appeals: Appeals, style: Style) -> list[str]:
    vals = [str(v) for v in appeals.values()]
    if style.layout == "tsv":
        return [
            "行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9,
            "\t".join(APPEAL_COLS) + "\t未经复议直接起诉" + "\t" * 5 + "复议后起诉" + "\t" * 4,
            "\t" * 5 + "\t".join(APPEAL_COLS + APPEAL_COLS),
            "\t".join(vals),
        ]
    return cells_rows([
        ["行政复议", "行政诉讼"],
        [*APPEAL_COLS, "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", *APPEAL_COLS, *APPEAL_COLS],
        [_noisy_value(v, i, style) for i, v in enumerate(vals)],
    ])


# --------------------------------------------------------------------------------------
# The pre-2019 statistics table (国办发〔2014〕32号; rows as rules/templates/statistics.yaml)


@dataclass
class Statistics:
    active_total: int
    normative: int
    normative_made: int
    channels: tuple[int, int, int, int, int]  # 公报, 网站, 微博, 微信, 其他
    hot_topics: int
    press: int
    press_leaders: int
    interviews: int
    interviews_leaders: int
    explanations: int
    social_media: int
    other_response: int
    by_channel: tuple[int, int, int, int]  # 当面, 传真, 网络, 信函
    on_time: int
    extended: int
    answers: tuple[int, int, int, int, int, int, int]  # items 1,2,3,5,6,7,8 (4 is computed)
    refused: tuple[int, int, int, int, int, int]  # the six reasons
    review: tuple[int, int, int]
    suits: tuple[int, int, int]
    complaints: int
    fees: str
    offices: int
    reading_points: int
    staff: tuple[int, int]  # 专职, 兼职
    budget: str
    meetings: int
    courses: int
    trainees: int

    @property
    def received(self) -> int:
        return sum(self.by_channel)

    @property
    def refused_total(self) -> int:
        return sum(self.refused)

    @property
    def answered(self) -> int:
        return sum(self.answers) + self.refused_total

    def check(self) -> None:
        assert self.on_time + self.extended <= self.received
        assert self.answered == self.on_time + self.extended
        assert self.normative <= self.normative_made
        assert sum(self.channels) == self.active_total  # kept equal, as the narrative says

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(indent, label, unit, value); a group row has empty unit and value."""
        a = self.answers
        ind1, ind2, ind3 = "　　", "　　　　", "　　　　　　"
        rows = [
            ("", "一、主动公开情况", "", ""),
            (ind1, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", self.active_total),
            (ind3, "其中：主动公开规范性文件数", "条", self.normative),
            (ind3, "制发规范性文件总数", "件", self.normative_made),
            (ind1, "（二）通过不同渠道和方式公开政府信息的情况", "", ""),
            (ind2, "1.政府公报公开政府信息数", "条", self.channels[0]),
            (ind2, "2.政府网站公开政府信息数", "条", self.channels[1]),
            (ind2, "3.政务微博公开政府信息数", "条", self.channels[2]),
            (ind2, "4.政务微信公开政府信息数", "条", self.channels[3]),
            (ind2, "5.其他方式公开政府信息数", "条", self.channels[4]),
            ("", "二、回应解读情况", "", ""),
            (ind1, "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", self.hot_topics),
            (ind1, "（二）通过不同渠道和方式回应解读的情况", "", ""),
            (ind2, "1.参加或举办新闻发布会总次数", "次", self.press),
            (ind3, "其中：主要负责同志参加新闻发布会次数", "次", self.press_leaders),
            (ind2, "2.政府网站在线访谈次数", "次", self.interviews),
            (ind3, "其中：主要负责同志参加政府网站在线访谈次数", "次", self.interviews_leaders),
            (ind2, "3.政策解读稿件发布数", "篇", self.explanations),
            (ind2, "4.微博微信回应事件数", "次", self.social_media),
            (ind2, "5.其他方式回应事件数", "次", self.other_response),
            ("", "三、依申请公开情况", "", ""),
            (ind1, "（一）收到申请数", "件", self.received),
            (ind2, "1.当面申请数", "件", self.by_channel[0]),
            (ind2, "2.传真申请数", "件", self.by_channel[1]),
            (ind2, "3.网络申请数", "件", self.by_channel[2]),
            (ind2, "4.信函申请数", "件", self.by_channel[3]),
            (ind1, "（二）申请办结数", "件", self.on_time + self.extended),
            (ind2, "1.按时办结数", "件", self.on_time),
            (ind2, "2.延期办结数", "件", self.extended),
            (ind1, "（三）申请答复数", "件", self.answered),
            (ind2, "1.属于已主动公开范围数", "件", a[0]),
            (ind2, "2.同意公开答复数", "件", a[1]),
            (ind2, "3.同意部分公开答复数", "件", a[2]),
            (ind2, "4.不同意公开答复数", "件", self.refused_total),
            (ind3, "其中：涉及国家秘密", "件", self.refused[0]),
            (ind3 + "　　　", "涉及商业秘密", "件", self.refused[1]),
            (ind3 + "　　　", "涉及个人隐私", "件", self.refused[2]),
            (ind3 + "　　　", "危及国家安全、公共安全、经济安全和社会稳定", "件", self.refused[3]),
            (ind3 + "　　　", "不是《条例》所指政府信息", "件", self.refused[4]),
            (ind3 + "　　　", "法律法规规定的其他情形", "件", self.refused[5]),
            (ind2, "5.不属于本行政机关公开数", "件", a[3]),
            (ind2, "6.申请信息不存在数", "件", a[4]),
            (ind2, "7.告知作出更改补充数", "件", a[5]),
            (ind2, "8.告知通过其他途径办理数", "件", a[6]),
            ("", "四、行政复议数量", "件", sum(self.review)),
            (ind1, "（一）维持具体行政行为数", "件", self.review[0]),
            (ind1, "（二）被依法纠错数", "件", self.review[1]),
            (ind1, "（三）其他情形数", "件", self.review[2]),
            ("", "五、行政诉讼数量", "件", sum(self.suits)),
            (ind1, "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", self.suits[0]),
            (ind1, "（二）被依法纠错数", "件", self.suits[1]),
            (ind1, "（三）其他情形数", "件", self.suits[2]),
            ("", "六、举报投诉数量", "件", self.complaints),
            ("", "七、依申请公开信息收取的费用", "万元", self.fees),
            ("", "八、机构建设和保障经费情况", "", ""),
            (ind1, "（一）政府信息公开工作专门机构数", "个", self.offices),
            (ind1, "（二）设置政府信息公开查阅点数", "个", self.reading_points),
            (ind1, "（三）从事政府信息公开工作人员数", "人", sum(self.staff)),
            (ind2, "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", self.staff[0]),
            (ind2, "2.兼职人员数", "人", self.staff[1]),
            (ind1, "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", self.budget),
            ("", "九、政府信息公开会议和培训情况", "", ""),
            (ind1, "（一）召开政府信息公开工作会议或专题会议数", "次", self.meetings),
            (ind1, "（二）举办各类培训班数", "次", self.courses),
            (ind1, "（三）接受培训人员数", "人次", self.trainees),
        ]
        return [(i, l, u, str(v)) for i, l, u, v in rows]

    def render(self) -> list[str]:
        table = [["统计指标", "单位", "统计数"]]
        table += [[indent + label, unit, value] for indent, label, unit, value in self.rows()]
        return cells_rows(table)


# --------------------------------------------------------------------------------------
# A report


@dataclass
class Report:
    filename: str
    fmt: str                 # 2021 | 2019 | pre2019
    year: int
    body: str                # the issuing body, as in the title and the signature
    kind: str                # department | township | government
    style: Style
    title_lines: list[str]
    intro: list[str]
    sections: list[tuple[str, list[str]]]  # (heading, body lines); body may hold "<TABLE:x>"
    signature: list[str]
    tables: dict[str, list[str]] = field(default_factory=dict)
    apps: Applications | None = None
    appeals: Appeals | None = None
    stats: Statistics | None = None
    active: Active | None = None
    exercises: str = ""
    published: str = ""

    def text(self) -> str:
        lines: list[str] = list(self.title_lines)
        lines.append("")
        lines.extend(self.intro)
        for heading, body in self.sections:
            lines.append(self.style.heading_indent + heading)
            for item in body:
                if item.startswith("<TABLE:"):
                    lines.extend(self.tables[item[7:-1]])
                else:
                    lines.append(item)
            if lines[-1] != "":
                lines.append("")
        lines.extend(self.signature)
        return "\n".join(lines).rstrip("\n") + "\n"


def sub(style: Style, n: str, title: str) -> str:
    return f"({n}){title}" if style.half_width_sub else f"（{n}）{title}"


def six_sections(style: Style, s1: list[str], s5: list[str], s6: list[str]) -> list[tuple[str, list[str]]]:
    return [
        (SECTION_TITLES[0], s1),
        (SECTION_TITLES[1], ["<TABLE:active>"]),
        (SECTION_TITLES[2], ["<TABLE:applications>"]),
        (SECTION_TITLES[3], ["<TABLE:appeals>"]),
        (SECTION_TITLES[4], s5),
        (SECTION_TITLES[5], s6),
    ]


def bar_rows(lines: list[str]) -> list[str]:
    """TSV rows as text taken from a web page writes them: a bar after each cell, and a
    bar first when the first cell is empty ("| （二）部分公开 | | 0 |")."""
    return ["".join(f"{cell} | " if cell else "| " for cell in line.split("\t")).rstrip() for line in lines]


def build_tables(r: Report, active: Active) -> None:
    assert r.apps is not None and r.appeals is not None
    version = r.fmt
    check_active(version, active)
    r.active = active
    r.apps.check()
    style = Style(layout="tsv") if r.style.layout == "bars" else r.style
    r.tables = {
        "active": render_active(version, active, style),
        "applications": render_applications(r.apps, style),
        "appeals": render_appeals(r.appeals, style),
    }
    if r.style.layout == "bars":
        r.tables = {name: bar_rows(lines) for name, lines in r.tables.items()}


def applicants_phrase(a: Applications) -> str:
    """'自然人提出15件，商业企业提出3件…' for the new applications (non-zero only)."""
    names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他组织"]
    items = [(f"{n}提出", v) for n, v in zip(names, a.new) if v]
    return parts(a.total("new"), items, "件", "，")


def results_phrase(a: Applications) -> str:
    names = [("disclosed", "予以公开"), ("partial", "部分公开"), ("withheld", "不予公开"),
             ("unable", "无法提供"), ("not_processed", "不予处理"), ("other_handling", "其他处理")]
    items = [(label, a.group(g)) for g, label in names if a.group(g)]
    return parts(a.total("results_total"), items, "件")


# ======================================================================================
# 1. 2021_cells_clean — 桐溪县自然资源局, 2023, 2021 format, layout A


def report_2021_cells_clean() -> Report:
    style = Style(layout="cells")
    body = "桐溪县自然资源局"
    apps = Applications("2021",
                        new=[17, 3, 0, 0, 2, 1], carried_in=[2, 0, 0, 0, 0, 0],
                        results={
                            "disclosed": [7, 2, 0, 0, 1, 0],
                            "partial": [2, 0, 0, 0, 0, 0],
                            "withheld.third_party": [1, 1, 0, 0, 0, 0],
                            "withheld.process": [1, 0, 0, 0, 0, 0],
                            "unable.not_held": [4, 0, 0, 0, 1, 0],
                            "unable.needs_creation": [1, 0, 0, 0, 0, 0],
                            "not_processed.petition": [1, 0, 0, 0, 0, 0],
                            "other_handling.no_correction": [1, 0, 0, 0, 0, 1],
                        })
    appeals = Appeals(review=(1, 0, 0, 1), direct_suit=(1, 0, 0, 0))
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["2", "1", "7"]},
        "item5": {"licensing": ["326"]},
        "item6": {"penalty": ["41"], "enforcement": ["3"]},
        "item8": {"fees": ["42.75"]},
    }
    categories = [("机构职能信息", 8), ("政策文件及解读信息", 23), ("国土空间规划信息", 12),
                  ("行政许可决定", 326), ("行政处罚决定", 41), ("行政强制决定", 3),
                  ("征地信息", 57), ("部门预决算信息", 4), ("工作动态", 168)]
    total_active = sum(n for _, n in categories)
    a = apps
    s1 = [
        "2023年，桐溪县自然资源局以《条例》为遵循，围绕耕地保护、国土空间规划实施、不动产登记和矿产资源管理等重点工作，"
        "推进决策、执行、管理、服务、结果公开，全年政府信息公开工作平稳有序。",
        sub(style, "一", "主动公开"),
        f"全年通过县政府门户网站本局信息公开专栏主动公开政府信息{total_active}条，其中{parts(total_active, categories, '条')}。"
        "本年制发行政规范性文件2件、废止1件，截至12月31日现行有效的行政规范性文件7件，均已在县政府门户网站行政规范性文件库集中公开，"
        "并逐件标注有效状态。全年收取不动产登记费等行政事业性收费42.75万元，收费项目、标准和依据在政务服务大厅窗口和网站同步公示。",
        sub(style, "二", "依申请公开"),
        f"全年共收到政府信息公开申请{a.total('new')}件，上年结转{a.total('carried_in')}件。"
        f"新收申请中，{applicants_phrase(a)}。"
        f"本年办结{a.total('results_total')}件，其中{results_phrase(a)}；结转下年度继续办理{a.total('carried_out')}件。"
        "申请内容主要集中在征地补偿安置、不动产登记资料和建设用地审批等方面，所有申请均在法定期限内作出答复。",
        sub(style, "三", "政府信息管理"),
        "修订《桐溪县自然资源局政府信息公开工作规程》，明确“拟稿股室初审、分管领导复核、办公室终审”的三级审核流程，"
        "信息发布前一律进行保密审查。对现行有效的7件行政规范性文件逐件核对，更新了行政规范性文件目录；"
        "对征地信息按批次建立公开台账，实行批准、公告、补偿安置全流程留痕。",
        sub(style, "四", "平台建设"),
        "县政府门户网站本局专栏设置机构职能、法规文件、规划信息、征地信息、不动产登记、统计信息等12个栏目，"
        "本年新增“征地信息查询”子栏目，可按乡镇和批次检索。"
        "“桐溪自然资源”微信公众号开设政策解读专栏，不动产登记中心设置自助查询终端2台，方便群众就近查询登记办理进度。",
        sub(style, "五", "监督保障"),
        "局党组召开专题会议2次研究部署政务公开工作，将政府信息公开纳入机关各股室和局属单位年度目标考核，考核结果与评先评优挂钩。"
        "在政务服务大厅窗口设置“好差评”评价器开展社会评议，全年收到群众评价1362人次，其中满意1347人次、基本满意15人次，无不满意评价。"
        "全年组织政务公开业务培训3次，参训干部职工126人次。本年度未发生因政府信息公开工作不到位而启动责任追究的情形。",
    ]
    s5 = [
        "本年度工作仍存在以下问题和不足：一是征地信息公开的及时性不够，个别批次征地补偿安置方案批准后超过20个工作日才在网站公开；"
        "二是政策解读形式较单一，以文字解读为主，图解和视频解读偏少；"
        "三是依申请公开答复文书说理不够充分，个别告知书对法律依据的引用不够具体。",
        "下一步改进措施：一是落实征地信息公开台账制度，对每个批次实行批准、公告、公开节点跟踪，确保批准后5个工作日内公开；"
        "二是对每件新制发的行政规范性文件同步制作图解或问答式解读；"
        "三是制定依申请公开答复文书范本，由局法律顾问对答复文书逐件审核。",
    ]
    s6 = [
        "（一）信息处理费收取情况。本年度未收取信息处理费。",
        "（二）人大代表建议和政协提案办理情况。本年度承办县人大代表建议8件、县政协提案11件，均已按期办结并书面答复代表委员。",
        "（三）政务公开工作要点落实情况。按照《桐溪县2023年政务公开工作要点》，完成自然资源领域基层政务公开标准目录的动态调整，"
        "梳理公开事项46项。",
    ]
    intro = [
        f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{NOTICE_2021}要求，桐溪县自然资源局编制本年度报告。"
        "本报告由总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，"
        "存在的主要问题及改进情况，其他需要报告的事项六部分组成。",
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
        "本报告电子版可在桐溪县人民政府门户网站“政府信息公开”专栏（http://www.tongxi.gov.cn/zwgk/xxgkndbg/）下载。"
        "如对本报告有疑问，请与桐溪县自然资源局办公室联系（地址：桐溪县城关镇滨江路126号，邮编：628400，"
        "联系电话：0839-6721356，电子邮箱：txzrzyj@tongxi.gov.cn）。",
    ]
    r = Report("2021_cells_clean.txt", "2021", 2023, body, "department", style,
               [f"{body}2023年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               [body, "2024年1月20日"], apps=apps, appeals=appeals,
               exercises="full 2021 format in layout A; non-zero applications, review and litigation; 万元 decimal fee "
                         "(42.75); the intro names the six parts separated by “，” (the fourth, “政府信息公开行政复议、"
                         "行政诉讼情况”, itself contains “、”) and says 六部分; the prose counts of 行政许可/处罚/强制 "
                         "decisions (326/41/3) equal the section 二 table; section 六 items are one-line "
                         "“（一）标题。正文” paragraphs (the parser reads them as sub-headings) and state "
                         "“本年度未收取信息处理费”",
               published="2024-01-20")
    build_tables(r, active)
    return r


# ======================================================================================
# 2. 2021_tsv_clean — 青岚县白沙镇人民政府, 2022, 2021 format, layout B


def report_2021_tsv_clean() -> Report:
    style = Style(layout="tsv")
    body = "青岚县白沙镇人民政府"
    apps = Applications("2021", new=[3, 1, 0, 0, 0, 0], carried_in=[0] * 6,
                        results={"disclosed": [2, 1, 0, 0, 0, 0], "unable.not_held": [1, 0, 0, 0, 0, 0]})
    appeals = Appeals(review=(1, 0, 0, 0))
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["0", "0", "0"]},
        "item5": {"licensing": ["18"]},
        "item6": {"penalty": ["5"], "enforcement": ["0"]},
        "item8": {"fees": ["0"]},
    }
    channels = [("通过青岚县人民政府网站白沙镇专栏发布", 146), ("通过“白沙发布”微信公众号发布", 212),
                ("在镇村两级政务公开栏张贴公示", 93)]
    total_active = sum(n for _, n in channels)
    a = apps
    s1 = [
        "2022年，白沙镇人民政府围绕乡村振兴、农村人居环境整治、惠民惠农资金发放和防汛救灾等群众关注的事项，"
        "把政府信息公开作为密切联系群众的日常工作来抓，全年各项公开任务按期完成。",
        sub(style, "一", "主动公开"),
        f"全年主动公开政府信息{total_active}条，其中{parts(total_active, channels, '条', '，')}，各渠道发布的内容不重复计算。"
        "按季度公示惠民惠农财政补贴资金发放情况4期，涉及农户5126户；办理乡村建设规划许可18件、作出行政处罚决定5件，"
        "相关决定均在作出后7个工作日内公开。",
        sub(style, "二", "依申请公开"),
        f"全年收到政府信息公开申请{a.total('new')}件，无上年结转申请。新收申请中，{applicants_phrase(a)}。"
        f"本年办结{a.total('results_total')}件，其中{results_phrase(a)}，无结转下年度办理的申请。"
        "申请人对1件“本机关不掌握相关政府信息”的告知不服，向青岚县人民政府申请行政复议，复议机关维持了原告知。",
        sub(style, "三", "政府信息管理"),
        "编制《白沙镇基层政务公开事项目录》，涵盖财政资金、社会救助、乡村建设、生态环境等17个领域，逐项明确公开内容、"
        "公开时限和责任站所。镇党政办公室统一登记发文，发文时同步确定公开属性，需要公开的文件由分管领导签批后发布。",
        sub(style, "四", "平台建设"),
        "对镇政府网站专栏的栏目进行梳理合并，由9个调整为7个；对11个村（社区）的政务公开栏进行统一改造，"
        "在镇便民服务中心设置政府信息查阅点1个，配备电脑1台，供群众查阅公开信息和办事指南。",
        sub(style, "五", "监督保障"),
        "镇党委将政务公开纳入对11个村（社区）和镇属各站所的年度目标考核，占考核总分的5分，考核结果在全镇通报。"
        "12月邀请镇人大代表和群众代表共21人对政务公开工作开展社会评议，评议结果为满意19人、基本满意2人。"
        "本年度未发生政府信息公开工作责任追究事项。",
    ]
    s5 = [
        "本年度存在的主要问题：一是村级公开栏内容更新不够及时，个别村的惠民资金公示张贴时间晚于规定时限；"
        "二是镇政府网站专栏的办事指南未随县级事项调整同步更新；三是工作人员多为兼职，业务能力参差不齐。",
        "改进措施：一是建立村级公开栏月度巡查制度，由包村干部每月拍照留档；二是每季度对照县级政务服务事项清单核对一次办事指南；"
        "三是下一步每半年组织一次镇村两级政务公开业务培训。",
    ]
    s6 = [
        "本年度未收取信息处理费。本年度办理县人大代表建议2件，均已按期答复。",
    ]
    intro = [
        "白沙镇人民政府依据《中华人民共和国政府信息公开条例》，按照国办公开办函〔2021〕30号印发的年度报告格式，"
        "编制本镇2022年政府信息公开工作年度报告。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        "本报告电子版可在青岚县人民政府网站白沙镇信息公开专栏（http://www.qinglan.gov.cn/bsz/zfxxgk/）下载。"
        "如对本报告有疑问，请与白沙镇党政办公室联系，地址：青岚县白沙镇新街34号；邮编：557312；"
        "联系电话：0854-3516208；电子邮箱：bszhen@qinglan.gov.cn。",
    ]
    r = Report("2021_tsv_clean.txt", "2021", 2022, body, "township", style,
               [f"{body}2022年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               [body, "2023年3月15日"], apps=apps, appeals=appeals,
               exercises="full 2021 format in layout B (TSV rows, merged cells as empty cells); township with "
                         "考核/社会评议/责任追究 under 监督保障; small non-zero applications and one review (upheld), no suits; "
                         "the 2021 notice cited by its number only",
               published="2023-03-15")
    build_tables(r, active)
    return r


# ======================================================================================
# 3. 2019_cells_clean — 柏岭县人民政府, 2020, 2019 format, layout A


def report_2019_cells_clean() -> Report:
    style = Style(layout="cells")
    body = "柏岭县人民政府"
    apps = Applications("2019",
                        new=[38, 9, 1, 1, 3, 2], carried_in=[3, 1, 0, 0, 0, 0],
                        results={
                            "disclosed": [16, 4, 1, 0, 1, 1],
                            "partial": [4, 1, 0, 0, 0, 0],
                            "withheld.state_secret": [1, 0, 0, 0, 0, 0],
                            "withheld.third_party": [1, 1, 0, 0, 0, 0],
                            "withheld.internal": [1, 0, 0, 0, 0, 0],
                            "withheld.process": [2, 0, 0, 0, 1, 0],
                            "unable.not_held": [7, 2, 0, 1, 1, 0],
                            "unable.needs_creation": [2, 0, 0, 0, 0, 1],
                            "unable.unclear": [1, 0, 0, 0, 0, 0],
                            "not_processed.petition": [2, 0, 0, 0, 0, 0],
                            "not_processed.repeated": [1, 0, 0, 0, 0, 0],
                            "other_handling": [1, 0, 0, 0, 0, 0],
                        })
    appeals = Appeals(review=(2, 1, 0, 1), direct_suit=(1, 0, 1, 0), suit_after_review=(1, 0, 0, 0))
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["6", "6", "48"]},
        "item5": {"licensing": ["12", "-1", "37"], "other_services": ["5", "0", "19"]},
        "item6": {"penalty": ["0", "0", "0"], "enforcement": ["0", "0", "0"]},
        "item8": {"fees": ["0", "0"]},
        "item9": {"procurement": ["23", "1286.4"]},
    }
    categories = [("县政府及县政府办公室文件", 64), ("政策解读", 21), ("人事任免信息", 18),
                  ("财政预决算和“三公”经费信息", 35), ("重大建设项目信息", 47), ("政务动态", 382)]
    total_active = sum(n for _, n in categories)
    a = apps
    s1 = [
        "2020年，柏岭县人民政府坚持以公开为常态、不公开为例外，把政务公开与统筹推进疫情防控和经济社会发展结合起来，"
        "县政府本级政府信息公开工作有序推进。本报告统计范围为县人民政府本级（含县人民政府办公室）。",
        sub(style, "一", "主动公开"),
        f"全年通过县政府门户网站主动公开政府信息{total_active}条，其中{parts(total_active, categories, '条')}。"
        "本年新制作规范性文件6件，全部在县政府门户网站公开，截至12月31日对外公开的规范性文件共48件。"
        "县政府本级办理行政许可决定37件、其他对外管理服务事项19件，政府集中采购项目23个，采购总金额1286.4万元，"
        "相关信息均已按规定公开。",
        sub(style, "二", "依申请公开"),
        f"全年新收政府信息公开申请{a.total('new')}件，上年结转{a.total('carried_in')}件。"
        f"新收申请中，{applicants_phrase(a)}。"
        f"本年办结{a.total('results_total')}件，其中{results_phrase(a)}；另有{a.total('carried_out')}件结转下年度继续办理。"
        f"因政府信息公开工作被申请行政复议{appeals.total('review')}件，其中维持2件、纠正1件、尚未审结1件；"
        f"被提起行政诉讼{appeals.total('direct_suit') + appeals.total('suit_after_review')}件，"
        "其中未经复议直接起诉2件、复议后起诉1件。",
        sub(style, "三", "政府信息管理"),
        "对县政府2011年至2019年制发的规范性文件开展全面清理，清理结果及继续有效的文件目录已在门户网站公布。"
        "落实公文公开属性源头认定制度，县政府及县政府办公室发文时同步明确“主动公开”“依申请公开”或“不予公开”属性，"
        "对不予公开的逐件说明理由。",
        sub(style, "四", "平台建设"),
        "完成县政府门户网站集约化改造，将26个县直部门和8个乡镇的子站统一迁移至县级平台；"
        "新开设“疫情防控”“复工复产政策”专题栏目，“柏岭发布”政务微信与门户网站同步推送权威信息；"
        "在县档案馆和县政务服务中心设置政府信息公开查阅点2个。",
        sub(style, "五", "监督保障"),
        "县政府将政务公开工作纳入对26个县直部门和8个乡镇的年度绩效考核，分值占考核总分的4%。"
        "委托第三方机构开展社会评议，回收有效问卷612份，群众满意度为93.6%。"
        "对考核排名后两位的单位主要负责人进行约谈提醒，限期整改；全年未发生政府信息公开工作责任追究情形。",
    ]
    s5 = [
        "（一）存在的主要问题。一是部分部门对公文公开属性的认定不够严谨，个别应主动公开的文件被标为依申请公开；"
        "二是依申请公开答复的规范化程度有待提高，告知书格式不统一；三是乡镇子站栏目内容更新不均衡，个别栏目长期未更新。",
        "（二）改进措施。一是组织县直部门和乡镇开展公开属性认定专题培训，由县政务公开办公室每季度抽查发文公开属性；"
        "二是印发依申请公开答复文书参考范本，统一告知书格式；三是建立子站栏目更新月通报制度，将通报结果计入年度考核。",
    ]
    s6 = [
        "本年度县人民政府承办省、市人大代表建议5件，县人大代表建议63件，县政协提案71件，均已按期办结。"
        "本年度县人民政府办理政府信息公开申请未收取任何费用。",
    ]
    intro = [
        f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{NOTICE_2019}要求，柏岭县人民政府办公室编制了本报告。"
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项。",
        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告电子版可在柏岭县人民政府门户网站"
        "（http://www.bailing.gov.cn/zwgk/ndbg/）下载。如对本报告有疑问，请与柏岭县人民政府办公室（县政务公开办公室）联系"
        "（地址：柏岭县凤鸣街道府前路1号，邮编：435600，联系电话：0713-5286017，电子邮箱：blzwgk@bailing.gov.cn）。",
    ]
    r = Report("2019_cells_clean.txt", "2019", 2020, body, "government", style,
               [f"{body}2020年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               [body, "2021年3月15日"], apps=apps, appeals=appeals,
               exercises="full 2019 format in layout A (第（九）项, single （六）其他处理 row, a negative 本年增/减); "
                         "county government with 考核/社会评议/责任追究; many applications; review and both kinds of suit; "
                         "采购总金额 1286.4 written without unit (万元 in the prose); section 五 written as two one-line "
                         "“（一）存在的主要问题。…” / “（二）改进措施。…” paragraphs (read as sub-headings)",
               published="2021-03-15")
    build_tables(r, active)
    return r


# ======================================================================================
# 4. 2019_tsv_clean — 桐溪县龙泉乡人民政府, 2019, 2019 format, layout B, no applications


def report_2019_tsv_clean() -> Report:
    style = Style(layout="tsv")
    body = "桐溪县龙泉乡人民政府"
    apps = Applications("2019", new=[0] * 6, carried_in=[0] * 6, results={})
    appeals = Appeals()
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["0", "0", "0"]},
        "item5": {"licensing": ["3", "0", "26"], "other_services": ["12", "2", "340"]},
        "item6": {"penalty": ["0", "0", "0"], "enforcement": ["0", "0", "0"]},
        "item8": {"fees": ["0", "0"]},
        "item9": {"procurement": ["2", "36.8"]},
    }
    categories = [("乡政府工作动态", 97), ("脱贫攻坚和产业扶持信息", 41), ("财政资金和惠民补贴公示", 28),
                  ("办事指南和服务事项", 14), ("人事和机构信息", 3)]
    total_active = sum(n for _, n in categories)
    s1 = [
        "2019年是新修订的《中华人民共和国政府信息公开条例》施行的第一年。龙泉乡人民政府组织乡村干部学习新《条例》，"
        "调整乡政务公开领导小组，由乡长任组长，党政办公室具体承办，全乡政府信息公开工作按新规定平稳衔接。",
        sub(style, "一", "主动公开"),
        f"全年主动公开政府信息{total_active}条，其中{parts(total_active, categories, '条')}。"
        "办理乡村建设规划许可26件，办理农村低保、临时救助、高龄津贴等其他对外管理服务事项340件，相关结果均按规定公示。",
        sub(style, "二", "依申请公开"),
        "本年度龙泉乡人民政府未收到政府信息公开申请，无上年结转申请；未发生因政府信息公开引起的行政复议和行政诉讼。",
        sub(style, "三", "政府信息管理"),
        "按照新《条例》要求，重新编制《龙泉乡人民政府政府信息公开指南》和主动公开目录，"
        "对信息发布实行“经办人起草、分管领导审核、主要领导签发”三级审签。",
        sub(style, "四", "平台建设"),
        "依托桐溪县人民政府门户网站乡镇子站发布信息，在乡便民服务中心和9个村的村务公开栏同步公开惠民政策和补贴发放情况。",
        sub(style, "五", "监督保障"),
        "乡党委将政务公开工作纳入对9个村年度目标考核的内容；11月组织村民代表42人对乡政务公开工作进行评议，"
        "评议结果为满意38人、基本满意4人；全年未发生政府信息公开工作责任追究事项。",
    ]
    s5 = [
        "存在的问题：一是对新《条例》的学习还不够深入，个别村干部对主动公开范围把握不准；"
        "二是公开内容以工作动态为主，政策解读偏少；三是村务公开栏更新不够及时。",
        "改进措施：一是下一步把新《条例》纳入乡村干部年度学习计划，每半年集中学习一次；"
        "二是对涉及群众切身利益的政策文件同步发布解读；三是将村务公开栏更新情况纳入月度督查。",
    ]
    s6 = [
        "本年度乡人民政府办理县人大代表建议3件，均已按期答复。本年度未收取政府信息公开相关费用。",
    ]
    intro = [
        f"根据《中华人民共和国政府信息公开条例》和{NOTICE_2019}的要求，龙泉乡人民政府编制本年度报告。"
        "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
        "本报告电子版可在桐溪县人民政府门户网站龙泉乡子站（http://www.tongxi.gov.cn/lqx/xxgk/）下载。"
        "如对本报告有疑问，请与龙泉乡人民政府党政办公室联系（地址：桐溪县龙泉乡政府街12号，邮编：628412，"
        "联系电话：0839-6930127，电子邮箱：lqxzf@tongxi.gov.cn）。",
    ]
    r = Report("2019_tsv_clean.txt", "2019", 2019, body, "township", style,
               [f"{body}2019年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               [body, "2020年3月12日"], apps=apps, appeals=appeals,
               exercises="full 2019 format in layout B; township; zero applications and appeals with "
                         "“未收到政府信息公开申请” / “未发生…行政复议和行政诉讼”",
               published="2020-03-12")
    build_tables(r, active)
    return r


# ======================================================================================
# 5. pre2019_clean — 柏岭县农业局, 2016, 2007 regulation, statistics table (layout A)


def report_pre2019_clean() -> Report:
    style = Style(layout="cells")
    body = "柏岭县农业局"
    stats = Statistics(
        active_total=386, normative=3, normative_made=3, channels=(0, 248, 0, 96, 42),
        hot_topics=2, press=1, press_leaders=1, interviews=1, interviews_leaders=1,
        explanations=4, social_media=3, other_response=0,
        by_channel=(2, 0, 2, 1), on_time=5, extended=0,
        answers=(1, 2, 0, 1, 0, 0, 0), refused=(0, 0, 1, 0, 0, 0),
        review=(1, 0, 0), suits=(0, 0, 0), complaints=0, fees="0",
        offices=1, reading_points=2, staff=(1, 2), budget="1.2", meetings=2, courses=1, trainees=35)
    stats.check()
    categories = [("机构职能信息", 9), ("政策法规和规范性文件", 31), ("农业产业规划和计划", 6),
                  ("强农惠农补贴信息", 74), ("农产品质量安全监管信息", 58), ("农技推广和培训信息", 83),
                  ("工作动态", 125)]
    assert sum(n for _, n in categories) == stats.active_total
    ch = stats.channels
    channel_items = [("通过柏岭县人民政府门户网站本局专栏发布", ch[1]), ("通过“柏岭农业”微信公众号发布", ch[3]),
                     ("通过局办事大厅电子显示屏和村务公开栏发布", ch[4])]
    s1 = [
        "2016年，柏岭县农业局认真贯彻《中华人民共和国政府信息公开条例》，围绕强农惠农政策落实、农产品质量安全和农业执法等群众关心的事项，"
        "推进政府信息公开。局办公室为政府信息公开工作专门机构，配备工作人员3名，其中专职1名、兼职2名；"
        "在局办事大厅和县农业技术推广中心设置政府信息公开查阅点2个；全年安排政府信息公开专项经费1.2万元。"
        "全年召开政府信息公开工作会议2次，举办业务培训班1期，培训干部职工35人次。",
    ]
    s2 = [
        f"全年主动公开政府信息{stats.active_total}条。按内容分，{parts(stats.active_total, categories, '条')}。"
        f"按渠道分，{parts(stats.active_total, channel_items, '条', '，')}，各渠道发布的内容不重复。"
        "本年制发规范性文件3件，全部主动公开。",
        "在回应关切方面，全年回应公众关注热点2次；局主要负责同志参加县政府新闻发布会1次、在县政府网站在线访谈1次；"
        "发布政策解读稿件4篇，通过微信公众号回应群众关切事件3次。",
    ]
    s3 = [
        f"全年共收到政府信息公开申请{stats.received}件，其中当面申请2件、网络申请2件、信函申请1件，"
        "均在法定期限内按时办结。从答复情况看，属于已主动公开范围的1件，同意公开的2件，不同意公开的1件"
        "（所申请信息涉及个人隐私），不属于本行政机关公开的1件。",
        "对不同意公开的申请，答复书均载明了不予公开的理由和法律依据，并告知申请人救济途径。",
    ]
    s4 = [
        "本局依申请提供政府信息，未收取检索、复制、邮寄等任何费用，也未发生费用减免事项。",
    ]
    s_review = [
        "本年度因政府信息公开申请被申请行政复议1件，复议机关维持了本局的答复；未被提起行政诉讼。",
    ]
    s6 = [
        "本年度工作中还存在一些问题：一是农业执法信息公开不够及时，个别行政处罚结果公开时间滞后；"
        "二是政策解读以转载为主，结合本县实际的解读偏少；三是乡镇农技站的信息公开工作基础较薄弱。",
        "改进措施：一是建立执法信息公开台账，行政处罚决定作出后7个工作日内公开；"
        "二是对本局制发的规范性文件一律同步发布解读材料；三是下一步对乡镇农技站信息员开展专题培训，规范基层公开行为。",
    ]
    s7 = [
        "本局2016年政府信息公开情况统计数据见下表。除此之外，本年度无其他需要报告的事项。",
        "附：柏岭县农业局2016年政府信息公开情况统计表",
        "",
        "<TABLE:statistics>",
        "",
    ]
    intro = [
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十一条、第三十二条规定，现公布柏岭县农业局2016年"
        "政府信息公开工作年度报告。本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。",
        "本报告电子版可在柏岭县人民政府门户网站（http://www.bailing.gov.cn/xxgk/nyj/）下载。如对本报告有疑问，"
        "请与柏岭县农业局办公室联系（地址：柏岭县凤鸣街道农科路15号，邮编：435600，联系电话：0713-5231064，"
        "电子邮箱：blnyj@bailing.gov.cn）。",
    ]
    sections = [
        ("一、概述", s1),
        ("二、主动公开政府信息情况", s2),
        ("三、依申请公开和不予公开政府信息情况", s3),
        ("四、政府信息公开的收费及减免情况", s4),
        ("五、因政府信息公开申请行政复议、提起行政诉讼的情况", s_review),
        ("六、政府信息公开工作存在的主要问题及改进情况", s6),
        ("七、其他需要报告的事项", s7),
    ]
    r = Report("pre2019_clean.txt", "pre2019", 2016, body, "department", style,
               [f"{body}2016年政府信息公开工作年度报告"], intro, sections,
               [body, "2017年3月10日"], stats=stats,
               exercises="2007 regulation art. 32 contents (seven headings, 收费及减免 separate) and the 2014 "
                         "statistics table in layout A, all OLD-002 sums consistent (channels add up to the total, no overlap); "
                         "applications and one review; the prose says “未被提起行政诉讼” while 行政复议 = 1 (compare "
                         "like with like); the table sits inside section 七, before the signature",
               published="2017-03-10")
    r.tables = {"statistics": stats.render()}
    return r


# ======================================================================================
# 6. 2021_cells_noisy — 青岚县市场监督管理局, 2023


def report_2021_cells_noisy() -> Report:
    style = Style(layout="cells", heading_indent="    ", half_width_sub=True, stray_spaces=True)
    body = "青岚县市场监督管理局"
    apps = Applications("2021", new=[4, 2, 0, 0, 0, 0], carried_in=[1, 0, 0, 0, 0, 0],
                        results={"disclosed": [2, 1, 0, 0, 0, 0], "partial": [1, 0, 0, 0, 0, 0],
                                 "withheld.third_party": [0, 1, 0, 0, 0, 0], "unable.not_held": [1, 0, 0, 0, 0, 0],
                                 "other_handling.no_correction": [1, 0, 0, 0, 0, 0]})
    appeals = Appeals(direct_suit=(0, 0, 0, 1))
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["1", "0", "3"]},
        "item5": {"licensing": ["2356"]},
        "item6": {"penalty": ["187"], "enforcement": ["42"]},
        "item8": {"fees": ["0"]},
    }
    categories = [("行政许可信息", 2356), ("行政处罚信息", 187), ("行政强制信息", 42), ("食品安全抽检信息", 64),
                  ("政策文件及解读", 17), ("工作动态", 203)]
    total_active = sum(n for _, n in categories)
    a = apps
    s1 = [
        "2023年，青岚县市场监督管理局围绕优化营商环境、食品药品安全和特种设备安全监管，推进监管执法信息公开，"
        "各项工作按计划完成。",
        sub(style, "一", "主动公开"),
        f"全年主动公开政府信息{total_active}条，其中{parts(total_active, categories, '条')}。"
        "行政许可和行政处罚信息均在作出决定后7个工作日内通过国家企业信用信息公示系统和县政府门户网站公开。",
        sub(style, "二", "依申请公开"),
        f"全年收到政府信息公开申请{a.total('new')}件，上年结转{a.total('carried_in')}件；"
        f"本年办结{a.total('results_total')}件，其中{results_phrase(a)}，无结转下年度的申请。"
        "本年度行政诉讼1件，为未经复议直接起诉，截至12月31日尚未审结。",
        sub(style, "三", "政府信息管理"),
        "落实信息发布“三审”制度，涉及企业商业秘密的信息在公开前书面征求第三方意见。"
        "本年制发行政规范性文件1件，现行有效3件，均在县政府门户网站公开。",
        sub(style, "四", "平台建设"),
        "在县政府门户网站本局专栏新增“双随机、一公开”抽查结果栏目，食品安全抽检结果按月集中发布。",
        sub(style, "五", "监督保障"),
        "将政务公开纳入局机关年度目标考核；通过政务服务“好差评”系统开展社会评议，收到评价2748人次，均为满意；"
        "本年度未发生政务公开责任追究事项。",
    ]
    s5 = [
        "存在的问题：一是抽检信息公开的格式不统一；二是政策解读的针对性不强。",
        "改进措施：一是下一步统一抽检信息公开模板；二是围绕个体工商户关心的登记注册政策开展图解和问答式解读。",
    ]
    s6 = ["本年度未收取信息处理费。"]
    intro = [
        f"根据《中华人民共和国政府信息公开条例》和{NOTICE_2021}要求，编制本报告。"
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项共6部分组成。",
        "本报告中所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。本报告电子版可在青岚县人民政府网站"
        "（http://www.qinglan.gov.cn/scjgj/）下载。如对本报告有疑问，请与青岚县市场监督管理局办公室联系"
        "（地址 ： 青岚县城南新区文昌路9号，邮编 ： 557300，联系电话 ： 0854-3227815，电子邮箱 ： qlscjgj@qinglan.gov.cn）。",
    ]
    r = Report("2021_cells_noisy.txt", "2021", 2023, body, "department", style,
               [f"{body}2023年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               ["　　　　　　　　" + body, "　　　　　　　　二〇二四年一月十八日"], apps=apps, appeals=appeals,
               exercises="noise: indented headings, (一) half-width sub-headings, spaced period dates, spaced "
                         "full-width colons in contacts (“地址 ： …”, “邮编 ： 557300”), stray spaces in table cells, an intro list whose item "
                         "“政府信息公开行政复议、行政诉讼情况” contains 、 (six parts, not seven), "
                         "signature date in Chinese numerals",
               published="2024-01-18")
    build_tables(r, active)
    return r


# ======================================================================================
# 7. 2021_tsv_noisy — 柏岭县卫生健康局, 2022, title on two lines


def report_2021_tsv_noisy() -> Report:
    style = Style(layout="tsv", heading_indent="　　", half_width_sub=True, tsv_halfwidth_labels=True)
    body = "柏岭县卫生健康局"
    apps = Applications("2021", new=[10, 2, 0, 0, 1, 0], carried_in=[0] * 6,
                        results={"disclosed": [5, 1, 0, 0, 0, 0], "partial": [1, 0, 0, 0, 1, 0],
                                 "withheld.third_party": [1, 0, 0, 0, 0, 0], "unable.not_held": [1, 1, 0, 0, 0, 0],
                                 "not_processed.repeated": [1, 0, 0, 0, 0, 0]})
    appeals = Appeals(review=(0, 1, 0, 0))
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["0", "0", "2"]},
        "item5": {"licensing": ["486"]},
        "item6": {"penalty": ["73"], "enforcement": ["2"]},
        "item8": {"fees": ["0"]},
    }
    categories = [("疫情防控信息", 231), ("医疗机构和医务人员执业许可信息", 486), ("卫生健康行政处罚信息", 73),
                  ("健康科普", 118), ("工作动态", 164)]
    total_active = sum(n for _, n in categories)
    a = apps
    s1 = [
        "2022年，柏岭县卫生健康局在做好疫情防控信息发布的同时，推进医疗服务、公共卫生和卫生健康执法信息公开。",
        sub(style, "一", "主动公开"),
        f"全年主动公开政府信息{total_active}条，其中{parts(total_active, categories, '条')}。",
        sub(style, "二", "依申请公开"),
        f"全年收到政府信息公开申请{a.total('new')}件，无上年结转；"
        f"本年办结{a.total('results_total')}件，其中{results_phrase(a)}；结转下年度继续办理{a.total('carried_out')}件。"
        "因政府信息公开工作被申请行政复议1件，复议机关以答复超过法定期限为由确认答复违法，结果纠正；未发生行政诉讼。",
        sub(style, "三", "政府信息管理"),
        "对涉及患者个人隐私的信息实行公开前专人审查；现行有效的行政规范性文件2件，均已在县政府门户网站公开。",
        sub(style, "四", "平台建设"),
        "在县政府门户网站本局专栏设置“疫情防控”“医疗服务”“公共卫生”“卫生监督”4个栏目，"
        "“柏岭健康”微信公众号每日发布疫情防控提示。",
        sub(style, "五", "监督保障"),
        "将政务公开纳入局属医疗卫生单位年度考核；邀请县人大代表和患者代表共15人开展社会评议；"
        "针对依申请公开答复超期问题，对直接责任人进行了批评教育，未启动其他责任追究。",
    ]
    s5 = [
        "主要问题：一是依申请公开办理流程衔接不畅，出现1件答复超期；二是基层医疗机构的信息公开内容偏少。",
        "改进措施：一是建立依申请公开办理台账和到期提醒机制；二是下一步将乡镇卫生院信息公开纳入年度考核。",
    ]
    s6 = ["本年度未收取信息处理费。本年度承办县人大代表建议6件、县政协提案9件，均已按期办结。"]
    intro = [
        "根据《中华人民共和国政府信息公开条例》规定和国办公开办函〔2021〕30号要求，编制本报告。"
        "本报告中所列数据的统计期限自 2022 年 1 月 1 日至 2022 年 12 月 31 日。"
        "本报告电子版可在柏岭县人民政府门户网站（http://www.bailing.gov.cn/zwgk/wjj/）下载。",
        "如对本报告有疑问，请与柏岭县卫生健康局办公室联系。",
        "地址：柏岭县凤鸣街道健康路22号",
        "邮编：435600",
        "联系电话：0713-5227340",
        "电子邮箱：blwjj@bailing.gov.cn",
    ]
    r = Report("2021_tsv_noisy.txt", "2021", 2022, body, "department", style,
               [body, "2022年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               [body, "2023年1月16日"], apps=apps, appeals=appeals,
               exercises="noise: title split over two lines, headings indented with full-width spaces, (一) "
                         "half-width sub-headings and half-width bracket row labels in the TSV table "
                         "(“(二) 部分公开(区分处理的, …)”), spaced period dates without 起/止, contact details one per line; "
                         "the prose says “未发生行政诉讼” while 行政复议 = 1 (compare like with like)",
               published="2023-01-16")
    build_tables(r, active)
    return r


# ======================================================================================
# 8. 2019_cells_noisy — 柏岭县梅岗乡人民政府, 2020, 2019 format


def report_2019_cells_noisy() -> Report:
    style = Style(layout="cells", heading_indent="  ", half_width_sub=True, broken_header=True, stray_spaces=True)
    body = "柏岭县梅岗乡人民政府"
    apps = Applications("2019", new=[1, 0, 0, 0, 0, 0], carried_in=[0] * 6,
                        results={"disclosed": [1, 0, 0, 0, 0, 0]})
    appeals = Appeals()
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["0", "0", "0"]},
        "item5": {"licensing": ["4", "-1", "15"], "other_services": ["9", "3", "127"]},
        "item6": {"penalty": ["0", "0", "0"], "enforcement": ["0", "0", "0"]},
        "item8": {"fees": ["0", "0"]},
        "item9": {"procurement": ["1", "12.6"]},
    }
    categories = [("工作动态", 88), ("惠民补贴公示", 36), ("疫情防控通告", 19), ("办事指南", 11)]
    total_active = sum(n for _, n in categories)
    s1 = [
        "2020年，梅岗乡人民政府结合疫情防控和脱贫攻坚收官工作，及时公开群众关心的政策和资金信息。",
        sub(style, "一", "主动公开"),
        f"全年主动公开政府信息{total_active}条，其中{parts(total_active, categories, '条')}。"
        "办理行政许可15件、其他对外管理服务事项127件。",
        sub(style, "二", "依申请公开"),
        "全年收到政府信息公开申请1件，为村民申请公开本村道路硬化项目资金使用情况，已予以公开；"
        "本年度未发生政府信息公开行政复议、行政诉讼。",
        sub(style, "三", "政府信息管理"),
        "乡党政办公室统一负责信息的审核发布，公开前由分管领导审签。",
        sub(style, "四", "平台建设"),
        "依托柏岭县人民政府门户网站梅岗乡子站和7个村的村务公开栏公开信息。",
        sub(style, "五", "监督保障"),
        "将政务公开纳入对各村的年度考核；组织村民代表开展社会评议1次，参加评议的28名代表均评价满意；"
        "全年未发生责任追究事项。",
    ]
    s5 = [
        "存在问题：子站信息更新不够及时，政策解读偏少。",
        "改进措施：下一步明确专人每周更新子站，对惠民政策同步制作解读材料。",
    ]
    s6 = ["无其他需要报告的事项。"]
    intro = [
        f"根据《中华人民共和国政府信息公开条例》和{NOTICE_2019}要求，编制本报告。",
        "本报告中所列数据的统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止。电子版可在柏岭县人民政府门户网站梅岗乡子站"
        "（http://www.bailing.gov.cn/mgx/zfxxgk/）下载。如对本报告有疑问，请与梅岗乡党政办公室联系"
        "（地址：柏岭县梅岗乡梅岗街58号；邮编：435621；联系电话：0713-5351182；电子邮箱：mgxzf@bailing.gov.cn）。",
    ]
    r = Report("2019_cells_noisy.txt", "2019", 2020, body, "township", style,
               [f"{body}2020年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               ["", body, "2021年2月26日"], apps=apps, appeals=appeals,
               exercises="noise: header labels broken over two lines inside layout-A cells (“本年新\\n制作数量”), "
                         "indented headings, (一) half-width sub-headings, spaced period dates, stray spaces in "
                         "table cells; one application, no appeals",
               published="2021-02-26")
    build_tables(r, active)
    return r


# ======================================================================================
# 9. 2021_bars_clean — 云岫市统计局, 2024, 2021 format, tables written with bars


def report_2021_bars_clean() -> Report:
    style = Style(layout="bars")
    body = "云岫市统计局"
    apps = Applications("2021", new=[6, 2, 0, 0, 1, 0], carried_in=[1, 0, 0, 0, 0, 0],
                        results={"disclosed": [3, 1, 0, 0, 0, 0], "partial": [1, 0, 0, 0, 0, 0],
                                 "unable.not_held": [1, 1, 0, 0, 1, 0]})
    appeals = Appeals()
    active = {
        "item1": {"regulations": ["0", "0", "0"], "normative": ["1", "0", "4"]},
        "item5": {"licensing": ["0"]},
        "item6": {"penalty": ["2"], "enforcement": ["0"]},
        "item8": {"fees": ["0"]},
    }
    a = apps
    s1 = [
        "2024年，云岫市统计局按照全市政务公开工作要点，围绕统计数据发布、统计调查项目和统计执法监督，"
        "做好政府信息公开工作，统计数据按发布日程表如期公开。",
        sub(style, "一", "主动公开"),
        "全年在市政府网站统计局专栏发布统计信息318条，其中统计月报12期、统计公报1篇、统计分析97篇、"
        "工作动态208条。发布《云岫市统计年鉴2024》电子版，供公众免费查阅下载。",
        sub(style, "二", "依申请公开"),
        f"全年收到政府信息公开申请{a.total('new')}件，上年结转{a.total('carried_in')}件。"
        f"新收申请中，{applicants_phrase(a)}。本年办结{a.total('results_total')}件，其中{results_phrase(a)}，"
        f"结转下年度继续办理{a.total('carried_out')}件。本年度未因政府信息公开被申请行政复议或提起行政诉讼。",
        sub(style, "三", "政府信息管理"),
        "修订《云岫市统计局政府信息公开审查办法》，发布前由业务科室初审、办公室复核、分管领导审签；"
        "对现行有效的4件行政规范性文件逐件评估，均继续有效。",
        sub(style, "四", "平台建设"),
        "统计局专栏新增“统计数据查询”栏目，提供2015年以来主要统计指标的在线查询；"
        "“云岫统计”微信公众号全年推送信息156条。",
        sub(style, "五", "监督保障"),
        "将政府信息公开工作纳入局机关科室年度考核，全年开展专栏内容检查4次，发现并整改问题7个。"
        "本年度未发生政府信息公开工作责任追究事项。",
    ]
    s5 = [
        "存在的主要问题：一是统计分析类信息的解读不够通俗；二是部分栏目更新不够及时。",
        "改进措施：下一步将统计数据发布与图表解读同步进行，并建立栏目更新月度检查制度，确保信息及时更新。",
    ]
    s6 = [
        "本年度未收取信息处理费。无其他需要报告的事项。",
    ]
    intro = [
        "本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号文件要求编制。"
        "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。",
        "本报告电子版可在云岫市人民政府网站（http://www.yunxiu.gov.cn/tjj/）下载。如对本报告有疑问，"
        "请与云岫市统计局办公室联系，地址：云岫市府前路8号；邮编：338100；电话：0790-6231457。",
    ]
    r = Report("2021_bars_clean.txt", "2021", 2024, body, "department", style,
               [f"{body}2024年政府信息公开工作年度报告"], intro, six_sections(style, s1, s5, s6),
               [body, "2025年1月20日"], apps=apps, appeals=appeals,
               exercises="full 2021 format with every table written as text taken from a web page writes it: "
                         "a bar after each cell, a bar first for an empty first cell (\"| （二）部分公开 | | 0 |\"); "
                         "applications carried in and out, no appeals",
               published="2025-01-20")
    build_tables(r, active)
    return r


BUILDERS = [report_2021_cells_clean, report_2021_tsv_clean, report_2019_cells_clean, report_2019_tsv_clean,
            report_pre2019_clean, report_2021_cells_noisy, report_2021_tsv_noisy, report_2019_cells_noisy,
            report_2021_bars_clean]

KIND_ZH = {"department": "县级部门", "township": "乡镇人民政府", "government": "县人民政府"}
LAYOUT_ZH = {"cells": "A（每格一行 cells）", "tsv": "B（每行一行 tsv）", "bars": "B，竖线分隔（bars）"}


def key_figures(r: Report) -> str:
    if r.stats is not None:
        s = r.stats
        return (f"收到申请 {s.received}（当面{s.by_channel[0]} 网络{s.by_channel[2]} 信函{s.by_channel[3]}），"
                f"办结 {s.on_time + s.extended}，行政复议 {sum(s.review)}（维持{s.review[0]}），行政诉讼 {sum(s.suits)}；"
                f"主动公开 {s.active_total} 条")
    a, p = r.apps, r.appeals
    assert a is not None and p is not None
    return (f"新收 {a.total('new')}，上年结转 {a.total('carried_in')}，办结（七）总计 {a.total('results_total')}，"
            f"结转下年 {a.total('carried_out')}；行政复议 {p.total('review')}，"
            f"直接起诉 {p.total('direct_suit')}，复议后起诉 {p.total('suit_after_review')}")


def readme(reports: list[Report]) -> str:
    lines = [
        "# 合成样本 / Synthetic samples",
        "",
        "由 `scripts/make_synthetic_samples.py` 生成：表格合计由程序计算，正文中的数字取自同一组数据，"
        "因此勾稽关系和正文与表格的一致性在生成时即已保证（脚本内有断言）。机关、地名、地址、电话和网址均为虚构。",
        "",
        "Generated by `scripts/make_synthetic_samples.py`: table totals are computed and every figure in the prose "
        "comes from the same numbers, so the arithmetic (勾稽关系) and narrative-vs-table agreement hold by "
        "construction (the script asserts them). Bodies, places, addresses, phone numbers and web addresses are "
        "invented. Regenerate with `python3 scripts/make_synthetic_samples.py`; `--check` verifies the files are "
        "current.",
        "",
        "All files except the `_gbk` one are UTF-8 with LF line ends. Every file is meant to be fully compliant: a "
        "strict checker should report **no error and no warning** on any of them. The `noisy` files carry "
        "realistic formatting noise that must not raise false alarms.",
        "",
        "| 文件 file | 格式 format | 版式 layout | 机关 body (kind) | 年度 year | 落款日期 signed | 关键数字 key figures |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in reports:
        fmt = {"2021": "2021（国办公开办函〔2021〕30号）", "2019": "2019（国办公开办函〔2019〕60号）",
               "pre2019": "2007年条例 + 2014统计表"}[r.fmt]
        lines.append(f"| `{r.filename}` | {fmt} | {LAYOUT_ZH[r.style.layout]} | {r.body}（{KIND_ZH[r.kind]} / {r.kind}） "
                     f"| {r.year} | {r.published} | {key_figures(r)} |")
        if r.filename == "2021_cells_clean.txt":
            lines.append(f"| `2021_cells_clean_gbk.txt` | 同上 same | 同上 same | {r.body}（{KIND_ZH[r.kind]} / {r.kind}） "
                         f"| {r.year} | {r.published} | 同上 same as above |")
    lines += ["", "## 各文件测试重点 / What each file exercises", ""]
    for r in reports:
        lines.append(f"- `{r.filename}`: {r.exercises}.")
        if r.filename == "2021_cells_clean.txt":
            lines.append("- `2021_cells_clean_gbk.txt`: byte-for-byte the text of `2021_cells_clean.txt`, encoded "
                         "GB18030 with CRLF line ends (ingest must decode it and give the same result).")
    lines += [
        "",
        "## 第三、四节表格数字 / Section 三 and 四 figures",
        "",
        "Section 三 rows 一, 二, （七）总计 and 四, each as [自然人, 商业企业, 科研机构, 社会公益组织, "
        "法律服务机构, 其他, 总计]. Section 四 as its 15 cells in order: 行政复议 (维持, 纠正, 其他, 尚未审结, 总计), "
        "then 未经复议直接起诉 and 复议后起诉 the same way.",
        "",
    ]
    for r in reports:
        if r.apps is None:
            continue
        a = r.apps
        lines.append(f"- `{r.filename}`: 一 {a.row('new')}; 二 {a.row('carried_in')}; "
                     f"（七） {a.row('results_total')}; 四 {a.row('carried_out')}; "
                     f"第四节 15 cells {r.appeals.values() if r.appeals else ''}")
    return "\n".join(lines) + "\n"


def outputs() -> dict[str, bytes]:
    reports = [b() for b in BUILDERS]
    out: dict[str, bytes] = {}
    for r in reports:
        text = r.text()
        assert "\r" not in text
        out[r.filename] = text.encode("utf-8")
        if r.filename == "2021_cells_clean.txt":
            out["2021_cells_clean_gbk.txt"] = text.replace("\n", "\r\n").encode("gb18030")
    out["README.md"] = readme(reports).encode("utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the files on disk are current")
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        stale = [name for name, data in files.items()
                 if not (OUT / name).exists() or (OUT / name).read_bytes() != data]
        for name in stale:
            print(f"stale: samples/synthetic/{name}", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote samples/synthetic/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
