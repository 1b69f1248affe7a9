"""Reading a .docx: its paragraphs in order (tables and content controls included), with heading levels,
bold and Word's automatic list numbers; a damaged file or a zip bomb is refused before it is opened."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.parse.nodes import Para
from drafter.read.patterns import RUNS_XPATH
from drafter.read.wordnumbers import ListNumbers
from drafter.read.wordstyle import heading_level, run_bold

# A .docx is a zip; these bounds are checked on the zip's directory, before anything is inflated.
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 200  # office XML compresses ~5-30x; far more means a zip bomb

BAD_DOCX = "不是有效的 Word 文档（.docx），文件可能已损坏或不完整；请用 Word 或 WPS 打开后重新另存为 .docx"


def check_docx_zip(data: bytes, path: Path) -> None:
    """A DrafterError unless data is a zip holding a Word body, of a sane unpacked size."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # Old binary .doc, or a password-protected .docx (also stored in this container format).
        raise DrafterError("这是旧版 Word 文档（.doc）或加了密码的文档，请用 Word 或 WPS 打开后另存为不加密的 .docx 再试", path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise DrafterError(BAD_DOCX, path) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise DrafterError(BAD_DOCX.replace("文件可能已损坏或不完整", "压缩包里没有 Word 正文（word/document.xml）"), path)
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unpacked > MAX_DOCX_UNPACKED or unpacked > MAX_DOCX_RATIO * max(packed, 1):
        raise DrafterError("Word 文档解压后异常巨大（可能是恶意构造的压缩包），拒绝读取", path)


def docx_paras(data: bytes, path: Path) -> list[Para]:
    """The document's paragraphs, in reading order."""
    check_docx_zip(data, path)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # any failure to open the package means a damaged file, not a bug to show
        raise DrafterError(BAD_DOCX, path) from exc
    from docx.exceptions import PythonDocxError

    try:
        return _blocks(document.element.body, document, ListNumbers(document))
    except PythonDocxError as exc:  # python-docx checks attribute values only when they are read
        raise DrafterError(BAD_DOCX.replace("文件可能已损坏或不完整", "正文的格式数据有误"), path) from exc


def _paragraph(p_el, parent, numbering: ListNumbers) -> list[Para]:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    paragraph = Paragraph(p_el, parent)
    runs = [Run(r, paragraph) for r in p_el.xpath(RUNS_XPATH)]
    text = "".join(run.text for run in runs)
    if not text.strip():
        return []
    text = numbering.label(paragraph) + text
    level = heading_level(paragraph)
    bold = all(run_bold(run, paragraph) for run in runs if run.text.strip())
    # A soft line break (Shift+Enter) separates paragraphs as much as a hard one does.
    return [Para(part, level, bold) for part in text.split("\n") if part.strip()]


def _blocks(container, parent, numbering: ListNumbers) -> list[Para]:
    from docx.oxml.ns import qn

    paras: list[Para] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            paras.extend(_paragraph(child, parent, numbering))
        elif child.tag == qn("w:tbl"):
            # A body laid out in a table: cell after cell; merged cells appear once in the XML.
            for tc in child.iter(qn("w:tc")):
                if tc.getparent().getparent() is child:
                    paras.extend(_blocks(tc, parent, numbering))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                paras.extend(_blocks(content, parent, numbering))
    return paras
