"""`pip install .` into a fresh virtualenv, then run nianbao from another directory:
the code, the grammars and the rules must all be inside the installed package."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with nianbao installed from a copy of the source tree (so the
    install cannot lean on files of the working checkout). Built once a run: with the
    suite spread over processes (pytest-xdist), the first to need it builds it in the
    folder they share, under a lock, and the others wait for it and use it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    base = shared / "install"
    with open(shared / "install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / "venv-ready").exists():
            shutil.rmtree(base, ignore_errors=True)
            _install(base)
            (base / "venv-ready").touch()
    return base / "venv"


def _install(base: Path) -> None:
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", "*.egg-info", "build", ".pytest_cache", ".hypothesis", "tests"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    pip = subprocess.run([env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", str(source)],
                         capture_output=True, text=True, timeout=600)
    if pip.returncode != 0:
        pytest.fail(f"pip install failed:\n{pip.stdout}\n{pip.stderr}")
    (base / "pip-stderr.txt").write_text(pip.stderr, encoding="utf-8")


def test_the_install_warns_about_nothing_of_the_project(installed):
    """Every data folder is a declared package: setuptools has nothing to warn about."""
    stderr = (installed.parent / "pip-stderr.txt").read_text(encoding="utf-8")
    assert "BuildBackendWarning" not in stderr and "nianbao" not in stderr, stderr


def _run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([env_dir / "bin" / "nianbao", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


def test_installed_nianbao_parses_from_another_directory(installed, tmp_path):
    report = tmp_path / "report.txt"
    shutil.copy(SEEDS["001"], report)
    result = _run(installed, "parse", "report.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "table applications 2021 [cells]" in result.stdout


def test_installed_rules_load_and_their_examples_pass(installed, tmp_path):
    result = _run(installed, "rules", "test", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_of_the_source_tree_is_installed(installed):
    site = next((installed / "lib").glob("python3*/site-packages"))
    package = site / "nianbao"
    expected = {Path("nianbao") / p.relative_to(ROOT / "checker") for p in (ROOT / "checker").rglob("*.py")}
    expected |= {Path("nianbao/tui") / p.relative_to(ROOT / "tui") for p in (ROOT / "tui").rglob("*.py")}
    expected |= {Path("nianbao/grammar") / p.name for p in (ROOT / "grammar").glob("*.lark")}
    expected |= {Path("nianbao/rules") / p.relative_to(ROOT / "rules") for p in (ROOT / "rules").rglob("*")
                 if p.is_file() and p.suffix in (".yaml", ".txt")}
    found = {p.relative_to(site) for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert expected - found == set()


@pytest.mark.parametrize("sample", ["docx/001_9015c37c5a0ad370.docx", "html/001_9015c37c5a0ad370.html",
                                    "pdf/001_9015c37c5a0ad370.pdf"])
def test_a_plain_install_reads_every_format(installed, tmp_path, sample):
    """No extras: python-docx, lxml and pdfplumber come with nianbao."""
    shutil.copy(ROOT / "samples" / sample, tmp_path / Path(sample).name)
    result = _run(installed, "check", "--no-config", "--format", "json", Path(sample).name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"status": "ok"' in result.stdout and '"rule": "TABLE-010"' in result.stdout


def test_a_plain_install_runs_the_tui(installed, tmp_path):
    """No extras: Textual comes with nianbao. The app opens a report and lists its
    violations (headless, as Textual's test driver runs it)."""
    shutil.copy(SEEDS["001"], tmp_path / "report.txt")
    script = """
import asyncio
from nianbao.tui.app import NianbaoApp, settle

async def main():
    app = NianbaoApp("report.txt", poll_interval=None)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await settle(pilot)
        print(type(app.screen).__name__, len(app.screen.listed))

asyncio.run(main())
"""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([installed / "bin" / "python", "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    screen, listed = result.stdout.split()
    assert screen == "ReportScreen" and int(listed) > 0
    help_ = _run(installed, "tui", "--help", cwd=tmp_path)
    assert help_.returncode == 0 and "PATH" in help_.stdout
