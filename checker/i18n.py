"""Messages of the tool itself (not of rules, which carry their own), in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cache import compile_re

LANGS = ("zh", "en")

CATALOG: dict[str, dict[str, str]] = {
    "check.internal": {
        "zh": "内部错误，未能检查此报告（{error}）；请把这份报告提交给 nianbao 的维护者",
        "en": "internal error, this report was not checked ({error}); please send the report to nianbao's maintainers",
    },
    "check.not_a_report": {
        "zh": "不像政府信息公开工作年度报告：没有年度报告标题、格式规定的章节标题或统计表，未做检查",
        "en": "does not look like an annual report on government information disclosure: no report title, "
              "no section heading of the format, no statistics table; not checked",
    },
    "check.school_year_report": {
        "zh": "这是学校按学年编制的信息公开报告（依《高等学校信息公开办法》），不是政府信息公开工作年度报告，未做检查",
        "en": "a school's disclosure report for a school year (under the Measures on Disclosure of Information by "
              "Institutions of Higher Education), not an annual report under the Regulations; not checked",
    },
    "check.academy_report": {
        "zh": "这是中国科学院所属单位（事业单位）依本院办法编制的信息公开报告，不是行政机关的政府信息公开工作年度报告，未做检查",
        "en": "a disclosure report of a unit of the Chinese Academy of Sciences (a public institution, under the "
              "Academy's own rules), not an administrative organ's annual report under the Regulations; not checked",
    },
    "check.nothing_found": {"zh": "没有找到报告文件", "en": "no report files found"},
    "check.unlistable": {"zh": "无法列出文件夹中的文件：{reason}", "en": "cannot list the folder: {reason}"},
    "check.died": {
        "zh": "未能检查：检查进程意外终止（{reason}）",
        "en": "could not be checked: the checker process died ({reason})",
    },
    # What a reader repaired to read a file (Source.notes): said, never taken for content.
    "note.bars": {"zh": "{n}张表格用竖线（|）分隔单元格，已按TAB分隔的行读取",
                  "en": "{n} table(s) written with vertical bars (|) read as TAB-separated rows"},
    "note.traditional": {"zh": "报告用繁体字书写，已将{n}个繁体字按简体字读取",
                         "en": "written in traditional characters: {n} read as their simplified forms"},
    "note.glosses": {"zh": "字后的拼音注音（如“(gōng)”，共{n}处）已去掉后读取",
                     "en": "{n} pinyin gloss(es) after characters (such as “(gōng)”) left out"},
    "note.stray_commas": {"zh": "标点前多出的逗号（如“一,、”“,。”，共{n}处，镜像网站所加）已去掉后读取",
                          "en": "{n} stray comma(s) before punctuation (such as “一,、”, “,。”, a mirror site's) left out"},
    "note.lost_indents": {"zh": "{lines}行行首（或标题末尾）的“?”（网页复制时丢失的缩进、空格或项目符号）按空格读取",
                          "en": "the “?” at the start of {lines} line(s) (or a heading's end: an indent, space or bullet lost in a page's copy) read as spaces"},
    "note.joined_lines": {"zh": "{n}行是复制PDF或网页时从句子中间断开的（版面宽度处或数字前后），已与上一行接上后读取",
                          "en": "{n} line(s) a copy broke off inside a sentence (at the page's width, or around a figure) read joined to the line before"},
    "note.spaced": {"zh": "{lines}行里字与字之间的空格（共{spaces}处）已去掉后读取",
                    "en": "characters spaced apart closed up on {lines} line(s) ({spaces} spaces)"},
    "note.renamed": {"zh": "文件名是{suffix}，内容却是{found_zh}：按{found_zh}读取",
                     "en": "named {suffix} but holds {found}: read as {found}"},
    "note.docx_altchunk": {"zh": "文档嵌入了其他格式的内容（altChunk），未读取",
                           "en": "the document embeds content in another format (altChunk); it is not read"},
    "note.docx_text_box": {"zh": "锚定在{where}的文本框已按段落读取",
                           "en": "a text box anchored at {where} read as paragraphs"},
    "note.docx_frame": {"zh": "{where}之后的单列表格是正文外的边框，已按段落读取",
                        "en": "a one-column table after {where} read as paragraphs (a frame round prose)"},
    "note.numbering_undefined": {"zh": "{where}：Word 列表编号（numId {num_id}，第{level}级）在 numbering.xml 中没有定义，读取时不带编号",
                                 "en": "{where}: Word list numbering (numId {num_id}, level {level}) is not defined "
                                       "in numbering.xml; read without its number"},
    "note.numbering_format": {"zh": "{where}：Word 列表编号格式 {fmt} 无法还原，读取时不带编号",
                              "en": "{where}: Word list numbering format {fmt} cannot be recovered; read without its number"},
    "note.html_undecodable": {"zh": "网页不是合法的 {charset} 编码：{n}个无法解码的字符已替换",
                              "en": "the page is not valid {charset}: {n} undecodable characters were replaced"},
    "note.pdf_no_text": {"zh": "第{page}页没有文字层（可能是扫描页），未读取",
                         "en": "page {page} has no text layer (a scanned page?); it is not read"},
    "note.pdf_running": {"zh": "已去掉{n}行页眉或页脚：{texts}",
                         "en": "{n} running header or footer line(s) left out: {texts}"},
    "note.pdf_cut_table": {"zh": "第{page}页有{n}张表格超出页面右边缘，被截断的最后一列未读取",
                           "en": "page {page}: {n} table(s) run off the right edge of the page; their last column, "
                                 "cut off, is not read"},
    "note.pdf_frame": {"zh": "{n}行文字在边框（单列表格或文本框）内，已按正文读取",
                       "en": "{n} line(s) in a frame (a one-column ruled box or text box) read as prose"},
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
    "ingest.missing_library": {
        "zh": "读取 {format} 文件需要 {library}，它随 nianbao 安装，此环境中却没有：请运行 pip install {library}",
        "en": "reading {format} files needs {library}, which comes with nianbao but is missing here: "
              "pip install {library}",
    },
    "ingest.no_text": {"zh": "文档中没有文字", "en": "the document contains no text"},
    "ingest.docx_legacy": {
        "zh": "不是 .docx 文件，而是旧版 Word（.doc）文件或加密文档：请在 Word 中另存为不加密的 .docx",
        "en": "not a .docx but an old Word .doc or a password-protected document: save it as a .docx without a password",
    },
    "ingest.docx_not_zip": {
        "zh": "不是有效的 .docx 文件（不是 ZIP 压缩包，文件可能已损坏或不完整）",
        "en": "not a valid .docx (not a ZIP package; the file may be damaged or truncated)",
    },
    "ingest.docx_missing_part": {
        "zh": ".docx 文件不完整：压缩包中缺少 {part}",
        "en": "incomplete .docx: the package has no {part}",
    },
    "ingest.docx_not_word": {
        "zh": "不是 Word 文档：主体部分的类型是 {content_type}",
        "en": "not a Word document: its main part is of type {content_type}",
    },
    "ingest.docx_corrupt": {"zh": ".docx 文件已损坏：{reason}", "en": "damaged .docx: {reason}"},
    "ingest.html_unparsable": {"zh": "无法解析网页（HTML）：{reason}", "en": "cannot parse the HTML: {reason}"},
    "ingest.pdf_not_pdf": {
        "zh": "不是 PDF 文件（开头没有 %PDF 标记）",
        "en": "not a PDF file (no %PDF header)",
    },
    "ingest.pdf_truncated": {
        "zh": "PDF 文件不完整（结尾没有 %%EOF 标记，可能下载未完成）",
        "en": "truncated PDF (no %%EOF at the end; an unfinished download?)",
    },
    "ingest.pdf_corrupt": {"zh": "PDF 文件已损坏：{reason}", "en": "damaged PDF: {reason}"},
    "ingest.pdf_encrypted": {
        "zh": "PDF 文件已加密，无法读取：请先去除密码",
        "en": "encrypted PDF: remove the password first",
    },
    "ingest.pdf_scanned": {
        "zh": "PDF 是扫描件，没有文字层：请先进行文字识别（OCR）",
        "en": "scanned PDF with no text layer: run OCR on it first",
    },
    # limits on what a file holds once read (limits.py)
    "ingest.too_many_chars": {
        "zh": "文字过多（{count} 个字符，上限 {limit} 个），不像是一份年度报告",
        "en": "too much text ({count} characters, limit {limit}); not a plausible annual report",
    },
    "ingest.too_many_lines": {
        "zh": "行数过多（{count} 行，上限 {limit} 行），不像是一份年度报告",
        "en": "too many lines ({count}, limit {limit}); not a plausible annual report",
    },
    "ingest.too_many_cells": {
        "zh": "表格单元格过多（{count} 个，上限 {limit} 个），不像是一份年度报告",
        "en": "too many table cells ({count}, limit {limit}); not a plausible annual report",
    },
    "ingest.table_too_wide": {
        "zh": "表格过宽（{count} 列，上限 {limit} 列），不像是一份年度报告",
        "en": "a table too wide ({count} columns, limit {limit}); not a plausible annual report",
    },
    "ingest.html_too_many_elements": {
        "zh": "网页元素过多（{count} 个，上限 {limit} 个），不像是一份年度报告",
        "en": "too many HTML elements ({count}, limit {limit}); not a plausible annual report",
    },
    "ingest.docx_part_too_large": {
        "zh": "解压后过大：{part} 有 {size}（上限 {limit}），不像是一份年度报告",
        "en": "too large once decompressed: {part} is {size} (limit {limit}); not a plausible annual report",
    },
    "ingest.docx_too_large": {
        "zh": "解压后过大：压缩包的内容共 {size}（上限 {limit}），不像是一份年度报告",
        "en": "too large once decompressed: {size} in all (limit {limit}); not a plausible annual report",
    },
    "ingest.docx_ratio": {
        "zh": "解压后过大：{part} 解压后是压缩时的 {ratio} 倍（上限 {limit} 倍），像是“压缩炸弹”",
        "en": "too large once decompressed: {part} inflates {ratio} times (limit {limit}); a zip bomb?",
    },
    "ingest.docx_too_many_parts": {
        "zh": "压缩包中的文件过多（{count} 个，上限 {limit} 个），不像是一份 Word 文档",
        "en": "too many parts in the package ({count}, limit {limit}); not a plausible Word document",
    },
    "ingest.pdf_page_too_large": {
        "zh": "解压后过大：第 {page} 页的内容超过 {limit}，不像是一份年度报告",
        "en": "too large once decompressed: page {page} holds more than {limit}; not a plausible annual report",
    },
    "ingest.pdf_too_large": {
        "zh": "解压后过大：PDF 的内容超过 {limit}，不像是一份年度报告",
        "en": "too large once decompressed: more than {limit} of PDF streams in all; not a plausible annual report",
    },
    "ingest.pdf_page_too_many_chars": {
        "zh": "第 {page} 页的字符过多（超过 {limit} 个），不像是一份年度报告",
        "en": "page {page} holds too many characters (more than {limit}); not a plausible annual report",
    },
    "ingest.pdf_page_too_many_shapes": {
        "zh": "第 {page} 页的图形过多（超过 {limit} 个线条、方框、曲线和图片），不像是一份年度报告",
        "en": "page {page} holds too many shapes (more than {limit} lines, boxes, curves and images); "
              "not a plausible annual report",
    },
    "ingest.pdf_too_many_chars": {
        "zh": "PDF 的字符过多（超过 {limit} 个），不像是一份年度报告",
        "en": "too many characters in the PDF (more than {limit}); not a plausible annual report",
    },
    "ingest.pdf_too_many_shapes": {
        "zh": "PDF 的图形过多（超过 {limit} 个线条、方框、曲线和图片），不像是一份年度报告",
        "en": "too many shapes in the PDF (more than {limit} lines, boxes, curves and images); "
              "not a plausible annual report",
    },
    "ingest.pdf_too_many_pages": {
        "zh": "PDF 页数过多（超过 {limit} 页），不像是一份年度报告",
        "en": "too many PDF pages (more than {limit}); not a plausible annual report",
    },
}


class Place(str):
    """Where in a document a reader was ("paragraph 5", "table 2 row 3", "the start"),
    as the reader words it; a message worded in Chinese words it in Chinese."""

    _ZH = ((compile_re(r"paragraph (\d+)"), r"第\1段"), (compile_re(r"table (\d+)"), r"第\1个表格"),
           (compile_re(r"row (\d+)"), r"第\1行"), (compile_re(r"the start"), "文档开头"))

    def render(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        text = str(self)
        for pattern, zh in self._ZH:
            text = pattern.sub(zh, text)
        return text.replace(" ", "")


@dataclass(frozen=True, slots=True)
class Message:
    """A message to a user: a catalogue key and its values, rendered in either language."""

    key: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "zh") -> str:
        entry = CATALOG[self.key]
        template = entry.get(lang) or entry["zh"]
        return template.format(**{k: v.render(lang) if isinstance(v, Place) else v for k, v in self.params.items()})
