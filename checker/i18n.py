"""Messages of the tool itself (not of rules, which carry their own), in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("zh", "en")

CATALOG: dict[str, dict[str, str]] = {
    "ingest.not_found": {"zh": "文件不存在", "en": "no such file"},
    "ingest.is_dir": {"zh": "这是一个文件夹，不是文件", "en": "is a directory, not a file"},
    "ingest.permission": {"zh": "没有读取权限", "en": "permission denied"},
    "ingest.os_error": {"zh": "无法读取：{reason}", "en": "cannot read: {reason}"},
    "ingest.empty": {"zh": "文件为空", "en": "file is empty"},
    "ingest.blank": {"zh": "文件只有空白字符，没有正文", "en": "file contains only whitespace"},
    "ingest.too_large": {
        "zh": "文件过大（{size}，上限 {limit}），不像是一份年度报告",
        "en": "file too large ({size}, limit {limit}); not a plausible annual report",
    },
    "ingest.binary_nul": {
        "zh": "不是文本文件（第 {offset} 字节处有 NUL 字节），可能是图片或其他二进制文件",
        "en": "not a text file (NUL byte at offset {offset}); an image or other binary file?",
    },
    "ingest.binary_control": {
        "zh": "不是文本文件（含 {count} 个控制字符）",
        "en": "not a text file ({count} control characters)",
    },
    "ingest.bad_utf8": {
        "zh": "UTF-8 编码损坏或混用了其他编码：第 {line} 行第 {column} 列有无效字节 {byte}",
        "en": "damaged or mixed-encoding UTF-8: invalid byte {byte} at line {line}, column {column}",
    },
    "ingest.undecodable": {
        "zh": "既不是有效的 UTF-8 也不是 GB18030/GBK 文本：第 {line} 行第 {column} 列有无效字节 {byte}",
        "en": "neither valid UTF-8 nor GB18030/GBK text: invalid byte {byte} at line {line}, column {column}",
    },
}


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "zh") -> str:
        entry = CATALOG[self.key]
        template = entry.get(lang) or entry["zh"]
        return template.format(**self.params)
