"""Across reports: the same body's reports found under varying names, carry-over
between years, and copied reports — on generated pairs of reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, run_cli
from reportgen import copied, report

from nianbao import corpus, similarity
from nianbao.api import check_many, check_text
from nianbao.ingest import Source, read_source
from nianbao.parse import parse


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def findings(results, rule_prefix: str) -> dict[str, list]:
    return {Path(r.path).name: [v for v in r.violations if v.rule.startswith(rule_prefix)] for r in results}


@pytest.mark.parametrize("names", [
    ("河集乡", "睢县河集乡人民政府", "河集乡政府"),
    ("景罕镇人民政府", "景罕镇"),
    ("某县统计局", "统计局"),
    ("某街道办事处", "某街道"),
])
def test_one_body_under_varying_names(names):
    digests = [corpus.Digest(f"{i}.txt", name, "township", 2020 + i, [], None, opening=f"现公布{names[0]}的年度报告")
               for i, name in enumerate(names)]
    links = corpus.link(digests)
    [group] = links.groups.values()
    assert group.names == set(names)
    assert links.previous[f"{len(names) - 1}.txt"].year == 2020 + len(names) - 2


def test_a_government_and_its_office_townships_of_one_name_in_two_counties_are_apart():
    """江宁区人民政府 and 江宁区人民政府办公室 each publish a report; 城关镇 of 武山县 and of
    广河县 are two townships (false META-009 and META-010 between them)."""
    digests = [corpus.Digest("a.txt", "南京市江宁区人民政府", "government", 2023, [], None),
               corpus.Digest("b.txt", "南京市江宁区人民政府办公室", "department", 2023, [], None),
               corpus.Digest("c.txt", "武山县城关镇人民政府", "township", 2025, [], None),
               corpus.Digest("d.txt", "广河县城关镇", "township", 2023, [], None)]
    links = corpus.link(digests)
    assert len(links.groups) == 4 and not links.previous and not links.same_year


def test_a_name_without_its_place_joins_the_one_body_only_where_it_names_its_place():
    """县教育局 (a title that left out the county) is 清水县教育局 only when its report says
    so: in a folder of many counties it may be 民和县's, which no other report is."""
    def linked(opening: str) -> int:
        digests = [corpus.Digest("a.txt", "清水县教育局", "department", 2022, [], None, opening="清水县教育局2022年…"),
                   corpus.Digest("b.txt", "县教育局", "department", 2023, [], None, opening=opening)]
        return len(corpus.link(digests).groups)
    assert linked("县教育局2023年政府信息公开工作年度报告\n根据条例，现公布清水县教育局2023年…") == 1
    assert linked("县教育局2023年政府信息公开工作年度报告\n2023年，民和县教育局认真贯彻…") == 2


def test_one_name_without_a_place_twice_in_one_year_is_two_bodies():
    """县交通运输局 read from two counties' 2023 reports (元谋's and 郯城's, each leaving its
    county out) are two bodies, not one body's two reports (META-009). One such name over
    several years may be one body's reports, and stays linked; a township's name alone is
    the name it goes by."""
    digests = [corpus.Digest("a.txt", "县交通运输局", "department", 2023, [], None),
               corpus.Digest("b.txt", "县交通运输局", "department", 2023, [], None),
               corpus.Digest("c.txt", "城关镇", "township", 2022, [], None),
               corpus.Digest("d.txt", "城关镇人民政府", "township", 2022, [], None),
               corpus.Digest("e.txt", "某县统计局", "department", 2022, [], None),
               corpus.Digest("f.txt", "某县统计局", "department", 2022, [], None)]
    links = corpus.link(digests)
    assert set(links.same_year) == {"c.txt", "d.txt", "e.txt", "f.txt"} and len(links.groups) == 4
    # (太平镇人民政府 2025 beside 施甸县太平镇人民政府 2025: 姚安县's 太平镇, real 2025 pages, not a second report)
    towns = corpus.link([corpus.Digest("a.txt", "施甸县太平镇人民政府", "township", 2025, [], None),
                         corpus.Digest("b.txt", "太平镇人民政府", "township", 2025, [], None),
                         corpus.Digest("c.txt", "施甸县太平镇人民政府", "township", 2024, [], None)])
    assert set(towns.same_year) == set() and towns.previous["a.txt"].path == "c.txt" and "b.txt" not in towns.previous
    # (高新区, the title of 鞍山's and the words of 天津滨海's 2019 reports: a kind of zone, no place)
    zones = corpus.link([corpus.Digest("a.txt", "高新区", "committee", 2019, [], None),
                         corpus.Digest("b.txt", "高新区", "committee", 2019, [], None)])
    assert zones.same_year == {} and len(zones.groups) == 2
    # (住建局 of 安阳县's 2025 title and 县住建局 of 维西县's 2025 opening, real pages: a department's
    # name alone names no place either)
    alone = corpus.link([corpus.Digest("a.txt", "住建局", "department", 2025, [], None, opening="2025年安阳县住建局…"),
                         corpus.Digest("b.txt", "县住建局", "department", 2025, [], None, opening="2025年,县住建局…")])
    assert alone.same_year == {} and len(alone.groups) == 2
    years = corpus.link([corpus.Digest("a.txt", "县交通运输局", "department", 2022, [], None),
                         corpus.Digest("b.txt", "县交通运输局", "department", 2023, [], None)])
    assert years.previous["b.txt"].path == "a.txt"


def test_different_bodies_stay_apart():
    digests = [corpus.Digest("a.txt", "河集乡", "township", 2021, [], None),
               corpus.Digest("b.txt", "河西乡", "township", 2022, [], None),
               corpus.Digest("c.txt", "甲县统计局", "department", 2022, [], None),
               corpus.Digest("d.txt", "乙县统计局", "department", 2023, [], None),
               corpus.Digest("e.txt", "统计局", "department", 2024, [], None)]  # matches two: stays alone
    links = corpus.link(digests)
    assert len(links.groups) == 5 and not links.previous


def test_carry_over_consistent_and_broken(tmp_path):
    last = write(tmp_path, "2021.txt", report("桃源镇人民政府", 2021, seed=1, new=4, carried_out=2))
    good = write(tmp_path, "2022.txt", report("桃源镇", 2022, seed=2, new=3, carried_in=2))
    assert findings(check_many([last, good]), "SUM-020") == {"2021.txt": [], "2022.txt": []}

    bad = write(tmp_path, "2022.txt", report("桃源镇", 2022, seed=2, new=3, carried_in=1))
    found = findings(check_many([last, bad]), "SUM-020")["2022.txt"]
    assert [v.message() for v in found] == [
        "申请情况表“自然人”列：本年上年结转1件，而2021年度报告的结转下年度继续办理为2件",
        "申请情况表“总计”列：本年上年结转1件，而2021年度报告的结转下年度继续办理为2件"]
    assert found[0].span.line == 35  # the row 二、上年结转


def test_documents_in_force_follow_from_last_year(tmp_path):
    last = write(tmp_path, "a.txt", report("桃源镇", 2021, seed=1, in_force=(0, 5)))
    good = write(tmp_path, "b.txt", report("桃源镇", 2022, seed=2, in_force=(0, 6), issued=(0, 2), repealed=(0, 1)))
    bad = write(tmp_path, "c.txt", report("桃源县桃源镇", 2023, seed=3, in_force=(0, 9), issued=(0, 1)))
    result = findings(check_many([last, good, bad]), "SUM-021")
    assert result["a.txt"] == [] and result["b.txt"] == []
    assert [v.message() for v in result["c.txt"]] == [
        "主动公开情况表“行政规范性文件”：上年现行有效6件，加本年制发1件、减本年废止0件应为7件，而本年现行有效为9件"]


def test_a_report_copied_from_last_year_is_flagged_an_honest_one_is_not(tmp_path):
    last_text = report("桃源镇", 2021, seed=1, new=4)
    last = write(tmp_path, "2021.txt", last_text)
    honest = write(tmp_path, "2022-honest.txt", report("桃源镇", 2022, seed=7, new=6))
    other_body = write(tmp_path, "other.txt", report("李家乡", 2022, seed=11, new=2))
    results = findings(check_many([last, honest, other_body]), "META-008")
    assert results == {"2021.txt": [], "2022-honest.txt": [], "other.txt": []}

    copy = write(tmp_path, "2022-copied.txt", copied(last_text, 2021, 2022))
    results = findings(check_many([last, copy, other_body]), "META-008")
    assert results["2021.txt"] == []  # the original is not the copy
    [v] = results["2022-copied.txt"]
    assert v.severity == "warning" and "2021年度报告" in v.message() and "2021.txt" in v.message()
    text = Path(copy).read_text(encoding="utf-8")
    passages = [text[s.start:s.end] for s in [v.span] + v.related]
    assert len(passages) >= 5 and all("\n" not in p and len(p) >= 10 for p in passages)
    no_digits = lambda t: "".join(ch for ch in t if not ch.isdigit())  # noqa: E731
    assert all(no_digits(p) in no_digits(last_text) for p in passages)


def test_each_shared_passage_is_paired_with_the_same_stretch_of_the_other():
    """Where a copied passage stands in its original, exactly, even where the copy
    joined two of the original's paragraphs into one."""
    original_text = report("桃源镇", 2021, seed=1, new=4).replace("\n严格落实保密审查制度", "\n“严格落实”保密审查制度")
    lines = copied(original_text, 2021, 2022).split("\n")
    joined_at = next(i for i, line in enumerate(lines) if len(line) > 30 and len(lines[i + 1]) > 30
                     and "\t" not in line + lines[i + 1] and line.endswith("。") and "、" not in line[:3]
                     and "、" not in lines[i + 1][:3])
    lines[joined_at:joined_at + 2] = [lines[joined_at] + lines[joined_at + 1]]
    copy_text = "\n".join(lines)
    copy, original = (parse(Source(name, text, "utf-8")) for name, text in
                      (("copy.txt", copy_text), ("original.txt", original_text)))
    pairs = corpus.passage_pairs(copy, original)
    assert [mine for mine, _ in pairs] == corpus.shared_passages(copy, original) and len(pairs) >= 5
    no_digits = lambda t: "".join(ch for ch in t if not ch.isdigit())  # noqa: E731
    for (a, b), partner in pairs:  # the copy changed only the figures, and one line end
        assert partner is not None
        assert no_digits(copy_text[a:b]) == no_digits(original_text[partner[0]:partner[1]]).replace("\n", "")
        assert (copy_text[a - 1] == "\n") == (original_text[partner[0] - 1] == "\n")  # a paragraph's start
    crossing = [p for _, p in pairs if "\n" in original_text[p[0]:p[1]]]
    assert crossing  # the joined paragraph's passage runs over two of the original's


RUN_IN = """{body}2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。{active}
（二）依申请公开情况。{applied}
（三）政府信息管理情况。
{manage}
（四）平台建设：{platform}
"""
OWN = dict(active="全年通过县政府门户网站主动公开政府信息86条，重点公开惠农补贴发放、低保对象和乡村振兴项目资金使用情况，"
                  "并在各村公开栏同步张贴。",
           applied="全年收到政府信息公开申请2件，均在法定期限内答复，未发生因政府信息公开引起的行政复议和行政诉讼。",
           manage="落实先审后发制度，由党政办初审、分管领导复审、主要领导终审后发布，全年未发生泄密事件。",
           platform="在乡便民服务中心设置政务公开专区，配备查阅电脑，安排专人解答群众咨询。")


def test_the_prose_a_sub_heading_runs_on_into_is_the_body_s_own():
    """A report writing each item of 总体情况 as one line, its title up to the first stop
    and then its prose, has that prose compared: the title is the template's, not the rest
    of the line. A sub-heading alone on its line adds nothing."""
    text = RUN_IN.format(body="甲乡人民政府", **OWN)
    parsed = parse(Source("a.txt", text, "utf-8"))
    own = [p for s in parsed.sections for p in corpus.own_paragraphs(s, parsed)]
    assert [p.text for p in own] == [OWN["active"], OWN["applied"], OWN["manage"], OWN["platform"]]
    assert all(text[p.span.start:p.span.end] == p.text and p.kind == "text" for p in own)
    assert [(p.span.line, p.span.column) for p in own] == [(3, 11), (4, 12), (6, 1), (7, 9)]
    assert corpus.prose(parsed) == "\n".join(p.text for p in own)


def test_a_copy_of_prose_written_after_its_sub_headings_is_flagged(tmp_path):
    """Reports written that way were nothing to compare before (one real report in six):
    a copy between bodies is flagged, two honest reports with the same titles are not."""
    original = write(tmp_path, "a.txt", RUN_IN.format(body="甲乡人民政府", **OWN))
    copy = write(tmp_path, "b.txt", RUN_IN.format(body="乙镇人民政府", **OWN).replace("86", "91"))
    honest = write(tmp_path, "c.txt", RUN_IN.format(
        body="丙镇人民政府", active="本年度在镇政府信息公开专栏发布财政预决算、征地补偿和防汛预案等信息共计57条，做到应公开尽公开。",
        applied="本年度未收到公民、法人或其他组织提出的政府信息公开申请。",
        manage="建立公开台账，对已公开信息逐月核对，及时撤下过期失效内容，保证公开信息准确。",
        platform="依托镇微信公众号和村务公开栏发布信息，偏远村组通过村民小组会议传达。"))
    results = findings(check_many([original, copy, honest]), "META-008")
    assert [len(results[name]) for name in ("a.txt", "b.txt", "c.txt")] == [1, 1, 0]
    [v] = results["b.txt"]
    text = Path(copy).read_text(encoding="utf-8")
    assert text[v.span.start:v.span.end].startswith("全年通过县政府门户网站主动公开政府信息")


def test_copying_between_bodies_flags_both(tmp_path):
    text = report("桃源镇", 2022, seed=1)
    a = write(tmp_path, "a.txt", text)
    b = write(tmp_path, "b.txt", text.replace("桃源镇", "李家乡"))
    results = findings(check_many([a, b]), "META-008")
    assert len(results["a.txt"]) == len(results["b.txt"]) == 1


def test_a_copy_whose_body_and_year_are_not_read_is_named_by_its_file(tmp_path):
    """A copy without its title or opening (a page's text from 一、总体情况 on, round 388): the
    other report's message names it as another report, not as 未知未知年度报告."""
    text = report("桃源镇", 2022, seed=1)
    a = write(tmp_path, "a.txt", text)
    b = write(tmp_path, "b.txt", text.split("\n", 2)[2].replace("2022年，桃源镇", "全年，我镇").replace("桃源镇", "我镇"))
    results = findings(check_many([a, b]), "META-008")
    assert [v.message() for v in results["a.txt"]] == [f"正文与另一份报告（{b}）高度雷同（相似度100%）"]
    assert [v.message("en") for v in results["b.txt"]] == [
        f"The prose is a near copy of the 2022 report of 桃源镇 ({a}; similarity 100%)"]


def test_the_same_body_twice_for_one_year_and_a_missing_year(tmp_path):
    a = write(tmp_path, "a.txt", report("桃源镇", 2022, seed=1))
    b = write(tmp_path, "b.txt", report("桃源镇人民政府", 2022, seed=2))
    c = write(tmp_path, "c.txt", report("桃源镇", 2019, seed=3))
    results = check_many([a, b, c])
    assert [v.rule for v in findings(results, "META-009")["a.txt"]] == ["META-009"]
    assert [v.message() for v in findings(results, "META-010")["a.txt"]] == [
        "本机关在本次检查中的上一份报告是2019年度的，缺少2022年度之前一年的报告，无法核对结转"]



def test_each_report_s_previous_and_twins_are_those_the_definition_names():
    """link: a report's previous is the same body's report of the greatest earlier year
    (of several, the last by path); its twins are the body's other reports of its year,
    by path, but for the files of the same report. Over random folders of a few bodies,
    years and copies, against those words written as plainly as they read."""
    import random

    rng = random.Random(7)
    for _ in range(300):
        digests = [corpus.Digest(f"{rng.randrange(100):02}.txt", rng.choice(["桃源镇", "桃源镇人民政府", "河集乡", "某县统计局"]),
                                 None, rng.choice([2019, 2020, 2022]), [], None, text_key=rng.choice("abcdefgh"))
                   for _ in range(rng.randrange(1, 12))]
        digests = list({d.path: d for d in digests}.values())
        links = corpus.link(digests)
        same = corpus.same_reports([(d.path, d.text_key) for d in digests])
        for d in digests:
            body = [o for o in digests if o.body == d.body]
            earlier = sorted((o for o in body if o.year < d.year), key=lambda o: (o.year, o.path))
            assert links.previous.get(d.path) is (earlier[-1] if earlier else None)
            twins = sorted((o for o in body if o.year == d.year and o.path != d.path and o.path not in same.get(d.path, ())),
                           key=lambda o: o.path)
            assert links.same_year.get(d.path, []) == twins

def test_a_report_alone_runs_no_rule_about_other_reports():
    result = check_text(report("桃源镇", 2022, seed=1))
    assert not any(v.rule in ("SUM-020", "SUM-021", "META-008", "META-009", "META-010") for v in result.violations)


def test_cross_report_rules_run_through_the_cli(tmp_path):
    last = report("桃源镇", 2021, seed=1, new=4, carried_out=2)
    write(tmp_path, "2021.txt", last)
    write(tmp_path, "2022.txt", copied(last, 2021, 2022))
    result = run_cli("check", "--format", "json", "--select", "META-008", "--select", "SUM-020", str(tmp_path))
    import json

    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert [v["rule"] for v in files["2022.txt"]["violations"]] == ["SUM-020", "SUM-020", "META-008"] or \
        sorted(v["rule"] for v in files["2022.txt"]["violations"]) == ["META-008", "SUM-020", "SUM-020"]


def test_candidate_pairs_grow_about_linearly():
    def signatures(n: int) -> dict[str, tuple[int, ...]]:
        out = {}
        for i in range(n):
            text = similarity.masked(corpus.prose(parse(Source("x", report(f"第{i}号镇", 2022, seed=i), "utf-8"))))
            out[str(i)] = similarity.signature(text + f"独有内容{i}" * 3)
        return out

    small, large = signatures(100), signatures(400)
    pairs_small = len(similarity.candidates(small))
    pairs_large = len(similarity.candidates(large))
    # honest reports written from the same phrase banks: far fewer candidates than all pairs
    assert pairs_large < 400 * 399 / 2 / 4
    assert pairs_large <= 30 * max(pairs_small, 100)


# ------------------------------------------------------------ one report, or two

def test_two_different_reports_of_one_body_and_year_are_two_reports(tmp_path):
    """A copy with two figures changed, or with one sentence added, is another report:
    each is checked, each is said to be one of three reports for the year (META-009),
    and the copies are linked as near copies (META-008 leaves a body's own reports of
    one year to META-009)."""
    text = report("桃源镇", 2022, seed=1, new=4)
    original = write(tmp_path, "a.txt", text)
    figures = write(tmp_path, "b.txt", text.replace("新收政府信息公开申请数量\t4", "新收政府信息公开申请数量\t5", 1)
                    .replace("4件", "5件", 1))
    sentence = write(tmp_path, "c.txt", text.replace("一、总体情况\n", "一、总体情况\n本年度工作平稳有序。\n", 1))
    assert len({Path(p).read_text(encoding="utf-8") for p in (original, figures, sentence)}) == 3
    results = check_many([original, figures, sentence])
    for result in results:
        others = {Path(p).name for p in (original, figures, sentence)} - {Path(result.path).name}
        [twins] = [v for v in result.violations if v.rule == "META-009"]
        assert all(name in twins.message() for name in others)
        assert not [v for v in result.violations if v.rule == "META-013"]
    links = corpus.link([corpus.digest(r.path, r.report) for r in results])
    assert links.same_report == {} and set(links.similar) == {original, figures, sentence}
    assert all(s.score >= 0.9 for s in links.similar.values())


def test_the_same_report_in_several_formats_is_one_report_and_says_so(tmp_path):
    from conftest import SAMPLES

    txt = SAMPLES / "real" / "001_9015c37c5a0ad370.txt"
    same = [txt, SAMPLES / "docx" / f"{txt.stem}.docx", SAMPLES / "html" / f"{txt.stem}.html",
            SAMPLES / "pdf" / f"{txt.stem}.pdf"]
    gbk = tmp_path / "gbk.txt"     # the same text in another encoding, with CRLF line ends
    gbk.write_bytes(txt.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    paths = [str(p) for p in same] + [str(gbk)]
    results = check_many(paths)
    for result in results:
        rules = [v.rule for v in result.violations]
        assert "META-009" not in rules and "META-008" not in rules
        [note] = [v for v in result.violations if v.rule == "META-013"]
        assert note.severity == "info" and "读出的文字相同" in note.message()
        assert all(p in note.message() for p in paths if p != result.path)


def test_what_counts_as_the_same_text():
    base = "某县2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n全年主动公开政府信息68条。\n"
    key = corpus.text_key(base)
    assert corpus.text_key(base.replace("\n", "\n\n").replace("一、", "一、 ")) == key    # white space
    assert corpus.text_key(base.replace("（一）", "(一)")) == key                        # full / half width
    assert corpus.text_key(base.replace("（一）", "（一）(一)")) == key                  # Word numbering in front
    assert corpus.text_key(base.replace("68", "69")) != key                              # a figure
    assert corpus.text_key(base + "本年度工作平稳有序。\n") != key                        # a sentence


def test_the_quick_nfkc_is_nfkc():
    """labels.nfkc replaces compatibility characters before normalising a long text: the
    same text must come out, on real reports and on short strings of the characters where
    a replacement could interact with its neighbours (combining marks, half-width kana
    and their sound marks, Hangul jamo), each set in a text long enough to take that way."""
    import random
    import unicodedata

    from nianbao import labels

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((root / "samples").rglob("*.txt"))]
    assert texts and any(len(t) >= labels._LONG_TEXT for t in texts)
    for text in texts:
        assert labels.nfkc(text) == unicodedata.normalize("NFKC", text)
    pool = ([chr(c) for first, last in labels._COMPATIBILITY_BLOCKS for c in range(first, last + 1)]
            + list("aeAE中文。\u0301\u0308\u0323\u3099\u309a\uff76\uff9e\uff9f\u1100\u1161\u11a8\u00e9"))
    rng = random.Random(7)
    padding = "文" * labels._LONG_TEXT
    for _ in range(20_000):
        text = padding + "".join(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        assert labels.nfkc(text) == unicodedata.normalize("NFKC", text), repr(text[len(padding):])


def test_every_output_names_the_files_taken_as_one(tmp_path):
    text = report("桃源镇", 2022, seed=1)
    write(tmp_path, "a.txt", text)
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    folder = str(tmp_path)
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    lines = run_cli("check", "--no-config", "--select", "META-013", folder).stdout.decode().splitlines()
    assert f"{a}:1:1: META-013 info 与{b}读出的文字相同，是同一份报告的不同格式：报告之间的核对只算一份" in lines
    import csv
    import io
    import json

    doc = json.loads(run_cli("check", "--no-config", "--format", "json", "--select", "META-013", folder).stdout.decode())
    assert [[v["rule"] for v in f["violations"]] for f in doc["files"]] == [["META-013"], ["META-013"]]
    sarif = json.loads(run_cli("check", "--no-config", "--format", "sarif", "--select", "META-013", folder).stdout.decode())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["META-013", "META-013"]
    rows = list(csv.reader(io.StringIO(run_cli("check", "--no-config", "--format", "csv", "--select", "META-013",
                                               folder).stdout.decode().lstrip("\ufeff"))))
    assert sum("META-013" in row for row in rows) == 2


def test_the_summary_counts_one_report_in_several_formats_once(tmp_path):
    import json

    text = report("桃源镇", 2022, seed=1)
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, text)
    write(tmp_path, "d.txt", report("李家乡", 2022, seed=2))
    doc = json.loads(run_cli("check", "--no-config", "--format", "json", "--summary", str(tmp_path)).stdout.decode())
    bodies = {b["body"]: b for b in doc["summary"]["bodies"]}
    one = {f["path"]: f for f in doc["files"]}[str(tmp_path / "a.txt")]
    alone = sum(1 for v in one["violations"] if v["severity"] == "error")
    assert bodies["桃源镇"]["reports"] == 1 and len(bodies["桃源镇"]["paths"]) == 3
    assert bodies["桃源镇"]["counts"]["error"] == alone
    reports = {Path(r["path"]).name: r for r in doc["summary"]["reports"]}
    assert [Path(p).name for p in reports["a.txt"]["same_report"]] == ["b.txt", "c.txt"]
    assert reports["d.txt"]["same_report"] == []


def test_the_text_summary_ends_with_the_reports_worst_first(tmp_path):
    write(tmp_path, "a_clean.txt", report("桃源镇", 2022, seed=1))
    write(tmp_path, "b_bad.txt", report("李家乡", 2022, seed=2).replace("一、总体情况", "一、概述"))
    (tmp_path / "c_empty.txt").write_bytes(b"")
    out = run_cli("check", "--no-config", "--lang", "en", "--summary", str(tmp_path)).stdout.decode()
    tail = [line for line in out[out.index("\nReports (worst first)\n"):].splitlines() if line]
    assert [line.split()[0] for line in tail[2:-1]] == [str(tmp_path / n) for n in ("c_empty.txt", "b_bad.txt",
                                                                                    "a_clean.txt")]
    assert tail[-1].startswith("2 report(s) checked, 1 input(s) could not be read")


def test_the_pass_across_reports_is_the_same_whatever_the_hash_seed(tmp_path):
    """Sets walked in order, ties between equally similar reports broken on the path:
    the same batch gives byte-identical output under two PYTHONHASHSEED values."""
    original = report("桃源镇", 2020, seed=1, new=4)
    for i in range(6):   # six copies of one report, each its figures changed otherwise: tied scores
        write(tmp_path, f"copy_{i}.txt", copied(original, 2020, 2021, bump=i + 1).replace("桃源镇", f"第{i}号镇"))
    write(tmp_path, "original.txt", original)
    for i in range(6):
        write(tmp_path, f"z_{i}.txt", report(f"李家{i}乡", 2020 + i % 3, seed=20 + i, new=i))
    outputs = set()
    for seed in ("1", "2", "3"):
        for fmt in ("text", "json"):
            result = run_cli("check", "--no-config", "--jobs", "1", "--format", fmt, str(tmp_path),
                             env={"PYTHONHASHSEED": seed})
            assert result.returncode == 1, result.stderr
            outputs.add((fmt, result.stdout.decode()))
    assert len(outputs) == 2
    assert "META-008" in next(out for fmt, out in outputs if fmt == "text")


def test_a_summary_gives_back_the_tables_it_packed_numbers_written_as_they_were():
    """The second pass runs on the tables a Summary gives back: equal to the parsed ones,
    each number written as the report wrote it (1.0 stays 1.0 though 1 is shared)."""
    rules_reading_tables = frozenset({"tables"})
    text = report("桃源镇", 2022, seed=2, new=3, carried_in=2).replace("\t2\t", "\t2.0\t", 1)
    real = sorted((SAMPLES / "real").glob("*.txt"))
    assert real
    texts = [text] + [p.read_text(encoding="utf-8") for p in real]
    written_by_text = []
    for text in texts:
        parsed = parse(Source(path="r.txt", text=text, encoding="utf-8"))
        again = corpus.summary(parsed, rules_reading_tables).report()
        assert again.tables == parsed.tables
        written = [str(c.value) for t in parsed.tables for r in t.rows for c in r.cells]
        assert [str(c.value) for t in again.tables for r in t.rows for c in r.cells] == written
        written_by_text.append(written)
    assert "2.0" in written_by_text[0] and "2" in written_by_text[0]


def test_a_digest_keeps_the_tables_the_rules_read_and_gives_them_back_as_they_were():
    """A digest made for the rules about other reports keeps only the tables they name
    (or every table, for a rule reading `tables`); the previous report made from it
    holds those tables' values as the full digest's does."""
    parsed = parse(Source(path="r.txt", text=report("桃源镇", 2022, seed=2, new=3, carried_in=2), encoding="utf-8"))
    full = corpus.digest("r.txt", parsed)
    assert {t.template for t in full.tables} >= {"applications", "active"}
    kept = corpus.digest("r.txt", parsed, frozenset({"previous", "applications", "columns"}))
    assert [t.template for t in kept.tables] == ["applications"]
    assert [t.template for t in corpus.digest("r.txt", parsed, frozenset({"tables"})).tables] == \
        [t.template for t in full.tables]

    def cells(d):
        return {(t.template, r.template_row, c.column): (c.value, c.problem)
                for t in corpus.previous_report(d).tables for r in t.rows for c in r.cells}

    from_kept, from_full = cells(kept), cells(full)
    assert from_kept and from_kept == {k: v for k, v in from_full.items() if k[0] == "applications"}


def test_the_rows_a_rule_may_read_of_each_table():
    """What a Summary and a Digest keep of a table: the rows the rules about other
    reports write out (T[row, …], previous.T[row, …]); none for a table only given to
    columns(); every row for a table read any other way."""
    from nianbao.expr import compile_expr, rows_read
    from nianbao.rules import load_rules

    rules = load_rules()
    ids = {t.id for t in rules.templates.tables}

    def rows(source: str):
        return rows_read(compile_expr(source, rules.templates, {"c", "r", "t"}).tree, ids)

    assert rows("applications[carried_in, $c] == previous.applications[carried_out|new, $c]") == \
        {"applications": frozenset({"carried_in", "carried_out", "new"})}
    assert rows("count(columns(applications)) > 0") == {"applications": frozenset()}
    assert rows("count(rows(active)) + applications[new, total]") == \
        {"active": None, "applications": frozenset({"new"})}
    for whole in ("applications[$r, total]", "applications[withheld.*, total]", "count(cells(applications))",
                  "exists(previous.applications)", "count(columns(applications)) + count(rows(applications))"):
        assert rows(whole) == {"applications": None}, whole
    assert rows("year - 1 == previous.year") == {}
    assert corpus.rows_read([r for r in rules.rules if r.corpus]) == \
        {"applications": frozenset({"carried_in", "carried_out"}), "active": None}


def test_the_second_pass_finds_the_same_with_only_the_rows_the_rules_read(tmp_path):
    """The rules about other reports read two rows of the applications table: a Summary
    and a Digest keep those whole, of the other rows only the blank cells (one cause, one
    finding), and every finding is the same as with every row kept."""
    from nianbao.batch import Checker, RuleChoice, check_all, expand
    from nianbao.rules import load_rules

    blank = "（一）予以公开\t4\t"
    write(tmp_path, "2021.txt", report("桃源镇人民政府", 2021, seed=1, new=4, carried_out=2))
    write(tmp_path, "2022.txt", report("桃源镇", 2022, seed=2, new=3, carried_in=1).replace(blank, "（一）予以公开\t\t"))
    write(tmp_path, "2023.txt", copied(report("桃源镇", 2022, seed=2, new=3, carried_in=1), 2022, 2023))
    rules = load_rules()

    def found(rows_kept: bool):
        checker = Checker(rules, RuleChoice())
        if not rows_kept:
            checker.corpus_rows = None
        results = check_all(expand([str(tmp_path)]), checker, jobs=1)
        return [(r.path, f.violation.rule, f.violation.span, f.violation.message()) for r in results
                for f in r.findings]

    every_row = found(rows_kept=False)
    assert {"SUM-020", "META-008", "SUM-002"} <= {rule for _, rule, _, _ in every_row}
    assert found(rows_kept=True) == every_row

    parsed = parse(Source(path="r.txt", text=(tmp_path / "2022.txt").read_text(encoding="utf-8"), encoding="utf-8"))
    checker = Checker(rules, RuleChoice())
    kept = corpus.summary(parsed, checker.corpus_reads, checker.corpus_rows).report().table("applications")
    whole = parsed.table("applications")
    assert [r for r in kept.rows if r.template_row == "carried_in"] == \
        [r for r in whole.rows if r.template_row == "carried_in"]
    assert [[c.problem for c in r.cells] for r in kept.rows if r.template_row not in ("carried_in", "carried_out")] \
        == [["blank"]]
    values = corpus.digest("r.txt", parsed, checker.corpus_reads, checker.corpus_rows)
    assert {row for t in values.tables if t.template == "applications" for row in t.values} == \
        {"carried_in", "carried_out"}


def test_the_second_pass_finds_the_same_on_workers_as_in_one_process(tmp_path, monkeypatch):
    """With several jobs, the workers send each Summary back pickled on its own and the
    second pass's workers open it: every result is the one a check in one process gives."""
    import dataclasses

    from nianbao import batch

    write(tmp_path, "2021.txt", report("桃源镇人民政府", 2021, seed=1, new=4, carried_out=2))
    write(tmp_path, "2022.txt", report("桃源镇", 2022, seed=2, new=3, carried_in=1))
    write(tmp_path, "2023.txt", copied(report("桃源镇", 2022, seed=2, new=3, carried_in=1), 2022, 2023))
    write(tmp_path, "other.txt", report("某县统计局", 2022, seed=3, new=5))
    monkeypatch.setattr(batch, "available_cores", lambda: 2)
    checker = batch.Checker.load(batch.RuleChoice())

    def results(jobs: int) -> list[dict]:
        return [{f.name: getattr(r, f.name) for f in dataclasses.fields(r)}
                for r in batch.check_all(batch.expand([str(tmp_path)]), checker, jobs)]

    alone = results(1)
    assert {"SUM-020", "META-008"} <= {f.violation.rule for r in alone for f in r["findings"]}
    assert results(2) == alone


def test_a_result_sent_by_a_worker_keeps_every_field():
    """A FileResult and its Findings cross between processes as tuples of their fields
    (FileResult.__reduce__): every field comes back, the Summary as its pickle."""
    import dataclasses
    import pickle

    from nianbao.batch import Checker, FileResult, RuleChoice, _opened, _sent_back

    checker = Checker.load(RuleChoice())
    checker.across = checker.packs = True  # (as in a worker)
    path = sorted((SAMPLES / "real").glob("*.txt"))[0]
    result = checker(str(path))
    summary = result.summary
    assert result.findings and result.digest is not None and summary is not None
    sent = pickle.loads(pickle.dumps(_sent_back(result)))
    for f in dataclasses.fields(FileResult):
        assert getattr(sent, f.name) == getattr(result, f.name), f.name
    assert isinstance(sent.summary, bytes)
    opened = _opened(sent.summary)
    assert [(s.span, s.paragraphs) for s in opened.sections] == \
        [(s.span, s.paragraphs) for s in summary.report().sections]
    assert opened == summary.report()


def test_the_passages_of_a_copy_are_worked_out_once(tmp_path, monkeypatch):
    """META-008 asks for a copy's shared passages twice (where its finding is, what to
    show with it): the diff of the two texts is made once, and both get the same."""
    last_text = report("桃源镇", 2021, seed=1, new=4)
    last = write(tmp_path, "2021.txt", last_text)
    copy = write(tmp_path, "2022-copied.txt", copied(last_text, 2021, 2022))
    diffed = []
    shared = corpus.shared_passages
    monkeypatch.setattr(corpus, "shared_passages", lambda a, b: diffed.append(a.path) or shared(a, b))
    [v] = findings(check_many([last, copy]), "META-008")["2022-copied.txt"]
    assert diffed == [copy]
    assert len(v.related) >= 5 and v.span == v.related[0]


def test_a_summary_gives_back_the_sections_prose_and_the_lines_of_its_text():
    """The stand-in report of a Summary has the parsed report's sections with their prose
    paragraphs, and its line index, made when first asked, places spans as the parsed
    report's does."""
    for path in sorted((SAMPLES / "real").glob("*.txt"))[:4]:
        parsed = parse(Source(path=str(path), text=path.read_text(encoding="utf-8"), encoding="utf-8"))
        again = corpus.summary(parsed).report()
        assert [(s.number, s.heading, s.span, s.body_span, s.title, s.canonical) for s in again.sections] == \
               [(s.number, s.heading, s.span, s.body_span, s.title, s.canonical) for s in parsed.sections]
        assert [s.paragraphs for s in again.sections] == [corpus.own_paragraphs(s, parsed) for s in parsed.sections]
        ends = range(0, len(parsed.text), 97)
        assert [again.line_index.span(a, a + 40) for a in ends] == [parsed.line_index.span(a, a + 40) for a in ends]
        assert again.line_index.starts == parsed.line_index.starts


def test_a_stand_in_is_the_report_a_summary_gives_back():
    """In one process the second pass reads a stand-in made from the parsed report,
    sharing its objects: the report a Summary packed for another process gives back,
    for the rules about other reports as they are, rules reading every fact and rules
    reading every table; its line index places spans as the parsed report's does."""
    from nianbao.batch import Checker, RuleChoice

    checker = Checker.load(RuleChoice())
    paths = sorted(SAMPLES.glob("*/*.txt"))
    assert paths
    blank = report("桃源镇", 2022, seed=2, new=3, carried_in=2).replace("（一）予以公开\t4\t", "（一）予以公开\t\t")
    sources = [read_source(p) for p in paths] + [Source(path="r.txt", text=blank, encoding="utf-8")]
    kinds = ((checker.corpus_reads, checker.corpus_rows), (corpus.SUMMARY_FACTS, None), (frozenset({"tables"}), None))
    for source in sources:
        parsed = parse(source)
        for reads, rows in kinds:
            stand_in = corpus.stand_in(parsed, reads, rows)
            assert stand_in == corpus.summary(parsed, reads, rows).report()
            places = [(a, min(a + 40, len(parsed.text))) for a in range(0, len(parsed.text), 97)]
            assert [stand_in.line_index.span(*p) for p in places] == [parsed.line_index.span(*p) for p in places]
        kept = corpus.stand_in(parsed, checker.corpus_reads, checker.corpus_rows)
        assert {id(c) for t in kept.tables for r in t.rows for c in r.cells} <= \
            {id(c) for t in parsed.tables for r in t.rows for c in r.cells}


def test_honest_reports_with_prose_of_their_own_read_as_little_alike_as_real_ones(tmp_path):
    """The bench's folder 'as a province's might be' writes each report's prose on in words
    of its own (reportgen's own_prose): there, as in real folders, honest reports of
    different bodies are far from the threshold, and a copy of last year's is still one."""
    texts = {f"{body}.txt": report(f"第{body}号镇", 2022, seed=body, own_prose=True) for body in range(40)}
    digests = [corpus.digest(name, parse(Source(name, text, "utf-8"))) for name, text in texts.items()]
    packed = [similarity.packed(d.signature) for d in digests]
    alike = [similarity.estimate(a, b) for i, a in enumerate(packed) for b in packed[i + 1:]]
    assert max(alike) < 0.3
    last = report("第1号镇", 2021, seed=1, own_prose=True)
    paths = [write(tmp_path, "2021.txt", last), write(tmp_path, "2022.txt", copied(last, 2021, 2022)),
             *(write(tmp_path, name, text) for name, text in list(texts.items())[2:12])]
    results = findings(check_many(paths), "META-008")
    assert [name for name, found in results.items() if found] == ["2022.txt"]
