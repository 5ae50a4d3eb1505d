"""What nianbao keeps between runs, in the user's cache folder (~/.cache/nianbao, or
$XDG_CACHE_HOME/nianbao): the grammars' parser tables, the parse trees of rule
expressions and the regular expressions known to compile. All of it is derived from
files on disk and rebuilt when missing; a start with a warm cache skips ~0.1 s of
work (nianbao check on one file is meant to start in well under 0.3 s).

The cache files are pickles that only nianbao writes, in a folder only the user can
write to (mode 700); anything unreadable is ignored and rebuilt.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from . import __version__


def cache_dir() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "nianbao"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def grammar(name: str, **options):
    """A Lark LALR parser for grammar/<name>, its tables cached (building them costs
    ~20 ms at every start; reading them back ~1.5 ms). Lark checks the cache against
    the grammar's hash and rebuilds a stale one."""
    from lark import Lark

    from .resources import data_dir

    source = (data_dir("grammar") / name).read_text(encoding="utf-8")
    folder = cache_dir()
    if folder is not None:
        options["cache"] = str(folder / f"{name}.cache")
    try:
        return Lark(source, parser="lalr", **options)
    except OSError:  # an unreadable or unwritable cache: build without it
        options.pop("cache", None)
        return Lark(source, parser="lalr", **options)


class Store:
    """A dictionary kept in one cache file, read on first use and written back by
    save() when something was added. Keys name what they are derived from (the
    expression's text, the pattern), values are what it costs to derive."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._data: dict | None = None
        self._dirty = False

    def _path(self) -> Path | None:
        folder = cache_dir()
        return folder / f"{self.name}-{__version__}.pickle" if folder else None

    def _load(self) -> dict:
        if self._data is None:
            path = self._path()
            try:
                with open(path, "rb") as f:  # type: ignore[arg-type]
                    data = pickle.load(f)
                self._data = data if isinstance(data, dict) else {}
            except Exception:  # missing, unreadable or from another version: start afresh
                self._data = {}
        return self._data

    def get(self, key):
        return self._load().get(key)

    def put(self, key, value) -> None:
        self._load()[key] = value
        self._dirty = True

    def save(self) -> None:
        path = self._path()
        if not self._dirty or path is None:
            return
        try:
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as f:
                pickle.dump(self._data, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(f.name, path)  # atomic: a concurrent reader sees the old or the new file
            self._dirty = False
        except OSError:
            pass


# What compiling the rules derives: parse trees of expressions, patterns that compile.
RULES = Store("rules")
