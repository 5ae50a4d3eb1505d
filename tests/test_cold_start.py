"""What a cold start of `nianbao check` reads back from the cache instead of building again."""

from __future__ import annotations

import json

import lark

from nianbao import __version__, cache, lexing
from nianbao.parse import parse_tree


def test_the_report_grammar_is_kept_in_the_cache_and_read_back_with_its_lexer(tmp_path, monkeypatch):
    """report.lark's tables are written once (the lexer plugin, a class, is not data) and
    the parser read back from them lexes with the shared scanner and parses the same."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = cache.grammar("report.lark", lexer="contextual")
    written = tmp_path / "nianbao" / f"report.lark-{__version__}.json"
    assert "_plugins" not in json.loads(written.read_text(encoding="utf-8"))["data"]["options"]

    def build_again(*args, **kwargs):
        raise AssertionError("the grammar was built again, not read from the cache")

    monkeypatch.setattr(lark.Lark, "__init__", build_again)
    loaded = cache.grammar("report.lark", lexer="contextual")
    assert isinstance(loaded.parser.lexer, lexing.SharedScannerLexer)
    text = "某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本机关 依法 公开。\n"
    assert loaded.parse(text) == built.parse(text) == parse_tree(text)
