"""What a cold start of `nianbao check` reads back from the cache instead of building again."""

from __future__ import annotations

import json
import unicodedata

import lark
import pytest

from nianbao import cache, lexing
from nianbao.parse import parse_tree


def test_the_report_grammar_is_kept_in_the_cache_and_read_back_with_its_lexer(tmp_path, monkeypatch):
    """report.lark's tables are written once (the lexer plugin, a class, is not data) and
    the parser read back from them lexes with the shared scanner and parses the same."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = cache.grammar("report.lark", lexer="contextual")
    written = cache.cache_file("report.lark")
    assert "_plugins" not in json.loads(written.read_text(encoding="utf-8"))["data"]["options"]

    def build_again(*args, **kwargs):
        raise AssertionError("the grammar was built again, not read from the cache")

    monkeypatch.setattr(lark.Lark, "__init__", build_again)
    loaded = cache.grammar("report.lark", lexer="contextual")
    assert isinstance(loaded.parser.lexer, lexing.SharedScannerLexer)
    text = "某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本机关 依法 公开。\n"
    assert loaded.parse(text) == built.parse(text) == parse_tree(text)


def test_is_cjk_is_the_cjk_class_of_the_spacing_patterns():
    """spacing decides in Python what its patterns' class of CJK characters decides in re:
    the same for every character."""
    import re

    from nianbao import spacing

    cjk = re.compile(rf"[{spacing._CJK}]")
    differ = [code for code in range(0x110000) if spacing.is_cjk(chr(code)) != bool(cjk.fullmatch(chr(code)))]
    assert differ == []


def test_spaced_numbers_and_spaced_characters_are_those_the_cjk_class_finds():
    """What spacing finds with a pattern of any character outside ASCII and is_cjk is what
    one pattern with the CJK class finds: a CJK character, a space, then text; a number
    set off by spaces between CJK characters (in texts where candidates overlap: full-width
    digits are CJK characters too, ① and the ideographic space are not)."""
    import random
    import re

    from nianbao import spacing

    cjk = spacing._CJK
    spaced = re.compile(rf"[ \xa0](?<=[{cjk}][ \xa0])\S")
    number = re.compile(rf"(?<=[{cjk}])[ \xa0]\d[\d.,]*[ \xa0](?=[{cjk}])")
    alphabet = "年中、１２０ \xa0 12.,a①\u3000é\n"
    rng = random.Random(18)
    found = [0, 0]
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        expected = [m.span() for m in number.finditer(text)]
        spaces = spacing._spaces_after_cjk(text)
        assert list(spacing._spaced_numbers(text, spaces)) == expected, text
        assert spaces == [m.start() for m in spaced.finditer(text)], text
        found[0] += bool(expected)
        found[1] += bool(spaces)
    assert min(found) > 150
    assert spacing.close_up("人民政府 2023 年 1 月 三 、 本 年 度")[0] == "人民政府2023年1月三、本年度"


def test_the_compatibility_pattern_finds_exactly_the_characters_of_its_table():
    """labels' pattern of the characters nfkc replaces first, written as ranges, finds
    every character of the table and no other."""
    from nianbao import labels

    table, present = labels._compatibility()
    found = {chr(code) for code in range(0x110000) if present.fullmatch(chr(code))}
    assert found == set(table)
    text = "（一）" * 400 + "第　二　部分：ｆｕｌｌ－ｗｉｄｔｈ"
    assert labels.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_street_addresses_are_found_as_the_patterns_with_cjk_ranges_found_them():
    """facts finds a street address's building and the start of its name in Python,
    where patterns with a range of CJK characters found them: the same ends, the same
    starts (a newline just before the street, which `$` passed over, included)."""
    import random
    import re

    from nianbao import facts

    building = re.compile(r"(?:[\u4e00-\u9fff\dA-Za-z]{0,12}?(?:楼|室|院|层))?")
    lead = re.compile(r"[\u4e00-\u9fff]{2,24}$")
    alphabet = "府前路楼室院层号村a Z1９\n，。\u3400\ua000"
    rng = random.Random(18)
    found = [0, 0, 0]
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        at = rng.randint(0, len(text))
        assert facts._building_end(text, at) == building.match(text, at).end(), (text, at)
        m = lead.search(text, max(0, at - 24), at)
        assert facts._street_start(text, at) == (m.start() if m else None), (text, at)
        found[0] += facts._building_end(text, at) > at
        found[1] += m is not None
        found[2] += m is not None and m.end() < at
    assert min(found) > 50
    text = "地址：无。联系我们可到府前路1号3号楼，或者河集村001号。"
    assert [(f.kind, f.value) for f in facts.contacts(text, facts.LineIndex(text))] == [
        ("address", "联系我们可到府前路1号3号楼"), ("address", "或者河集村001号")]


def test_the_modules_patterns_are_made_from_the_code_the_cache_keeps_not_compiled_again(tmp_path):
    """The first start keeps the engine code of every pattern nianbao's modules compile on
    import; the next start compiles none of them with re's parser (what cost ~80 ms) and
    each pattern it makes is equal to re's: the same flags, text and code. (The few bytes
    patterns are not kept.)"""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    start = "import nianbao.batch, nianbao.outputs; from nianbao.rules import load_rules; load_rules()"
    subprocess.run([sys.executable, "-c", start], env=env, check=True)
    count = (
        "import os, re, sys\n"
        "from re import _compiler\n"
        "import nianbao\n"
        "package, compile, ours = os.path.dirname(nianbao.__file__), _compiler.compile, []\n"
        "def counted(source, flags=0):\n"
        "    caller = sys._getframe(1)\n"
        "    while caller.f_code.co_filename.startswith(os.path.dirname(re.__file__)):\n"
        "        caller = caller.f_back\n"
        "    if caller.f_code.co_filename.startswith(package) and isinstance(source, str):\n"
        "        ours.append(os.path.basename(caller.f_code.co_filename))\n"
        "    return compile(source, flags)\n"
        "_compiler.compile = counted\n"
        f"{start}\n"
        "_compiler.compile = compile\n"
        "from nianbao import cache\n"
        "kept = [(int(k.split(chr(31))[1]), k.split(chr(31), 2)[2]) for k in cache.PATTERNS._load()]\n"
        "assert all(cache.compile_re(s, f) == re.compile(s, f) for f, s in kept)\n"
        "print(' '.join(sorted(set(ours))), len(kept), sep='|')\n")
    out = subprocess.run([sys.executable, "-c", count], env=env, check=True, capture_output=True, text=True)
    compiled_in, kept = out.stdout.strip().split("|")
    assert compiled_in == "atomic.py" and int(kept) > 120  # (atomic's one pattern: cache.py imports it)


def test_a_second_check_compiles_none_of_the_patterns_the_first_compiled_on_first_use(tmp_path):
    """Patterns compiled during a check (the lexer's expression of every terminal, the
    text output's unsafe characters, spacing's and facts' made on first use) are kept at
    its end: a second `nianbao check` of the same report compiles none of nianbao's or
    Lark's scanner's patterns with re's parser, and says the same. (Bytes patterns, the
    reader's few, are not kept.)"""
    import os
    import subprocess
    import sys
    from pathlib import Path

    report = str(Path(__file__).resolve().parent.parent / "samples" / "real" / "000_e183fea0d8446ead.txt")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = (
        "import os, re, sys\n"
        "from re import _compiler\n"
        "import nianbao, lark\n"
        "mine = (os.path.dirname(nianbao.__file__), os.path.dirname(lark.__file__))\n"
        "compile, ours = _compiler.compile, []\n"
        "def counted(source, flags=0):\n"
        "    caller = sys._getframe(1)\n"
        "    while caller.f_code.co_filename.startswith(os.path.dirname(re.__file__)):\n"
        "        caller = caller.f_back\n"
        "    if caller.f_code.co_filename.startswith(mine) and isinstance(source, str):\n"
        "        ours.append(os.path.basename(caller.f_code.co_filename))\n"
        "    return compile(source, flags)\n"
        "_compiler.compile = counted\n"
        "from nianbao.cli import main\n"
        "sys.argv = ['nianbao', 'check', '--no-progress', '--format', 'text', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('|' + ' '.join(sorted(set(ours))))\n")
    first, second = (subprocess.run([sys.executable, "-c", run, report], env=env, check=True,
                                    capture_output=True, text=True).stdout for _ in range(2))
    said, compiled_in = second.rsplit("|", 1)
    assert "cache.py" in first  # (what the first compiled on first use, through the cache)
    assert said == first.rsplit("|", 1)[0] and "META-007" in said
    assert compiled_in.strip() == "atomic.py"


def test_a_pattern_kept_broken_or_planted_is_compiled_by_re(tmp_path, monkeypatch):
    """An entry whose code the engine refuses, or not of the form kept, gives re.compile's
    pattern; keep_patterns() then keeps the code re makes, read back as an equal pattern.
    A pattern holding a lone surrogate (no UTF-8 has it) is compiled, never kept, and
    keeping the others does not fail for it."""
    import re

    from nianbao import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "PATTERNS", cache.Store("patterns"))
    monkeypatch.setattr(cache, "_UNKEPT", [])
    sources = [r"(?P<y>\d{4})年[\u4e00-\u9fff]+", r"(?m)^\t(?=[^\t\n]*$)", r"联系电话[:：]"]
    cache.PATTERNS.put((cache._ENGINE, 0, sources[0]), [32, "EQAAAAIAAAAAAAAAAAAAAJ+GAQA=", 1, {"y": 1}, [None, "y"]])
    cache.PATTERNS.put((cache._ENGINE, 0, sources[1]), "not code")
    made = [cache.compile_re(s) for s in sources]
    assert made == [re.compile(s) for s in sources]
    unsafe = "[\ud800-\udfff]"
    assert cache.compile_re(unsafe) == re.compile(unsafe)
    cache.keep_patterns()
    assert [cache.PATTERNS.get((cache._ENGINE, 0, s))[1] is not None for s in sources] == [True] * 3
    assert cache.PATTERNS.get((cache._ENGINE, 0, unsafe)) is None

    monkeypatch.setattr(cache, "PATTERNS", cache.Store("patterns"))  # (read from the file again)
    monkeypatch.setattr(re, "compile", lambda *a: pytest.fail("compiled again"))
    assert [cache.compile_re(s) for s in sources] == made


def _regex_run(tmp_path, script: str, *args: str, write_byte_code: bool = True) -> str:
    """A process whose byte code (and so the regex module's kept engine code) goes under
    tmp_path/pycache, its user cache under tmp_path/cache: nothing of the package's own
    folders is written."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))
    if not write_byte_code:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run([sys.executable, "-c", script, *args], env=env, check=True, capture_output=True,
                          text=True).stdout


_COUNTED_CHECK = (
    "import sys\n"
    "from regex import _regex_core\n"
    "parse, parsed = _regex_core._parse_pattern, []\n"
    "def counted(source, info):\n"
    "    parsed.append(1)\n"
    "    return parse(source, info)\n"
    "_regex_core._parse_pattern = counted\n"
    "from nianbao.cli import main\n"
    "sys.argv = ['nianbao', 'check', '--no-progress', '--format', 'json', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('|', len(parsed))\n")


def test_a_second_check_parses_none_of_the_rules_patterns_and_says_the_same(tmp_path):
    """The regex module parses a pattern in Python (~1 ms each, most of a check's start):
    the first check keeps the engine code it makes of the rules' patterns beside the
    byte code, and a second check of the same report makes every pattern from it,
    parsing none, and finds the same."""
    from pathlib import Path

    report = str(Path(__file__).resolve().parent.parent / "samples" / "real" / "000_e183fea0d8446ead.txt")
    first, second = (_regex_run(tmp_path, _COUNTED_CHECK, report) for _ in range(2))
    said, parsed = first.rsplit("|", 1)
    assert int(parsed) > 50 and "META-007" in said
    assert second.rsplit("|", 1) == [said, " 0\n"]
    assert list((tmp_path / "pycache").rglob("regex-code.*.json"))
    assert not list((tmp_path / "cache").rglob("regex-code*"))  # (not in the user's cache folder)


def test_no_regex_engine_code_is_kept_where_python_writes_no_byte_code(tmp_path):
    from pathlib import Path

    report = str(Path(__file__).resolve().parent.parent / "samples" / "real" / "000_e183fea0d8446ead.txt")
    _regex_run(tmp_path, _COUNTED_CHECK, report, write_byte_code=False)
    assert not list(tmp_path.rglob("regex-code*"))


def test_patterns_made_from_kept_engine_code_find_what_the_regex_module_finds(tmp_path):
    """Every rule pattern the samples' check kept, made from its kept code, is the
    pattern regex.compile makes: the same flags, groups and matches over every sample."""
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    _regex_run(tmp_path, _COUNTED_CHECK, str(samples))
    compare = (
        "import sys, regex\n"
        "from pathlib import Path\n"
        "from nianbao import cache\n"
        "texts = [p.read_text(encoding='utf-8', errors='replace') for p in Path(sys.argv[1]).rglob('*.txt')]\n"
        "kept = [k.split(chr(31), 2) for k in cache.REGEX_CODE._load()]\n"
        "compile, regex.compile = regex.compile, None  # (nothing but the kept code makes them)\n"
        "made = [(cache.compile_regex(p, int(f)), p, int(f)) for _, f, p in kept]\n"
        "regex.compile = compile\n"
        "for pattern, source, flags in made:\n"
        "    fresh = regex.compile(source, flags)\n"
        "    assert (pattern.flags, pattern.groups, pattern.groupindex) == (fresh.flags, fresh.groups, fresh.groupindex)\n"
        "    for text in texts:\n"
        "        assert [m.regs for m in pattern.finditer(text)] == [m.regs for m in fresh.finditer(text)], source\n"
        "print(len(made))\n")
    assert int(_regex_run(tmp_path, compare, str(samples))) > 100


def test_a_regex_entry_kept_broken_is_compiled_again(tmp_path, monkeypatch):
    """An entry not of the form compile_regex keeps gives regex.compile's pattern, and the
    code then made is kept in its place."""
    import sys

    import regex

    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    monkeypatch.setattr(cache, "REGEX_CODE", cache.ByteCodeStore("regex-code"))
    regex.purge()  # (a pattern the regex module has made in this process is not made again)
    source, flags = r"(?P<n>\d+)件(?:申请)?", regex.V1 | regex.MULTILINE
    key = (regex.__version__, int(flags), source)
    cache.REGEX_CODE.put(key, [0, "not base64!", {}, {}, 0, (), 0, 0])
    made = cache.compile_regex(source, flags)
    assert made.search("收到12件申请").group("n") == "12"
    assert cache.REGEX_CODE.get(key)[1] != "not base64!"
    assert cache.compile_regex(source, flags).search("共3件").group("n") == "3"
