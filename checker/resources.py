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

