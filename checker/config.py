"""Settings for `nianbao check` kept in a file, so a team checks its reports the same
way every time: `nianbao.toml`, or a `[tool.nianbao]` table in `pyproject.toml`.

The file is looked for in the working directory and then in each folder above it;
the first folder that has one wins (a `nianbao.toml` before a `pyproject.toml`).
Command-line flags override the file. Unknown keys and wrong values are errors, not
silently ignored, so a misspelt `fail_on` cannot quietly change a pipeline's verdict.

    # nianbao.toml
    rules = ["our-rules"]        # further rule folders, relative to this file
    select = ["SUM", "TABLE"]
    ignore = ["META-003"]
    fail-on = "error"
    lang = "en"
    format = "json"
    jobs = 4
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_FILE = "nianbao.toml"
PYPROJECT = "pyproject.toml"
SEVERITIES = ("error", "warning", "info")
LANGS = ("zh", "en")
FORMATS = ("text", "json", "sarif", "csv")

# Each setting: the values it may take (a tuple of choices, or a type).
SETTINGS: dict[str, object] = {
    "rules": list,
    "select": list,
    "ignore": list,
    "fail_on": SEVERITIES,
    "lang": LANGS,
    "format": FORMATS,
    "jobs": int,
}
# (where tomllib says an invalid file went wrong; compiled only when one is met)
_TOML_POSITION = r"^(?P<message>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$"


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file."""


@dataclass(slots=True, repr=False, eq=False)
class Config:
    """The settings one config file gives, validated (resolve() lays the flags over them)."""

    path: Path | None = None                       # the file the values came from
    values: dict[str, object] = field(default_factory=dict)


def discover(start: Path) -> Path | None:
    """The config file that applies in `start`: the nearest one in it or above it."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_nianbao_table(pyproject):
            return pyproject
    return None


def _has_nianbao_table(pyproject: Path) -> bool:
    try:
        return "nianbao" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return False  # a broken pyproject.toml of some other tool is not ours to judge


def load(path: Path) -> Config:
    """Read and validate one config file; rule folders become paths relative to it."""
    doc = _read_toml(path)
    if path.name == PYPROJECT:
        table = doc.get("tool", {}).get("nianbao", {})
        where = f"{path}: [tool.nianbao]"
    else:
        table = doc
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table of settings")
    values: dict[str, object] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in SETTINGS:
            known = ", ".join(k.replace("_", "-") for k in SETTINGS)
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {known})")
        values[name] = _validated(where, key, value, SETTINGS[name])
    if "rules" in values:
        values["rules"] = [(path.parent / folder) for folder in values["rules"]]
    return Config(path, values)


def _validated(where: str, key: str, value: object, allowed: object) -> object:
    if allowed is list:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings")
        return value
    if allowed is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{where}: {key} must be a whole number of at least 1")
        return value
    if value not in allowed:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        m = re.match(_TOML_POSITION, str(e))
        if m:
            raise ConfigError(f"{path}:{m['line']}:{m['column']}: invalid TOML: {m['message']}") from None
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text (TOML files are UTF-8): byte 0x{e.object[e.start]:02X} "
                          f"at offset {e.start}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None


@dataclass(slots=True, repr=False, eq=False)
class Settings:
    """The settings a run uses, and where each came from (for --show-config)."""

    rules: list[Path]
    select: list[str]
    ignore: list[str]
    fail_on: str
    lang: str
    format: str
    jobs: int
    config: Path | None
    origins: dict[str, str]  # setting -> "default" | the config file | "command line"


def defaults() -> dict[str, object]:
    return {"rules": [], "select": [], "ignore": [], "fail_on": "warning", "lang": "zh", "format": "text",
            "jobs": available_cores()}


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve(flags: dict[str, object], config: Config) -> Settings:
    """Defaults, overridden by the config file, overridden by the flags given
    (a flag left out is None). Rule id lists may also be written "SUM,TABLE"."""
    values = defaults()
    origins = dict.fromkeys(values, "default")
    for source, layer in ((str(config.path), config.values), ("command line", flags)):
        for key, value in layer.items():
            if value is not None:
                values[key] = value
                origins[key] = source
    for key in ("select", "ignore"):
        values[key] = [part.strip() for item in values[key] for part in item.split(",") if part.strip()]
    values["rules"] = [Path(p) for p in values["rules"]]
    return Settings(**values, config=config.path, origins=origins)


def describe(settings: Settings, searched_from: Path | None) -> str:
    """What --show-config prints: the file used, then each setting and its origin."""
    if settings.config:
        lines = [f"# config file: {settings.config}"]
    elif searched_from:
        lines = [f"# config file: none ({CONFIG_FILE} or [tool.nianbao] in {PYPROJECT}, "
                 f"looked for in {searched_from} and the folders above)"]
    else:
        lines = ["# config file: none (--no-config)"]
    for key in SETTINGS:
        value = getattr(settings, key)
        shown = [str(v) for v in value] if key == "rules" else value
        lines.append(f"{key.replace('_', '-')} = {json.dumps(shown, ensure_ascii=False)}"
                     f"  # {settings.origins[key]}")
    return "\n".join(lines) + "\n"
