"""How a scope of many paragraphs is searched (expr._matches): joined by newlines, unless
the pattern anchors at the whole text; a match's named groups."""

from conftest import bundled_patterns
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


# ----------------------------------------------------------- patterns that open at a clause

def found(matches) -> list:
    return [(m.span(), m.groups(), [m.span(g) for g in range(1, len(m.groups()) + 1)]) for m in matches]


def test_patterns_that_open_at_a_clause_are_told_from_the_rest():
    from nianbao.expr import clause_opening

    opening = r"(?:^|(?<=[，。\n]))"
    assert clause_opening(opening + r"(?=[^，。\n]*?(?:收到|接到))未收到") == ("，。\n", ("收到", "接到"))
    assert clause_opening("(?x)\n  " + opening + "\n  (?P<s>[^，。\\n]*被)\n  x") == ("，。\n", ("被",))
    for pattern in (opening + r"(?=[^，。\n]*?收到)a|b",            # another branch opens elsewhere
                    opening + r"(?P<s>[^，。\n]*?收到)?a",           # the group may be left out
                    opening + r"(?=[^，。\n]*?收到?)",               # 到 may be left out (not read so)
                    opening + r"(?=[^，。\n]*?(?:收到|接到)?)",
                    r"(?:^|(?<=[，。]))(?=[^，。]*?收到)",            # a clause may then run over lines
                    opening + r"(?=[^，\n]*?收到)",                   # other stops in the lookahead
                    opening + r"(?=[^，。\n]*?收到)(?i)a",           # flags
                    opening + r"(?=[^，。\n]*?收到)\Ga",
                    opening + r" (?=[^，。\n]*?收到)",                # a space that is a character
                    opening + r"(?=[^，。\n]*?.收到)",
                    opening + r"(?=[^，。\n]*?收到a|上年)",         # the lookahead's other branch needs none
                    opening + r"(?P<s>[^，。\n]*?收到|上年)a"):
        assert clause_opening(pattern) is None, pattern


def bundled_texts() -> list[str]:
    """The samples' paragraphs one by one and joined, and the lines of the rules' files
    (their examples among them)."""
    from conftest import REAL, ROOT, SYNTHETIC

    from nianbao.ingest import read_source
    from nianbao.parse import parse
    from nianbao.rules import load_rules

    templates = load_rules().templates
    texts = []
    for path in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt")):
        paragraphs = [p.text for s in parse(read_source(path), templates).sections for p in s.paragraphs]
        texts += paragraphs + ["\n".join(paragraphs)]
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        texts += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return texts


def changed(rng, matching: list[str], pieces: list[str], count: int, most_changes: int, most_cut: int) -> list[str]:
    """Texts that match, a few pieces put in, taken out or changed."""
    out = []
    for _ in range(count):
        text = rng.choice(matching)
        for _ in range(rng.randrange(1, most_changes)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(pieces + [""]) + text[at + rng.randrange(most_cut):]
        out.append(text)
    return out


def searched_as_finditer(pattern, texts: list[str]) -> int:
    """Asserts that limited_finditer and limited_search find in each text what the regex
    module's finditer of the whole pattern finds (spans, groups); how many texts matched."""
    from nianbao.expr import limited_finditer, limited_search

    compiled, hits = pattern.compiled(), 0
    for text in texts:
        expected = found(compiled.finditer(text))
        assert found(limited_finditer(pattern, text, 1.0)) == expected, (pattern.pattern, text)
        assert found(filter(None, [limited_search(pattern, text, 1.0)])) == expected[:1], (pattern.pattern, text)
        hits += bool(expected)
    return hits


def test_a_pattern_opening_at_a_clause_finds_what_finditer_finds(monkeypatch):
    """Each bundled pattern that opens at a clause: the same matches (spans, groups) as the
    regex module's own finditer and search, over the bundled texts and over random texts: of
    the pattern's own words, stops and other characters, and matching texts with pieces changed."""
    import random
    import re

    from nianbao.expr import Pattern, clause_opening

    patterns = [p for p in bundled_patterns(monkeypatch)[1] if clause_opening(p)]
    assert len(patterns) >= 8
    texts = bundled_texts()
    rng = random.Random(18)
    for source in patterns:
        pattern = Pattern(source)
        stops, words = clause_opening(source)
        pieces = list(words) + list(stops) + re.findall(r"[\u4e00-\u9fff]+", source) + list("0123456789 ")
        randoms = ["".join(rng.choice(pieces) for _ in range(rng.randrange(40))) for _ in range(2000)]
        matching = [text for text in texts + randoms if pattern.compiled().search(text)]
        randoms += changed(rng, matching, pieces, 2000, 5, 2)
        assert searched_as_finditer(pattern, texts + randoms) > 500, source  # the texts did make it match


def test_an_empty_match_at_a_clause_goes_on_as_finditer_does():
    from nianbao.expr import Pattern, limited_finditer

    pattern = Pattern(r"(?:^|(?<=[，\n]))(?=[^，\n]*?收)(?:收到)?")
    for text in ("收到收，收到", "收，，收收到\n收", "a收，收到收到"):
        assert found(limited_finditer(pattern, text, 1.0)) == found(pattern.compiled().finditer(text))


def test_a_catastrophic_pattern_opening_at_a_clause_is_stopped(tmp_path):
    from test_engine import only, rule
    rules = only(tmp_path, rule(r'expect: not matches(text, "(?:^|(?<=[，\n]))(?=[^，\n]*?a)(a|aa)+$")'))
    result = check_text("某县2022年政府信息公开工作年度报告\n" + "a" * 60 + "!\n", rules=rules)
    [error] = result.rule_errors
    assert error.rule == "META-901" and "took too long" in error.message


def test_a_long_clause_holding_the_words_many_times_is_read_once():
    """A 400,000-character clause that holds 收 200,000 times: each word's walk back to its
    clause's start stops where the last one began, so the clause is read once, not once a
    word (reading it again from each word took minutes; now it takes a moment)."""
    from nianbao.expr import Pattern, limited_finditer

    pattern = Pattern(r"(?:^|(?<=[，\n]))(?=[^，\n]*?收)(?P<c>[^，\n]*?未收到)")
    text = "收到" * 200_000 + "未收到，又未收到\n" + "收" * 1000 + "未收到"
    assert found(limited_finditer(pattern, text, 5.0)) == found(pattern.compiled().finditer(text))


# ----------------------------------------------- patterns whose lookbehinds reach far back

def test_a_pattern_is_searched_apart_from_its_lookbehinds_only_when_that_finds_the_same():
    """lookbehind_split: where the rest of a pattern starts, when a leading lookbehind may
    reach far back (else 0); not when that would change what the pattern matches."""
    from nianbao.expr import lookbehind_split

    far = r"(?<!(?:报告|全文)[^。\n]{0,200})"
    assert lookbehind_split(far + "监督") == len(far)
    assert lookbehind_split(r"(?<![\d.])" + far + r"(?P<n>\d+)条") == len(r"(?<![\d.])" + far)
    assert lookbehind_split(r"(?<!由[^。]*)(监督)\1") == len(r"(?<!由[^。]*)")  # (the rest's own groups)
    for pattern in (r"(?<![\d.])(?P<n>\d+)条",              # a lookbehind of one character
                    r"(?<!点击量\s*)\d+次",                 # spaces are no reach
                    r"(?<!由[^。]{0,16})监督",              # a short reach
                    far + "监督|考核",                      # the lookbehind binds the first branch only
                    r"(?<!(由)[^。]*)监督",                 # a lookbehind that captures
                    far + "(?i)a",                          # a flag
                    "监督" + far):                          # not leading
        assert lookbehind_split(pattern) == 0, pattern


def test_a_pattern_searched_apart_from_its_lookbehinds_finds_what_finditer_finds(monkeypatch):
    """Each bundled pattern searched apart from its leading lookbehinds: the same matches
    (spans, groups) as the regex module's own finditer and search of the whole pattern,
    over the bundled texts and texts with pieces of the pattern's words put in, taken out
    or changed."""
    import random

    from nianbao.expr import lookbehind_split

    patterns = [p for p in bundled_patterns(monkeypatch)[1] if lookbehind_split(p)]
    assert len(patterns) >= 6
    searched_as_finditer_on_bundled_texts(patterns, random.Random(47), 300)


def searched_as_finditer_on_bundled_texts(patterns: list[str], rng, least: int) -> None:
    """searched_as_finditer on the bundled texts and texts with pieces of each pattern's
    words put in, taken out or changed; at least `least` of them matched."""
    import re

    from nianbao.expr import Pattern

    texts = bundled_texts()
    for source in patterns:
        pattern = Pattern(source)
        pieces = re.findall(r"[\u4e00-\u9fff]{1,3}", source) + list("0123456789，。、 \n")
        matching = [text for text in texts if pattern.compiled().search(text)]
        assert searched_as_finditer(pattern, texts + changed(rng, matching, pieces, 1000, 6, 3)) > least, source


def test_after_an_empty_match_a_pattern_searched_apart_goes_on_as_finditer_does():
    from nianbao.expr import Pattern, limited_finditer

    pattern = Pattern(r"(?<!由[^，\n]*)(?:收到)?")
    assert pattern.searched() is not pattern.compiled()  # (searched apart)
    for text in ("收到收，收到", "由收，，收收到\n收", "a收，由收到收到", ""):
        assert found(limited_finditer(pattern, text, 1.0)) == found(pattern.compiled().finditer(text))


# ------------------------------------------ patterns searched as their branches, merged

def test_a_pattern_is_searched_as_its_branches_only_when_one_opens_with_a_lookbehind():
    """lookbehind_branches: the parts between the | outside every group, when one opens
    with a lookbehind and no group captures or sets a flag; else none."""
    from nianbao.expr import lookbehind_branches

    assert lookbehind_branches(r"(?:共|计)申请件|(?<=\d件[，,])部分公开件|(?<=事项)个部分") == [
        r"(?:共|计)申请件", r"(?<=\d件[，,])部分公开件", r"(?<=事项)个部分"]
    assert lookbehind_branches(r"(?<=[|（(])b|c") == [r"(?<=[|（(])b", "c"]  # (a | in a class, a ( in it)
    for pattern in (r"(?:(?<=a)b|c)d",             # the branches inside a group
                    r"申请件|部分公开件",           # no branch opens with a lookbehind
                    r"(?<=a)(?P<n>\d+)|c",          # a group that captures
                    r"(?<=a)b|(?i)c",               # a flag
                    r"(?<=a)b"):                    # one branch
        assert lookbehind_branches(pattern) == [], pattern


def test_a_pattern_searched_as_its_branches_finds_what_finditer_finds(monkeypatch):
    """Each bundled pattern searched as its branches: the same matches as the regex
    module's own finditer and search of the whole pattern (of two branches that match at
    one place, the earlier's; a branch's match inside another's left out), over the
    bundled texts and texts with pieces of the pattern's words put in, taken out or
    changed."""
    import random

    from nianbao.expr import lookbehind_branches, lookbehind_split

    patterns = [p for p in bundled_patterns(monkeypatch)[1] if not lookbehind_split(p) and lookbehind_branches(p)]
    assert len(patterns) >= 5
    searched_as_finditer_on_bundled_texts(patterns, random.Random(53), 100)


def test_after_an_empty_match_a_pattern_searched_as_its_branches_goes_on_as_finditer_does():
    import random

    from nianbao.expr import Pattern

    rng = random.Random(7)
    for source in (r"(?<=a)|b", r"b|(?<=a)", r"(?<=a)b|ab|c", r"a|(?<!b)c*", r"(?<=ab)c|bc|(?<!q)", r"^|(?<=a)b", r"$|(?<=a)"):
        pattern = Pattern(source)
        pattern.searched()
        assert pattern._branches, source
        texts = ["".join(rng.choice("abcq\n") for _ in range(rng.randrange(12))) for _ in range(500)]
        assert searched_as_finditer(pattern, texts) > 50, source
