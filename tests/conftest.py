"""Shared fixtures. Tests go through the public surface: the CLI, `check()`, `parse()`
and the TUI's Pilot, on the sample reports under samples/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests' generated examples are the same on every run (derandomized: seeded by each
# test), with no database of past runs and no deadline per example: the suite must pass on a loaded
# 2-core machine every time; a failing example found is written into its test (@example) instead.
settings.register_profile("nianbao", derandomize=True, database=None, deadline=None)
settings.load_profile("nianbao")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REAL = SAMPLES / "real"
SYNTHETIC = SAMPLES / "synthetic"
SEEDS = {p.name[:3]: p for p in sorted(REAL.glob("*.txt"))}


def bundled_patterns(monkeypatch):
    """The bundled rules, loaded afresh, and the text of every regular expression they
    compile as they load (each once, in the order first made)."""
    from nianbao import expr
    from nianbao.rules import load_rules

    seen: list[str] = []
    made = expr.Pattern.__init__

    def record(self, pattern: str) -> None:
        seen.append(pattern)
        made(self, pattern)

    with monkeypatch.context() as patched:
        patched.setattr(expr.Pattern, "__init__", record)
        rules = load_rules()
    return rules, list(dict.fromkeys(seen))


@pytest.fixture(scope="session")
def rules():
    from nianbao.rules import load_rules

    ruleset = load_rules()
    assert not ruleset.errors, "\n".join(map(str, ruleset.errors))
    return ruleset


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: bytes | None = None,
            user: int | None = None) -> subprocess.CompletedProcess:
    """Run `nianbao ARGS…` in a fresh interpreter, as a user would."""
    return subprocess.run([sys.executable, "-m", "nianbao.cli", *args], cwd=cwd or ROOT,
                          env={**os.environ, **(env or {})}, input=input, capture_output=True,
                          timeout=300, user=user)


@pytest.fixture
def cli():
    return run_cli
