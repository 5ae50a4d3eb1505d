"""The official table templates and section titles, loaded from `rules/templates/*.yaml`.

Templates are data: what a table looks like in each format version. The reader in
`tables.py` knows only the four shapes (blocks, grid, column_groups, labelled_values);
which rows and columns a table has, and their labels, come from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .labels import core
from .resources import data_dir
from .yamlsafe import load_plain


class TemplateError(Exception):
    pass


@dataclass(frozen=True, slots=True, repr=False)
class Column:
    """A column of a table template: what its cells count and in which unit."""

    id: str
    label: str
    kind: str = "count"     # count | signed | amount
    unit: str | None = None


@dataclass(slots=True, repr=False, eq=False)
class TemplateRow:
    """A row of a table template, with the format versions that have it."""

    id: str | None          # None for a pure group heading without its own id
    label: str
    versions: frozenset[str]
    is_group: bool          # has child rows, carries no values of its own
    unit: str | None = None
    kind: str | None = None
    block: str | None = None
    order: int = 0
    core: str = ""  # the label's words, for matching (labels.core)

    def __post_init__(self) -> None:
        self.core = core(self.label)


@dataclass(slots=True, repr=False, eq=False)
class Block:
    """Rows that share one set of columns (a table of shape `blocks` has several)."""

    id: str | None
    label: str
    columns: list[Column]
    rows: list[TemplateRow]


@dataclass(repr=False, eq=False)
class TableTemplate:
    """One table of one format version (e.g. applications in the 2021 format)."""

    id: str
    version: str
    title: str
    shape: str
    section: int | None
    blocks: list[Block]                # one block (id None) unless shape is `blocks`
    captions: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)   # expected header labels, level order
    row_header: str | None = None
    groups: list[tuple[str, str]] = field(default_factory=list)  # column_groups: (id, label) leaves
    # What the table reader looks up again and again while reading against this version
    # (the rows a label names, what tells this version from the others), kept from one
    # reading to the next: tables.py fills it; the answers depend only on the templates.
    lookups: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def rows(self) -> list[TemplateRow]:
        return [r for b in self.blocks for r in b.rows]

    @cached_property
    def row_orders(self) -> dict[str, int]:
        return {r.id: r.order for r in self.rows if r.id}

    @cached_property
    def row_blocks(self) -> dict[str, str | None]:
        return {r.id: r.block for r in self.rows if r.id}

    @cached_property
    def row_cores(self) -> set[str]:
        return {r.core for r in self.rows}

    @cached_property
    def data_rows(self) -> list[TemplateRow]:
        return [r for r in self.rows if not r.is_group]

    @cached_property
    def labels(self) -> set[str]:
        """Every label core the template uses: its evidence when telling tables apart."""
        out = {core(c) for c in self.captions} | {core(h) for h in self.header}
        for b in self.blocks:
            out.add(core(b.label))
            out.update(core(c.label) for c in b.columns)
            out.update(r.core for r in b.rows)
        if self.row_header:
            out.add(core(self.row_header))
        out.discard("")
        return out


@dataclass(frozen=True, slots=True, repr=False)
class SectionTitle:
    """One of the six official sections: its title, the variants reports write, the words that tell it."""

    number: int
    title: str
    article: str | None
    variants: tuple[str, ...]
    keywords: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True, repr=False)
class SameMeaning:
    """Words by which a heading may differ from the format's and keep its meaning."""

    ignore: tuple[str, ...] = ()
    same: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True, repr=False, eq=False)
class Templates:
    """Every table template and section title, with the lookups the reader needs, made once."""

    tables: list[TableTemplate]
    sections: list[SectionTitle]
    same_meaning: SameMeaning = SameMeaning()
    label_owners: dict[str, set[str]] = field(default_factory=dict)
    sole_owner: dict[str, str] = field(default_factory=dict)  # label core → the one table using it
    neutral: set[str] = field(default_factory=set)  # tables whose versions are all alike
    heading_labels: set[str] = field(default_factory=set)  # column names, block labels, captions: no row's
    row_labels: set[str] = field(default_factory=set)  # the labels of every template's rows
    block_labels: set[str] = field(default_factory=set)  # the labels of blocks (第二十条第（一）项)
    later_section_titles: set[str] = field(default_factory=set)  # the format's headings 二–六, as it words them
    _versions: dict[str, list[TableTemplate]] = field(default_factory=dict, repr=False, compare=False)
    _ids: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict, init=False, repr=False,
                                                                   compare=False)

    def __post_init__(self) -> None:
        for tpl in self.tables:
            self._versions.setdefault(tpl.id, []).append(tpl)
            for label in tpl.labels:
                self.label_owners.setdefault(label, set()).add(tpl.id)
        self.sole_owner = {label: next(iter(owners)) for label, owners in self.label_owners.items()
                           if len(owners) == 1}
        self.row_labels = {r.core for t in self.tables for r in t.rows}
        self.block_labels = {core(b.label) for t in self.tables for b in t.blocks if b.id}
        self.heading_labels = ({core(h) for t in self.tables for h in [*t.header, *t.captions]}
                               | self.block_labels) - self.row_labels
        self.later_section_titles = {s.title for s in self.sections if s.number > 1}
        for table_id in {t.id for t in self.tables}:
            shapes = {_structure(t) for t in self.versions_of(table_id)}
            if len(self.versions_of(table_id)) > 1 and len(shapes) == 1:
                self.neutral.add(table_id)

    def versions_of(self, table_id: str) -> list[TableTemplate]:
        """A table's template versions, in file order (asked for at every cell a rule
        reads). The list is shared: not to be changed."""
        return self._versions.get(table_id, [])

    def official(self, number: int | None) -> SectionTitle | None:
        """The format's section of that number (一 … 六), its title and wordings."""
        return next((s for s in self.sections if s.number == number), None)

    def section_of(self, table_id: str | None) -> int | None:
        """The section of the format a table belongs in (主动公开 in 二, …)."""
        versions = self.versions_of(table_id or "")
        return versions[0].section if versions else None

    def ids_of(self, table_id: str) -> tuple[frozenset[str], frozenset[str]]:
        """The row ids and the column ids a rule may name in a table, all its versions
        together (asked for at every reference of every rule when the rules load)."""
        ids = self._ids.get(table_id)
        if ids is None:
            versions = self.versions_of(table_id)
            columns = {c.id for t in versions for b in t.blocks for c in b.columns}
            if any(t.shape == "labelled_values" for t in versions):
                columns |= {"value", "unit"}
            ids = self._ids[table_id] = (frozenset(r.id for t in versions for r in t.data_rows if r.id),
                                         frozenset(columns))
        return ids

    def version_of(self, table_id: str | None, version: str | None) -> TableTemplate | None:
        """The template a table was read against: its version, else the first one (a
        table whose versions do not differ was read with no version)."""
        versions = self.versions_of(table_id or "")
        return next((t for t in versions if t.version == version), versions[0] if versions else None)


def _structure(tpl: TableTemplate) -> tuple:
    """What a reader sees of a template version: its rows, columns and header."""
    return (tuple((b.label, tuple((c.id, c.label) for c in b.columns),
                   tuple((r.id, r.label, r.is_group) for r in b.rows)) for b in tpl.blocks),
            tuple(tpl.header), tuple(tpl.captions))


def _rows(spec: list, version: str, parent_id: str | None, block: str | None,
          out: list[TemplateRow], where: str) -> None:
    for item in spec:
        versions = item.get("versions")
        if versions is not None and version not in versions:
            continue
        own = item.get("id")
        row_id = f"{parent_id}.{own}" if parent_id and own else own
        children = item.get("rows")
        if "label" not in item:
            raise TemplateError(f"{where}: a row has no label")
        out.append(TemplateRow(
            id=row_id, label=item["label"], versions=frozenset(versions or ()),
            is_group=children is not None, unit=item.get("unit"), kind=item.get("kind"),
            block=block, order=len(out)))
        if children is not None:
            _rows(children, version, row_id if own else parent_id, block, out, where)


def _columns(spec: list) -> list[Column]:
    return [Column(id=c["id"], label=c["label"], kind=c.get("kind", "count"), unit=c.get("unit"))
            for c in _leaves(spec, "columns")]


def _leaves(spec: list, key: str) -> list[dict]:
    out: list[dict] = []
    for item in spec:
        if key in item:
            out.extend(_leaves(item[key], key))
        else:
            out.append(item)
    return out


def _with_columns(groups: list, columns: list) -> list:
    """The header tree of a column_groups table: the columns repeat under each leaf group."""
    return [{"label": g["label"],
             "groups": _with_columns(g["groups"], columns) if "groups" in g else columns}
            for g in groups]


def _level_order(spec: list, key: str) -> list[str]:
    """Header labels as a flattened header shows them: one level after the other."""
    labels: list[str] = []
    level = spec
    while level:
        labels.extend(item["label"] for item in level)
        level = [child for item in level for child in item.get(key, [])]
    return labels


def _table_templates(doc: dict, where: str) -> list[TableTemplate]:
    out = []
    shape = doc["shape"]
    if shape == "blocks":
        for version, body in doc["versions"].items():
            blocks = []
            for b in body["blocks"]:
                rows: list[TemplateRow] = []
                _rows(b["rows"], version, b.get("id"), b.get("id"), rows, where)
                blocks.append(Block(id=b.get("id"), label=b["label"], columns=_columns(b["columns"]), rows=rows))
            for order, row in enumerate(r for bl in blocks for r in bl.rows):
                row.order = order
            out.append(TableTemplate(id=doc["id"], version=str(version), title=doc["title"], shape=shape,
                                     section=doc.get("section"), blocks=blocks,
                                     row_header=doc.get("row_header")))
        return out
    for version in doc["versions"]:
        version = str(version)
        rows: list[TemplateRow] = []
        _rows(doc.get("rows", []), version, None, None, rows, where)
        if shape == "column_groups":
            leaves = [(g["id"], g["label"]) for g in _leaves(doc["groups"], "groups")]
            header = _level_order(_with_columns(doc["groups"], doc["columns"]), "groups")
            rows = [TemplateRow(id=gid, label=label, versions=frozenset(), is_group=False, order=i)
                    for i, (gid, label) in enumerate(leaves)]
            columns = _columns(doc["columns"])
        elif shape == "grid":
            header = _level_order(doc["columns"], "columns")
            columns = _columns(doc["columns"])
            leaves = []
        elif shape == "labelled_values":
            header = list(doc.get("header", []))
            columns = [Column(id="value", label=header[-1] if header else "value")]
            leaves = []
        else:
            raise TemplateError(f"{where}: unknown shape {shape!r}")
        out.append(TableTemplate(
            id=doc["id"], version=version, title=doc["title"], shape=shape, section=doc.get("section"),
            blocks=[Block(id=None, label=doc["title"], columns=columns, rows=rows)],
            captions=list(doc.get("captions", [])), header=header, groups=leaves))
    return out


def load_templates(directory: Path) -> Templates:
    tables: list[TableTemplate] = []
    sections: list[SectionTitle] = []
    same_meaning = SameMeaning()
    for path in sorted(directory.glob("*.yaml")):
        doc = load_plain(path)
        try:
            if path.stem == "sections":
                sections = [SectionTitle(
                    number=s["number"], title=s["title"], article=s.get("article"),
                    variants=tuple(s.get("variants", ())),
                    keywords=tuple(tuple(k) for k in s.get("keywords", ()))) for s in doc["sections"]]
                words = doc.get("same_meaning") or {}
                same_meaning = SameMeaning(tuple(words.get("ignore", ())), tuple((words.get("same") or {}).items()))
            else:
                tables.extend(_table_templates(doc, str(path)))
        except (KeyError, TypeError) as e:
            raise TemplateError(f"{path}: malformed template ({e})") from None
    return Templates(tables=tables, sections=sections, same_meaning=same_meaning)


@lru_cache(maxsize=1)
def bundled() -> Templates:
    return load_templates(data_dir("rules") / "templates")
