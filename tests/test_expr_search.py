"""How a scope of many paragraphs is searched (expr._matches): joined by newlines, unless
the pattern anchors at the whole text; a match's named groups."""

from test_engine import only, rule

from nianbao.api import check_text

TEXT = """某县某局2022年政府信息公开工作年度报告
一、总体情况
本年1月主动公开政府信息120条。
本年2月主动公开政府信息30条，其中政策文件5条。
本年3月收到申请4件。
二、主动公开政府信息情况
本年4月主动公开政府信息7条。
"""


def messages(tmp_path, pattern: str, message: str) -> list[str]:
    rules = only(tmp_path, rule(f"""
        for_each:
          m: |
            find(narrative, "{pattern}")
        expect: false
    """, message=message))
    result = check_text(TEXT, rules=rules)
    assert result.rule_errors == []
    return [v.message() for v in result.violations]


def test_a_pattern_anchored_at_the_whole_text_is_searched_in_each_paragraph(tmp_path):
    assert messages(tmp_path, r"\A本年(?P<n>\d+)月", "{m.n}") == ["1", "2", "3", "4"]
    assert messages(tmp_path, r"^本年(?P<n>\d+)月", "{m.n}") == ["1", "2", "3", "4"]


def test_a_match_gives_the_groups_that_took_part(tmp_path):
    found = messages(tmp_path, r"(?P<n>\d+)条(?P<of>，其中)?", "{m.n}:{m.of}")
    assert found == ["120:未知", "30:，其中", "5:未知", "7:未知"]
