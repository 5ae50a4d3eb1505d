"""The parser on the samples: sections at their true lines, tables read into the
template's rows and columns, nothing invented where a report is incomplete."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL, SAMPLES, SEEDS, SYNTHETIC, run_cli

from nianbao import corpus
from nianbao.cells import looks_like_value, parse_value
from nianbao.ingest import Source, read_source
from nianbao.api import check_text
from nianbao.parse import parse


def report(path):
    return parse(read_source(path))


def headings(rep) -> dict[int, int]:
    """official section number → line of its heading"""
    return {s.canonical: s.span.line for s in rep.sections if s.canonical}


@pytest.mark.parametrize("seed, expected", [
    ("000", {1: 22, 2: 29, 3: 75, 4: 373, 5: 419, 6: 424}),
    ("001", {1: 3, 2: 22, 3: 68, 4: 353, 5: 398, 6: 402}),
    ("002", {1: 4, 2: 13, 3: 88, 4: 350, 5: 395, 6: 408}),
    ("004", {1: 5, 2: 25, 4: 57, 5: 64, 6: 70}),  # 三's heading is missing from 004
])
def test_every_present_section_heading_is_found_at_its_true_line(seed, expected):
    rep = report(SEEDS[seed])
    assert headings(rep) == expected
    assert len(rep.sections) == len(expected)


def test_table_row_labels_that_look_like_headings_are_not_sections():
    rep = report(SEEDS["000"])  # "\t三、本年度办理结果", "3、 本年度办理结果", "\t四、结转下年度继续办理"
    assert [s.span.line for s in rep.sections] == [22, 29, 75, 373, 419, 424]


def test_items_of_a_section_numbered_as_sections_and_running_on_into_prose_are_not_sections():
    """“一、强化组织领导，压实工作责任。发挥…” then “二、完善制度建设，规范运行流程。进一步…”
    inside 一、总体情况 (as a real 2025 township report writes them): items that name no
    section of the format and run on into their prose, which no section heading does. A
    section heading that runs on is one still, and so is a heading of no section that
    stands alone on its line."""
    text = ("某镇人民政府2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我镇扎实推进政务公开。\n"
            "一、强化组织领导，压实工作责任。发挥领导小组牵头抓总作用，统筹推进全镇政府信息公开工作。\n"
            "二、完善制度建设，规范运行流程。进一步细化公开内容和发布流程，建立全链条闭环管理机制。\n"
            "三、健全公开目录：系统梳理政务信息公开目录，明确各条目公开主体和公开时限。\n"
            "二、主动公开政府信息情况。本年度制发规范性文件2件。\n三、附件\n附表略。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.number, s.canonical, s.span.line) for s in rep.sections] == [(1, 1, 2), (2, 2, 7), (3, None, 8)]
    items = [p for p in rep.sections[0].paragraphs if p.kind == "subheading"]
    assert [p.span.line for p in items] == [4, 5, 6]
    assert corpus.prose(rep).split("\n") == [
        "2025年，我镇扎实推进政务公开。", "发挥领导小组牵头抓总作用，统筹推进全镇政府信息公开工作。",
        "进一步细化公开内容和发布流程，建立全链条闭环管理机制。", "系统梳理政务信息公开目录，明确各条目公开主体和公开时限。",
        "本年度制发规范性文件2件。", "附表略。"]  # (二's prose after its heading's stop: a paragraph of its own)


def test_an_item_numbered_2_under_section_one_that_runs_on_is_not_section_two():
    """“2.主动公开情况。围绕…” among the items 1.-4. of 一、总体情况 (a real 2025 district
    office's report): it names section 二 in other words, but an arabic number under a
    heading numbered 一、 that runs on into its prose is an item. Word's numbering of a
    section heading (“2、主动公开政府信息情况（单位：条）”, a note after its words, no
    prose) is still the section."""
    text = ("某区人民政府办公室2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我办扎实推进政务公开。\n"
            "1.组织领导情况。深入贯彻政务公开工作要求，进一步深化认识。\n"
            "2.主动公开情况。围绕办公室职能，深入推进主动公开，全年公开信息120条。\n"
            "3.依申请公开办理情况。本年度未收到政府信息公开申请。\n"
            "2、主动公开政府信息情况（单位：条）\n见下表。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.number, s.canonical, s.span.line, s.title_match) for s in rep.sections] == [
        (1, 1, 2, "exact"), (2, 2, 7, "exact")]
    assert [p.span.line for p in rep.sections[0].paragraphs if p.kind == "subheading"] == [5]


def test_an_item_numbered_3_that_names_section_two_under_section_one_is_not_a_section():
    """“3.主动公开信息情况” on a line of its own, item 3 of a list 1.-5. under 一、总体情况 (a
    real 2020 township report): it names section 二 in other words, by another number and
    not the one after 一; 二、主动公开政府信息情况 comes later, the section."""
    text = ("某乡2020年政府信息公开工作年度报告\n一、总体情况\n（一）政府信息公开情况\n"
            "1.依申请公开政府信息办理情况\n2020年度我乡未接到申请。\n"
            "3.主动公开信息情况\n全年发布信息9条。\n"
            "二、主动公开政府信息情况\n见下表。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.canonical, s.span.line) for s in rep.sections] == [(1, 2), (2, 8)]
    misnumbered = text + "4、 收到和处理政府信息公开申请情况\n见下表。\n"  # the section's words, Word's wrong number
    assert [(s.canonical, s.span.line) for s in parse(Source("b.txt", misnumbered, "utf-8")).sections] == [
        (1, 2), (2, 8), (3, 10)]


def test_an_item_numbered_2_that_names_section_four_word_for_word_under_section_one_is_an_item():
    """“2.政府信息公开行政复议、行政诉讼情况” after “1.收到和处理政府信息公开申请情况” under
    一、's “（二）依申请公开工作方面” (a real 2025 page of 荣成市信访局, round 262): item 2 of
    that list, the section's words under another number; （三） goes on in section 一."""
    text = ("某局2025年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开方面\n全年发布信息9条。\n"
            "（二）依申请公开工作方面\n1.收到和处理政府信息公开申请情况\n全年受理申请4件。\n"
            "2.政府信息公开行政复议、行政诉讼情况\n全年被申请行政复议0件。\n"
            "（三）政府信息管理方面\n完善信息公开目录。\n二、主动公开政府信息情况\n见下表。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.canonical, s.span.line) for s in rep.sections] == [(1, 2), (2, 12)]


def test_a_section_heading_glued_to_the_end_of_a_paragraph_is_read_as_the_heading():
    """“…电话:0714-8766001)。一、总体情况” (a real 2024 subdistrict's page lost the line
    break): section 一 starts there, on that line, and holds what follows; not when the
    heading is also on a line of its own, nor the last item of a list of the parts."""
    glued = ("某街道2024年政府信息公开工作年度报告\n"
             "如对本报告有疑问，请与街道党政综合办公室联系(电话:0714-8766001)。一、总体情况\n"
             "（一）主动公开。全年主动公开信息80条。\n二、主动公开政府信息情况\n见下表。\n")
    rep = parse(Source("a.txt", glued, "utf-8"))
    assert [(s.canonical, s.span.line, s.span.column, s.heading) for s in rep.sections] == [
        (1, 2, 41, "一、总体情况"), (2, 4, 1, "二、主动公开政府信息情况")]
    assert [p.text for p in rep.intro] == ["如对本报告有疑问，请与街道党政综合办公室联系(电话:0714-8766001)。"]
    assert [p.span.line for p in rep.sections[0].paragraphs] == [3]
    twice = glued.replace("一、总体情况\n", "一、总体情况\n一、总体情况\n", 1)
    assert [(s.canonical, s.span.line) for s in parse(Source("b.txt", twice, "utf-8")).sections] == [(1, 3), (2, 5)]
    listed = glued.replace("。一、总体情况\n", "。本报告包括一、总体情况；二、主动公开政府信息情况。\n一、总体情况\n")
    assert [(s.canonical, s.span.line) for s in parse(Source("c.txt", listed, "utf-8")).sections] == [(1, 3), (2, 5)]
    # (after 具体内容如下: — a real 2025 page of 油洋乡, round 587)
    follows = glued.replace("(电话:0714-8766001)。一、总体情况", "(电话:0714-8766001)。具体内容如下:一、总体情况")
    assert [(s.canonical, s.span.line) for s in parse(Source("d.txt", follows, "utf-8")).sections] == [(1, 2), (2, 4)]


def test_a_heading_glued_to_the_end_of_an_item_numbered_1_is_read_as_the_next_section():
    """“…5、因政府信息公开申请行政复议、提起行政诉讼的情况:无。 二、主动公开政府信息情况” (a real
    2021 township's page, round 336, ran section 一's items and 二's heading into one line): the
    line opens with item 1、, which names 二 in other words, so item and heading are read apart;
    二 was said missing and its lost table a table not found."""
    text = ("某乡2021年政府信息公开工作年度报告\n一、总体情况\n"
            "1、主动公开政府信息的情况:40条,其内容涉及财政预算决算等。 2、行政机关依申请公开政府信息的数量:无。"
            " 3、因政府信息公开申请行政复议、提起行政诉讼的情况:无。 二、主动公开政府信息情况\n"
            "三、收到和处理政府信息公开申请情况\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.canonical, s.span.line) for s in rep.sections] == [(1, 2), (2, 3), (3, 4)]
    assert rep.sections[0].paragraphs[0].text.startswith("1、主动公开政府信息的情况:40条")
    assert rep.sections[0].paragraphs[-1].text.endswith("提起行政诉讼的情况:无。")


def test_an_item_1_naming_er_by_key_words_under_an_unnumbered_yi_is_an_item():
    """“- 总体情况” (a page's bullet for 一's number) … (三)政府信息管理 / 1.主动公开目录 (a real 2025
    page of 乐平市, round 342): item 1 of 一's third part, not section 二 under the wrong number."""
    text = ("根据《条例》,现向社会公布本报告。\n- 总体情况\n今年以来,我市全面推开基层政务公开建设。\n"
            "(三)政府信息管理\n1.主动公开目录\n我市严格依据法律法规和权责清单编制目录。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [s.canonical for s in rep.sections] == [1]
    assert "1.主动公开目录" in [p.text for p in rep.sections[0].paragraphs]


def test_auto_numbering_noise_is_read_as_the_section_it_stands_for():
    section = report(SEEDS["002"]).section(3)
    assert (section.heading, section.numbering, section.title_match) == (
        "3、 收到和处理政府信息公开申请情况", "arabic", "exact")


def test_001_applications_table_reads_as_25_labelled_rows_of_7_numbers():
    table = report(SEEDS["001"]).table("applications")
    assert (table.version, table.layout, table.header_confirmed) == ("2021", "cells", True)
    assert len(table.rows) == 25
    columns = ["natural", "commercial", "research", "nonprofit", "legal", "other", "total"]
    for row in table.rows:
        assert row.template_row and row.label and not row.problem
        assert [c.column for c in row.cells] == columns
        assert all(c.value == 0 for c in row.cells)
    assert table.rows[0].template_row == "new" and table.rows[0].span.line == 86
    assert table.rows[-1].template_row == "carried_out" and table.rows[-1].span.line == 343
    assert not table.missing and not table.problems


def test_001_appeals_table_reads_as_15_numbers_under_the_right_headers():
    table = report(SEEDS["001"]).table("appeals")
    assert table.header_confirmed
    assert [r.template_row for r in table.rows] == ["review", "direct_suit", "suit_after_review"]
    cells = [c for r in table.rows for c in r.cells]
    assert len(cells) == 15
    assert [c.column for c in cells] == ["upheld", "corrected", "other", "pending", "total"] * 3
    assert [c.span.line for c in cells] == list(range(381, 396))  # one value per line, in order
    assert [h.raw for h in table.header][:9] == ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果",
                                                 "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]


def test_001_malformed_cell_keeps_its_raw_text_value_and_problem():
    cell = report(SEEDS["001"]).table("active").cell("item1.regulations", "in_force")
    assert (cell.raw, cell.value, cell.problem) == ("00", Decimal(0), "leading_zero")
    assert (cell.span.line, cell.span.column) == (33, 2)


def test_a_part_s_number_set_apart_by_spaces_opens_the_part():
    """六     其他需要报告的事项, its 、 lost in a PDF's text (a real 2022 page of 德州市生态环境局,
    round 420): part 六, not a line of part 五 (SEC-001 had said part 六 was missing)."""
    text = ("某县某局2022年政府信息公开工作年度报告\n一、总体情况\n略。\n五、存在的主要问题及改进情况\n略。\n"
            "六     其他需要报告的事项\n无。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.number, s.canonical, s.title_match) for s in rep.sections] == [(1, 1, "exact"), (5, 5, "exact"), (6, 6, "exact")]



def test_a_part_s_number_and_its_title_set_apart_by_one_space_open_the_part():
    """一 总体情况 … 六 其他需要报告的事项, the 、 lost (一 概 述, 二 政府信息主动公开情况 on a real
    2018 page of 湖塘镇, round 700): the six parts, read as 一、…六、 are, not four SEC-001 errors; a
    line that opens with a numeral and a space before other words stays a line."""
    text = ("某县某局2022年政府信息公开工作年度报告\n一 总体情况\n略。\n二 主动公开政府信息情况\n略。\n"
            "三 收到和处理政府信息公开申请情况\n略。\n四 政府信息公开行政复议、行政诉讼情况\n略。\n"
            "五 政府信息公开工作存在的主要问题及改进情况\n略。\n六 其他需要报告的事项\n无。\n一 年来我局成绩显著。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.number, s.canonical, s.title_match) for s in rep.sections] == [
        (1, 1, "exact"), (2, 2, "exact"), (3, 3, "exact"), (4, 4, "exact"), (5, 5, "article"), (6, 6, "exact")]
    assert rep.sections[5].paragraphs[-1].text == "一 年来我局成绩显著。"
    old = parse(Source("b.txt", "某县2018年政府信息公开工作年度报告\n一 概 述\n略。\n二 政府信息主动公开情况\n略。\n"
                              "三 政府信息依申请公开情况\n略。\n四 咨询情况\n略。\n五 复议、诉讼和申诉情况\n略。\n六 政府支出与收费\n略。\n",
                              "utf-8"))
    assert [(s.number, s.title) for s in old.sections] == [
        (1, "概 述"), (2, "政府信息主动公开情况"), (3, "政府信息依申请公开情况"), (4, "咨询情况"), (5, "复议、诉讼和申诉情况"),
        (6, "政府支出与收费")]

def test_a_count_with_its_measure_word_is_a_value():
    """31批次 (政府集中采购's count on a real 2021 page, cells one per line): a value, the number
    read and the word kept as its unit; the whole table had been left unread for it (TABLE-018)."""
    assert looks_like_value("31批次") and parse_value("31批次") == (Decimal(31), None, "批次")
    assert parse_value("3次") == (Decimal(3), None, "次")
    # (124宗, cases, in a real 2020 page's 行政处罚 row, round 421: TABLE-011 had called each such cell no number)
    assert looks_like_value("-76宗") and parse_value("124宗") == (Decimal(124), None, "宗")


def test_a_run_of_question_marks_before_a_number_is_its_lost_padding():
    """????????????0, ???595 (every figure of a real 2022 page's mirror, its spaces lost to the page's
    encoding, round 450): the numbers, not seven TABLE errors on a table whose figures are all there; a ?
    alone, or one after the digits, stays no number (a digit may be lost there)."""
    assert looks_like_value("????????????0") and parse_value("????595") == (Decimal(595), None, None)
    assert parse_value("???5.84", "amount") == (Decimal("5.84"), None, None)
    assert parse_value("?")[0] is None and parse_value("5?")[0] is None


def test_004_tsv_tables_are_read_as_far_as_they_exist():
    rep = report(SEEDS["004"])
    active = rep.table("active")
    assert active.layout == "tsv" and active.version == "2021"
    assert [r.template_row for r in active.rows] == ["item1.regulations"]
    assert [m.row for m in active.missing] == ["item1.normative", "item5.licensing", "item6.penalty",
                                               "item6.enforcement", "item8.fees"]

    apps = rep.table("applications")  # its section heading is lost: it sits in section 二
    assert apps.version == "2021" and apps.section == 2
    assert [m.row for m in apps.missing] == ["new", "carried_in"]
    assert not any(r.template_row in ("new", "carried_in") for r in apps.rows)
    assert {p.kind for p in apps.problems} == {"header_missing", "value_count"}
    broken = [r for r in apps.rows if r.problem]
    assert [r.template_row for r in broken] == ["other_handling.unpaid_fee", "other_handling.other",
                                               "results_total", "carried_out"]
    for row in broken:  # 9 values where the template has 7: kept, but mapped to no column
        assert len(row.cells) == 9 and all(c.column is None for c in row.cells)


def test_004_label_broken_over_two_lines_is_joined():
    row = report(SEEDS["004"]).table("applications").row("other_handling.no_correction")
    assert row.label == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert [c.column for c in row.cells][-1] == "total"


def test_002_is_recognised_as_using_the_2019_template():
    rep = report(SEEDS["002"])
    assert rep.year == 2022 and rep.year_source == "period"
    assert rep.table("active").version == "2019"
    assert rep.table("applications").version == "2019"
    assert "其他对外管理服务事项" in rep.table("active").version_evidence
    assert rep.table("appeals").version is None  # the same in both formats
    assert rep.template == "2019"


def test_a_row_named_as_the_other_version_names_it_is_no_evidence_of_its_own():
    # the 2021 columns with the 2019 row name 规范性文件 (a real 2023 county's table): read
    # as the 2021 row, but the evidence of the 2021 version is its columns, not that row
    text = ("某县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n规范性文件\t0\t0\t3\n")
    table = parse(Source("a.txt", text, "utf-8")).table("active")
    assert table.version == "2021" and table.row("item1.normative").label == "规范性文件"
    assert "行政规范性文件" not in table.version_evidence and "本年制发件数" in table.version_evidence


def test_the_introductions_list_of_parts_opens_no_section():
    # a real 2017 page of 广西壮族自治区统计局: items 3. and 7. name sections, ended as a
    # list's items are; the sections are those numbered 一、二、… below
    text = ("某局2017年政府信息公开工作年度报告\n本报告包含以下3个部分内容:\n1.政府信息公开工作的基本情况;\n"
            "2.主动公开政府信息的情况;\n3. 政府信息公开工作存在的主要问题及改进情况。\n"
            "本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n"
            "一、政府信息公开工作的基本情况\n2017年，我局认真落实条例。\n二、主动公开政府信息的情况\n全年主动公开政府信息45条。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert [(s.number, s.numbering) for s in rep.sections] == [(1, "cjk"), (2, "cjk")]
    assert any(p.text.startswith("2.主动公开") for p in rep.intro)


def test_a_title_run_on_into_the_first_words_is_the_title():
    # real pages: 襄州区水利局 (2024, the whole report on one line) and 大兴乡 (2018, the body's
    # name on the line above)
    one_line = parse(Source("a.txt", "襄州区水利局 2024年度政府信息公开工作年度报告 2024年,区水利局秉承公开透明的原则。", "utf-8"))
    assert one_line.title.text == "襄州区水利局 2024年度政府信息公开工作年度报告"
    assert (one_line.issuer.name, one_line.issuer.kind) == ("襄州区水利局", "department")
    split = parse(Source("a.txt", "大兴乡人民政府\n2018年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求编制本报告。\n", "utf-8"))
    assert split.title.text == "大兴乡人民政府2018年政府信息公开工作年度报告" and split.issuer.kind == "township"
    worded = parse(Source("a.txt", "临潭县卫生健康局 2022年度政府信息公开工作的报告 根据《条例》要求编制本报告。", "utf-8"))
    assert worded.title.text == "临潭县卫生健康局 2022年度政府信息公开工作的报告"


def test_an_office_s_report_titled_as_a_document_about_the_work_is_the_title():
    """发文机关 over 关于…工作情况的报告, a document's title on two lines (a real 2018 report of
    重庆市卫生健康委员会办公室, round 679: the body's name had been read as the title)."""
    text = ("重庆市卫生健康委员会办公室\n关于2018年度政府信息公开工作情况的报告\n市政府信息公开办公室:\n"
            "根据《中华人民共和国政府信息公开条例》和市政府有关要求,编制本年度报告。\n一、基本情况\n2018年,我委认真落实条例。\n")
    report = parse(Source("a.txt", text, "utf-8"))
    assert report.title.text == "重庆市卫生健康委员会办公室关于2018年度政府信息公开工作情况的报告"
    assert report.year == 2018 and (report.title.span.line, report.title.span.end_line) == (1, 2)
    undated = parse(Source("a.txt", text.replace("关于2018年度", "关于"), "utf-8"))  # (the title without its year: META-002's)
    assert undated.title.text == "重庆市卫生健康委员会办公室关于政府信息公开工作情况的报告"


@pytest.mark.parametrize("line", [
    "沧州市交通运输局2017年政府信息公开工作年度报告-凯发k8国际首页登录",  # (a real 2017 page, round 277)
    "某县某局2022年政府信息公开工作年度报告_政府信息公开年报_某县人民政府门户网站"])
def test_a_title_run_on_into_the_name_of_a_site_is_the_title(line):
    rep = parse(Source("a.txt", f"沧州市交通运输局\n\n{line}\n\n一、概述\n2017年,我局认真落实条例。\n", "utf-8"))
    assert rep.title.text == line.split("-")[0].split("_")[0] and rep.issuer.kind == "department"
    assert rep.title.span.line == 3


def test_a_date_after_a_title_and_a_hyphen_is_no_site():
    line = "某县某局2022年政府信息公开工作年度报告-2023-01-20"  # (no word of a name: not split off)
    assert parse(Source("a.txt", f"{line}\n一、总体情况\n本年主动公开信息45条。\n", "utf-8")).title.text == line


@pytest.mark.parametrize("text, name, kind", [
    # a real 2023 page of 进化镇: no title in the stored text, the body named only as 发布机构
    ("索引号 | H078/2024-00383 | 成文日期 | 2024-01-11 |\n发布机构 | 进化镇 | 主题分类 | 综合政务 |\n"
     "本报告统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n2023年，我镇认真落实条例。\n", "进化镇", "township"),
    # a real 2023 page of 枣阳市: the 行政审批局 posts it (来源:) and answers questions, the
    # report speaks as 我市 and 全市: the city's government's, due by 31 March, not 31 January
    ("日期:2024-02-18 15:54 来源:枣阳市行政审批局\n本报告各项数据由市政府各组成部门、各镇(办、区)汇总而成。"
     "本报告统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问,请与枣阳市行政审批局联系。\n"
     "一、总体情况\n(一)政府信息主动公开情况。2023年,我市通过政府门户网站主动公开政府信息6100余条。\n", "枣阳市人民政府",
     "government"),
    # a real 2021 page of 台山市人民政府办公室 (round 263): the office the subject of its opening
    # (…办公室根据新修订的《条例》…), under a 我市 of what it does for the city: its own report
    ("一、总体情况\n2021年,台山市人民政府办公室根据新修订的《中华人民共和国政府信息公开条例》规定,认真落实政府信息公开工作。\n"
     "(一)推进基层政务公开工作。编制我市26个试点领域基层政务公开标准目录。\n", "台山市人民政府办公室", "department"),
    # a real 2021 page of 厦门市人民政府办公厅 (round 270): its 政府信息公开办公室 named to ask, a unit of the
    # 办公厅, no 厦门市人民政府办公厅政府 (a government, that SEC-011 had held to a government's duty)
    ("本报告根据《条例》要求编制。若有疑问或意见建议,可直接与厦门市人民政府办公厅政府信息公开办公室联系。\n"
     "一、总体情况\n本年度工作有序开展。\n", "厦门市人民政府办公厅", "department"),
    # a real 2020 page of 福建省财政厅 (round 283): its 政府信息公开工作办公室, no 福建省财政厅政府
    ("本报告由本机关编制。如对本报告有疑问,可直接与福建省财政厅政府信息公开工作办公室联系。\n"
     "一、总体情况\n本年度工作有序开展。\n", "福建省财政厅", "department"),
    # and a township's 政府 before the same words: 朝阳乡政府 (its 信息公开办公室), not 朝阳乡 with a
    # 政府信息公开办公室 of its own (a regression report of 2016)
    ("本报告根据《条例》要求编制。如对本报告有任何疑问,请与朝阳乡政府信息公开办公室联系。\n"
     "一、概述\n本年度工作有序开展。\n", "朝阳乡政府", "township"),
    # a real 2021 page of 周湾镇 (round 102): 本年度报告由周湾镇人民政府编制, the town, not a body named
    # 本年度报告由周湾镇人民政府 (as a message that names the body, SEC-011's, would have named it)
    ("根据《中华人民共和国政府信息公开条例》(以下简称《条例》)有关规定编制本报告。本年度报告由周湾镇人民政府编制,"
     "本报告由概述、主动公开政府信息情况等部分组成。\n"
     "一、概述\n本年度工作有序开展。\n", "周湾镇人民政府", "township"),
    # a real 2023 page of 合阳县 (round 264): no title, the county's 政府 without 人民 the opening's subject
    ("2023年合阳县政府在省市政务公开办公室大力支持和有力指导下,抓牢机制创新和平台建设“两个抓手”。\n"
     "一、总体情况\n全县主动公开政府信息4442条。\n", "合阳县政府", "government"),
    # a real 2023 page of 青岛市人民政府办公厅: named only to ask, but 市政府办公厅持续… speaks as it
    ("本报告由总体情况等部分组成。如对本报告有疑问，请与青岛市人民政府办公厅联系。\n一、总体情况\n"
     "2023年,市政府办公厅持续以“青倾公开”品牌为引领，推动全市政务公开工作提质增效。\n", "青岛市人民政府办公厅", "department"),
    # a real 2022 page of 珠山区文广新旅局: named in full only to ask, its short name a sentence's subject,
    # under a 我区 copied from the district's report: its own report (SEC-011 had held it to a government's duty)
    ("本报告的电子版可在珠山区政府门户网站下载。如对报告有任何疑问,请与珠山区文广新旅局办公室联系。\n一、总体情况\n"
     "在2022年我区认真贯彻《中华人民共和国政府信息公开条例》。区文广新旅局对政府信息进行了梳理和编目。\n",
     "珠山区文广新旅局", "department"),
    # a real 2021 page of 丰满区民政局: the district's 人民政府信息公开工作 named in the opening, the bureau to ask,
    # the report speaking as 我局 (SEC-011 had held it to a government's duty)
    ("根据《条例》规定,结合2021年度吉林市丰满区人民政府信息公开工作实际,编制发布此报告。如有疑问,请联系吉林市丰满区民政局。\n"
     "一、总体情况\n我局高度重视信息公开工作。\n", "吉林市丰满区民政局", "department"),
    # a real 2021 page of 怀远二中 (round 388): a school's 政府信息公开办公室 named to ask, no 怀远二中政府
    # (a government, that SEC-011 had held to a government's duty); the title's school, of no kind the rules name
    ("怀远二中2021年政府信息公开工作年度报告\n本报告由怀远二中编制。如有疑问,请与怀远二中政府信息公开办公室联系。\n"
     "一、总体情况\n本年度工作有序开展。\n", "怀远二中", "unknown"),
], ids=["metadata-table", "city-posted-by-its-bureau", "office-acting-under-我市", "general-office-unit-to-ask",
        "department-unit-to-ask", "township-政府-its-office-to-ask", "compiled-by-after-本年度报告",
        "county-政府-without-人民", "general-office-speaking", "department-speaking",
        "bureau-as-我局", "school-unit-to-ask"])
def test_the_body_a_page_names_outside_its_title(text, name, kind):
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.issuer.name, rep.issuer.kind) == (name, kind)


def test_an_office_acting_for_its_government_is_no_name_ending_in_its_government():
    """市政府办公室代表市政府共受理… (a real 2021 page of 平顶山市, round 218): no body named
    市政府办公室代表市政府, as X县政府 after a place is (合阳县政府在…)."""
    text = "一、总体情况\n(二)依申请公开情况。2021年,市政府办公室代表市政府共受理政府信息公开申请44件。\n"
    rep = parse(Source("a.txt", text, "utf-8"))
    assert rep.issuer is None or "代表" not in rep.issuer.name


def test_the_problems_and_the_improvements_under_two_numbers_are_one_section():
    # 五、存在的问题 then 六、下一步改进措施: section 五's two halves (a real 2015 district's
    # 三、存在的困难和问题 / 四、改进措施 too); but 四、申请行政复议情况 / 五、提起行政诉讼情况 stay
    # two sections of the outline before 2019
    text = ("某县某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n五、存在的问题\n"
            "存在的问题是更新不及时。\n六、下一步改进措施\n下一步将加强管理。\n")
    assert [(s.number, s.canonical) for s in parse(Source("a.txt", text, "utf-8")).sections] == [(1, 1), (5, 5)]
    old = "某乡2017年政府信息公开年度报告\n四、申请行政复议情况\n无。\n五、提起行政诉讼情况\n无。\n"
    assert [s.number for s in parse(Source("a.txt", old, "utf-8")).sections] == [4, 5]
    # (and more of 总体情况 under 二 after 一's 概述: 二、2020年度组织推进政府信息公开工作基本情况, a real 2020
    # page of 鄂尔多斯市自然资源局, round 268, which SEC-004 had measured against 一、总体情况)
    overview = ("某局2020年政府信息公开工作年度报告\n一、2020年度政府信息公开工作情况概述\n本年度工作有序开展。\n"
                "二、2020年度组织推进政府信息公开工作基本情况\n(一)加强组织领导。\n")
    assert [(s.number, s.canonical) for s in parse(Source("a.txt", overview, "utf-8")).sections] == [(1, 1)]


@pytest.mark.parametrize("text", [
    # a real 2023 page of 荔湾区退役军人事务局 with no title and no period: 2023年荔湾区…局高度重视…
    "根据《条例》要求编制本报告。\n一、总体情况\n2023年荔湾区退役军人事务局高度重视政务公开工作。\n",
    # (or working under its leaders: 2023年斜桥镇人民政府在市人民政府的正确指导下…, a real 2023 page, round 459)
    "一、总体情况\n(一)主动公开情况。2023年斜桥镇人民政府在市人民政府的正确指导下,认真贯彻落实《条例》。\n二、主动公开政府信息情况\n",
])
def test_the_year_before_the_body_that_opens_the_first_sentence_is_the_reports(text):
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.year, rep.year_source) == (2023, "text")


def test_a_page_s_metadata_rows_with_a_file_number_are_no_table():
    # 文件编号: | 无 | 发布机构: | 湖东街道 | among the page's fields (a real 2022 page, round 459): no table
    # the format lacks (TABLE-017 had said one could not be recognised)
    text = ("索 引 号: | 330502-9/2023-00028 | 发文时间: | 2023-01-16 18:24:23 |\n公开方式: | 主动公开 | 公开时限: | 长期公开 |\n"
            "文件编号: | 无 | 发布机构: | 湖东街道 |\n湖东街道2022年政府信息公开工作年度报告\n一、总体情况\n略。\n")
    assert "TABLE-017" not in {v.rule for v in check_text(text).violations}


def test_the_year_whose_disclosure_work_opens_the_first_sentence_is_the_reports():
    # a real 2021 page of 城中区 with no title and no period: 2021年城中区政务公开工作在…领导下; not a
    # year's document cited (2020年政务公开工作要点…)
    text = "根据《条例》要求编制本报告。\n一、总体情况\n2021年城中区政务公开工作在区委区政府的领导下稳步推进。\n"
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.year, rep.year_source) == (2021, "text")
    cited = "根据《条例》要求编制本报告。\n一、总体情况\n2020年政务公开工作要点提出了要求。\n"
    assert parse(Source("a.txt", cited, "utf-8")).year is None


def test_the_one_year_the_opening_names_under_a_page_date_of_the_year_after_is_the_reports():
    # a real 2019 page of 天台县民政局, round 443, no title, no period: 今年,…。2019年共主动公开… under its
    # metadata table's 发文日期 of 2020 (its 规章 row went unchecked for want of a year)
    body = ("一、总体情况\n今年,我局严格按照《条例》要求做好公开工作。2019年共主动公开政府信息195条。\n"
            "二、主动公开政府信息情况\n")
    stamped = "发布机构: | 县民政局 | 发文日期: | 2020-01-08 |\n" + body
    rep = parse(Source("a.txt", stamped, "utf-8"))
    assert (rep.year, rep.year_source) == (2019, "text")
    # not without the date, nor under a date of that same year
    assert parse(Source("a.txt", body, "utf-8")).year is None
    assert parse(Source("a.txt", stamped.replace("2020-01-08", "2019-12-08"), "utf-8")).year is None


def test_the_year_of_the_report_the_opening_names_with_nian_lost_before_du():
    # a real 2013 page of 绍兴's 环境保护局, no title: …编制的2013度政府信息公开年度报告, not the
    # 2008 its history names twice (我局从2008年开始实行…, 2008年我局出台了…)
    text = ("本年报是根据《条例》要求,环境保护局编制的2013度政府信息公开年度报告。\n一、概述\n"
            "我局从2008年开始实行信息公开工作。\n2008年我局出台了政府信息公开指南。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.year, rep.year_source) == (2013, "text")


def test_a_centre_named_for_questions_is_no_fuller_name_of_the_titles_body():
    # a real 2015 page of 广州市统计局 (round 239): its 数据管理中心 answers questions; the report is the bureau's
    text = ("2015年广州市统计局政府信息公开工作年度报告\n"
            "本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。如对本报告有任何疑问,请与广州市统计局数据管理中心联系。\n"
            "一、概述\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.issuer.name, rep.issuer.kind, rep.issuer.source) == ("广州市统计局", "department", "title")
    # nor is its desk stationed in the service hall (a real 2020 page of 湖南省自然资源厅, round 356)
    text = ("湖南省自然资源厅2020年政府信息公开年度报告\n"
            "如需咨询,请与湖南省自然资源厅驻湖南省政务服务大厅联系(电话:0731-82213813)。\n一、总体情况\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.issuer.name, rep.issuer.source) == ("湖南省自然资源厅", "title")


def test_a_pages_contact_fields_are_no_title_and_name_the_body():
    # a real 2020 page of 东阳市市场监督管理局 that opens with its 政府信息公开工作机构's fields
    text = ("工作机构名称:东阳市市场监督管理局\n办公地址:东阳市人民北路3号\n联系电话:0579-86633395\n"
            "一、总体情况\n2020年,我局认真贯彻落实条例。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert rep.title is None and (rep.issuer.name, rep.issuer.kind) == ("东阳市市场监督管理局", "department")


def test_003_is_a_pre_2019_report_with_its_statistics_table():
    rep = report(SEEDS["003"])
    assert rep.year == 2017
    table = rep.table("statistics")
    assert table.version == "pre2019" and len(table.rows) == 58 and not table.missing

    def unit_value(row_id):
        row = table.row(row_id)
        return row.label, row.cell("unit").raw, row.cell("value").value

    assert unit_value("active.total") == ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", 292)
    assert unit_value("active.channels.wechat") == ("4.政务微信公开政府信息数", "条", 131)
    assert unit_value("fees") == ("七、依申请公开信息收取的费用", "万元", 0)
    assert unit_value("capacity.budget")[1:] == ("万元", Decimal("0.5"))
    assert table.cell("active.normative_made", "value").problem == "blank"


def test_a_title_split_inside_the_body_s_name_is_joined():
    """“重庆市沙坪坝区人民政府小龙坎街道” / “办事处2023年政府信息公开工作年度报告” (a real
    2023 subdistrict's report): the body is the subdistrict office, not a bare 办事处 (a
    department), so the rules for subdistricts apply."""
    text = ("重庆市沙坪坝区人民政府小龙坎街道\n办事处2023年政府信息公开工作年度报告\n"
            "一、总体情况\n本年度工作有序开展。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.issuer.name, rep.issuer.kind) == ("重庆市沙坪坝区人民政府小龙坎街道办事处", "subdistrict")
    assert (rep.title.span.line, rep.title.span.end_line) == (1, 2)


def test_a_title_split_inside_xinxi_gongkai_is_joined():
    """“衡南县人民政府办公室2022年政府信息” / “公开年度报告” (a real 2022 page, round 265): one
    title, which META-003 can then read (its 工作 is missing)."""
    text = "衡南县人民政府办公室2022年政府信息\n公开年度报告\n(2023年1月31日)\n一、总体情况\n本年度工作有序开展。\n"
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.text, rep.title.span.line, rep.title.span.end_line) == ("衡南县人民政府办公室2022年政府信息公开年度报告", 1, 2)


def test_an_office_that_names_no_place_is_joined_to_the_body_above_it():
    """“武汉市东湖生态旅游风景区管理委员会” / “卫生健康办公室2023年政府信息公开工作年度报告”
    (a real 2023 page): the office is the committee's, not a 卫生健康办公室 of nowhere. A
    title that names its place is whole under a cover letter's sender."""
    text = ("武汉市东湖生态旅游风景区管理委员会\n\n卫生健康办公室2023年政府信息公开工作年度报告\n"
            "一、总体情况\n本年度工作有序开展。\n")
    assert parse(Source("a.txt", text, "utf-8")).issuer.name == "武汉市东湖生态旅游风景区管理委员会卫生健康办公室"
    letter = "某县人民政府\n某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n"
    rep = parse(Source("b.txt", letter, "utf-8"))
    assert (rep.issuer.name, rep.title.span.line) == ("某县统计局", 2)


def test_a_page_s_breadcrumb_is_not_the_title():
    """“首页 > 部门信息公开 > … > 信息公开年度报告” under the title (a real 2023 bureau's
    page): the title is the line above, and so is the body."""
    text = ("深圳市市场监督管理局龙华监管局2023年政府信息公开工作年度报告\n"
            "首页 > 部门信息公开 > 市市场监督管理局龙华监管局 > 信息公开工作 > 信息公开年度报告\n"
            "一、总体情况\n本年度工作有序开展。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.span.line, rep.year, rep.issuer.name) == (1, 2023, "深圳市市场监督管理局龙华监管局")


def test_a_title_listed_as_a_file_is_the_title():
    """秀英区人民政府办公室2022年…年度报告.doc under a document-sharing site's banner (a real
    2022 page, round 553): the title, its extension no part of the body's name."""
    text = ("可可文库 - 千万精品文档,你想要的都能搜到,下载即用。\n"
            "秀英区人民政府办公室2022年政府信息公开工作年度报告.doc\n"
            "一、总体情况\n本年度工作有序开展。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.span.line, rep.year, rep.issuer.name) == (2, 2022, "秀英区人民政府办公室")


def test_a_title_split_after_the_body_under_the_page_s_fields_is_joined_though_the_banner_names_the_body():
    """欢迎光临海南省工业和信息化厅 (the site's banner), the breadcrumb and the page's fields, then
    海南省工业和信息化厅 / 2022年政府信息公开工作年度报告 (a real 2022 page, round 346): the title's two
    halves, not the site's name over a title; the body had been read as 我厅."""
    text = ("欢迎光临海南省工业和信息化厅\n首页 > 政府信息公开年报\n  • 索  引 号:78663548-8/2023-34615 主题分类:工业\n"
            "  • 发文机关:海南省工业和信息化厅 成文日期:2023-01-19 17:48\n\n海南省工业和信息化厅\n2022年政府信息公开工作年度报告\n\n"
            "根据《条例》要求,我厅编制本报告。\n一、总体情况\n略。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.text, rep.issuer.name) == ("海南省工业和信息化厅2022年政府信息公开工作年度报告", "海南省工业和信息化厅")


def test_a_title_repeated_under_it_without_the_body_is_the_whole_title():
    """重庆市大足区农业农村委员会 2023年度…报告 / 2023年度…报告 (a real 2023 page, round 447): the title
    with its body, not the repeat under it (META-004 had said no body)."""
    text = ("重庆市大足区农业农村委员会 2023年度政府信息公开工作年度报告\n2023年度政府信息公开工作年度报告\n"
            "按照《条例》要求编制本报告。\n一、总体情况\n略。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.span.line, rep.issuer.name) == (1, "重庆市大足区农业农村委员会")


def test_a_wiki_s_box_of_facts_under_the_title_is_no_title():
    """• 中文名:… / • 类别:政府信息公开工作年度报告 under the title (a wiki's copy of 陕西省教育厅's
    2009 report, round 341): fields; the last had been taken for the title, 类别 for the body
    and no year read, so every check of the year was skipped."""
    text = ("2009年陕西省教育厅政府信息公开工作年度报告\n\n本年度报告根据《条例》要求,由陕西省教育厅编制。\n\n基本介绍\n\n"
            "  • 中文名:2009年陕西省教育厅政府信息公开工作年度报告\n  • 年份:2009年\n  • 单位:陕西省教育厅\n"
            "  • 类别:政府信息公开工作年度报告\n一、主动公开政府信息情况\n略。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.span.line, rep.year, rep.issuer.name) == (1, 2009, "陕西省教育厅")


def test_a_title_that_says_only_xinxi_gongkai_baogao_under_a_breadcrumb():
    """台创园2017年信息公开报告 (a real page of 锡山台创园, round 260) under the page's
    breadcrumb: a title, if not in the format's words, and it names the body."""
    text = ("您当前的位置:首页 > 台创园 > 政府信息公开 > 年度报告\n\n台创园2017年信息公开报告\n\n"
            "2017年,锡山台创园全面贯彻落实《条例》,全力做好政务信息公开工作。\n一、2017年政务公开工作情况\n略。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.span.line, rep.year, rep.issuer.name) == (3, 2017, "台创园")


def test_a_title_that_calls_the_report_a_huibao_or_zongjie_under_a_page_s_fields():
    """抚州市林业局2012年政府信息公开工作情况汇报 under a page's breadcrumb and fields (a real
    page, round 321): the title, misnamed (META-003 says so), and the year and the body are
    read from it; no year had been read, and every check of the year was skipped."""
    for words in ("工作情况汇报", "工作总结"):
        text = ("首页\n> 政府信息公开 > 政府信息公开年报 > 2012 > 市政府部门\n  • 索 引 号:FZ0016/2014-14082\n\n"
                f"抚州市林业局2012年政府信息公开{words}\n\n来源: 抚州市林业局\n\n"
                "2012年,我局政府信息公开工作在市委、市政府的正确领导下稳步推进。\n一、政府信息公开情况\n略。\n")
        rep = parse(Source("a.txt", text, "utf-8"))
        assert (rep.title.span.line, rep.year, rep.issuer.name) == (5, 2012, "抚州市林业局")


def test_a_title_in_a_page_s_metadata_box_is_read_without_its_label():
    """标题:长治高新区2022年政府信息公开年度报告 | | in the page's box (a real 2022 page,
    round 264): the title is what follows the label, and messages quote it so."""
    text = ("索引号:00001434901234071-5/2023-00010 | |\n发文字号: | 发文时间:2023-01-29 |\n"
            "标题:长治高新区2022年政府信息公开年度报告 | |\n主题分类: | 发布日期:2023-01-29 |\n"
            "本报告中所列数据的统计期限自2022年1月1日起,至2022年12月31日止。\n一、总体情况\n略。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.title.text, rep.title.span.line, rep.title.span.column) == ("长治高新区2022年政府信息公开年度报告", 3, 4)


def test_a_page_s_box_of_bracketed_fields_saved_as_markdown_is_no_table_and_holds_the_title():
    """[索引号] | … | [ 主题分类 ] | 其他 | and the Markdown rule under it (a real 2020 page of 榆阳区
    岔河则乡, round 340): the page's fields, not 三's table (其他 is one of its row's names: two
    errors and a warning had followed), and [ 名 称 ] | …年度报告 | gives the title."""
    text = ("[索引号] | 11610802016083285C/2021-03230 | [ 主题分类 ] | 其他 |\n---|---|---|---|\n"
            "[ 发布机构 ] | 榆林市榆阳区人民政府办公室 | [ 发文日期 ] | 2021-01-24 |\n[ 效力状态 ] | 有效 | [ 文 号 ] | |\n"
            "[ 名 称 ] | 岔河则乡人民政府2020年政府信息公开工作年度报告 |\n一、总体情况\n略。\n")
    result = check_text(text)
    assert result.report.tables == [] and not result.report.lost_tables
    assert (result.report.title.text, result.report.title.span.line) == ("岔河则乡人民政府2020年政府信息公开工作年度报告", 5)
    assert not {v.rule for v in result.violations} & {"TABLE-006", "TABLE-007", "TABLE-009"}


def test_a_table_a_page_put_above_its_section_s_heading_is_that_section_s():
    """二's table at the end of 一, then 二、 with nothing under it (a real 2023 page of 城中区文体
    旅游科技局, round 281): the table is 二's, which is not a heading alone (SEC-002)."""
    cells = ("第二十条第(一)项|信息内容|本年制发件数|本年废止件数|现行有效件数|规 章|0|0|0|行政规范性文件|0|0|0|"
             "第二十条第(五)项|信息内容|本年处理决定数量|行政许可|2|第二十条第(六)项|信息内容|本年处理决定数量|"
             "行政处罚|0|行政强制|0|第二十条第(八)项|信息内容|本年收费金额(单位:万元)|行政事业性收费|0")
    text = ("某区某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年,我局认真做好政府信息公开工作。\n"
            + "".join(f"{cell} |\n" for cell in cells.split("|"))
            + "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n")
    result = check_text(text)
    first, second = result.report.sections[:2]
    assert (first.tables, [t.template for t in second.tables]) == ([], ["active"])
    assert second.body_span.line == second.span.line  # (its body: the heading, the table above it)
    assert "SEC-002" not in {v.rule for v in result.violations}


def test_a_mirror_s_question_mark_before_the_title_is_no_part_of_it():
    """?望江鄉2021年度… (a real 2021 page's traditional copy, round 276): the body is 望江乡,
    which its opening names as 渠县人民政府望江乡 (no other township's words: META-012)."""
    text = ("?望江乡2021年度政府信息公开工作年度报告\n特向社会公布渠县人民政府望江乡2021年度政府信息公开工作年度报告。\n"
            "一、总体情况\n2021年,我乡认真落实《条例》。\n")
    result = check_text(text)
    assert (result.report.title.text, result.report.title.span.column) == ("望江乡2021年度政府信息公开工作年度报告", 2)
    assert "META-012" not in {v.rule for v in result.violations}


def test_a_page_s_mark_of_an_article_s_kind_before_the_title_is_no_part_of_it():
    """(图文)海宁市人民政府2023年度… (a real 2023 page, round 294): the body is 海宁市人民政府."""
    rep = parse(Source("a.txt", "(图文)海宁市人民政府2023年度政府信息公开工作年度报告\n一、总体情况\n略。\n", "utf-8"))
    assert (rep.title.text, rep.issuer.name, rep.issuer.kind) == (
        "海宁市人民政府2023年度政府信息公开工作年度报告", "海宁市人民政府", "government")


def test_the_publication_date_among_a_web_page_s_metadata_under_the_title():
    """索引号, 发布机构, 关键词, 成文日期, 发布日期 under the title (a real 2021 district
    government's page): the report was published on its 发布日期, not left undated."""
    text = ("某区人民政府2021年政府信息公开工作年度报告\n  • 索引号:747445809/2022-00041\n  • 发布机构:某区人民政府\n"
            "  • 关键词:政府信息公开年度报告\n  • 成文日期:2022-01-28\n  • 发布日期:2022-01-30\n"
            "  • 某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.publication_date.value, rep.publication_date.span.line) == (dt.date(2022, 1, 30), 6)


def test_the_publication_date_after_the_page_s_source_of_copy():
    """稿源: 浑南区政府网 2022-01-19 under the title (a real 2021 page of 浑南区应急局, round 407):
    the date the page was published (DATE-005 had said it could not be told)."""
    text = ("2021/8/16 上午9:31:36 星期一\n\n浑南区应急局2021年度政府信息公开工作报告\n\n浑南区应急局\n\n"
            "稿源: 浑南区政府网 2022-01-19\n\n一、总体情况\n本年度工作有序开展。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.publication_date.value, rep.publication_date.span.line) == (dt.date(2022, 1, 19), 7)


def test_the_publication_date_on_a_long_line_of_the_page_s_fields_its_figures_spaced():
    """发布日期: 2015- 03- 31 15: 39 浏览次数: 来源: 市府办 字体:[ ] (a real 2014 page of 温州市, round
    691): the line, a label's, is the page's fields however long (DATE-005 had said no date)."""
    text = ("您现在的位置:首页\n > 信息公开年报 > 市级部门单位 > 2014\n温州市人民政府\n"
            "发布日期: 2015- 03- 31 15: 39 浏览次数: 来源: 市府办 字体:[ ]\n\n"
            "  本年度报告根据《中华人民共和国政府信息公开条例》的规定,由市政府办公室编制。\n\n  一、概述\n  本年度工作有序开展。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.publication_date.value, rep.publication_date.span.line) == (dt.date(2015, 3, 31), 4)


def test_front_matter_cover_letter_title_and_facts_of_seed_000():
    rep = report(SEEDS["000"])
    assert rep.title.text == "赛尔龙乡2021年政务信息公开工作年度报告" and rep.title.span.line == 19
    assert [p.text for p in rep.preamble][:2] == ["赛政〔2022〕3号", "赛尔龙乡人民政府"]
    assert rep.publication_date.value == dt.date(2022, 1, 20)
    assert (rep.issuer.name, rep.issuer.kind) == ("赛尔龙乡人民政府", "township")
    assert (rep.period.start, rep.period.end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


@pytest.mark.parametrize("path", sorted(SYNTHETIC.glob("*.txt")), ids=lambda p: p.name)
def test_synthetic_reports_parse_cleanly(path):
    rep = report(path)
    assert rep.year and rep.issuer and rep.period and rep.publication_date
    if "pre2019" not in path.name:
        assert sorted(headings(rep)) == [1, 2, 3, 4, 5, 6]
        assert {t.template for t in rep.tables} == {"active", "applications", "appeals"}
    for table in rep.tables:
        assert table.header_confirmed, table.template
        assert not table.missing and not table.problems and not table.extra, table.template
        assert all(c.value is not None and not c.problem for r in table.rows for c in r.cells
                   if c.column != "unit"), table.template


def test_the_same_report_in_gbk_with_crlf_parses_the_same():
    a, b = report(SYNTHETIC / "2021_cells_clean.txt"), report(SYNTHETIC / "2021_cells_clean_gbk.txt")
    assert b.encoding == "gb18030"
    assert a.text == b.text
    assert [(s.canonical, s.span) for s in a.sections] == [(s.canonical, s.span) for s in b.sections]


@pytest.mark.parametrize("text", [
    "", "\n", "\t", "\t\n\t\n", "一、", "3、总体情况", "\t0\n维持\n", "x\ty\n\n\n\t1", "年度报告\n" * 3,
    "一、总体情况\n\t三、本年度办理结果\t0\n四、", "\u3000\u3000\n\t\u3000", "（一）\n(二)\n第一部分",
])
def test_the_grammar_is_total(text):
    from nianbao.ingest import Source

    rep = parse(Source("x.txt", text, "utf-8"))
    assert rep.text == text


SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*/*.txt"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_parse_tree_snapshot(path, snapshot):
    result = run_cli("parse", str(path.relative_to(SAMPLES.parent)))
    assert result.returncode == 0, result.stderr.decode()
    snapshot.snapshot_dir = SAMPLES.parent / "tests" / "snapshots" / "parse"
    snapshot.assert_match(result.stdout.decode("utf-8"), f"{path.parent.name}-{path.stem}.tree")


def test_parse_json_gives_spans_of_every_part(cli):
    import json

    out = json.loads(cli("parse", "--format", "json", str(SEEDS["001"])).stdout)
    assert out["title"]["span"] == {"line": 1, "column": 1, "end_line": 1, "end_column": 21}
    apps = out["tables"][out["sections"][2]["tables"][0]]
    assert apps["template"] == "applications" and len(apps["rows"]) == 25
    assert apps["rows"][0]["cells"][0]["span"]["line"] == 87


def test_parse_of_an_unreadable_file_is_one_line_and_exit_2(cli, tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = cli("parse", str(bad))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"{bad}: 不是文本文件（第 8 字节处有 NUL 字节），可能是图片或其他二进制文件"
    assert result.stdout == b""



def test_page_numbers_left_by_a_pdf_conversion_are_no_part_of_the_report():
    from nianbao.ingest import Source

    text = ("某县某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "\t一、本年新收政府信息公开申请数量\n\t3\n\t0\n\t0\n\n- 3 -\n\n\t0\n\t0\n\t0\n\t3\n\n"
            "\t二、上年结转政府信息公开申请数量\n" + "\t0\n" * 7 + "第 4 页\n四、政府信息公开行政复议、行政诉讼情况\n")
    rep = parse(Source("x.txt", text, "utf-8"))
    table = rep.table("applications")
    # the row the page break cut in two is one row again, its seven values in order
    assert [c.raw for c in table.row("new").cells] == ["3", "0", "0", "0", "0", "0", "3"]
    assert not table.row("new").problem
    assert [s.canonical for s in rep.sections] == [3, 4]
    assert not any("3 -" in p.text or "页" in p.text for s in rep.sections for p in s.paragraphs)


def test_rows_of_the_cell_layout_are_separated_by_blank_lines_even_with_spaces_on_them():
    """A line of spaces between two rows ends the row above, as an empty line does;
    it is no continuation of the cell above it."""
    from nianbao.ingest import Source

    rows = ["\t一、本年新收政府信息公开申请数量\n" + "\t1\n" * 7, "\t二、上年结转政府信息公开申请数量\n" + "\t0\n" * 7]
    head = "某县某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    for gap in ("\n", "  \n", "\u3000\n\n"):
        table = parse(Source("x.txt", head + gap.join(rows), "utf-8")).table("applications")
        assert [r.template_row for r in table.rows] == ["new", "carried_in"], repr(gap)
        assert [c.raw for c in table.row("new").cells] == ["1"] * 7
        new_last = table.row("new").cells[-1].span
        assert new_last.line == new_last.end_line == 10, repr(gap)


def test_a_report_whose_lines_were_run_together_is_marked():
    from nianbao.ingest import Source

    line = ("某县某局2022年政府信息公开工作年度报告 一、总体情况 有序开展。二、主动公开政府信息情况 见下表。"
            "三、收到和处理政府信息公开申请情况 未收到申请。四、政府信息公开行政复议、行政诉讼情况 无。\n")
    assert parse(Source("x.txt", line, "utf-8")).layout_lost
    assert not report(SEEDS["001"]).layout_lost


def test_a_section_heading_a_page_ran_on_into_a_line_opens_its_section_where_the_document_has_it():
    """A page that put the report's paragraphs together (…公开如下。 一、总体情况 2024年，…):
    the heading is read as a heading and what follows it as its section's prose, at the
    document's own line and column. A heading said twice, the page's and then the
    document's with its prose, is one section."""
    text = ("浙江省某厅2024年度政府信息公开工作报告\n"
            "根据《中华人民共和国政府信息公开条例》的规定，现将我厅2024年度政府信息公开工作报告公开如下。 "
            "一、总体情况 2024年，我厅主动公开各类信息705条，依申请公开、政府信息管理、平台建设和监督保障稳步推进。\n"
            "二、主动公开政府信息情况\n")
    rep = parse(Source("x.txt", text, "utf-8"))
    first = rep.sections[0]
    assert (first.heading, first.canonical, first.title_match) == ("一、总体情况", 1, "exact")
    assert (first.span.line, first.span.column) == (2, text.split("\n")[1].index("一、") + 1)
    assert first.paragraphs[0].text.startswith("2024年，我厅主动公开") and first.paragraphs[0].span.line == 2
    assert rep.text == text and not rep.layout_lost
    assert rep.intro[-1].text.endswith("公开如下。")

    twice = parse(Source("x.txt", "某镇2021年政府信息公开工作年度报告\n一、总体情况\n一、总体情况 本年报根据《中华人民共和国"
                                  "政府信息公开条例》编制，全年主动公开政府信息120条。\n", "utf-8"))
    assert [(s.heading, s.span.line) for s in twice.sections] == [("一、总体情况", 2)]
    assert twice.sections[0].paragraphs[0].text.startswith("本年报根据")


def test_a_table_of_contents_on_one_line_is_no_run_of_headings():
    """Headings one after another with nothing between are a list of the parts, not
    sections whose prose a page ran on."""
    text = ("某县某局2022年政府信息公开工作年度报告\n"
            "目录 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况\n"
            "一、总体情况\n本局2022年主动公开政府信息68条。\n")
    rep = parse(Source("x.txt", text, "utf-8"))
    assert [(s.canonical, s.span.line) for s in rep.sections] == [(1, 3)]
    numbered = text.replace("一、总体情况 二、主动公开政府信息情况 三、", "一、总体情况 1 二、主动公开政府信息情况 2 三、", 1)
    assert [(s.canonical, s.span.line) for s in parse(Source("x.txt", numbered, "utf-8")).sections] == [(1, 3)]
    short = parse(Source("x.txt", "某县某局2022年政府信息公开工作年度报告\n本局2022年主动公开政府信息68条。 一、总体情况 有序开展。"
                                  " 二、主动公开政府信息情况 见下表。 六、其他需要报告的事项 无。\n", "utf-8"))
    assert [s.canonical for s in short.sections] == [1, 2, 6] and short.layout_lost
    # (the headings on one line, each after a comma: a real 2020 page of 华阴市, whose line had been read as
    # section 一's heading, and the real one under it as an item of it)
    commas = parse(Source("x.txt", "华阴市2020年政府信息公开工作年度报告\n一、总体情况,二、主动公开政府信息情况,"
                                   "三、收到和处理政府信息公开申请情况,四、政府信息公开行政复议、行政诉讼情况,\n"
                                   "一、总体情况\n2020年以来我市认真贯彻落实条例。\n二、主动公开政府信息情况\n见下表。\n", "utf-8"))
    assert [(s.canonical, s.title_match, s.span.line) for s in commas.sections] == [(1, "exact", 3), (2, "exact", 5)]


def test_sections_whose_headings_all_lost_their_numbers():
    """Word's list numbering lost on the way: each heading in the format's very words,
    alone on its line, opens its section, in the format's order; a table's row numbered
    一、 after them stays inside the last (a real 2020 county bureau's page)."""
    text = ("县退役军人事务局2020年度政府信息公开工作年度报告\n总体情况\n2020年以来，我局认真贯彻落实条例。\n"
            "主动公开政府信息情况\n本年主动公开政府信息20条。\n收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 |\n0 |\n")
    rep = parse(Source("x.txt", text, "utf-8"))
    assert [(s.canonical, s.span.line, s.numbering) for s in rep.sections] == [(1, 2, "none"), (2, 4, "none"), (3, 6, "none")]
    assert rep.sections[2].paragraphs[0].kind == "subheading"
    one = parse(Source("x.txt", "某局2020年政府信息公开工作年度报告\n本报告说明总体情况和主动公开政府信息情况。\n"
                                "主动公开政府信息情况\n本年主动公开20条。\n", "utf-8"))
    assert one.sections == []  # (one such line is no run of headings)
    bullets = parse(Source("x.txt", "某镇2025年政府信息公开工作年度报告\n- 总体情况\n本年主动公开20条。\n"
                                    "- 主动公开政府信息情况\n本年制发0件。\n", "utf-8"))  # (a page's list as bullets)
    assert [(s.canonical, s.span.line) for s in bullets.sections] == [(1, 2), (2, 4)]
    first = parse(Source("x.txt", "某镇2025年政府信息公开工作年度报告\n- 总体情况\n本年主动公开20条。\n"
                                  "二、主动公开政府信息情况\n本年制发0件。\n", "utf-8"))
    assert [(s.canonical, s.span.line) for s in first.sections] == [(1, 2), (2, 4)]


def test_one_scanner_for_every_parser_state_reads_the_tokens_lark_reads(monkeypatch):
    """The contextual lexer that scans with one expression for every parser state
    (lexing.py) gives the tokens of Lark's own, state by state, at the same places: on every sample, the
    real reports of the regression set and texts where a line's terminal is one the
    parser does not accept there (a short line or a blank before a table)."""
    from lark import Lark, Token

    from nianbao import lexing
    from nianbao.parse import grammar, parse_tree
    from nianbao.resources import data_dir

    lark_own = Lark((data_dir("grammar") / "report.lark").read_text(encoding="utf-8"), parser="lalr",
                    lexer="contextual")
    assert isinstance(grammar().parser.lexer, lexing.SharedScannerLexer)
    monkeypatch.setattr(grammar().parser.lexer.root_lexer.shared, "alone", {})  # (whatever ran before)
    retried = []
    real = lexing._Shared._scanner
    monkeypatch.setattr(lexing._Shared, "_scanner", lambda self, ts: retried.append(len(ts)) or real(self, ts))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in (*SAMPLE_FILES, *sorted(
        (SAMPLES.parent / "tests" / "regression").rglob("*.txt")))]
    texts += ["一、总体情况\n本年度情况如下\n收到申请\t1\t2\n\n\n二、主动公开\n",
              "三、收到\n\n\t一、本年新收\n\t1\n\n说明\n\n\t2\n\n正文。\n"]
    assert len(texts) > 20

    def tokens(tree):  # (a tree's == compares a token's text, not where it stands)
        return [(t.type, str(t), t.start_pos, t.end_pos, t.line, t.column, t.end_line, t.end_column)
                for t in tree.scan_values(lambda v: isinstance(v, Token))]

    for text in texts:
        text = text if text.endswith("\n") else text + "\n"
        ours, theirs = parse_tree(text), lark_own.parse(text)
        assert ours == theirs
        assert tokens(ours) == tokens(theirs)
    assert any(n == 1 for n in retried)  # a terminal the state does not accept was passed over


def test_a_cell_per_line_keeps_the_place_of_its_text_whatever_the_spaces_around_it():
    """In the one-cell-per-line layout a cell's span covers its text exactly: after the
    TAB, after more spaces than the TAB, a blank cell at the TAB, a cell continued on
    a TAB-less line; the columns are offsets on the line, plus one."""
    from nianbao.ingest import Source

    head = "某县某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    body = ("\t一、本年新收政府信息\n公开申请数量\n\t\xa01\n\t2\u3000\n\t  3 \n\t\n\t0\n\t0\n\t4\n\n"
            "\t二、上年结转政府信息公开申请数量\n" + "\t0\n" * 7)
    text = head + body
    table = parse(Source("x.txt", text, "utf-8")).table("applications")
    row = table.row("new")
    assert row.label == "一、本年新收政府信息公开申请数量"
    assert [c.raw for c in row.cells] == ["1", "2", "3", "", "0", "0", "4"]
    for cell in row.cells:
        span = cell.span
        line_start = text.rindex("\n", 0, span.start) + 1  # (a cell starts after its TAB)
        assert text[span.start:span.end] == cell.raw
        assert (span.column, span.end_column) == (span.start - line_start + 1, span.end - line_start + 1)
        assert span.line == span.end_line == text.count("\n", 0, span.start) + 1
    assert row.cells[3].span.start == text.index("\t\n", text.index("\t  3")) + 1  # the blank cell: after its TAB
    assert row.span.start == text.index("一、本年新收") and row.span.end == text.index("\t4\n") + 2


def test_the_reading_kept_has_each_matched_row_s_cells_once_in_its_columns(monkeypatch):
    """A table that no version of its template explains whole is read against each
    version, and one reading is kept: its rows carry their cells once, in the
    columns of the version kept, each read as a number."""
    from nianbao import tables
    from nianbao.ingest import Source

    versions_read = []
    reading = tables._reading
    monkeypatch.setattr(tables, "_reading", lambda seg, tpl, *a: versions_read.append(tpl.version) or reading(seg, tpl, *a))
    head = "某县某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    text = head + "\t一、本年新收政府信息公开申请数量\n" + "\t2\n" * 7 + "\n\t二、上年结转政府信息公开申请数量\n" + "\t1\n" * 7
    table = parse(Source("x.txt", text, "utf-8")).table("applications")
    assert sorted(versions_read) == ["2019", "2021"]
    assert [r.template_row for r in table.rows] == ["new", "carried_in"]
    for row in table.rows:
        assert [c.column for c in row.cells] == row.columns and len(row.columns) == 7
        assert {c.row for c in row.cells} == {row.template_row}
    assert [c.value for c in table.row("new").cells] == [2] * 7
    assert [c.value for c in table.row("carried_in").cells] == [1] * 7


def test_a_version_left_unread_could_not_have_won(monkeypatch, tmp_path):
    """The last version of a template is left unread when a bound on its reading's
    score is below a reading's before it. Over the samples, the regression reports and
    200 generated reports: no reading scores above its bound, some readings are left
    out, and every table is the one read against every version."""
    import importlib.machinery
    import importlib.util
    import random
    from pathlib import Path

    from nianbao import tables

    loader = importlib.machinery.SourceFileLoader("bench", str(SAMPLES.parent / "scripts" / "bench"))
    bench = importlib.util.module_from_spec(importlib.util.spec_from_loader("bench", loader))
    loader.exec_module(bench)
    samples = sorted([*REAL.glob("*.txt"), *SYNTHETIC.glob("*.txt")])
    bench.generate(samples, tmp_path, 200, random.Random(7))
    regression = sorted((Path(__file__).parent / "regression" / "reports").glob("*.txt"))
    sources = [read_source(p) for p in [*samples, *regression, *sorted(tmp_path.glob("*.txt"))]]

    scored, read, reading = [], [], tables._reading

    def scored_reading(seg, tpl, *args):
        r = reading(seg, tpl, *args)
        read.append(tpl)
        if tpl.shape in tables._ROW_BOUNDS:
            scored.append((r.score, tables._score_bound(seg.rows, tpl)))
        return r

    monkeypatch.setattr(tables, "_reading", scored_reading)
    found = [parse(s).tables for s in sources]
    read_with_bounds = len(read)
    assert scored and all(score <= bound for score, bound in scored)
    monkeypatch.setattr(tables, "_ROW_BOUNDS", {})
    assert [parse(s).tables for s in sources] == found
    assert len(read) - read_with_bounds > read_with_bounds  # (more readings when none is left out)


# The grammar's CELL_LINES as it was written before it became one loop over lines: rows
# (cell lines, continuations before a cell line) separated by gaps (blank lines before a
# cell line), and the blank lines before another TAB line.
_CELL_LINE = r"\t[^\t\n]*\n"
_BLANK_LINE = r"[ \xa0]*(?:\u3000[ \xa0]*)*\n"
_CELL_ROW = (rf"{_CELL_LINE}(?:{_CELL_LINE}|(?!{_BLANK_LINE}|[ \u3000]*[一二三四五六七八九十]{{1,3}}[、.．])"
             rf"[^\n\t。；]{{1,40}}\n(?={_CELL_LINE}))*")
_CELL_LINES_AS_ROWS = rf"{_CELL_ROW}(?:(?:{_BLANK_LINE})+(?={_CELL_LINE}){_CELL_ROW})*(?:(?:{_BLANK_LINE})+(?=\t))?"
_LINES = ["\t0", "\t一、本年新收", "\t", "\t \u3000", "", "", "  ", "\u3000", "\xa0 \u3000 ", "维持", "结果纠正",
          "一、总体情况", " 二、", "说明。", "收到\t1", "\t\t1", "\t1\t", "字" * 40, "字" * 41, "三、收到"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=14))
def test_cell_lines_is_rows_of_cells_separated_by_blank_lines(lines):
    """The one-loop CELL_LINES matches what the rows-and-gaps definition matches, from
    every line of a text of cell lines, blank ones (of spaces too), continuations,
    headings, long lines and TSV lines."""
    import re

    from nianbao.parse import grammar

    ours = re.compile(next(t for t in grammar().terminals if t.name == "CELL_LINES").pattern.to_regexp())
    rows = re.compile(_CELL_LINES_AS_ROWS)
    text = "\n".join(lines) + "\n"
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"][:-1]
    for start in starts:
        found, expected = ours.match(text, start), rows.match(text, start)
        assert (found and found.group()) == (expected and expected.group()), (start, text)


def test_the_prose_without_tables_has_a_space_for_each_character_of_a_table_but_its_line_ends():
    """Each table region of the text is blanked character for character (one space for
    a character outside the BMP or a lone surrogate too), line ends kept; the rest of
    the text is as it was."""
    from nianbao.parse import _without_tables, parse_tree

    made = "某县某局2022年政府信息公开工作年度报告\n一、总体情况\n\t一、本年新收\U0001F600\n\t1\ud800\n\n\t二、\t 2\u3000\n正文。\n"
    texts = [made] + [read_source(p).text for p in SAMPLE_FILES]
    for text in texts:
        text = text if text.endswith("\n") else text + "\n"
        prose, stretches = _without_tables(text, parse_tree(text))
        assert len(prose) == len(text) and stretches
        kept = {i for start, end in stretches for i in range(start, end)}
        for i, (ours, theirs) in enumerate(zip(prose, text)):
            assert ours == (theirs if i in kept or theirs == "\n" else " "), (i, theirs)
    assert "\t" not in _without_tables(made, parse_tree(made))[0]


def test_an_outline_in_brackets_with_the_part_on_review_and_litigation_gives_its_sections():
    # the outline before 2019 kept in a 2021 report, (一)…(四) at the top (a real page of 扬州市 自然资源和
    # 规划局广陵分局, round 254): the format's parts under other numbers, not each missing (SEC-001)
    text = ("某区某局2021年度政府信息公开年度报告\n为促进政府信息公开，我局编制本报告。\n"
            "(一)主动公开政府信息的情况\n2021年,我局主动公开信息20条。\n(二)依申请公开信息的情况\n2021年,我局受理申请9件。\n"
            "(三)因政府信息公开申请行政复议、提起行政诉讼的情况\n2021年,我局无行政复议和行政诉讼。\n"
            "(四)政府信息公开收费及减免情况\n2021年,我局未收费。\n")
    assert [s.canonical for s in parse(Source("a.txt", text, "utf-8")).sections] == [2, 3, 4]
    # (but 总体情况's items, with no part on review and litigation among them, stay its items)
    items = ("某镇2021年政府信息公开工作年度报告\n本报告由总体情况等六部分组成。\n(一)主动公开情况\n全年主动公开信息20条。\n"
             "(二)依申请公开情况\n全年未收到申请。\n(三)政府信息管理情况\n规范管理。\n")
    assert [s.canonical for s in parse(Source("a.txt", items, "utf-8")).sections] == []


def test_last_year_s_report_among_what_was_published_names_no_year_of_this_one():
    # “…等重点领域信息及2018年度信息公开工作报告” in a 2019 report with no title (南京, round 256): an item
    # published, not this report's year (the rules of the outline before 2019 had been applied)
    text = ("一、总体情况\n2019年,我局公开了人事信息、财政信息等重点领域信息及2018年度信息公开工作报告。\n"
            "全年共收到依申请公开14件。\n")
    assert parse(Source("a.txt", text, "utf-8")).year != 2018


def test_a_placeless_short_name_of_the_title_is_the_body_the_opening_names_in_full():
    # 市发改委 of a title, 由岳阳市发展和改革委员会编制 in the opening (a real 2019 page, round 248): the body
    # with its place, so that another city's 市发改委 is not taken for the same body across a set of reports
    text = "市发改委2019年度政府信息公开年度报告\n本报告由岳阳市发展和改革委员会编制。\n一、总体情况\n"
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.issuer.name, rep.issuer.kind) == ("岳阳市发展和改革委员会", "department")
    other = "市教育局2019年度政府信息公开工作年度报告\n如有疑问，请与市人民政府办公室联系。\n一、总体情况\n"
    assert parse(Source("a.txt", other, "utf-8")).issuer.name == "市教育局"


def test_a_pronoun_is_no_body_s_name():
    # 现将我厅2014年…: a real 2014 page of 贵州省交通运输厅 whose title names no body (round 370); its
    # issuer had been 我厅, and so had a 吉林 department's, and META-009 took them for one body's two reports
    text = ("2014年度政府信息公开工作报告\n根据《条例》要求,现将我厅2014年政府信息公开工作情况报告如下。\n"
            "一、概述\n2014年,我厅认真落实条例。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert rep.issuer is None or "我" not in rep.issuer.name


def test_the_year_the_opening_publishes_over_a_period_of_the_year_before():
    # 特向社会公布2011年陕西省财政厅…年度报告 and 2011年,省财政厅… over a period of 2010 (a real 2011 page,
    # round 370): the 2011 report, its period the year before's (PERIOD-003), not a 2010 report
    text = ("根据《条例》要求,特向社会公布2011年陕西省财政厅政府信息公开工作年度报告。本报告数据统计期限为2010年1月1日至2010年12月31日。\n"
            "一、概述\n2011年,省财政厅全面落实条例。\n")
    rep = parse(Source("a.txt", text, "utf-8"))
    assert (rep.year, rep.year_source) == (2011, "text")
    # but not under a page's date of the year after the period's, as that period's report is published
    # (发布时间:2016-03-09 over 公布2014年度… and a period of 2015, a real page, round 308)
    stamped = "发布时间:2012-03-09 00:00\n" + (text.replace("2011年陕西", "2010年陕西")
                                              .replace("2010年1月1日至2010年12月31日", "2011年1月1日至2011年12月31日")
                                              .replace("2011年,省财政厅", "2010年,省财政厅"))
    rep = parse(Source("a.txt", stamped, "utf-8"))
    assert (rep.year, rep.year_source) == (2011, "period")


def test_the_spaced_number_s_opening_words_are_the_grammar_s():
    """parse's _SPACED_NUMBER reads a heading's number set apart by spaces before the same
    opening words as report.lark's SECTION_HEAD takes such a line by: the two lists kept as one."""
    from nianbao.parse import _SPACED_NUMBER
    from nianbao.resources import data_dir

    words = _SPACED_NUMBER.pattern.split("[ \\u3000]+", 1)[1]
    grammar = (data_dir("grammar") / "report.lark").read_text(encoding="utf-8")
    assert words.startswith("(?=") and "[一二三四五六七八九十]{1,3}[ \\u3000]+" + words + ")" in grammar
