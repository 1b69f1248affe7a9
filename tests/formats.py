"""Make the other input formats from a seed: the same report as GB18030, UTF-16, .docx and a web page."""

from __future__ import annotations

import html
import re
from pathlib import Path

_PART_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_SUB_RE = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")


def _lines(src) -> list[str]:
    return Path(src).read_text(encoding="utf-8").split("\n")


def heading_level(line: str) -> int | None:
    """1 for 一、… lines, 2 for a short （一）… line (a heading, not a paragraph led by its number)."""
    text = line.strip()
    if _PART_RE.match(text) and len(text) <= 60:
        return 1
    if _SUB_RE.match(text) and len(text) <= 40 and "。" not in text:
        return 2
    return None


def to_gb18030(src, dst) -> Path:
    Path(dst).write_bytes(Path(src).read_text(encoding="utf-8").encode("gb18030"))
    return Path(dst)


def to_utf16(src, dst) -> Path:
    Path(dst).write_bytes(Path(src).read_text(encoding="utf-8").encode("utf-16"))  # with BOM
    return Path(dst)


def to_docx(src, dst) -> Path:
    """Headings get Word's Heading 1/2 styles, every other line (noise included) is a Normal paragraph."""
    import docx

    document = docx.Document()
    for line in _lines(src):
        if not line.strip():
            continue
        level = heading_level(line)
        if level:
            document.add_paragraph(line, style=f"Heading {level}")
        else:
            document.add_paragraph(line)
    document.save(str(dst))
    return Path(dst)


def _page_title(lines: list[str]) -> str:
    for line in lines[:12]:
        text = line.strip()
        if len(text) <= 40 and "法治" in text and ("报告" in text or "情况" in text) and not heading_level(text):
            return text
    return "政府信息公开"


def to_html(src, dst) -> Path:
    """A government web page: head with <title>, a breadcrumb, the lines as <p>/<h2>/<h3>, a share footer."""
    lines = _lines(src)
    title = _page_title(lines)
    body = []
    for line in lines:
        if not line.strip():
            continue
        text = html.escape(line)
        level = heading_level(line)
        if level:
            body.append(f'      <h{level + 1} class="title{level}"><strong>{text}</strong></h{level + 1}>')
        else:
            body.append(f'      <p style="text-indent:2em"><span style="font-family:仿宋">{text}</span></p>')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)}_政府信息公开_人民政府门户网站</title>
  <style>.nav {{ color: #333; }} /* 样式：首页 导航 */</style>
  <script>var pageTitle = "分享到微信 扫一扫";</script>
</head>
<body>
  <div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>
  <div class="breadcrumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
  <div class="article">
    <div class="content">
{chr(10).join(body)}
    </div>
  </div>
  <!-- 页脚 -->
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  <div class="qrcode">扫一扫在手机打开当前页</div>
  <div class="tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</body>
</html>
"""
    Path(dst).write_text(page, encoding="utf-8")
    return Path(dst)
