"""ingest's branches a user meets: a text file with a UTF-8 BOM, UTF-16 (either byte
order), GB18030 bytes that are not text, and files that cannot be looked at or read —
each read into the same text, or one clear error."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from conftest import SEEDS

from nianbao.api import check
from nianbao.ingest import IngestError, read_source

TEXT = SEEDS["001"].read_text(encoding="utf-8")


def findings(path) -> list[tuple[str, int, int, str]]:
    result = check(path)
    assert result.error is None, result.error
    return [(v.rule, v.span.line, v.span.column, v.message()) for v in result.violations]


@pytest.mark.parametrize(("encoding", "bom", "name"), [
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
])
def test_a_bom_or_utf16_report_reads_as_its_utf8_text(tmp_path, encoding, bom, name):
    path = tmp_path / "report.txt"
    path.write_bytes(bom + TEXT.replace("\n", "\r\n").encode(encoding))
    source = read_source(path)
    assert (source.encoding, source.text) == (name, TEXT)
    assert findings(path) == findings(SEEDS["001"]) != []   # positions too: the BOM takes no column


def test_utf16_with_a_broken_character_is_one_clear_error(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xff\xfe" + "年度报告\n".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"))
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert raised.value.msg.key == "ingest.undecodable"
    assert "line 2" in raised.value.render("en")


def test_bytes_that_are_neither_utf8_nor_gb18030_are_one_clear_error(tmp_path):
    path = tmp_path / "report.txt"
    # valid GBK for the first line; then 0x81 0x20: a lead byte with no valid trail byte
    path.write_bytes("某县2022年政府信息公开工作年度报告\n".encode("gbk") + "一、总体情况".encode("gbk") + b"\x81\x20\n")
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert raised.value.msg.key == "ingest.undecodable"
    assert raised.value.render("en") == ("neither valid UTF-8 nor GB18030/GBK text: invalid byte 0x81 at line 2, "
                                         "column 13")


def test_a_file_that_cannot_be_looked_at_is_one_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")

    def stat(self, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "stat", stat)
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert (raised.value.msg.key, raised.value.render("en")) == ("ingest.os_error", "cannot read: Input/output error")


@pytest.mark.parametrize(("error", "key", "message"), [
    (PermissionError(errno.EACCES, "Permission denied"), "ingest.permission", "permission denied"),
    (OSError(errno.EIO, "Input/output error"), "ingest.os_error", "cannot read: Input/output error"),
])
def test_a_file_that_cannot_be_read_is_one_clear_error(tmp_path, monkeypatch, error, key, message):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")

    def read_bytes(self):
        raise error

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert (raised.value.msg.key, raised.value.render("en")) == (key, message)
    result = check(path)   # through the public API: an error, no traceback, no violations
    assert result.error is not None and result.violations == []



@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("utf-16-le", b"\xff\xfe"),
])
def test_control_characters_are_counted_the_same_in_every_encoding(tmp_path, encoding, bom):
    """Over one control character in a hundred characters (more than eight) is no text
    file, whatever the encoding: they are counted in the bytes of UTF-8 and GB18030, in
    the text of UTF-16. TAB, CR and LF are none, nor is a character of bytes that are
    not (U+0080 in GB18030 is 0x81 0x30 0x81 0x30)."""
    path = tmp_path / "report.txt"
    text = TEXT[:500] + "\t\r\n\x80\u00a5\n"
    assert len(text) < 800
    path.write_bytes(bom + (text + "\x01\x0b\x0c\x1f\x7f\x1b\x0e\x08").encode(encoding))
    assert read_source(path).text.endswith("\x80\u00a5\n\x01\x0b\x0c\x1f\x7f\x1b\x0e\x08")
    path.write_bytes(bom + (text + "\x01\x0b\x0c\x1f\x7f\x1b\x0e\x08\x02").encode(encoding))
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert raised.value.render("en") == "not a text file (9 control characters)"


def test_cells_a_table_of_bars_makes_are_counted_against_the_limit(tmp_path):
    """A text's size is checked as it is read, and again when its bars became TABs: no
    TAB in the file, 200,004 cells once read."""
    path = tmp_path / "report.txt"
    path.write_text("1 | 2 | 3 | 4 | 5 |\n" * 50_001, encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert raised.value.msg.key == "ingest.too_many_cells"
    path.write_text("1 | 2 | 3 | 4 | 5 |\n" * 49_999, encoding="utf-8")
    assert read_source(path).text.count("\t") == 199_996
