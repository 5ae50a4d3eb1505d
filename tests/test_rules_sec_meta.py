"""The SEC, META, PERIOD, CONTACT and DATE rules on the five seed reports, against a
reading of each seed by hand against the Regulations on Open Government Information
(arts. 49–50) and the format notice in force for its year (国办公开办函〔2021〕30号,
〔2019〕60号): every finding of that reading is reported with its rule, severity and
line, and nothing that checks out is flagged. Then the
clean and noisy synthetic reports (no error, no warning from these families), and a few
reports written here to show that the rules hold for any body, any values and any
written form, not just for the seeds."""

from __future__ import annotations

import pytest
from conftest import SEEDS, SYNTHETIC
from reportgen import report

import nianbao

FAMILIES = ("SEC", "META", "PERIOD", "CONTACT", "DATE")


def findings(path, rules):
    result = nianbao.check(path, rules)
    assert result.ok, result.error
    assert not result.rule_errors, result.rule_errors
    return [v for v in result.violations if v.rule.startswith(FAMILIES)]


def found(vs, rule, severity=None, line=None):
    return [v for v in vs if v.rule == rule
            and (severity is None or v.severity == severity)
            and (line is None or v.span.line == line)]


def assert_one(vs, rule, severity, line):
    hits = found(vs, rule)
    assert len(hits) == 1, f"{rule}: expected one finding, got {[(v.span.line, v.message()) for v in hits]}"
    assert (hits[0].severity, hits[0].span.line) == (severity, line), (rule, hits[0].severity, hits[0].span.line)
    return hits[0]


def assert_none(vs, *prefixes):
    bad = [(v.rule, v.span.line, v.message()) for v in vs if v.rule.startswith(prefixes)]
    assert not bad, bad


@pytest.fixture(scope="module")
def seed(rules):
    cache = {}

    def get(key):
        if key not in cache:
            cache[key] = findings(SEEDS[key], rules)
        return cache[key]
    return get


# ------------------------------------------------------------------------ 000 赛尔龙乡 2021

def test_000_title_says_zhengwu(seed):
    v = assert_one(seed("000"), "META-001", "warning", 19)
    assert "政务信息公开工作年度报告" in v.message()


def test_000_section_five_heading_is_the_article_50_wording(seed):
    # A heading that reproduces the wording of art. 50 of the Regulations (“政府信息公开
    # 工作存在的主要问题及改进情况”) instead of the notice's section title is info, not a
    # wrong title: the regulation itself words it so.
    v = assert_one(seed("000"), "SEC-005", "info", 419)
    assert "政府信息公开工作存在的主要问题及改进情况" in v.message()
    assert not found(seed("000"), "SEC-004")


def test_000_township_without_assessment_evaluation_accountability(seed):
    assert_one(seed("000"), "SEC-011", "error", 22)
    assert not found(seed("000"), "SEC-015")


def test_000_approximate_figures_at_the_figure(seed):
    # (a local notice's requirement: info; one note for the report, at the first figure, the other listed in it)
    hits = found(seed("000"), "META-006", "info", 24)
    assert [(v.span.column, v.span.end_column) for v in hits] == [(73, 78)]
    assert "140余条" in hits[0].message() and "另有1处同类问题" in hits[0].message()


def test_000_no_contact_details(seed):
    # no address, phone or e-mail at all: one finding, not one per missing kind
    v = assert_one(seed("000"), "CONTACT-001", "warning", 19)
    assert "地址、电话、电子邮箱均未写" in v.message()


def test_000_cover_letter(seed):
    assert_one(seed("000"), "META-007", "info", 1)


def test_000_what_checks_out(seed):
    vs = seed("000")
    assert_none(vs, "PERIOD", "DATE", "SEC-001", "SEC-002", "SEC-003", "SEC-006", "SEC-010", "SEC-012",
                "META-002", "META-003", "META-004", "META-005")


# ------------------------------------------------------------------------ 001 景罕镇 2021

def test_001_township_without_assessment_evaluation_accountability(seed):
    assert_one(seed("001"), "SEC-011", "error", 3)


def test_001_no_publication_date(seed):
    assert_one(seed("001"), "DATE-005", "info", 1)


def test_001_what_checks_out(seed):
    # title, the six headings (五 as 存在的主要问题及改进情况), period, contacts, download URL
    vs = seed("001")
    assert_none(vs, "META", "PERIOD", "CONTACT", "SEC-001", "SEC-002", "SEC-003", "SEC-004", "SEC-005",
                "SEC-006", "SEC-010", "SEC-012", "DATE-001", "DATE-004", "DATE-006")
    assert [v.rule for v in vs] == ["DATE-005", "SEC-011"]


# ------------------------------------------------------------------------ 002 上馆镇 2022

def test_002_title_without_year(seed):
    assert_one(seed("002"), "META-002", "warning", 1)


def test_002_arabic_numbering_on_section_three(seed):
    v = assert_one(seed("002"), "SEC-006", "info", 88)  # auto-numbering: a reading note
    assert "三、收到和处理政府信息公开申请情况" in v.message()


def test_002_overview_misses_topics(seed):
    v = assert_one(seed("002"), "SEC-010", "warning", 4)
    assert "主动公开" in v.message() and "依申请公开" in v.message()


def test_002_township_without_assessment_evaluation_accountability(seed):
    assert_one(seed("002"), "SEC-011", "error", 4)


def test_002_cites_the_2019_notice(seed):
    v = assert_one(seed("002"), "META-005", "warning", 3)
    assert "关于政府信息公开工作年度报告有关事项的通知" in v.message()


def test_002_no_contact_details(seed):
    assert_one(seed("002"), "CONTACT-001", "warning", 1)


def test_002_what_checks_out(seed):
    # the period is stated (2022-01-01 – 2022-12-31); 2023-01-11 is no late date for a 镇
    assert_none(seed("002"), "PERIOD", "DATE", "SEC-001", "SEC-002", "SEC-003", "SEC-012")


# ------------------------------------------------------------------------ 003 三爪仑乡 2017

def test_003_no_other_matters(seed):
    v = assert_one(seed("003"), "SEC-026", "error", 1)
    assert "其他需要报告的事项" in v.message()


def test_003_title_without_gongzuo(seed):
    assert_one(seed("003"), "META-003", "warning", 1)


def test_003_no_publication_date(seed):
    assert_one(seed("003"), "DATE-005", "info", 1)


def test_003_what_checks_out(seed):
    # the other five art. 32 contents are there (收费及减免 as "收取……费用"); the period
    # is stated; the 2019/2021 section rules do not apply to a 2017 report
    assert_none(seed("003"), "PERIOD", "SEC-00", "SEC-01", "SEC-021", "SEC-022", "SEC-023",
                "SEC-024", "SEC-025", "META-001", "META-002", "META-004", "META-005")


# ------------------------------------------------------------------------ 004 河集乡 2021

def test_004_missing_section_three_heading(seed):
    v = assert_one(seed("004"), "SEC-001", "error", 31)  # (where its table starts, under 二)
    assert "收到和处理政府信息公开申请情况" in v.message()
    assert "的标题" in v.message()


def test_004_overview_misses_platform(seed):
    v = assert_one(seed("004"), "SEC-010", "warning", 5)
    assert v.message().endswith("平台建设")


def test_004_township_without_assessment_evaluation_accountability(seed):
    assert_one(seed("004"), "SEC-011", "error", 5)


def test_004_no_publication_date(seed):
    assert_one(seed("004"), "DATE-005", "info", 3)


def test_004_what_checks_out(seed):
    # contact details (address, postcode, phone, e-mail) and the period are present
    assert_none(seed("004"), "CONTACT", "PERIOD", "META", "SEC-002", "SEC-003", "SEC-004", "SEC-012")


# ------------------------------------------------------------------ synthetic, clean and noisy

SYNTHETIC_FILES = sorted(p for p in SYNTHETIC.glob("*.txt") if "clean" in p.name or "noisy" in p.name)


@pytest.mark.parametrize("path", SYNTHETIC_FILES, ids=lambda p: p.name)
def test_synthetic_reports_raise_no_error_or_warning(path, rules):
    bad = [(v.rule, v.severity, v.span.line, v.message()) for v in findings(path, rules)
           if v.severity in ("error", "warning")]
    assert not bad, bad


# ------------------------------------------------------------------ general, not the seeds

def check(text, rules, *select):
    result = nianbao.check_text(text, rules=rules, select=list(select) or list(FAMILIES))
    assert not result.rule_errors, result.rule_errors
    return result.violations


def test_county_government_signed_by_its_office_keeps_the_march_deadline(rules):
    # art. 49 ¶2: the county's 主管部门 (its 办公室) publishes the county government's report
    text = ("某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n"
            "六、其他需要报告的事项\n无。\n某县人民政府办公室\n二〇二三年三月十五日\n")
    vs = check(text, rules, "DATE")
    assert not vs, [(v.rule, v.message()) for v in vs]
    late = text.replace("三月十五日", "四月六日")
    assert [(v.rule, v.severity, v.span.line) for v in check(late, rules, "DATE")] == [("DATE-002", "warning", 7)]


def test_department_deadline_is_january_and_the_deadline_day_is_on_time(rules):
    base = "某市某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n某市某局\n{}\n"
    assert not check(base.format("2023 年 1 月 31 日"), rules, "DATE")
    assert [v.rule for v in check(base.format("2023年2月1日"), rules, "DATE")] == ["DATE-001"]


def test_township_deadline_comes_from_the_rule_params(rules):
    """No national deadline for a township: the bundled 31 March is no place's rule, so a
    report dated after it is a note (info), not a warning (the regulation's catalogue:
    the local table, else info only)."""
    rule = rules.get("DATE-004")
    assert rule.params == {"deadline_month": 3, "deadline_day": 31}
    text = "某县某镇2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n某县某镇人民政府\n2023年4月1日\n"
    assert [(v.rule, v.severity) for v in check(text, rules, "DATE")] == [("DATE-004", "info")]


def test_subdistrict_gets_a_warning_not_the_government_error(rules):
    text = "某区某街道办事处2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n"
    vs = check(text, rules, "SEC-011", "SEC-015", "SEC-016")
    assert [(v.rule, v.severity) for v in vs] == [("SEC-016", "warning")]


def test_some_of_assessment_evaluation_accountability_is_a_warning(rules):
    text = "某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n将政务公开纳入年度绩效考核，开展社会评议。\n"
    vs = check(text, rules, "SEC-011", "SEC-015")
    assert [(v.rule, v.severity) for v in vs] == [("SEC-015", "warning")]


def test_departments_and_committees_need_not_report_assessment_results(rules):
    for body in ("某县人民政府办公室", "某经济开发区管委会", "某县教育局"):
        text = f"{body}2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n"
        assert not check(text, rules, "SEC-011", "SEC-015", "SEC-016"), body


@pytest.mark.parametrize("sentence", [
    "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
    "本报告数据统计时间为 2022 年 1 月 1 日至 12 月 31 日。",
    "本报告所列数据的统计期为二〇二二年一月一日至二〇二二年十二月三十一日。",
    "统计数据时间段：2022.01.01-2022.12.31。",
])
def test_a_whole_year_period_in_any_written_form_passes(rules, sentence):
    text = f"某县某局2022年政府信息公开工作年度报告\n{sentence}\n"
    assert not check(text, rules, "PERIOD")


def test_a_period_of_other_work_is_not_judged(rules):
    text = ("某县某局2022年政府信息公开工作年度报告\n本报告所列数据的统计期限为2022年1月1日至12月31日。"
            "2022年3月1日至3月31日开展政务公开宣传月活动。\n")
    assert not check(text, rules, "PERIOD")


def test_statistics_year_against_title_year(rules):
    text = "某县某局2022年政府信息公开工作年度报告\n本报告所列数据的统计期限为2021年1月1日至2021年12月31日。\n"
    assert [(v.rule, v.severity, v.span.line) for v in check(text, rules, "PERIOD")] == [("PERIOD-003", "warning", 2)]


def test_2019_notice_cited_with_half_width_brackets(rules):
    text = "某县某局2023年政府信息公开工作年度报告\n按照国办公开办函[2019]60号要求编制本报告。\n"
    assert [(v.rule, v.span.line) for v in check(text, rules, "META-005")] == [("META-005", 2)]
    text_2020 = text.replace("2023年", "2020年")
    assert not check(text_2020, rules, "META-005")


def test_the_old_title_over_the_new_number_is_said_as_such(rules):
    """The 2019 notice's title cited with 〔2021〕30号 is reported for the title, and says
    the number is the new one (rounds 660, 662, 669); with the old number, the old wording."""
    text = ("某县某乡2023年政府信息公开工作年度报告\n"
            "根据《关于政府信息公开工作年度报告有关事项的通知》(国办公开办函【2021】30号)要求编制本报告。\n")
    [v] = check(text, rules, "META-005")
    assert "文号却是〔2021〕30号" in v.message("zh") and "but with the number" in v.message("en")
    [v] = check(text.replace("【2021】30号", "〔2019〕60号"), rules, "META-005")
    assert v.message("zh").startswith("引用了已被国办公开办函〔2021〕30号替代的2019年通知")


def test_2019_report_missing_sections_is_a_warning(rules):
    text = "某县某局2019年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n"
    vs = check(text, rules, "SEC-001", "SEC-007")
    assert {v.rule for v in vs} == {"SEC-007"} and {v.severity for v in vs} == {"warning"}
    assert len(vs) == 5


TOWNSHIP = "桃源镇2022年政府信息公开工作年度报告\n一、总体情况\n"


@pytest.mark.parametrize("prose", [
    "2022年，桃源镇人民政府坚持以人民为中心。",
    "2022年，在县委县政府领导下，我镇坚持公开。",
    "2022年，按照上级部署乡镇坚持公开。",
    "2022年，城乡居民坚持参与。",
    "2022年，两镇合并后坚持公开。",
    "2022年，各乡镇严格落实《条例》，本镇配合李家乡开展培训。",
])
def test_a_township_speaking_as_itself_or_of_others_is_not_flagged(rules, prose):
    result = nianbao.check_text(TOWNSHIP + prose + "\n", rules=rules, select=["META-012"])
    assert result.violations == []


def test_a_township_report_copied_from_another_with_only_the_title_changed(rules):
    original = report("桃源镇", 2022, seed=1)
    copy = original.replace("桃源镇2022年", "李家乡2022年", 1).replace("桃源镇人民政府\n", "李家乡人民政府\n")
    assert nianbao.check_text(original, rules=rules, select=["META-012"]).violations == []
    [v] = nianbao.check_text(copy, rules=rules, select=["META-012"]).violations
    assert v.severity == "warning" and "“桃源镇”" in v.message() and "李家乡" in v.message()
