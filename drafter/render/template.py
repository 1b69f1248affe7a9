"""Word templates: finding one by name or path, refusing one that would mis-render, the sandbox that fills it."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, read_input_bytes
from drafter.render.ooxml import RPR, P, R, T, w
from drafter.render.patterns import (
    CONTEXT_KEYS,
    DEFAULT_TEMPLATE,
    NOT_FORMATTING,
    OPEN_RE,
    REL,
    RENDERED_PROPERTIES,
    SAFE_LINK_RE,
    TAG_RE,
)

_NOT_FORMATTING = frozenset(w(tag) for tag in NOT_FORMATTING)


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


def _formatting(rpr) -> bytes:
    """A run's visible formatting: Word's spelling and revision marks split runs without it."""
    from lxml import etree

    if rpr is None:
        return b""
    return b"".join(etree.tostring(child) for child in rpr if child.tag not in _NOT_FORMATTING)


def _paragraph_texts(element):
    """(paragraph text, [(run text, run formatting xml), ...]) for each paragraph of a part."""
    for p in element.iter(P):
        runs = []
        for r in p.iter(R):
            text = "".join(t.text or "" for t in r.iter(T))
            if text:
                runs.append((text, _formatting(r.find(RPR))))
        yield "".join(t for t, _ in runs), runs


def _check_tags(label: str, element, path: Path) -> None:
    """Every tag whole within its paragraph, and typed in one formatting."""
    for index, (text, runs) in enumerate(_paragraph_texts(element), 1):
        tags = TAG_RE.findall(text)
        if len(OPEN_RE.findall(text)) != len(tags) or text.count("}}") + text.count("%}") + text.count("#}") < len(tags):
            raise DrafterError(f"模板{label}第 {index} 段有不完整的标签（“{text[:40]}”）：每个 {{{{ }}}} 或 {{% %}} 标签应在同一段内完整写出",
                               path)
        pos = 0
        starts = []
        for run_text, rpr in runs:
            starts.append((pos, pos + len(run_text), rpr))
            pos += len(run_text)
        for match in TAG_RE.finditer(text):
            formats = {rpr for start, end, rpr in starts if start < match.end() and end > match.start()}
            if len(formats) > 1:
                raise DrafterError(
                    f"模板{label}第 {index} 段的标签“{match.group(0)}”被拆成了格式不同的几段文字；"
                    "请在 Word 中删掉这个标签，再以同一格式一次输入", path)


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
        _check_tags(label, element, path)
    _check_external(data, path)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        names = tpl.get_undeclared_template_variables(jinja_env=jinja_env())
    except TemplateSyntaxError as exc:
        raise DrafterError(f"模板的标签写法有误：{exc.message}", path) from None
    names = names | _property_names(document, path)
    unknown = sorted(names - CONTEXT_KEYS)
    if unknown:
        known = "、".join(sorted(CONTEXT_KEYS))
        raise DrafterError(f"模板使用了未知的变量“{'、'.join(unknown)}”（可用的变量：{known}）", path)
    if "blocks" not in names:
        # A plain Word file (often last year's report) given as template would come out unchanged.
        raise DrafterError("这不是 drafter 的模板：其中没有放正文的标签（{%p for b in blocks %}），"
                           "排版结果将不含本年度的内容；请以内置模板（templates/report.docx）为底修改", path)


def _property_names(document, path: Path) -> set[str]:
    """The variables the tags in the document properties (docProps/core.xml) use: docxtpl renders
    them too, so they are checked here like the body's."""
    from jinja2 import TemplateSyntaxError, meta

    env = jinja_env()
    names: set[str] = set()
    for prop in RENDERED_PROPERTIES:
        text = getattr(document.core_properties, prop) or ""
        try:
            names |= meta.find_undeclared_variables(env.parse(text))
        except TemplateSyntaxError as exc:
            raise DrafterError(f"模板的文档属性（{prop}）中的标签写法有误：{exc.message}", path) from None
    return names


def _check_external(data: bytes, path: Path) -> None:
    """Links to outside files or sites (a linked picture, an attached template) that Word would fetch
    on opening are refused; a plain web or mail hyperlink, followed only when clicked, stays."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if not name.endswith(".rels"):
                continue
            for rel in etree.fromstring(zf.read(name)).iter(REL):
                if rel.get("TargetMode") != "External":
                    continue
                target = rel.get("Target", "")
                if rel.get("Type", "").endswith("/hyperlink") and SAFE_LINK_RE.match(target):
                    continue
                raise DrafterError(f"模板含有指向外部的链接或资源（{target[:80]}），Word 打开文档时可能去访问它；"
                                   "请在模板中删去（如链接的图片、附加的模板）后再用", path)


@lru_cache(maxsize=8)
def _template_bytes(path: str, stamp, bundled: bool) -> bytes:
    data = read_input_bytes(path, MAX_DOCX_BYTES)
    if not bundled:  # the bundled ones are checked when tools/build_template.py builds them (and by the tests)
        check_template(Path(path), data)
    return data


def load_template(template: str | Path | None) -> tuple[Path, bytes]:
    """The template's path and its checked bytes; checked again when the file changes."""
    from drafter.resources import templates_dir

    path = resolve_template(template)
    st = path.stat()
    bundled = path.resolve().parent == templates_dir().resolve()
    return path, _template_bytes(str(path), (st.st_mtime_ns, st.st_size), bundled)


def jinja_env():
    """A new sandbox for a template's tags: no internals, bounded text and time, values always as text."""
    from jinja2 import StrictUndefined

    from drafter.render.sandbox import Sandbox

    # autoescape: a value with & or < must come out as text, never as (broken) markup.
    return Sandbox(autoescape=True, undefined=StrictUndefined)


@lru_cache(maxsize=1)
def shared_env():
    """The one sandbox rendering uses in a process (its compiled templates are kept)."""
    return jinja_env()
