"""What nianbao keeps between runs, in the user's cache folder (~/.cache/nianbao, or
$XDG_CACHE_HOME/nianbao): the grammars' parser tables, the parse trees of rule
expressions, the regular expressions known to compile, what the YAML files (rules,
templates, regimes) give, and the engine code of nianbao's own regular expressions.
All of it is derived from files on disk and rebuilt when missing; a start with a warm
cache skips ~0.2 s of work and the import of PyYAML (nianbao check on one file is meant
to start in about 0.2 s).

The cache files are JSON, read with a decoder that builds only dicts, lists,
strings, numbers and the few shapes below (tuples, Lark trees and tokens): a file
planted in the folder can at worst be wrong data, never code that runs (pickle, which
Lark's own cache uses, would run it). Each file is bounded in size (a larger one is
ignored and rebuilt), and written through a temporary file that replaces it whole;
temporary files of processes that were killed while writing are removed on the next
save. Anything unreadable is ignored and rebuilt.

One store lives elsewhere: the engine code the regex module makes of the rules'
patterns, which its engine takes unchecked, is kept beside the package's byte code
(ByteCodeStore, REGEX_CODE).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import sys
import threading
from array import array
from pathlib import Path

import _sre

from . import __version__
from .atomic import remove_leftovers, write_text_atomic

MAX_FILE_BYTES = 8 * 1024 * 1024  # a cache file larger than this is not read
# A Store keeps the most recently added this many: the bundled rules make about 350, and
# the whole file is read into memory on every run (20,000 cost a check some 200 MB).
MAX_ENTRIES = 2_000

# Tagged JSON: a value JSON cannot hold is an object with one of these keys. A Lark tree
# is one such object however many nodes it has (_lark_node): an object per node, each
# handed to the decoder's hook, cost a fifth of reading the rules' file.
_TUPLE, _PAIRS, _LARK = "\0tuple", "\0pairs", "\0lark"
_TAGS = frozenset({_TUPLE, _PAIRS, _LARK})
# The form of what the files hold, in their names: a nianbao of the same version that
# writes another form (one commit older or newer) keeps to files of its own, so neither
# reads the other's (form 1 kept a tree as an object per node).
FORM = 2


def cache_dir() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "nianbao"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def cache_file(name: str) -> Path | None:
    """Where the cache keeps what is named `name` (None: no cache folder can be made)."""
    folder = cache_dir()
    return folder / f"{name}-{__version__}-{FORM}.json" if folder else None


# ------------------------------------------------------------------------ the format

def encode(value) -> object:
    """A value of the shapes a cache holds → plain JSON data (recursive: callers keep
    what they store shallow, as an expression's depth is bounded before it is cached)."""
    from lark import Token, Tree

    if isinstance(value, (Tree, Token)):
        return {_LARK: _lark_node(value)}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {_TUPLE: [encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and k not in _TAGS for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {_PAIRS: [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _lark_node(value):
    """A node of a Lark tree as plain JSON data: a tree [data, children], a token the
    list of its eight fields, a tree's data as text (or a token) and a missing child as
    null as they are."""
    from lark import Token, Tree

    if isinstance(value, Token):
        return [value.type, str(value), value.start_pos, value.line, value.column,
                value.end_line, value.end_column, value.end_pos]
    if isinstance(value, Tree):
        return [_lark_node(value.data), [_lark_node(c) for c in value.children]]
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__} in a tree")


def _hashable(key):
    return tuple(key) if isinstance(key, list) else key


def decode(text: str):
    """The inverse of encode; ValueError (or RecursionError) for what it did not write."""
    from lark import Token, Tree  # (once, not at each of the thousands of objects)

    def node(value):  # (the inverse of _lark_node)
        if type(value) is not list:
            return value
        if len(value) == 2:
            return Tree(node(value[0]), [node(c) for c in value[1]])
        return Token(*value)

    def decoded(obj: dict):
        if len(obj) != 1:
            return obj
        (tag, value), = obj.items()
        if tag not in _TAGS:
            return obj
        if tag == _LARK:
            return node(value)
        if tag == _TUPLE:
            return tuple(value)
        return {_hashable(k): v for k, v in value}

    return json.loads(text, object_hook=decoded)


def _read(path: Path):
    """A cache file's content, or None: missing, too large, not ours, or broken."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return decode(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, IndexError, KeyError, RecursionError, UnicodeDecodeError):
        return None


def _write(path: Path, value) -> None:
    try:
        text = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return
    if len(text) > MAX_FILE_BYTES:  # (a Store trims itself well below this)
        return
    remove_leftovers(path.parent)
    try:
        write_text_atomic(path, text)
    except (OSError, UnicodeEncodeError):  # (a lone surrogate has no UTF-8)
        pass


# ------------------------------------------------------------------------ grammars

def grammar(name: str, **options):
    """A Lark LALR parser for grammar/<name>, its tables cached (building them costs
    ~20 ms at every start; reading them back ~2 ms). The cache is keyed by the
    grammar's text, the options and Lark's version, so a stale one is rebuilt."""
    import lark
    from lark import Lark
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    from .lexing import SharedScannerLexer
    from .resources import data_dir

    plugins = {"ContextualLexer": SharedScannerLexer}  # (not in the key: it makes no table)

    source = (data_dir("grammar") / name).read_text(encoding="utf-8")
    key = hashlib.sha256(f"{lark.__version__}|{sorted(options.items())}|{source}".encode()).hexdigest()
    path = cache_file(name)
    if path is not None:
        cached = _read(path)
        if isinstance(cached, dict) and cached.get("key") == key:
            try:
                return Lark._load_from_dict(cached["data"], cached["memo"], _plugins=plugins)
            except Exception:  # not what we wrote after all: build it
                pass
    parser = Lark(source, parser="lalr", _plugins=plugins, **options)
    if path is not None:
        data, memo = parser.memo_serialize([TerminalDef, Rule])
        # (the plugins are classes, given again when the tables are read back)
        data["options"] = {k: v for k, v in data["options"].items() if k != "_plugins"}
        _write(path, {"key": key, "data": data, "memo": memo})
    return parser


# ------------------------------------------------------------------------ stores

class Store:
    """A dictionary kept in one cache file, read on first use and written back by
    save() when something was added. Keys name what they are derived from (the
    expression's text, the pattern), values are what it costs to derive; at most
    MAX_ENTRIES are kept, the most recently added. A store whose every run asks for all
    it needs (`used_only`: the rule files and their expressions, read whole at each
    start) keeps only what the run that wrote it used: a rule author's earlier versions
    of a file would otherwise pile up, read at every start (a YAML store of 2,000
    versions is 8 MB, a quarter of a second to read)."""

    def __init__(self, name: str, used_only: bool = False) -> None:
        self.name = name
        self._data: dict | None = None
        self._dirty = False
        self._used: set[str] | None = set() if used_only else None

    def _path(self) -> Path | None:
        return cache_file(self.name)

    def _load(self) -> dict:
        if self._data is None:
            path = self._path()
            data = _read(path) if path is not None else None
            self._data = data if isinstance(data, dict) else {}
        return self._data

    @staticmethod
    def _key(key) -> str:
        return "\x1f".join(map(str, key)) if isinstance(key, tuple) else str(key)

    def get(self, key):
        k = self._key(key)
        if self._used is not None:
            self._used.add(k)
        return self._load().get(k)

    def put(self, key, value) -> None:
        data = self._load()
        k = self._key(key)
        data.pop(k, None)  # re-added: now the most recent
        data[k] = value
        if self._used is not None:
            self._used.add(k)
        self._dirty = True

    def save(self) -> None:
        path = self._path()
        if not self._dirty or path is None:
            return
        data = self._load()
        if self._used is not None:
            for k in [k for k in data if k not in self._used]:
                del data[k]
        while len(data) > MAX_ENTRIES:
            del data[next(iter(data))]
        _write(path, data)
        self._dirty = False


# What compiling the rules derives: parse trees of expressions, patterns that compile.
RULES = Store("rules", used_only=True)
# What reading a rule file gives (yamlsafe.load), by the file's text.
YAML = Store("yaml", used_only=True)


# ------------------------------------------------------------------------ patterns

# The engine code re makes of nianbao's regular expressions (the ~145 its modules compile
# on import, and those made on first use): re parses and compiles a pattern in Python,
# about 80 ms at every start in all, then hands the code to its engine (_sre.compile),
# which makes the pattern in microseconds. The code is the interpreter's own: kept under
# its version, its engine's MAGIC and the machine's byte order.
# The code is kept as its words' bytes (4 each, in the machine's order), base64: a JSON list
# of the numbers cost ~5 ms to read at every start, a string next to nothing (a pattern's is
# turned back into numbers when it is first compiled). A file of its own, as a form of its
# own: the lists of the form before, in the file named patterns, are not read.
PATTERNS = Store("patterns-b64")
_CODE_TYPE = "I" if array("I").itemsize == _sre.CODESIZE else "L"
_ENGINE = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{sys.byteorder}|{_CODE_TYPE}".encode()).hexdigest()[:16]
_UNKEPT: list[tuple[str, int, re.Pattern]] = []  # compiled by re this run: their code to keep


def _packed(code: list[int]) -> str:
    """An engine's code (numbers of 4 bytes, re's or the regex module's) as the text kept."""
    return base64.b64encode(array(_CODE_TYPE, code).tobytes()).decode("ascii")


def _unpacked_code(kept: str) -> list[int]:
    """The inverse of _packed (ValueError for what it did not write)."""
    return array(_CODE_TYPE, base64.b64decode(kept, validate=True)).tolist()


def compile_re(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), made from the engine code the cache keeps for it when it
    has it (kept only where it made a pattern equal to re's: the same code). Anything
    amiss (another interpreter's file, an entry broken or planted: the engine checks the
    code it is given and refuses code that is not sound) → re.compile."""
    flags = int(flags)
    if type(source) is not str:  # (a few bytes patterns, quick to compile: not kept)
        return re.compile(source, flags)
    kept = PATTERNS.get((_ENGINE, flags, source))
    if kept is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = kept
            return _sre.compile(source, final_flags, _unpacked_code(code), groups, groupindex, tuple(indexgroup))
        except Exception:  # (not what keep_patterns() wrote)
            pass
    compiled = re.compile(source, flags)
    _UNKEPT.append((source, flags, compiled))
    return compiled


def keep_patterns() -> None:
    """Keep the engine code of the patterns compile_re() had to compile, worked out again
    as re.compile works it out (re's parser and code generator), where it makes a pattern
    equal to re's (a Pattern compares its flags, text and code). The cost of a first run."""
    if _UNKEPT:
        from re import _compiler, _parser  # (re's own: what makes the code)

        for source, flags, compiled in _UNKEPT:
            try:
                source.encode()  # (one with a lone surrogate, \ud800 written as itself, cannot be kept)
                tree = _parser.parse(source, flags)
                code = _compiler._code(tree, flags)
                groupindex = dict(tree.state.groupdict)
                indexgroup = [None] * tree.state.groups
                for name, number in groupindex.items():
                    indexgroup[number] = name
                parts = [flags | tree.state.flags, code, tree.state.groups - 1, groupindex, indexgroup]
                if _sre.compile(source, *parts[:4], tuple(indexgroup)) == compiled:
                    parts[1] = _packed(code)
                    PATTERNS.put((_ENGINE, flags, source), parts)
            except Exception:  # (an interpreter whose re works otherwise: nothing kept)
                continue
        _UNKEPT.clear()
    PATTERNS.save()
    REGEX_CODE.save()


# ------------------------------------------------------------------------ the regex module's patterns

# The rules' patterns are compiled by the regex module, which parses and compiles a
# pattern in Python (about 1 ms a pattern, some 80 ms at the start of a check of one
# file) and hands its engine a list of numbers (_regex.compile), which makes the pattern
# in microseconds. That engine does not check the code it is given (a damaged list can
# crash the process), so the code is not kept in the user's cache folder, where a file
# planted can at worst be wrong data: it is kept beside the package's compiled byte
# code (__pycache__, or sys.pycache_prefix), trusted as that is, written when Python
# writes byte code (not under PYTHONDONTWRITEBYTECODE), by regex's version.


class ByteCodeStore(Store):
    """A Store kept where Python keeps this package's compiled byte code."""

    def _path(self) -> Path | None:
        import importlib.util

        try:
            byte_code = Path(importlib.util.cache_from_source(__file__))
        except (NotImplementedError, ValueError):  # (an interpreter with no byte code cache)
            return None
        # (the code's bytes are in the machine's order: a folder copied to another machine is not read)
        return byte_code.with_name(f"{self.name}.{sys.implementation.cache_tag}-{sys.byteorder}-{__version__}-{FORM}.json")

    def save(self) -> None:
        if not sys.dont_write_bytecode:
            super().save()


REGEX_CODE = ByteCodeStore("regex-code")


def compile_regex(pattern: str, flags: int):
    """regex.compile(pattern, flags), made from the engine code kept for it when there is
    some (anything amiss: regex.compile); what regex.compile hands its engine is kept
    for the next run (keep_patterns)."""
    import regex

    main = getattr(regex, "_main", None)  # (the module whose _regex is the engine)
    if not hasattr(main, "_regex"):  # (a regex made otherwise: nothing kept)
        return regex.compile(pattern, flags)
    key = (regex.__version__, int(flags), pattern)
    kept = REGEX_CODE.get(key)
    if kept is not None:
        try:
            return main._regex.compile(pattern, *_unpacked(kept))
        except Exception:  # (not what compile_regex kept: a damaged file)
            pass
    with _REGEX_LOCK:  # (the engine stood in for one pattern at a time)
        engine = main._regex
        recorder = _Recorder(engine, pattern)
        main._regex = recorder
        try:
            compiled = regex.compile(pattern, flags)
        finally:
            main._regex = engine
    if recorder.args is not None and recorder.args[5:7] == ({}, []):  # (no named lists)
        final_flags, code, group_index, index_group = recorder.args[1:5]
        req_offset, req_chars, req_flags, group_count = recorder.args[7:]
        REGEX_CODE.put(key, [int(final_flags), _packed(code), group_index, index_group, req_offset, tuple(req_chars),
                             req_flags, group_count])
    return compiled


def _unpacked(kept: list) -> tuple:
    """_regex.compile's arguments after the pattern, from what compile_regex kept."""
    final_flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = kept
    return final_flags, _unpacked_code(code), group_index, index_group, {}, [], req_offset, req_chars, req_flags, group_count


class _Recorder:
    """Stands in for the regex module's engine while compile_regex compiles one pattern:
    passes everything on, and keeps the arguments its compile is given for that pattern."""

    def __init__(self, engine, pattern: str) -> None:
        self._engine = engine
        self._pattern = pattern
        self.args = None

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def compile(self, *args):
        if args and args[0] is self._pattern:
            self.args = args
        return self._engine.compile(*args)


_REGEX_LOCK = threading.Lock()
