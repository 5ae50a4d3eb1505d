"""Reports in traditional characters (繁体字), as some sites serve them: read as the same
report in simplified characters, every finding at the document's own line and column,
the document shown as it was (checker/traditional.py)."""

from __future__ import annotations

from conftest import ROOT, SYNTHETIC

from nianbao.api import check_text
from nianbao.traditional import MIN_CHANGED, simplified


def _to_traditional() -> dict[int, str]:
    """Simplified → traditional, the first traditional character of each simplified one in
    rules/traditional.txt: enough to write a test report in traditional characters."""
    table: dict[int, str] = {}
    for line in (ROOT / "rules" / "traditional.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simplified_form = line.split()
            table.setdefault(ord(simplified_form), traditional)
    return table


def in_traditional(text: str) -> str:
    return text.translate(_to_traditional())


def where(result) -> list[tuple[str, tuple]]:
    return [(v.rule, tuple(v.span)) for v in result.violations]


def test_a_report_in_traditional_characters_reads_as_the_same_report(rules):
    for name in ("2021_tsv_clean.txt", "2019_cells_noisy.txt", "2021_tsv_noisy.txt", "pre2019_clean.txt"):
        text = (SYNTHETIC / name).read_text(encoding="utf-8")
        traditional = in_traditional(text)
        assert "報告" in traditional and "公開" in traditional
        expected, result = check_text(text, rules=rules), check_text(traditional, rules=rules)
        assert result.ok, result.error
        assert where(result) == where(expected), name
        assert [(t.template, [(r.template_row, [c.value for c in r.cells]) for r in t.rows])
                for t in result.report.tables] == [
            (t.template, [(r.template_row, [c.value for c in r.cells]) for r in t.rows]) for t in expected.report.tables]
        assert result.report.issuer.name == expected.report.issuer.name
        assert result.report.original_text == traditional  # what the user is shown
        assert [n.key for n in result.report.notes][-1] == "note.traditional"


def test_findings_on_a_report_in_traditional_characters_point_at_its_own_characters(rules):
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    broken = in_traditional(text.replace("至2022年12月31日止", "至2022年12月30日止"))
    result = check_text(broken, rules=rules)
    found = [v for v in result.violations if v.rule == "PERIOD-002"]
    assert len(found) == 1
    span = found[0].span
    assert broken[span.start:span.end] == result.report.text[span.start:span.end].translate(_to_traditional())


def test_a_finding_quotes_the_document_in_its_own_characters(rules):
    """32條,其中鄉鎮文件8條… (a real 2019 page of 黎明泉乡, round 573): the message quotes
    what the reviewer can find in the document, not its simplified reading."""
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    text = text.replace("一、总体情况\n", "一、总体情况\n本年主动公开信息32条,其中乡镇文件8条,乡镇公告5条,乡镇动态10条,其他信息8条。\n", 1)
    result = check_text(in_traditional(text), rules=rules)
    [found] = [v for v in result.violations if v.rule == "ZERO-004"]
    quoted = in_traditional("32条,其中乡镇文件8条,乡镇公告5条,乡镇动态10条,其他信息8条")
    assert quoted.startswith("32條,其中鄉") and f"“{quoted}”" in found.message("zh")
    assert f"“{quoted}”" in found.message("en")
    [same] = [v for v in check_text(text, rules=rules).violations if v.rule == "ZERO-004"]
    assert "“32条,其中乡镇文件8条" in same.message("zh")


def test_a_few_traditional_characters_in_a_simplified_report_are_left_as_they_are(rules):
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    quoted = text.replace("一、总体情况\n", "一、总体情况\n参照《臺灣地區政府資訊公開法》的做法。\n", 1)
    assert simplified(quoted) is None
    assert simplified("公開報告" * (MIN_CHANGED // 2)) is not None
    result = check_text(quoted, rules=rules)
    assert result.report.original_text is None and "臺灣" in result.report.text


def test_a_site_s_taiwanese_word_for_a_file_in_the_format_s_label():
    """行政規範性檔案 (a mirror's conversion to Taiwan's usage, 文件 as 檔案: a real 2021 page)
    reads as the label 行政规范性文件, one character for one; 档案 elsewhere stays."""
    text = ("深圳市南山區蛇口街道2021年政府信息公開工作年度報告\n一、總體情況\n本街道檔案室整理行政規範性檔案12件。\n"
            + "本街道認真貫徹落實《條例》,積極推進政務公開,主動公開政府信息,及時回應社會關切。\n" * 3)
    folded, _ = simplified(text)
    assert "行政规范性文件12件" in folded and "档案室" in folded and len(folded) == len(text)


def test_a_gateway_s_taiwanese_word_for_information_in_headings_and_labels(rules):
    """資訊 for 信息 (a big5 gateway's page of 海南海事局's 2020 report: 主動公開政府資訊情況,
    資訊內容 in the table's header): read as the format's words, not a heading worded
    otherwise and a table without its header."""
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    gateway = in_traditional(text).replace("信息", "資訊")
    assert "主動公開政府資訊情況" in gateway and "資訊內容" in gateway
    assert where(check_text(gateway, rules=rules)) == where(check_text(text, rules=rules))
