"""Reading a prior report (.txt, .docx, .html) into cleaned paragraphs, keeping what page noise says."""

from __future__ import annotations

import hashlib
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, decode_text, read_input_bytes, readable_name
from drafter.model.report import Source
from drafter.parse.nodes import Para, RawDoc
from drafter.read.docx import docx_paras
from drafter.read.html import html_paras
from drafter.read.noise import clean_paras
from drafter.read.traditional import simplified
from drafter.read.wrapped import join_wrapped_lines

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}


def read_document(path: str | Path) -> RawDoc:
    """The report's cleaned paragraphs, the metadata found in its page noise, and its source."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES:
        if not p.exists():
            raise DrafterError("文件不存在", p)
        raise DrafterError(f"不支持的文件类型“{suffix or '无扩展名'}”；支持 .txt、.docx、.html、.htm", p)
    hints: dict = {}
    if suffix in DOCX_SUFFIXES:
        data = read_input_bytes(p, MAX_DOCX_BYTES)
        paras = docx_paras(data, p)
    elif suffix in HTML_SUFFIXES:
        data = read_input_bytes(p)
        paras, page_title = html_paras(data, p)
        if page_title:
            hints["page_title"] = page_title
    else:
        data = read_input_bytes(p)
        # Text copied out of a PDF comes cut into lines: join them back first.
        paras = [Para(line) for line in join_wrapped_lines(decode_text(data, p, lenient=True).split("\n"))]
    paras, converted_from = simplified(paras, hints)
    paras = clean_paras(paras, hints)
    if not paras:
        raise DrafterError("文件里没有找到正文文字", p)
    return RawDoc(paras=paras, hints=hints, source=Source(
        file=readable_name(p.name), sha256=hashlib.sha256(data).hexdigest(), converted_from=converted_from))
