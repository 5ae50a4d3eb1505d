"""Which reader a file needs, by what it holds rather than what it is called: a web
page saved as .txt is read as a web page (it used to pass as a text report of markup,
effectively unchecked), a .html that holds plain text as text, a PDF or a Word
package saved as .txt or .html by its magic number. A file named .docx or .pdf goes
to its reader, which says best what else it is (an HTML error page saved as .pdf is
"not a PDF file").
"""

from __future__ import annotations

import re

from .cache import compile_re
from .i18n import Message

_PDF = b"%PDF"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old Word .doc, or an encrypted .docx
_HTML_START = compile_re(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:(?!-->).)*+-->\s*)*+"  # a comment never spans "-->": no backtracking
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|center|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL)
_ANY_TAG = compile_re(rb"<[a-zA-Z!/?]")
_SNIFF_BYTES = 65536
_NAMES = {".html": "a web page (HTML)", ".docx": "a Word document (.docx)", ".pdf": "a PDF", ".txt": "plain text"}
_NAMES_ZH = {".html": "网页（HTML）", ".docx": "Word 文档（.docx）", ".pdf": "PDF", ".txt": "纯文本"}


def _head(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes: UTF-16 (with its BOM) recoded."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def content_kind(data: bytes) -> str | None:
    """What the bytes are, when they say so: ".pdf", ".docx", ".html" or ".txt" (text
    with no markup at all); None when they do not say (binary, or text with a stray tag)."""
    if data[:1024].lstrip().startswith(_PDF):
        return ".pdf"
    if data.startswith((_ZIP, _OLE)):
        return ".docx"
    head = _head(data)
    if _HTML_START.match(head) or b"<html" in head[:1024].lower():
        return ".html"
    if b"\x00" not in head and not _ANY_TAG.search(head):
        return ".txt"
    return None


def choose(suffix: str, data: bytes) -> tuple[str, Message | None]:
    """The reader to use (a suffix of READERS, or ".txt") and, when it is not the one
    the name asks for, a note saying why."""
    named = {".htm": ".html"}.get(suffix, suffix)
    if named not in _NAMES:
        named = ".txt"  # .txt, .text, no suffix, or a file named on the command line as it is
    if named in (".docx", ".pdf"):  # their readers say best what else it is ("not a PDF", an HTML error page)
        return named, None
    found = content_kind(data)
    if found is None or found == named:
        return named, None
    return found, Message("note.renamed", {"suffix": suffix or "(none)", "found": _NAMES[found],
                                           "found_zh": _NAMES_ZH[found]})
