"""Bad input never stops a batch: each bad file gives exactly one error line (or, if
it is a report after all, violations), the exit status says so, and the good report
named after it in the same run is still checked.

Every run here also loads the marker rules of tests/data/check_rules, so the good
report has one violation we can point at (META-901 on line 2) besides whatever the
bundled rules find."""

from __future__ import annotations

import ctypes
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import bombs
import pytest
from conftest import ROOT, SYNTHETIC, run_cli

CHECK_RULES = ROOT / "tests" / "data" / "check_rules"
MB = 1024 * 1024
TITLE = "某县某局2022年政府信息公开工作年度报告"
GOOD_TEXT = f"{TITLE}\n错误标记\n"
GOOD_LINE = "good.txt:2:1: META-901 error found “错误标记”"
SUMMARY = re.compile(r"^(\d+) report\(s\) checked, (\d+) input\(s\) could not be read: ")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def minimal_docx(*paragraphs: str) -> bytes:
    return bombs.docx(paragraphs)


def _write_50_mb(path: Path) -> None:
    line = (TITLE + "本年度共主动公开政府信息一千二百条。\n").encode("utf-8")
    with path.open("wb") as f:
        chunk = line * (1024 * 1024 // len(line) + 1)
        for _ in range(50):
            f.write(chunk)


NOT_ZIP = "not a valid .docx (not a ZIP package; the file may be damaged or truncated)"

# name, how to make it, the error line's message (English)
UNREADABLE = [
    ("empty.txt", lambda p: p.write_bytes(b""), "file is empty"),
    ("blank.txt", lambda p: p.write_text(" \n\t\n\u3000\r\n", encoding="utf-8"), "file contains only whitespace"),
    ("image.txt", lambda p: p.write_bytes(PNG),
     "not a text file (NUL byte at offset 8); an image or other binary file?"),
    ("nul.txt", lambda p: p.write_bytes(f"{TITLE}\n第二\x00行\n".encode()),
     "not a text file (NUL byte at offset 62); an image or other binary file?"),
    ("huge.txt", _write_50_mb, "file too large (50.0 MB, limit 20.0 MB); not a plausible annual report"),
    ("mixed.txt", lambda p: p.write_bytes(f"{TITLE}\n一、总体情况\n".encode() + "本年度".encode("gbk") + "未收到申请。\n".encode()),
     "damaged or mixed-encoding UTF-8: invalid byte 0xB1 at line 3, column 1"),
    ("missing.txt", lambda p: None, "no such file"),
    ("not-a-zip.docx", lambda p: p.write_bytes(b"PK but not really a zip package"), NOT_ZIP),
    ("truncated.docx", lambda p: p.write_bytes(minimal_docx(TITLE, "正文")[:400]), NOT_ZIP),
    ("garbage.html", lambda p: p.write_bytes(random.Random(7).randbytes(4000)),
     "not a text file (NUL byte at offset 70); an image or other binary file?"),
    # small files that would be huge once read (issue 16): each just over its limit
    ("bomb.docx", lambda p: bombs.docx_bomb(p, 11 * MB),
     "too large once decompressed: word/document.xml is 11.0 MB (limit 10.0 MB); not a plausible annual report"),
    ("wide.html", bombs.html_wide_table, "a table too wide (600 columns, limit 500); not a plausible annual report"),
    ("tall.html", lambda p: bombs.html_wide_table(p, cells=5, rows=250),
     "too many table cells (100,500, limit 100,000); not a plausible annual report"),
    ("tags.html", lambda p: bombs.html_many_elements(p, 100_001),
     "too many HTML elements (200,008, limit 200,000); not a plausible annual report"),
    ("flate.pdf", lambda p: bombs.pdf_flate_bomb(p, 17 * MB),
     "too large once decompressed: page 1 holds more than 16.0 MB; not a plausible annual report"),
    ("chars.pdf", lambda p: bombs.pdf_text(p, 50_001),
     "page 1 holds too many characters (more than 50,000); not a plausible annual report"),
    ("pages.pdf", lambda p: bombs.pdf_text(p, 10, pages=2_001),
     "too many PDF pages (more than 2,000); not a plausible annual report"),
    ("newlines.txt", lambda p: bombs.text_lines(p, b"\n", 100_000),
     "too many lines (100,001, limit 100,000); not a plausible annual report"),
    ("tabs.txt", lambda p: bombs.text_lines(p, b"\t" * 1_000 + b"\n", 201),
     "too many table cells (201,000, limit 200,000); not a plausible annual report"),
]


def lines_of(result) -> list[str]:
    return result.stdout.decode("utf-8").splitlines()


def assert_checked_beside(result, bad: str, message: str) -> None:
    """One error line for the bad file, the good file checked, exit 2."""
    lines = lines_of(result)
    assert f"{bad}: error: {message}" in lines, "\n".join(lines)
    assert [line for line in lines if line.startswith(bad)] == [f"{bad}: error: {message}"]
    assert GOOD_LINE in lines
    assert SUMMARY.match(lines[-1]).groups() == ("1", "1")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "make", "message"), UNREADABLE, ids=[case[0] for case in UNREADABLE])
def test_an_unreadable_file_is_one_line_and_the_batch_goes_on(tmp_path, name, make, message):
    make(tmp_path / name)
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = run_cli("check", "--no-config", "--lang", "en", "--rules", str(CHECK_RULES), name, "good.txt",
                     cwd=tmp_path)
    assert_checked_beside(result, name, message)


def test_a_folder_without_reports_is_one_line(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("not a report", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = run_cli("check", "--no-config", "--lang", "en", "--rules", str(CHECK_RULES), "notes", "good.txt",
                     cwd=tmp_path)
    assert_checked_beside(result, "notes", "no report files found")


def test_unreadable_files_in_json_are_status_error(tmp_path):
    for name, make, _ in UNREADABLE:
        if name != "huge.txt":
            make(tmp_path / name)
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    names = [name for name, _, _ in UNREADABLE if name != "huge.txt"]
    result = run_cli("check", "--no-config", "--lang", "en", "--rules", str(CHECK_RULES), "--format", "json",
                     *names, "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    files = json.loads(result.stdout)["files"]
    expected = {name: message for name, _, message in UNREADABLE}
    for entry in files[:-1]:
        assert (entry["status"], entry["error"], entry["violations"]) == ("error", expected[entry["path"]], [])
        assert entry["error_code"]
    assert files[-1]["status"] == "ok"
    assert "META-901" in {v["rule"] for v in files[-1]["violations"]}


def test_a_gbk_report_is_read_and_checked(tmp_path):
    text = (SYNTHETIC / "2021_cells_clean.txt").read_text(encoding="utf-8") + "\n错误标记\n"
    (tmp_path / "gbk.txt").write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    result = run_cli("check", "--no-config", "--lang", "en", "--rules", str(CHECK_RULES), "--format", "json",
                     "gbk.txt", cwd=tmp_path)
    entry = json.loads(result.stdout)["files"][0]
    assert (entry["status"], entry["encoding"], entry["year"]) == ("ok", "gb18030", 2023)
    assert "META-901" in {v["rule"] for v in entry["violations"]}
    assert result.returncode == 1


def test_a_report_that_is_only_a_title_is_checked(tmp_path):
    (tmp_path / "title.txt").write_text(TITLE + "\n", encoding="utf-8")
    result = run_cli("check", "--no-config", "--lang", "en", "title.txt", cwd=tmp_path)
    lines = lines_of(result)
    assert result.returncode == 1
    assert len(lines) > 1 and all(line.startswith("title.txt:1:") for line in lines[:-1])
    assert SUMMARY.match(lines[-1]).groups() == ("1", "0")


# ---------------------------------------------------------------------- no read permission

def _drop_file_permission_override() -> None:
    """In the child, before exec: root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
    obeys file modes like any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _run_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run `nianbao ARGS` as a user who cannot read a mode-000 file: this user when it
    is not root (file modes bind it); as root, the nobody user if it can run this
    interpreter, else root without its permission override."""
    if os.geteuid() != 0:
        return run_cli(*args, cwd=cwd)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(cwd)}
    try:
        result = run_cli(*args, cwd=cwd, env=env, user=65534)
        if SUMMARY.match((lines_of(result) or [""])[-1]):
            return result
    except PermissionError:  # this interpreter lives where nobody may go (e.g. under /root)
        pass
    try:
        return subprocess.run([sys.executable, "-m", "nianbao.cli", *args], cwd=cwd, capture_output=True,
                              timeout=300, preexec_fn=_drop_file_permission_override)
    except (OSError, subprocess.SubprocessError) as e:
        pytest.skip(f"cannot run without permission to read every file here: {e}")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX file modes")
def test_a_file_without_read_permission_is_one_line():
    folder = Path(tempfile.mkdtemp(prefix="nianbao-perm-"))
    try:
        folder.chmod(0o755)
        secret, good = folder / "secret.txt", folder / "good.txt"
        for path in (secret, good):
            path.write_text(GOOD_TEXT, encoding="utf-8")
            path.chmod(0o644)
        secret.chmod(0o000)
        result = _run_unprivileged(["check", "--no-config", "--lang", "en", "--jobs", "1", "--rules",
                                    str(CHECK_RULES), "secret.txt", "good.txt"], cwd=folder)
        assert_checked_beside(result, "secret.txt", "permission denied")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------- a reader's library missing

def test_a_docx_without_python_docx_is_one_line(tmp_path):
    stub = tmp_path / "stub" / "docx"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text('raise ImportError("python-docx is not installed (test stub)")\n',
                                      encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(minimal_docx(TITLE, "错误标记"))
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    args = ("check", "--no-config", "--lang", "en", "--rules", str(CHECK_RULES), "report.docx", "good.txt")
    result = run_cli(*args, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "stub")})
    assert_checked_beside(result, "report.docx", "reading .docx files needs python-docx, which comes with nianbao but is "
                          "missing here: pip install python-docx")
    with_library = run_cli(*args, cwd=tmp_path)
    assert "report.docx:2:1: META-901 error found “错误标记”" in lines_of(with_library), \
        "the same file is read when python-docx is there"
