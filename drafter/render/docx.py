"""The render step: a draft (v2) or report (v1) model -> .docx in the GB/T 9704-2012 layout.

The Word template (templates/report.docx, built by tools/build_template.py) holds Jinja tags
that docxtpl fills; the standard sentences come from templates/standard.j2. A second pass on
the rendered document sets every run's four fonts from its style, sets the signature and
date indents, and adds the reviewer's comments.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from drafter.parse.nodes import PARTS
from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, atomic_write, check_output, read_input_bytes
from drafter.draft.placeholders import (
    PLACEHOLDER_RE,
    TODO_RE,
    format_figure,
    format_number,
    prior_text,
    todo_marker,
    unfilled_marker,
)

DEFAULT_TEMPLATE = "report"
REFERENCE_MARK = "【上年参考，请确认或改写】"
TODO_HIGHLIGHT = "yellow"  # 待填: text or figures still missing
REFERENCE_HIGHLIGHT = "lightGray"  # last year's text, not yet confirmed for this year
MARK_HIGHLIGHT = "cyan"  # the 【上年参考…】 mark itself (Word calls cyan "turquoise")
COMMENT_AUTHOR = "drafter"
# A run to anchor a comment on carries this character style until the second pass removes it.
_ANCHOR = "drafterAnchor"

# Variables the default template uses, and all a custom template may use.
CONTEXT_KEYS = frozenset({
    "blocks", "title_lines", "document_title", "doc_number", "recipient", "closing_sentence", "attachments",
    "signature_lines", "date", "notes", "appendix", "appendix_title", "figure_rows", "prior_label",
    "current_label", "meta", "year", "region", "issuer",
})

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
# Characters XML 1.0 refuses, plus controls docxtpl would turn into tabs, breaks or pages.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_MARKUP_RE = re.compile(f"{PLACEHOLDER_RE.pattern}|{TODO_RE.pattern}")
_CN_DIGITS = "零一二三四五六七八九"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


# ---------------------------------------------------------------- text helpers

def clean(text: str | None) -> str:
    """User text made safe for the document: no control characters, tabs as spaces."""
    if not text:
        return ""
    return _CONTROL_RE.sub("", str(text).replace("\t", " ").replace("\r", "\n"))


def lines_of(paragraphs) -> list[str]:
    """Each line of each paragraph: multi-line text becomes real paragraphs, never soft breaks."""
    out = []
    for para in paragraphs or []:
        out.extend(line.strip() for line in clean(para).split("\n") if line.strip())
    return out


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    if tens >= 10:
        return str(n)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def number_for(level: int, n: int) -> str:
    """The literal numbering of GB/T 9704: 一、 （一） 1. （1）, then ① for anything deeper."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    return chr(0x2460 + n - 1) if n <= 20 else f"{n})"


def chinese_date(iso: str) -> str:
    """2024-01-18 -> 2024年1月18日 (no leading zeros)."""
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def text_width(text: str) -> float:
    """Width in 三号 characters: ASCII is half a character wide, everything else one."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


TITLE_CHARS = 20  # 二号 (22 pt) characters in the 156 mm line
# Where a title line may break, best first: before 关于 or at a space, before a year, before 法治政府.
_TITLE_BREAKS = ((re.compile(r"\s|关于"), 3), (re.compile(r"\d{4}年"), 2), (re.compile(r"法治政府"), 1))
_NO_LINE_START = set("）》”’)〕】、，。：；！？%")
_NO_LINE_END = set("（《“‘(〔【")


def break_title(line: str, width: float = TITLE_CHARS) -> list[str]:
    """A title too long for one line, broken where the sense allows and balanced (GB/T 9704 7.3.3:
    words kept whole, lines of suitable length): at a space, before 关于, a year or 法治政府."""
    line = line.strip()
    if title_width(line) <= width:
        return [line]
    preferred: dict[int, int] = {}
    for pattern, rank in reversed(_TITLE_BREAKS):
        preferred.update({m.start(): rank for m in pattern.finditer(line)})
    best, best_key = None, None
    for k in range(1, len(line)):
        before, after = line[k - 1], line[k]
        if (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()) or (
                before.isdigit() and after in "年月日号") or after in _NO_LINE_START or before in _NO_LINE_END:
            continue
        left, right = line[:k].rstrip(), line[k:].lstrip()
        if not left or not right or after.isspace() and k + 1 < len(line) and line[k + 1].isspace():
            continue
        if title_width(left) > width:
            break
        if left.endswith("关于"):
            continue
        fits = title_width(right) <= width
        key = (fits, preferred.get(k, 0), -abs(title_width(left) - title_width(right)) if fits else k)
        if best_key is None or key > best_key:
            best, best_key = k, key
    if best is None:
        return [line]
    return [line[:best].rstrip()] + break_title(line[best:], width)


def title_width(text: str) -> float:
    """Width in characters as Word sets a title: a quarter space where Chinese meets Latin or digits."""
    meets = sum(1 for a, b in zip(text, text[1:]) if (ord(a) < 0x80) != (ord(b) < 0x80) and not (a + b).isspace())
    return text_width(text) + 0.25 * meets


def figure_change(figure: dict) -> str:
    """同比增长5.6% / 同比下降3.2% / 比上年提高2.1个百分点 / 与上年持平; '' without both values."""
    prior, value = figure.get("prior"), figure.get("value")
    if prior is None or value is None:
        return ""
    if value == prior:
        return "与上年持平"
    unit = figure.get("unit") or ""
    if unit in ("%", "％", "个百分点"):
        word = "提高" if value > prior else "降低"
        return f"比上年{word}{format_number(round(abs(value - prior), 2))}个百分点"
    if prior == 0:
        return f"比上年增加{format_figure(value, unit)}"
    pct = (value - prior) / abs(prior) * 100
    word = "增长" if pct > 0 else "下降"
    return f"同比{word}{abs(pct):.1f}%"


def figure_comment(figure: dict, prior_year: int | None) -> str:
    """2023年：71件；本年：75件；同比增长5.6%"""
    parts = [prior_text(figure, prior_year),
             "本年：" + format_figure(figure["value"], figure.get("unit"), figure.get("approx"))]
    change = figure_change(figure)
    if change:
        parts.append(change)
    return "；".join(parts)


# ---------------------------------------------------------------- runs and blocks

class Runs:
    """Run XML for a `{{r … }}` tag: text pieces with highlight and comment anchors."""

    __slots__ = ("_pieces", "_pending")

    def __init__(self):
        self._pieces: list[list] = []  # [text, highlight, anchor]
        # An anchor given with no text (an unnumbered item) goes on the next piece of text.
        self._pending: int | None = None

    def add(self, text: str, highlight: str | None = None, anchor: int | None = None) -> "Runs":
        if not text:
            if anchor is not None:
                self._pending = anchor
            return self
        if anchor is None:
            anchor, self._pending = self._pending, None
        self._pieces.append([text, highlight, anchor])
        return self

    def extend(self, other: "Runs") -> "Runs":
        pieces = [list(piece) for piece in other._pieces]
        if self._pending is not None:
            free = next((piece for piece in pieces if piece[2] is None), None)
            if free is not None:
                free[2], self._pending = self._pending, None
        self._pieces.extend(pieces)
        return self

    @property
    def text(self) -> str:
        return "".join(piece[0] for piece in self._pieces)

    def __html__(self) -> str:
        out = []
        for text, highlight, anchor in self._pieces:
            props = ""
            if anchor is not None:
                props += f'<w:rStyle w:val="{_ANCHOR}{anchor}"/>'
            if highlight:
                props += f'<w:highlight w:val="{highlight}"/>'
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
        return "".join(out)

    def __str__(self) -> str:
        return self.text


@dataclass
class _Built:
    context: dict
    comments: list[list[str]] = field(default_factory=list)


class _Builder:
    """Walks the model into the template's context: blocks of runs, in reading order."""

    def __init__(self, model: dict, sentences):
        self.model = model
        self.sentences = sentences
        self.meta = model.get("meta") or {}
        self.year = self.meta.get("year")
        self.is_draft = model.get("schema_version") == 2
        self.prior_year = (model.get("draft") or {}).get("prior_year")
        if self.prior_year is None and self.is_draft and self.year:
            self.prior_year = self.year - 1
        self.figures = {f["id"]: f for f in model.get("figures") or []}
        self.blocks: list[dict] = []
        self.comments: list[list[str]] = []

    # -- pieces
    def comment(self, paragraphs: list[str]) -> int:
        self.comments.append(paragraphs)
        return len(self.comments) - 1

    def runs_for(self, text: str, highlight: str | None = None) -> Runs:
        """Text with figures written in (commented), unfilled ones and 【待填：…】 highlighted."""
        runs = Runs()
        text = clean(text)
        pos = 0
        for match in _MARKUP_RE.finditer(text):
            runs.add(text[pos:match.start()], highlight)
            pos = match.end()
            fid = match.group(1)
            if fid is None:  # a 【待填：…】 already in the text
                runs.add(match.group(0), TODO_HIGHLIGHT)
                continue
            figure = self.figures.get(fid)
            if figure is None:  # an unknown id stays visible for `check` to report
                runs.add(match.group(0), TODO_HIGHLIGHT)
            elif figure.get("value") is None:
                runs.add(unfilled_marker(figure, self.prior_year), TODO_HIGHLIGHT)
            else:
                shown = format_figure(figure["value"], figure.get("unit"), figure.get("approx"))
                runs.add(shown, highlight, anchor=self.comment([figure_comment(figure, self.prior_year)]))
        runs.add(text[pos:], highlight)
        return runs

    def add_block(self, kind: str, runs: Runs, level: int = 0) -> None:
        self.blocks.append({"kind": kind, "level": level, "runs": runs, "text": runs.text})

    def body(self, text: str) -> None:
        self.add_block("body", self.runs_for(text))

    # -- the outline
    def node(self, node: dict, level: int, number: str, prompt_default: str | None = None) -> None:
        """A part (level 1) or item: heading, own paragraphs, then its sub-items."""
        status = node.get("status") or "done"
        reference = status == "reference"
        tint = REFERENCE_HIGHLIGHT if reference else None
        anchor = None
        if node.get("reference"):
            year = f"{self.prior_year}年" if self.prior_year else "上年"
            anchor = self.comment([f"{year}原文（供参考，不会印入正文）："] + lines_of(node["reference"]))
        heading = clean(node.get("heading")).strip()
        paragraphs = lines_of(node.get("paragraphs"))
        children = _flatten(node.get("items") or [])
        if status == "todo" and not paragraphs and not children:
            paragraphs = [todo_marker(clean(node.get("prompt")) or prompt_default or heading or "本项内容")]
        kind = f"h{min(level, 4)}"
        if heading:
            # A part's status is that of its own paragraphs; its heading is this year's anyway. An item
            # still to write under last year's heading (a plan, a problem) keeps that heading grey.
            carried = status == "todo" and str(node.get("origin") or "").startswith("prior_")
            heading_tint = REFERENCE_HIGHLIGHT if level > 1 and (reference or carried) else None
            runs = Runs().add(number, anchor=anchor).extend(self.runs_for(heading, heading_tint))
            if reference and not paragraphs and not children and level > 1:
                runs.add(REFERENCE_MARK, MARK_HIGHLIGHT)
            self.add_block(kind, runs, level)
            number, anchor = "", None
        elif not paragraphs:
            # Neither heading nor text: show the number with what is missing, never a bare number.
            runs = Runs().add(number, anchor=anchor).add(todo_marker("本项标题"), TODO_HIGHLIGHT)
            self.add_block(kind, runs, level)
            number, anchor = "", None
        for i, text in enumerate(paragraphs):
            runs = Runs().add(number, anchor=anchor)
            if reference and i == 0:
                runs.add(REFERENCE_MARK, MARK_HIGHLIGHT)
            self.add_block("body", runs.extend(self.runs_for(text, tint)), level)
            number, anchor = "", None
        # A lone item without a heading is just the text of its parent: a （一） with no （二） misleads.
        # Its sub-items then take the next level's numbers, so no level is skipped.
        if len(children) == 1 and not clean(children[0].get("heading")).strip():
            self.node(children[0], level, "")
            return
        for i, child in enumerate(children, 1):
            self.node(child, level + 1, number_for(level + 1, i))

    def parts(self) -> None:
        sections = self.model.get("sections") or {}
        n = 0
        for key in PARTS:
            section = sections.get(key) or {"heading": None, "paragraphs": [], "items": []}
            has_content = bool(lines_of(section.get("paragraphs")) or section.get("items"))
            wanted = section.get("status") == "todo" and key != "other"
            if not (has_content or wanted or key == "duties"):
                continue
            n += 1
            part = dict(section)
            part["heading"] = section.get("heading") or self.sentences.heading(key, self.year)
            if not has_content:
                part["status"] = "todo"
            self.node(part, 1, number_for(1, n), self.sentences.prompt(key, self.year))


def _flatten(items: list[dict]) -> list[dict]:
    """An item with neither heading nor text only groups its sub-items: number those instead."""
    out = []
    for item in items:
        empty = not (item.get("heading") or lines_of(item.get("paragraphs")))
        if empty and item.get("items") and item.get("status") != "todo" and not item.get("reference"):
            out.extend(_flatten(item["items"]))
        else:
            out.append(item)
    return out


_DATE_RE = re.compile(r"^[0-9０-９〇零一二三四五六七八九十]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                      r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$")
# The report's closing sentence (特此报告。以上报告，请审阅。): the standard sentence replaces it.
_CLOSING_RE = re.compile(r"^(特此|专此|谨此)(报告|报送|说明)([，,。.].{0,12})?$|^以上报告[，,]?请.{0,10}[。.]?$")
# 附件说明: 附件：1.… and the lines 2.… that continue it.
_ATTACHMENT_RE = re.compile(r"^附件\s*[:：]")
_ATTACHMENT_NEXT_RE = re.compile(r"^\d{1,2}\s*[.．、]")
# Lines that follow the date: an annotation in brackets (附注: 联系人…, 此件公开发布) and the 版记
# (抄送…, …印发). They go under the date, never into the body.
_NOTE_LINE_RE = re.compile(r"^[（(].*[)）]$|^(抄送|抄报)\s*[:：]|印发$")


@dataclass
class _Closing:
    extra: list[str] = field(default_factory=list)  # paragraphs kept as body text
    signature: list[str] = field(default_factory=list)  # used when meta has no issuer
    date_line: str | None = None  # the date as written, used when meta has no date
    date_marker: str | None = None  # 【待填：成文日期…】
    notes: list[str] = field(default_factory=list)  # under the date
    attachments: list[str] = field(default_factory=list)  # 附件说明 lines


def _closing(model: dict) -> _Closing:
    """The closing lines sorted by what they are."""
    out = _Closing()
    for line in lines_of(model.get("closing")):
        if _CLOSING_RE.match(line):
            continue
        elif _ATTACHMENT_RE.match(line) or (out.attachments and _ATTACHMENT_NEXT_RE.match(line)):
            # Later attachments align under the first one's number, after "附件：".
            out.attachments.append(line if _ATTACHMENT_RE.match(line) else "\u3000" * 3 + line)
        elif _DATE_RE.match(line.replace(" ", "")):
            out.date_line = line.replace(" ", "")
        elif TODO_RE.fullmatch(line):
            if "日期" in line:
                out.date_marker = line
            elif "署名" in line or "机关" in line:
                out.signature.append(line)
            else:
                out.extra.append(line)
        elif _NOTE_LINE_RE.search(line):
            out.notes.append(line)
        elif re.search(r"[。；，：！？]", line) or len(line) > 40:
            out.extra.append(line)
        else:
            out.signature.append(line)
    return out


def _recipient(text: str) -> str:
    """主送机关 ends with a full-width colon (河南省人民政府：)."""
    if not text:
        return ""
    return text.rstrip(":：") + "："


def build_context(model: dict, sentences, appendix: bool = False) -> _Built:
    """The template's variables for one model, and the comments its anchors refer to."""
    b = _Builder(model, sentences)
    meta = b.meta
    issuer, region, year = clean(meta.get("issuer")).strip(), clean(meta.get("region")).strip(), b.year

    preamble = lines_of(model.get("preamble"))
    preamble_status = (model.get("draft") or {}).get("preamble_status")
    if not preamble:
        preamble, preamble_status = [sentences.opening(issuer, region, year)], None
    for i, text in enumerate(preamble):
        if preamble_status == "reference":
            runs = Runs().add(REFERENCE_MARK, MARK_HIGHLIGHT) if i == 0 else Runs()
            b.add_block("body", runs.extend(b.runs_for(text, REFERENCE_HIGHLIGHT)))
        else:
            b.body(text)
    if b.is_draft and "如下" not in preamble[-1]:
        b.body(sentences.report_intro())
    b.parts()
    closing = _closing(model)
    for text in closing.extra:
        b.body(text)

    title = clean(meta.get("title")).strip() or sentences.title(issuer, region, year)
    written = [line.strip() for line in title.split("\n") if line.strip()]
    title_lines = [part for line in written for part in break_title(line)]
    if issuer:
        signature = [Runs().add(part) for part in re.split(r"[\s\u3000]+", issuer) if part]
    elif closing.signature:
        signature = [b.runs_for(line) for line in closing.signature]
    else:
        signature = [Runs().add(todo_marker("发文机关署名"), TODO_HIGHLIGHT)]
    if meta.get("date"):
        date = Runs().add(chinese_date(meta["date"]))
    elif closing.date_line:
        date = Runs().add(closing.date_line)
    else:
        date = Runs().add(closing.date_marker or todo_marker("成文日期"), TODO_HIGHLIGHT)

    rows = []
    for i, figure in enumerate(model.get("figures") or [], 1):
        prior = figure.get("prior")
        value = figure.get("value")
        rows.append({
            "number": str(i),
            "label": clean(figure.get("label")),
            "prior": format_figure(prior, figure.get("unit"), figure.get("prior_approx")) if prior is not None else "—",
            "value": (Runs().add(format_figure(value, figure.get("unit"), figure.get("approx"))) if value is not None
                      else Runs().add(todo_marker("本年"), TODO_HIGHLIGHT)),  # short: one line in its column
            "change": figure_change(figure) or "—",
        })

    context = {
        "blocks": b.blocks,
        "title_lines": title_lines,
        "document_title": " ".join(written),
        "doc_number": clean(meta.get("doc_number")).strip(),
        "recipient": _recipient(clean(meta.get("recipient")).strip()),
        "closing_sentence": sentences.closing(),
        "attachments": [b.runs_for(line) for line in closing.attachments],
        "signature_lines": signature,
        "date": date,
        "notes": [b.runs_for(line) for line in closing.notes],
        "appendix": bool(appendix),
        "appendix_title": sentences.appendix_title(year),
        "figure_rows": rows,
        "prior_label": f"{b.prior_year}年" if b.prior_year else "上年",
        "current_label": f"{year}年" if year else "本年",
        "meta": {k: (clean(v) if isinstance(v, str) else v) for k, v in meta.items()},
        "year": year,
        "region": region,
        "issuer": issuer,
    }
    return _Built(context, b.comments)


# ---------------------------------------------------------------- templates

def _jinja_env():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class Env(SandboxedEnvironment):
        """Compiles each template XML once per process: a batch renders the same template often."""

        compiled: dict = {}
        # `'x' * 10**9` in a template must fail at once, not eat the clerk's memory.
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context, operator, left, right):
            from jinja2.exceptions import SecurityError

            if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
                raise SecurityError("模板中的乘方过大")
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > 100_000:
                        raise SecurityError("模板中的重复次数过大")
            return super().call_binop(context, operator, left, right)

        def from_string(self, source, globals=None, template_class=None):
            if globals is not None or template_class is not None:
                return super().from_string(source, globals, template_class)
            template = self.compiled.get(source)
            if template is None:
                if len(self.compiled) > 16:
                    self.compiled.clear()
                template = self.compiled[source] = super().from_string(source)
            return template

    # autoescape: a value with & or < must come out as text, never as (broken) markup.
    return Env(autoescape=True, undefined=StrictUndefined)


@lru_cache(maxsize=1)
def _env():
    return _jinja_env()


class _Sentences:
    """The macros of standard.j2 as plain-text functions."""

    def __init__(self, folder: Path):
        from jinja2 import FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        from drafter.resources import templates_dir

        path = folder / "standard.j2"
        if not path.is_file():
            path = templates_dir() / "standard.j2"
        env = SandboxedEnvironment(loader=FileSystemLoader(str(path.parent)), undefined=StrictUndefined,
                                   autoescape=False, keep_trailing_newline=False)
        self.path = path
        try:
            self.module = env.get_template(path.name).module
        except Exception as exc:  # jinja2 syntax errors and the like, in a file a bureau edits
            raise DrafterError(f"标准语句模板有误：{exc}", path) from None

    def __getattr__(self, name):
        macro = getattr(self.module, name, None)
        if macro is None:
            raise DrafterError(f"标准语句模板缺少宏“{name}”", self.path)

        def call(*args):
            try:
                return clean(str(macro(*args))).strip()
            except Exception as exc:
                raise DrafterError(f"标准语句模板的宏“{name}”出错：{exc}", self.path) from None

        return call


@lru_cache(maxsize=8)
def _sentences(folder: str, stamp) -> _Sentences:
    return _Sentences(Path(folder))


def resolve_template(template: str | Path | None) -> Path:
    """A template name (report) from templates/, or a path to a .docx."""
    from drafter.resources import templates_dir

    if template is None or str(template) == "":
        template = DEFAULT_TEMPLATE
    text = str(template)
    if "/" not in text and "\\" not in text and not text.lower().endswith(".docx"):
        path = templates_dir() / f"{text}.docx"
        if not path.is_file():
            names = "、".join(sorted(p.stem for p in templates_dir().glob("*.docx")))
            raise DrafterError(f"没有名为“{text}”的内置模板（可用：{names}）；也可给出 .docx 模板的路径")
        return path
    path = Path(text)
    if path.suffix.lower() != ".docx":
        raise DrafterError("模板应是 .docx 文件", path)
    if not path.is_file():
        raise DrafterError("模板文件不存在", path)
    return path


_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_OPEN_RE = re.compile(r"\{\{|\{%|\{#")


_NOT_FORMATTING = {_w("lang"), _w("noProof"), _w("proofErr"), _w("rPrChange")}


def _formatting(rpr) -> bytes:
    """A run's visible formatting: Word's spelling and revision marks split runs without it."""
    from lxml import etree

    if rpr is None:
        return b""
    return b"".join(etree.tostring(child) for child in rpr if child.tag not in _NOT_FORMATTING)


def _paragraph_texts(element):
    """(paragraph text, [(run text, run formatting xml), ...]) for each paragraph of a part."""
    for p in element.iter(_w("p")):
        runs = []
        for r in p.iter(_w("r")):
            text = "".join(t.text or "" for t in r.iter(_w("t")))
            if text:
                runs.append((text, _formatting(r.find(_w("rPr")))))
        yield "".join(t for t, _ in runs), runs


def check_template(path: Path, data: bytes) -> None:
    """Refuse a template that would fail or silently mis-render, naming the tag or variable."""
    import docx
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        raise DrafterError("无法打开模板：不是有效的 Word (.docx) 文件", path) from None
    parts = [("正文", document.element.body)]
    for section in document.sections:
        for label, hf in (("页脚", section.footer), ("偶数页页脚", section.even_page_footer),
                          ("页眉", section.header), ("偶数页页眉", section.even_page_header)):
            if not hf.is_linked_to_previous:
                parts.append((label, hf._element))
    for label, element in parts:
        for index, (text, runs) in enumerate(_paragraph_texts(element), 1):
            opened = len(_OPEN_RE.findall(text))
            tags = _TAG_RE.findall(text)
            if opened != len(tags) or text.count("}}") + text.count("%}") + text.count("#}") < len(tags):
                raise DrafterError(f"模板{label}第 {index} 段有不完整的标签（“{text[:40]}”）：每个 {{{{ }}}} 或 {{% %}} 标签应在同一段内完整写出",
                                   path)
            pos = 0
            starts = []
            for run_text, rpr in runs:
                starts.append((pos, pos + len(run_text), rpr))
                pos += len(run_text)
            for match in _TAG_RE.finditer(text):
                formats = {rpr for start, end, rpr in starts if start < match.end() and end > match.start()}
                if len(formats) > 1:
                    raise DrafterError(
                        f"模板{label}第 {index} 段的标签“{match.group(0)}”被拆成了格式不同的几段文字；"
                        "请在 Word 中删掉这个标签，再以同一格式一次输入", path)
    env = _jinja_env()
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        names = tpl.get_undeclared_template_variables(jinja_env=env)
    except TemplateSyntaxError as exc:
        raise DrafterError(f"模板的标签写法有误：{exc.message}", path) from None
    unknown = sorted(names - CONTEXT_KEYS)
    if unknown:
        known = "、".join(sorted(CONTEXT_KEYS))
        raise DrafterError(f"模板使用了未知的变量“{'、'.join(unknown)}”（可用的变量：{known}）", path)
    if "blocks" not in names:
        # A plain Word file (often last year's report) given as template would come out unchanged.
        raise DrafterError("这不是 drafter 的模板：其中没有放正文的标签（{%p for b in blocks %}），"
                           "排版结果将不含本年度的内容；请以内置模板（templates/report.docx）为底修改", path)


@lru_cache(maxsize=8)
def _template_bytes(path: str, stamp) -> bytes:
    data = read_input_bytes(path, MAX_DOCX_BYTES)
    check_template(Path(path), data)
    return data


def _load_template(template) -> tuple[Path, bytes]:
    path = resolve_template(template)
    st = path.stat()
    return path, _template_bytes(str(path), (st.st_mtime_ns, st.st_size))


# ---------------------------------------------------------------- second pass

class _Fonts:
    """Each style's four faces, resolved through basedOn down to the document defaults."""

    def __init__(self, styles_element):
        self.styles = {}
        self.default_para = None
        self.defaults = {}
        if styles_element is not None:
            for st in styles_element.iter(_w("style")):
                self.styles[st.get(_w("styleId"))] = st
                if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true", "on"):
                    self.default_para = st.get(_w("styleId"))
            rfonts = styles_element.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('rFonts')}")
            self.defaults = self._slots(rfonts)
        self.cache: dict = {}

    @staticmethod
    def _slots(rfonts) -> dict:
        if rfonts is None:
            return {}
        return {slot: rfonts.get(_w(slot)) for slot in _FONT_SLOTS if rfonts.get(_w(slot))}

    def _chain(self, style_id, seen=()):
        out = {}
        while style_id and style_id in self.styles and style_id not in seen:
            seen = (*seen, style_id)
            st = self.styles[style_id]
            found = self._slots(st.find(f"{_w('rPr')}/{_w('rFonts')}"))
            for slot, face in found.items():
                out.setdefault(slot, face)
            based = st.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None
        return out

    def resolve(self, para_style, run_style) -> dict:
        key = (para_style, run_style)
        if key not in self.cache:
            out = self._chain(run_style)
            for slot, face in self._chain(para_style or self.default_para).items():
                out.setdefault(slot, face)
            for slot, face in self.defaults.items():
                out.setdefault(slot, face)
            # A slot still empty takes the East Asian (or any) face: never leave one to a theme.
            fallback = out.get("eastAsia") or next(iter(out.values()), None)
            if fallback:
                for slot in _FONT_SLOTS:
                    out.setdefault(slot, fallback)
            self.cache[key] = out
        return self.cache[key]


def _val(parent, tag):
    if parent is None:
        return None
    el = parent.find(_w(tag))
    return el.get(_w("val")) if el is not None else None


_P, _R, _T, _RPR, _PPR, _PSTYLE, _RSTYLE, _RFONTS, _VAL = (
    _w("p"), _w("r"), _w("t"), _w("rPr"), _w("pPr"), _w("pStyle"), _w("rStyle"), _w("rFonts"), _w("val"))
_SLOT_KEYS = tuple((slot, _w(slot)) for slot in _FONT_SLOTS)
_THEME_KEYS = tuple(_w(slot) for slot in _THEME_SLOTS)


def _fix_runs(element, fonts: _Fonts, anchors: list | None = None) -> None:
    """Put all four faces on every run; collect (index, run, paragraph) of comment anchors."""
    from lxml import etree

    for p in element.iter(_P):
        ppr = p.find(_PPR)
        pstyle = ppr.find(_PSTYLE) if ppr is not None else None
        para_style = pstyle.get(_VAL) if pstyle is not None else None
        for r in list(p.iter(_R)):
            if len(r) == 1 and r[0].tag == _T and not r[0].text and anchors is not None:
                r.getparent().remove(r)  # the empty runs docxtpl leaves around each tag
                continue
            rpr = r.find(_RPR)
            if rpr is None:
                rpr = etree.Element(_RPR)
                r.insert(0, rpr)
            rstyle = rpr.find(_RSTYLE)
            run_style = None
            if rstyle is not None:
                run_style = rstyle.get(_VAL)
                if run_style and run_style.startswith(_ANCHOR):
                    if anchors is not None:
                        anchors.append((int(run_style[len(_ANCHOR):]), r, p))
                    rpr.remove(rstyle)
                    rstyle = run_style = None
            faces = fonts.resolve(para_style, run_style)
            rfonts = rpr.find(_RFONTS)
            if rfonts is None:
                rfonts = etree.Element(_RFONTS)
                rpr.insert(1 if rstyle is not None else 0, rfonts)
            else:
                for key in _THEME_KEYS:
                    if key in rfonts.attrib:
                        del rfonts.attrib[key]
            for slot, key in _SLOT_KEYS:
                if slot in faces and not rfonts.get(key):
                    rfonts.set(key, faces[slot])


def _set_indent(p, chars: float) -> None:
    from lxml import etree

    ppr = p.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        p.insert(0, ppr)
    ind = ppr.find(_w("ind"))
    if ind is None:
        ind = etree.SubElement(ppr, _w("ind"))
        # w:ind comes before w:jc and the run properties in pPr.
        for tag in ("jc", "textAlignment", "outlineLvl", "rPr", "sectPr", "pPrChange"):
            later = ppr.find(_w(tag))
            if later is not None:
                later.addprevious(ind)
                break
    ind.set(_w("right"), str(round(chars * 320)))
    ind.set(_w("rightChars"), str(round(chars * 100)))


def _place_signature(body) -> None:
    """GB/T 9704 7.3.5.2: signature two characters in from the right, the date's first character
    two characters right of the signature's; a longer date keeps two and pushes the signature left."""
    signature, dates = [], []
    for p in body.iter(_w("p")):
        style = _val(p.find(_w("pPr")), "pStyle")
        if style in ("Signature", "DocDate"):
            text = "".join(t.text or "" for t in p.iter(_w("t")))
            (signature if style == "Signature" else dates).append((p, text_width(text)))
    if not signature or not dates:
        return
    sig_width = max(w for _, w in signature)
    date_width = max(w for _, w in dates)
    if sig_width - date_width >= 2:
        sig_right, date_right = 2.0, sig_width - date_width
    else:
        sig_right, date_right = date_width - sig_width + 4, 2.0
    for p, _ in signature:
        _set_indent(p, sig_right)
    for p, _ in dates:
        _set_indent(p, date_right)


def _comment_xml(cid: int, paragraphs: list[str], faces: dict) -> str:
    fonts = "".join(f' w:{slot}="{escape(faces[slot])}"' for slot in _FONT_SLOTS if slot in faces)
    rfonts = f"<w:rFonts{fonts}/>" if fonts else ""
    body = []
    for i, text in enumerate(paragraphs):
        ref = (f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/>{rfonts}</w:rPr><w:annotationRef/></w:r>'
               if i == 0 else "")
        body.append(f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{ref}'
                    f'<w:r><w:rPr>{rfonts}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    return (f'<w:comment w:id="{cid}" w:author="{COMMENT_AUTHOR}" w:initials="DR">' + "".join(body) + "</w:comment>")


def _add_comments(document, anchors: list, comments: list[list[str]], fonts: _Fonts) -> None:
    """Word comments on the anchored runs, written as XML in one go (python-docx's API is slow)."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    part = document.part._comments_part  # python-docx 1.2 creates the part on first use
    root = part.element
    used = [int(c.get(_w("id"))) for c in root.iter(_w("comment"))]
    next_id = max(used, default=-1) + 1
    faces = fonts.resolve("CommentText", None)
    xml = []
    for index, r, p in sorted(anchors, key=lambda a: a[0]):
        cid = str(next_id)
        next_id += 1
        start = etree.Element(_w("commentRangeStart"))
        start.set(_w("id"), cid)
        r.addprevious(start)
        end = etree.Element(_w("commentRangeEnd"))
        end.set(_w("id"), cid)
        ref = etree.Element(_w("r"))
        rpr = etree.SubElement(ref, _w("rPr"))
        etree.SubElement(rpr, _w("rStyle")).set(_w("val"), "CommentReference")
        ref_fonts = etree.SubElement(rpr, _RFONTS)
        ppr = p.find(_PPR)
        pstyle = ppr.find(_PSTYLE) if ppr is not None else None
        for slot, face in fonts.resolve(pstyle.get(_VAL) if pstyle is not None else None, "CommentReference").items():
            ref_fonts.set(_w(slot), face)
        etree.SubElement(ref, _w("commentReference")).set(_w("id"), cid)
        r.addnext(end)
        end.addnext(ref)
        xml.append(_comment_xml(int(cid), comments[index], faces))
    parsed = parse_xml(f'<w:comments xmlns:w="{_W}">' + "".join(xml) + "</w:comments>")
    for comment in list(parsed):
        root.append(comment)


def _finish(document, comments: list[list[str]]) -> None:
    fonts = _Fonts(document.styles.element)
    body = document.element.body
    anchors: list = []
    _fix_runs(body, fonts, anchors)
    _place_signature(body)
    if anchors:
        _add_comments(document, anchors, comments, fonts)


# ---------------------------------------------------------------- entry points

def render_bytes(model: dict, template: str | Path | None = None, appendix: bool = False) -> bytes:
    """The rendered .docx as bytes (what render_model writes)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.sandbox import SecurityError

    path, data = _load_template(template)
    standard = path.parent / "standard.j2"
    sentences = _sentences(str(path.parent), standard.stat().st_mtime_ns if standard.is_file() else None)
    built = build_context(model, sentences, appendix)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.render(built.context, jinja_env=_env())
    except SecurityError as exc:
        raise DrafterError(f"按模板排版时出错：模板试图访问程序内部或系统，出于安全已拒绝（{exc}）", path) from None
    except TemplateError as exc:
        raise DrafterError(f"按模板排版时出错：{exc}", path) from None
    except (OverflowError, MemoryError, RecursionError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # What a template's expressions can raise (huge ranges, bad indexes): the template's fault.
        raise DrafterError(f"按模板排版时出错（{type(exc).__name__}）：{exc}", path) from None
    _finish(tpl.docx, built.comments)
    out = io.BytesIO()
    tpl.docx.save(out)
    return out.getvalue()


def render_model(model: dict, out: str | Path, template: str | Path | None = None, appendix: bool = False,
                 force: bool = False) -> Path:
    """Render a validated model to a .docx at `out`; an existing file needs force."""
    out = Path(out)
    check_output(out, force)
    if out.suffix.lower() != ".docx":
        raise DrafterError("输出文件应以 .docx 结尾", out)
    return atomic_write(out, render_bytes(model, template, appendix), force=force)


def render_file(draft_path: str | Path, out: str | Path, template: str | Path | None = None,
                appendix: bool = False, force: bool = False) -> Path:
    from drafter.model.legacy import load_model

    check_output(out, force)
    return render_model(load_model(draft_path), out, template, appendix, force)
