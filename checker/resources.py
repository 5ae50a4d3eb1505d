"""Where the data folders (grammar/, rules/) are: beside the code when installed
(nianbao/grammar), or at the top of a source checkout (checker/../grammar)."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    installed = _HERE / name
    if installed.is_dir():
        return installed
    return _HERE.parent / name


def grammar(name: str, **options):
    """A Lark LALR parser for grammar/<name>, its tables cached in the user's cache
    folder (building them costs ~20 ms at every start; reading them back ~1.5 ms).
    Lark checks the cache against the grammar's hash and rebuilds a stale one."""
    import os

    from lark import Lark

    source = (data_dir("grammar") / name).read_text(encoding="utf-8")
    cache = _cache_dir()
    if cache is not None:
        options["cache"] = str(cache / f"{name}.cache")
    try:
        return Lark(source, parser="lalr", **options)
    except OSError:  # an unreadable or unwritable cache: build without it
        options.pop("cache", None)
        return Lark(source, parser="lalr", **options)


def _cache_dir() -> Path | None:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "nianbao"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None
