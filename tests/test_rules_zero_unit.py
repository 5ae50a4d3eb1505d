"""ZERO (narrative against the tables and against itself) and UNIT (amounts and units).

Through the public surface only: `nianbao.check(path, rules)` on the seeds and the
synthetic samples, `nianbao.api.check_text(text, rules=…)` on small reports written here.
Precision first: every positive case has a twin that must stay silent.
"""

from __future__ import annotations

import pytest

from conftest import REAL, SEEDS, SYNTHETIC

import nianbao
from nianbao.api import check_text

FAMILIES = ("ZERO-", "UNIT-")


def ours(result, severities=("error", "warning", "info")):
    assert result.ok, result.error
    assert not result.rule_errors, result.rule_errors
    return [v for v in result.violations if v.rule.startswith(FAMILIES) and v.severity in severities]


def found(text: str, rules) -> list[tuple[str, str, int]]:
    return sorted((v.rule, v.severity, v.span.line) for v in ours(check_text(text, rules=rules)))


# ----------------------------------------------------------------------------- fixtures

TITLE_2022 = "某县某局2022年政府信息公开工作年度报告\n"


def applications_tsv(new: list[int], carried: list[int]) -> str:
    row = lambda label, values: label + "\t" + "\t".join(map(str, values)) + "\n"
    return ("三、收到和处理政府信息公开申请情况\n"
            + row("一、本年新收政府信息公开申请数量", new)
            + row("二、上年结转政府信息公开申请数量", carried))


def applications_cells(new: list[int], carried: list[int]) -> str:
    block = lambda label, values: "\t" + label + "\n" + "".join(f"\t{v}\n" for v in values) + "\n"
    return ("三、收到和处理政府信息公开申请情况\n"
            + block("一、本年新收政府信息公开申请数量", new)
            + block("二、上年结转政府信息公开申请数量", carried))


def appeals_tsv(cells: list[int]) -> str:
    return ("四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            + "\t".join(map(str, cells)) + "\n")


def fees_tsv(header: str, value: str) -> str:
    return ("二、主动公开政府信息情况\n"
            "第二十条第（一）项\t\t\t\n"
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
            "规章\t0\t0\t0\n"
            "行政规范性文件\t0\t0\t0\n"
            "第二十条第（八）项\t\n"
            f"信息内容\t{header}\n"
            f"行政事业性收费\t{value}\n")


def fees_cells(header: str, value: str) -> str:
    return ("二、主动公开政府信息情况\n"
            "\t第二十条第（一）项\n\n"
            "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
            "\t规章\n\t0\n\t0\n\t0\n\n"
            "\t行政规范性文件\n\t0\n\t0\n\t0\n\n"
            "\t第二十条第（八）项\n\n"
            f"\t信息内容\n\t{header}\n\n"
            f"\t行政事业性收费\n\t{value}\n")


def statistics_tsv(rows: dict[str, tuple[str, str]]) -> str:
    labels = {
        "received": "（一）收到申请数",
        "review": "四、行政复议数量",
        "suits": "五、行政诉讼数量",
        "fees": "七、依申请公开信息收取的费用",
        "budget": "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
    }
    return ("附：政府信息公开情况统计表\n统计指标\t单位\t统计数\n"
            + "".join(f"{labels[k]}\t{unit}\t{value}\n" for k, (unit, value) in rows.items()))


NEW_4 = [3, 1, 0, 0, 0, 0, 4]
NONE = [0, 0, 0, 0, 0, 0, 0]


# --------------------------------------------------------------------------------- seeds

@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
def test_seeds_that_check_out_get_nothing(seed, rules):
    """§5: 000's 未收到申请 / 未发生复议诉讼 match the zero tables; 001's 240 = 209+2+…,
    未收到申请 and 共6部分 with six headings; 004's 未收到申请."""
    assert ours(nianbao.check(SEEDS[seed], rules)) == []


def test_seed_003_five_aspects_but_four_subsections(rules):
    found_ = ours(nianbao.check(SEEDS["003"], rules))
    assert [(v.rule, v.severity, v.span.line) for v in found_] == [("ZERO-007", "warning", 9)]
    assert "5" in found_[0].message("zh") and "4" in found_[0].message("zh")


def test_seed_003_consistent_figures_are_silent(rules):
    """161 = 86+3+8+2+2+3+57 (line 27), 七部分 with seven listed parts (line 3), the fee
    narrative against 依申请公开信息收取的费用 0, 未收到申请 against 收到申请数 0. The
    “10大方面” of line 27 is an open list (“…等10大方面”) whose categories the report
    never enumerates; the seven-part breakdown counts only the website's 161 postings,
    so no rule compares them."""
    lines = {v.span.line for v in ours(nianbao.check(SEEDS["003"], rules))}
    assert lines == {9}


def test_seed_003_is_read_the_way_the_rules_assume(rules):
    report = nianbao.check(SEEDS["003"], rules).report
    stats = report.table("statistics")
    assert stats is not None and stats.row("fees").cell("value").value == 0
    assert stats.row("requests.received").cell("value").value == 0


# ----------------------------------------------------------------------------- samples

SYNTHETIC_FILES = sorted(p for p in SYNTHETIC.glob("*.txt") if "clean" in p.name or "noisy" in p.name)


@pytest.mark.parametrize("path", SYNTHETIC_FILES, ids=lambda p: p.name)
def test_clean_synthetic_reports_get_no_error_or_warning(path, rules):
    assert ours(nianbao.check(path, rules), ("error", "warning")) == []


def test_there_are_synthetic_samples():
    assert SYNTHETIC_FILES, "samples/synthetic/*clean*.txt / *noisy*.txt are missing"
    assert sorted(REAL.glob("*.txt"))


# ------------------------------------------------------------------ ZERO-001: 未收到申请

@pytest.mark.parametrize("table", [applications_tsv, applications_cells])
def test_no_applications_said_but_table_counts_some(table, rules):
    text = TITLE_2022 + "（二）依申请公开情况\n2022年，我局未收到公民、法人或其他组织提出的政府信息公开申请。\n" \
        + table(NEW_4, NONE)
    assert found(text, rules) == [("ZERO-001", "error", 3)]


@pytest.mark.parametrize("table", [applications_tsv, applications_cells])
def test_no_applications_said_and_table_is_zero(table, rules):
    text = TITLE_2022 + "(二)依申请公开情况\n2022年，我局未收到政府信息公开申请，上年结转1件已办结。\n" \
        + table(NONE, [1, 0, 0, 0, 0, 0, 1])
    assert found(text, rules) == []


@pytest.mark.parametrize("sentence", [
    "全年通过网络收到申请4件，未收到当面申请和信函申请。",
    "除上述4件外，未收到其他政府信息公开申请。",
    "上半年未收到政府信息公开申请。",
    "局办公室未收到政府信息公开申请。",
    "未收到法人或其他组织提出的政府信息公开申请。",
    "未收到涉及商业秘密的政府信息公开申请。",
    "本年度未收到公民、法人和其他组织关于政府信息公开的行政复议方面的申请。",
    "2021年未收到政府信息公开申请。",
])
def test_no_applications_of_a_narrower_scope_is_not_compared(sentence, rules):
    text = TITLE_2022 + "（二）依申请公开情况\n" + sentence + "\n" + applications_tsv(NEW_4, NONE)
    assert found(text, rules) == []


# -------------------------------------------------------- ZERO-002: N applications stated

@pytest.mark.parametrize("table", [applications_tsv, applications_cells])
def test_stated_number_of_applications_differs(table, rules):
    text = TITLE_2022 + "（二）依申请公开\n全年共收到政府信息公开申请 6 件，上年结转1件。\n" \
        + table(NEW_4, [1, 0, 0, 0, 0, 0, 1])
    assert found(text, rules) == [("ZERO-002", "error", 3)]
    fullwidth = text.replace(" 6 件", "９件")
    assert found(fullwidth, rules) == [("ZERO-002", "error", 3)]
    number_first = text.replace("收到政府信息公开申请 6 件", "收到6件政府信息公开申请")
    assert found(number_first, rules) == [("ZERO-002", "error", 3)]


@pytest.mark.parametrize("sentence", [
    "全年共收到政府信息公开申请 4 件，上年结转1件。",
    "全年新收政府信息公开申请四件。",
    "全年共收到政府信息公开申请5件。",                       # new + carried in, called 收到
    "全年共收到政府信息公开申请5件（含上年结转1件）。",
    "全年共收到政府信息公开申请9件，其中上年结转1件。",        # a total that includes carry-over
    "全年共收到政府信息公开申请４件。",                          # full-width digits
    "其中通过网络收到政府信息公开申请3件。",
    "县政府办公室收到政府信息公开申请2件。",
    "2021年收到政府信息公开申请9件。",
    "全县各部门共收到政府信息公开申请120件。",
    "一季度收到政府信息公开申请1件。",
    "收到涉及征地补偿的政府信息公开申请2件。",
])
def test_stated_number_of_the_same_quantity_agrees_or_is_not_compared(sentence, rules):
    text = TITLE_2022 + "（二）依申请公开\n" + sentence + "\n" + applications_tsv(NEW_4, [1, 0, 0, 0, 0, 0, 1])
    assert found(text, rules) == []


# ------------------------------------------------------------ ZERO-003: 未发生复议、诉讼

def test_no_review_or_suit_said_but_table_counts_a_review(rules):
    text = TITLE_2022 + "（二）依申请公开\n2022年，我局未发生因政府信息公开引起的行政复议和行政诉讼。\n" \
        + appeals_tsv([1, 0, 0, 0, 1] + [0] * 10)
    assert found(text, rules) == [("ZERO-003", "error", 3)]


def test_no_suit_said_and_only_a_review_counted(rules):
    text = TITLE_2022 + "（二）依申请公开\n因政府信息公开工作被申请行政复议1件，复议机关维持了原答复；未发生行政诉讼。" \
        "全年未发生行政复议被纠错、行政诉讼败诉的情况。\n" + appeals_tsv([1, 0, 0, 0, 1] + [0] * 10)
    assert found(text, rules) == []


def test_not_sued_said_but_a_suit_after_review_counted(rules):
    text = TITLE_2022 + "（二）依申请公开\n本年度被申请行政复议1件；未被提起行政诉讼。\n" \
        + appeals_tsv([1, 0, 0, 0, 1] + [0] * 5 + [0, 0, 0, 1, 1])
    assert found(text, rules) == [("ZERO-003", "error", 3)]


# -------------------------------------------------------- ZERO-012: N reviews / suits stated

def test_stated_reviews_and_suits_against_the_appeals_table(rules):
    table = appeals_tsv([1, 1, 0, 0, 2] + [0] * 5 + [1, 0, 0, 0, 1])
    good = TITLE_2022 + "（二）依申请公开\n因政府信息公开工作被申请行政复议2件；被提起行政诉讼1件。\n" + table
    bad = TITLE_2022 + "（二）依申请公开\n因政府信息公开工作被申请行政复议3件；被提起行政诉讼1件。\n" + table
    assert found(good, rules) == []
    assert found(bad, rules) == [("ZERO-012", "error", 3)]


# ------------------------------------------------------------- ZERO-004: 其中 parts ≠ total

SEED_001_SENTENCE = ("2021年度，我镇主动公开政府信息{total}条，其中，政府动态信息209条，机构编制设置2条，"
                     "政府信息公开年报5条，政府信息公开指南1条，公开制度4条，人大建议1条，政策文件9条，"
                     "基层政务公开信息4条，预决算公开5条。")


def test_parts_after_qizhong_must_add_up(rules):
    title = "某镇2021年政府信息公开工作年度报告\n（一）主动公开情况\n"
    assert found(title + SEED_001_SENTENCE.format(total=240) + "\n", rules) == []
    assert found(title + SEED_001_SENTENCE.format(total="241 ") + "\n", rules) == [("ZERO-004", "warning", 3)]


@pytest.mark.parametrize("sentence", [
    "全年主动公开政府信息500条，其中政策文件30条、政策解读10条。",                  # a few highlights
    "全年主动公开政府信息451条，其中通过网站发布346条，通过微信公众号发布312条。",   # channels overlap
    "全年主动公开政府信息300条，其中工作动态200条，较上年增加50条。",
    "全年主动公开政府信息300条，其中工作动态200条、惠民补贴60人。",               # different units
    "全年收到群众评价1362人次，其中满意1347人次、基本满意15人次，无不满意评价。",
    "全年收到申请10件，其中自然人8件、法人2件，予以公开6件、部分公开4件。",      # two breakdowns
])
def test_parts_that_are_not_a_full_breakdown_are_not_compared(sentence, rules):
    assert found(TITLE_2022 + "（一）主动公开\n" + sentence + "\n", rules) == []


def test_parts_exceeding_the_total(rules):
    text = TITLE_2022 + "（二）依申请公开\n本年办结24件，其中予以公开20件、部分公开2件、不予公开3件。\n"
    assert found(text, rules) == [("ZERO-004", "warning", 3)]


# ----------------------------------------------------------- ZERO-005: prose against prose

def test_more_settled_than_received_and_carried(rules):
    bad = TITLE_2022 + "（二）依申请公开\n全年收到政府信息公开申请6件，无上年结转申请；本年办结7件。\n"
    good = TITLE_2022 + "（二）依申请公开\n全年收到政府信息公开申请6件，上年结转1件；本年办结7件，无结转下年度的申请。\n"
    unknown = TITLE_2022 + "（二）依申请公开\n全年收到政府信息公开申请6件，本年办结7件。\n"
    assert found(bad, rules) == [("ZERO-005", "warning", 3)]
    assert found(good, rules) == []
    assert found(unknown, rules) == []


# --------------------------------------------------------- ZERO-006: 报告由N部分组成

HEADINGS = ("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n")
SIX_PARTS = ("总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
             "存在的主要问题及改进情况、其他需要报告的事项")


@pytest.mark.parametrize("intro, expected", [
    (f"本报告由{SIX_PARTS}共6部分组成。", []),
    (f"本报告由{SIX_PARTS}共七部分组成。", []),   # 复议、诉讼 may be one part or two
    (f"本报告由{SIX_PARTS.replace('复议、', '复议和')}共七部分组成。", [("ZERO-006", "warning", 2)]),
    ("本报告共分为五个部分。", []),       # the introduction sits in 一、总体情况
    ("本报告共分为六个部分。", []),
    ("本报告由总体情况等八个部分组成。", [("ZERO-006", "warning", 2)]),
    ("报告期内，本局网站分为三个部分。", []),
])
def test_number_of_parts(intro, expected, rules):
    assert found(TITLE_2022 + intro + "\n" + HEADINGS, rules) == expected


def test_a_whole_list_closed_by_deng_is_not_held_against_the_headings(rules):
    """“……其他需要报告的事项等六部分” (as real reports write it): 等 closes a list already
    whole, so a section missing from the report is SEC-001's finding alone; so it is where
    等 leaves the list open (the one missing section, one finding); but a list 等 leaves open
    is still held against the headings where there are more of them than it says."""
    five = HEADINGS.replace("六、其他需要报告的事项\n", "")
    whole = f"本报告由{SIX_PARTS}等六部分组成。"
    assert found(TITLE_2022 + whole + "\n" + five, rules) == []
    missing = [v for v in check_text(TITLE_2022 + whole + "\n" + five, rules=rules).violations if v.rule == "SEC-001"]
    assert [v.message() for v in missing] == ["缺少第6部分“其他需要报告的事项”"]
    assert found(TITLE_2022 + "本报告由总体情况、主动公开政府信息情况等六部分组成。\n" + five, rules) == []
    assert found(TITLE_2022 + "本报告由总体情况、主动公开政府信息情况等三部分组成。\n" + five, rules) == [
        ("ZERO-006", "warning", 2)]


# ------------------------------------------------------- ZERO-007: 以下N方面 and the items

@pytest.mark.parametrize("n, expected", [("四", []), ("五", [("ZERO-007", "warning", 3)])])
def test_announced_aspects_against_the_items(n, expected, rules):
    text = (TITLE_2022 + "一、总体情况\n"
            f"2022年，我局积极推进政府信息公开，主要开展了以下{n}方面工作。\n\n"
            "（一）强化领导。\n\n(二)完善制度。\n\n（三）丰富形式。\n\n（四）加强培训。\n"
            "二、主动公开政府信息情况\n（一）公开内容\n")
    assert found(text, rules) == expected


@pytest.mark.parametrize("text", [
    "一、总体情况\n主要开展了以下五方面工作：一是强化领导；二是完善制度。\n（一）主动公开\n",
    "五、存在的主要问题及改进情况\n下一步将从以下三个方面改进：\n1、加强培训。\n2、完善制度。\n3、强化监督。\n"
    "（二）改进措施\n1、统一思想。\n",
    "一、总体情况\n我局决定加强以下几个方面的工作：\n（一）统一思想。\n",
])
def test_aspects_written_otherwise_are_not_counted_wrongly(text, rules):
    assert found(TITLE_2022 + text, rules) == []


# ------------------------------------------------- ZERO-013: fee notices and row （六）2

def test_no_fee_notice_said_but_applications_dropped_for_unpaid_fees(rules):
    row = ("三、收到和处理政府信息公开申请情况\n（六）其他处理\t2.申请人逾期未按收费通知要求缴纳费用、"
           "行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1\n")
    no_fee = TITLE_2022 + "六、其他需要报告的事项\n本年度未收取信息处理费。\n" + row
    no_notice = TITLE_2022 + "六、其他需要报告的事项\n本年度未收取信息处理费，未向申请人发出收费通知。\n" + row
    assert found(no_fee, rules) == []        # unpaid fees mean none were collected: no contradiction
    assert found(no_notice, rules) == [("ZERO-013", "error", 3)]


# ------------------------------------------------------------------ pre-2019 (statistics)

TITLE_2016 = "某县某局2016年政府信息公开工作年度报告\n"


def test_pre2019_narrative_against_statistics(rules):
    narrative = ("三、依申请公开和不予公开政府信息情况\n2016年，本局未收到政府信息公开申请。\n"
                 "四、政府信息公开的收费及减免情况\n本局依申请提供政府信息，未收取检索、复制、邮寄等任何费用。\n"
                 "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度未被申请行政复议，也未被提起行政诉讼。\n")
    zero = statistics_tsv({"received": ("件", "0"), "review": ("件", "0"), "suits": ("件", "0"),
                           "fees": ("万元", "0"), "budget": ("万元", "0.5")})
    some = statistics_tsv({"received": ("件", "2"), "review": ("件", "1"), "suits": ("件", "0"),
                           "fees": ("万元", "0.01"), "budget": ("万元", "0.5")})
    assert found(TITLE_2016 + narrative + zero, rules) == []
    assert found(TITLE_2016 + narrative + some, rules) == [
        ("ZERO-008", "error", 3), ("ZERO-009", "error", 5), ("ZERO-010", "error", 7)]


def test_pre2019_stated_number_of_applications(rules):
    text = TITLE_2016 + "三、依申请公开情况\n全年共收到政府信息公开申请 6 件，其中当面申请2件、网络申请2件、信函申请1件。\n"
    table = statistics_tsv({"received": ("件", "5")})
    # 2+2+1 < 6 with three parts is not read as a full breakdown (ZERO-004 stays silent)
    assert found(text + table, rules) == [("ZERO-011", "error", 3)]


def test_pre2019_units_of_money_rows(rules):
    good = statistics_tsv({"fees": ("万元", "0"), "budget": ("万元", "1.2")})
    bad = statistics_tsv({"fees": ("元", "0"), "budget": ("万元", "3000元")})
    huge = statistics_tsv({"fees": ("万元", "500"), "budget": ("万元", "1.2")})
    assert found(TITLE_2016 + good, rules) == []
    assert found(TITLE_2016 + bad, rules) == [("UNIT-002", "error", 5), ("UNIT-005", "warning", 4)]
    assert found(TITLE_2016 + huge, rules) == [("UNIT-006", "warning", 4)]


# -------------------------------------------------------------------------- UNIT (2021)

@pytest.mark.parametrize("table", [fees_tsv, fees_cells])
def test_fee_header_must_say_wanyuan(table, rules):
    assert found(TITLE_2022 + table("本年收费金额（单位：万元）", "0.12"), rules) == []
    assert found(TITLE_2022 + table("本年收费金额(单位:万元)", "0.12"), rules) == []
    bad = found(TITLE_2022 + table("本年收费金额（单位：元）", "1200"), rules)
    assert [(r, s) for r, s, _ in bad] == [("UNIT-001", "error")]
    bad = found(TITLE_2022 + table("本年收费金额", "0"), rules)
    assert [(r, s) for r, s, _ in bad] == [("UNIT-001", "error")]
    unit_on_block = table("本年收费金额", "0").replace("第二十条第（八）项", "第二十条第（八）项（单位：万元）")
    assert found(TITLE_2022 + unit_on_block, rules) == []


@pytest.mark.parametrize("table", [fees_tsv, fees_cells])
def test_yuan_written_in_a_wanyuan_cell(table, rules):
    assert [(r, s) for r, s, _ in found(TITLE_2022 + table("本年收费金额（单位：万元）", "1200元"), rules)] \
        == [("UNIT-002", "error")]
    assert found(TITLE_2022 + table("本年收费金额（单位：万元）", "0.12万元"), rules) == []


def test_huge_township_fee_suggests_yuan(rules):
    title = "某县某镇人民政府2022年政府信息公开工作年度报告\n"
    assert found(title + fees_tsv("本年收费金额（单位：万元）", "12.5"), rules) == []
    assert [(r, s) for r, s, _ in found(title + fees_tsv("本年收费金额（单位：万元）", "125000"), rules)] \
        == [("UNIT-003", "warning")]
    # a county department is not held to the township bound
    assert found(TITLE_2022 + fees_tsv("本年收费金额（单位：万元）", "125000"), rules) == []


@pytest.mark.parametrize("sentence, cell, expected", [
    ("全年收取行政事业性收费1200元。", "0.12", []),
    ("全年收取行政事业性收费1,200元。", "0.12", []),
    ("全年收取不动产登记费等行政事业性收费427512元。", "42.75", []),
    ("全年收取行政事业性收费 42.75 万元。", "42.75", []),
    ("全年收取行政事业性收费1200元。", "1200", [("UNIT-004", "error", 3)]),
    ("全年收取行政事业性收费 5.6 万元。", "6.5", [("UNIT-004", "error", 3)]),
    ("全年收取行政事业性收费1200元。", "0", [("UNIT-004", "error", 3)]),
    ("本年减免行政事业性收费3万元。", "0.12", []),
    ("全年收取行政事业性收费约1200元。", "0.5", []),
])
def test_fee_in_the_narrative_against_the_table(sentence, cell, expected, rules):
    text = TITLE_2022 + "一、总体情况\n" + sentence + "\n" + fees_tsv("本年收费金额（单位：万元）", cell)
    assert found(text, rules) == expected


# ------------------------------------------------------------------------ rule hygiene

def test_every_rule_has_passing_and_failing_examples(rules):
    mine = [r for r in rules.rules if r.id.startswith(FAMILIES)]
    assert len(mine) >= 15
    for rule in mine:
        kinds = {ex.expect_fail for ex in rule.examples}
        assert kinds == {True, False}, rule.id


def test_rule_examples_pass(cli):
    result = cli("rules", "test", "ZERO", "UNIT")
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
