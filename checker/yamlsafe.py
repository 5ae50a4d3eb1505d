"""Reading rule files: YAML with positions, and nothing that YAML could do to us.

PyYAML's SafeLoader composes the node tree (so every value keeps its line and
column); this module turns nodes into plain dicts, lists and scalars, refusing what a
rule file never needs: tags that construct objects (!!python/…), aliases (the
"billion laughs" expansion), duplicate keys (PyYAML silently keeps the last one),
and files or trees too large to be hand-written rules.

What a file gives is kept in the user's cache (cache.py: JSON, keyed by the file's
text), so a start reads the bundled rules' YAML in a few milliseconds, not fifty, and
imports PyYAML only when a file has changed (the import alone costs about as much as
checking a report).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from yaml.nodes import Node

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


class Pos(NamedTuple):
    """A place in a file (a named tuple: a rule file has thousands, made at every start)."""

    line: int    # 1-based
    column: int  # 1-based


class YamlError(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class LocDict(dict):
    """A mapping that remembers where it and each of its keys' values are."""

    pos: Pos
    key_pos: dict
    value_pos: dict


class LocList(list):
    pos: Pos
    item_pos: list


def _pos(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


@functools.cache
def _no_alias_loader():
    """The pure-Python loader, which can say where an alias is; used only to report
    one (the C loader, ten times faster, reads every file first)."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise YamlError(Pos(event.start_mark.line + 1, event.start_mark.column + 1),
                                "YAML aliases (*name) are not allowed in rule files; write the value out")
            return super().compose_node(parent, index)

    return NoAliasLoader


def _fast_loader():
    """The C loader where PyYAML was built with it: ten times as quick."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_plain(path: Path) -> object:
    """A bundled data file (templates, regimes) as plain dicts, lists and scalars: no
    places kept, safe loading, the quicker loader; kept in the cache like a rule file
    (in cache.encode's JSON), unless it holds a value JSON cannot (a date). What the
    cache gives is the same object each time: the callers build their own from it and
    change nothing in it."""
    from . import cache

    text = path.read_text(encoding="utf-8")
    key = "plain:" + text_digest(text)
    kept = cache.YAML.get(key)
    if kept is not None:
        return kept
    import yaml

    doc = yaml.load(text, Loader=_fast_loader())
    try:
        cache.encode(doc)  # (the store encodes what it writes: this only asks whether it can)
    except TypeError:
        return doc  # not plain JSON data: read the file each time
    cache.YAML.put(key, doc)
    return doc


def text_digest(text: str) -> str:
    """What the cache keeps a file's data under: a digest of its text. BLAKE2b, about
    twice as quick as SHA-256 here (a start digests ~270 KB of YAML text)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=32).hexdigest()


def read(path: Path) -> str:
    """A rule file's text. Raises YamlError for a file too large to be one."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlError(Pos(1, 1), f"file too large for a rule file ({size} bytes, at most {MAX_FILE_BYTES})")
    return path.read_text(encoding="utf-8")


def load(text: str) -> object:
    """Parse a rule file's text (see read) into LocDict/LocList/scalars. Raises YamlError."""
    from . import cache

    key = text_digest(text)
    kept = cache.YAML.get(key)
    if kept is not None:
        try:
            return _from_plain(kept)
        except (TypeError, ValueError, IndexError, KeyError, RecursionError):
            pass  # not what we wrote after all: read the file
    doc = loads(text)
    if doc is not None:
        cache.YAML.put(key, _to_plain(doc))
    return doc


# A document as the cache keeps it: plain JSON, each mapping and list a list that starts
# with its kind and place, then its keys and items, each with its place; dates as text.
_MAPPING, _LIST, _DATE, _DATETIME = "m", "l", "d", "t"


def _to_plain(value):
    if isinstance(value, LocDict):
        out = [_MAPPING, *value.pos]
        for key, item in value.items():
            out += (_to_plain(key), *value.key_pos[key], _to_plain(item), *value.value_pos[key])
        return out
    if isinstance(value, LocList):
        out = [_LIST, *value.pos]
        for item, pos in zip(value, value.item_pos):
            out += (_to_plain(item), *pos)
        return out
    if isinstance(value, dt.datetime):
        return [_DATETIME, value.isoformat()]
    if isinstance(value, dt.date):
        return [_DATE, value.isoformat()]
    return value


def _from_plain(value):
    if type(value) is not list:
        return value
    kind = value[0]
    if kind == _MAPPING:
        if len(value) % 6 != 3:  # (kind, place, then six for each key)
            raise ValueError("not a cached YAML mapping")
        out = LocDict()
        out.pos, out.key_pos, out.value_pos = _pos_of(value[1:3]), {}, {}
        fields = iter(value[3:])
        for key, key_line, key_column, item, line, column in zip(fields, fields, fields, fields, fields, fields):
            if type(key) is list:
                key = _from_plain(key)
            out[key] = _from_plain(item) if type(item) is list else item
            out.key_pos[key] = _pos_of((key_line, key_column))
            out.value_pos[key] = _pos_of((line, column))
        return out
    if kind == _LIST:
        if len(value) % 3 != 0:  # (kind, place, then three for each item)
            raise ValueError("not a cached YAML list")
        items = LocList([_from_plain(item) if type(item) is list else item for item in value[3::3]])
        items.pos, items.item_pos = _pos_of(value[1:3]), list(map(_pos_of, zip(value[4::3], value[5::3])))
        return items
    if kind == _DATETIME:
        return dt.datetime.fromisoformat(value[1])
    if kind == _DATE:
        return dt.date.fromisoformat(value[1])
    raise ValueError(f"not a cached YAML value: {kind!r}")


# Pos((line, column)) made in C, not through the Python __new__ of a named tuple (a start
# makes thousands)
_pos_of = functools.partial(tuple.__new__, Pos)


def loads(text: str) -> object:
    node = _compose(text, _fast_loader())
    if node is None:
        return None
    try:
        return _Converter().convert(node)
    except _AliasFound:
        _compose(text, _no_alias_loader())  # raises the error, at the alias
        raise YamlError(Pos(1, 1), "YAML aliases (*name) are not allowed in rule files") from None


def _compose(text: str, loader_class):
    import yaml

    loader = loader_class(text)
    try:
        return loader.get_single_node()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        raise YamlError(pos, f"YAML syntax error: {e.problem or e}") from None
    except yaml.YAMLError as e:
        raise YamlError(Pos(1, 1), f"YAML error: {e}") from None
    finally:
        loader.dispose()


class _AliasFound(Exception):
    """A node met twice: an alias (the C loader gives the anchored node again)."""


class _Converter:
    def __init__(self) -> None:
        from yaml.constructor import ConstructorError, SafeConstructor
        from yaml.nodes import MappingNode, SequenceNode

        self.count = 0
        self.scalars = SafeConstructor()
        self.seen: set[int] = set()
        self.mapping, self.sequence, self.bad_value = MappingNode, SequenceNode, ConstructorError

    def convert(self, node: Node) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(_pos(node), f"rule file too large (more than {MAX_NODES} values)")
        if id(node) in self.seen:
            raise _AliasFound
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            raise YamlError(_pos(node), f"YAML tag {node.tag!r} is not allowed in rule files")
        if isinstance(node, self.mapping):
            out = LocDict()
            out.pos, out.key_pos, out.value_pos = _pos(node), {}, {}
            for key_node, value_node in node.value:
                key = self.convert(key_node)
                if isinstance(key, (dict, list)):
                    raise YamlError(_pos(key_node), "a mapping key must be a plain value")
                if key in out:
                    raise YamlError(_pos(key_node), f"duplicate key {key!r} (first at line {out.key_pos[key].line})")
                out[key] = self.convert(value_node)
                out.key_pos[key] = _pos(key_node)
                out.value_pos[key] = _pos(value_node)
            return out
        if isinstance(node, self.sequence):
            items = LocList()
            items.pos, items.item_pos = _pos(node), []
            for item in node.value:
                items.append(self.convert(item))
                items.item_pos.append(_pos(item))
            return items
        try:  # (a scalar)
            return self.scalars.construct_object(node, deep=True)
        except self.bad_value as e:
            raise YamlError(_pos(node), f"bad value: {e.problem}") from None
