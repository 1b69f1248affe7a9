"""What the tests share: the seeds, a small hand-written report, seeds parsed once, drafts made and finished
as a clerk would, and the seeds in other formats (GB18030, UTF-16, .docx, a web page)."""

from __future__ import annotations

import copy
import html
import re
from functools import cache
from pathlib import Path

from drafter.draft.placeholders import TODO_RE
from drafter.model.report import Report
from drafter.vocab import DONE, TODO

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"

# name -> (file, region, year reported)
SEEDS = {
    "yingkou": ("yingkou-2023.txt", "营口市", 2023),
    "tongzhou": ("tongzhou-2023.txt", "通州区", 2023),
    "zhumadian": ("zhumadian-2019.txt", "驻马店市", 2019),
    "heqing": ("heqing-2023.txt", "鹤庆县", 2023),
    "xinyu": ("xinyu-2021.txt", "新余市", 2021),
}


def seed_path(name: str) -> Path:
    return SEEDS_DIR / SEEDS[name][0]


# ---------------------------------------------------------------- a small report, seeds parsed

_SENT_9 = "年度审核规范性文件71件,提出修改意见146条。"
_SENT_18 = "市本级新收行政复议案件148件,受理112件,审结87件,直接纠错24件,调解24件,调解率28%。"
_SENT_PRE = "全市法治建设领域获得国家级荣誉23个,省级荣誉94个。"
_SENT_1 = "举办各类法治教育培训、讲座16期,培训党员、干部4420余人次。"


def _fig(n, label, value, unit, approx, sentence, section, item, text):
    return {"id": f"F{n:03d}", "label": label, "value": value, "unit": unit, "approx": approx,
            "sentence": sentence, "section": section, "item": item, "text": text}


YINGKOU_V1 = {
    "schema_version": 1,
    "meta": {"region": "营口市", "year": 2023, "title": "关于2023年法治政府建设情况的报告", "issuer": None,
             "date": None, "recipient": None, "doc_number": None, "source": None, "published": "2024-03-06"},
    "preamble": ["2023年,营口市坚持以习近平新时代中国特色社会主义思想为指导,扎实推进依法行政,法治政府建设各项工作取得新成效。" + _SENT_PRE],
    "sections": {
        "measures": {"heading": "主要工作情况", "paragraphs": [], "items": [
            {"heading": "深入学习贯彻习近平法治思想,统筹推进法治政府建设", "paragraphs": [], "items": [
                {"heading": "深入学习贯彻习近平法治思想", "paragraphs": [
                    "将学习贯彻习近平法治思想纳入市委法治建设委员会2023年工作要点。" + _SENT_1], "items": []},
            ]},
            {"heading": "健全依法行政制度体系", "paragraphs": [], "items": [
                {"heading": "不断加强规范性文件管理", "paragraphs": [
                    _SENT_9 + "印发《营口市法治政府建设实施方案(2021-2025年)》。"], "items": []},
                {"heading": "发挥行政复议化解行政争议主渠道作用", "paragraphs": [_SENT_18], "items": []},
            ]},
        ]},
        "shortcomings": {"heading": None, "paragraphs": [
            "2023年营口市法治政府建设虽然取得一定的成绩,但也还存在一些不足,如统筹推进法治政府建设抓手还需进一步丰富,"
            "打通基层法治“最后一公里”的力度还需进一步加强,行政执法队伍能力素质和执法水平还需进一步提升,"
            "这些都需要在下一步工作中不断改进和提高。"], "items": []},
        "duties": {"heading": None, "paragraphs": [], "items": []},
        "plan": {"heading": "下步工作安排", "paragraphs": [
            "2024年,我市将坚持问题导向、目标导向、结果导向,全面提升法治政府建设水平。"], "items": [
            {"heading": "着力增强法治思维意识", "paragraphs": ["细化完善《领导干部学法用法清单》,带动广大党员干部群众树立法治理念。"], "items": []},
            {"heading": "大力规范行政执法行为", "paragraphs": ["加强行政执法标准化建设,规范涉企执法。"], "items": []},
        ]},
        "other": {"heading": None, "paragraphs": [], "items": []},
    },
    "closing": ["特此报告。"],
    "figures": [
        _fig(1, "国家级荣誉", 23, "个", None, _SENT_PRE, "preamble", None, "23个"),
        _fig(2, "省级荣誉", 94, "个", None, _SENT_PRE, "preamble", None, "94个"),
        _fig(3, "法治教育培训、讲座", 16, "期", None, _SENT_1, "measures", "1.1", "16期"),
        _fig(4, "培训党员、干部", 4420, "人次", "余", _SENT_1, "measures", "1.1", "4420余人次"),
        _fig(5, "审核规范性文件", 71, "件", None, _SENT_9, "measures", "2.1", "71件"),
        _fig(6, "提出修改意见", 146, "条", None, _SENT_9, "measures", "2.1", "146条"),
        _fig(7, "直接纠错", 24, "件", None, _SENT_18, "measures", "2.2", "24件"),
        _fig(8, "调解", 24, "件", None, _SENT_18, "measures", "2.2", "24件"),
        _fig(9, "调解率", 28, "%", None, _SENT_18, "measures", "2.2", "28%"),
    ],
}


def yingkou_v1() -> dict:
    """The report as a version-1 file holds it."""
    return copy.deepcopy(YINGKOU_V1)


def yingkou_report():
    """The same report as the model, read as such a file is loaded."""
    from drafter.model.data import from_data, migrate

    return from_data(migrate(yingkou_v1()))


@cache
def _parsed(name: str):
    from drafter.parse.report import parse_file

    return parse_file(seed_path(name))


def parsed_report(name: str):
    """The seed as the model (parsed once per session)."""
    return copy.deepcopy(_parsed(name))


# ---------------------------------------------------------------- drafts

def make_draft(name: str) -> Report:
    """The seed's draft for the next year, as `drafter new` makes it."""
    from drafter.draft.skeleton import build_draft

    return build_draft(parsed_report(name))


def filled(draft: Report) -> Report:
    """The draft as the clerk finishes it: every figure, text and date given, nothing left as reference."""
    draft = copy.deepcopy(draft)
    for i, figure in enumerate(draft.figures):
        if figure.value is None and figure.unit in ("%", "％"):
            figure.value = min(figure.prior or 50, 99)  # a rate stays a rate
        elif figure.value is None:
            figure.value = (figure.prior or 0) + i % 7 + 1

    def walk(node, fallback):
        if node.status == TODO and not node.paragraphs and not node.items:
            node.paragraphs = [f"本年度围绕{node.heading or fallback}持续用力，取得新进展。"]
        node.status = DONE
        node.reference = None
        for child in node.items:
            walk(child, fallback)

    for key, section in draft.sections.items():
        walk(section, "履行推进法治建设第一责任人职责")
        if key == "other":
            section.paragraphs, section.items = [], []
    draft.draft.preamble_status = DONE
    draft.meta.date = f"{draft.meta.year + 1}-01-20"
    closing = draft.closing
    for kind in ("attachments", "signature", "notes", "record"):
        setattr(closing, kind, [line for line in getattr(closing, kind) if not TODO_RE.search(line)])
    return draft


# ---------------------------------------------------------------- other formats

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
