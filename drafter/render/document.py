"""The render step: a Report (a parsed report or a draft) -> .docx in the GB/T 9704-2012 layout.

The Word template (templates/report.docx, built by tools/build_template.py) holds Jinja tags
that docxtpl fills; the standard sentences come from templates/standard.j2. A second pass on
the rendered document sets every run's four fonts from its style, sets the signature and
date indents and the 版头's size, the document's properties, and in the review edition the
reviewer's comments (render/editions.py: what each edition shows).
"""

from __future__ import annotations

import io
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import atomic_write, check_output
from drafter.model.report import Report
from drafter.render.banner import fit_banner, strip_highlights
from drafter.render.comments import add_comments
from drafter.render.context import build_context
from drafter.render.editions import REVIEW, check_edition, has_banner, marked, refuse_unready
from drafter.render.fonts import Fonts, fix_runs
from drafter.render.properties import set_properties
from drafter.render.sentences import sentences_for
from drafter.render.signature import place_signature
from drafter.render.template import load_template, shared_env


def _finish(document, built, edition: str) -> None:
    """The second pass: fonts on every run, the signature's and date's indents, the 版头's size,
    the properties; comments in the review edition, no highlight in the others."""
    fonts = Fonts(document.styles.element)
    body = document.element.body
    anchors: list = []
    fix_runs(body, fonts, anchors)
    place_signature(body)
    fit_banner(body)
    set_properties(document, built.context["issuer"], built.context["document_title"])
    if not marked(edition):
        strip_highlights(body)
    elif anchors:
        add_comments(document, anchors, built.comments, fonts)


def render_bytes(report: Report, template: str | Path | None = None, appendix: bool = False,
                 edition: str = REVIEW) -> bytes:
    """The rendered .docx as bytes (what render_model writes); a clean edition of an unready draft is refused."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.sandbox import SecurityError

    check_edition(edition)
    path, data = load_template(template)
    sentences = sentences_for(path)
    if has_banner(edition, report.meta.doc_number):
        sentences.require("banner")  # the template's fault first: mending the draft would not cure it
    refuse_unready(report, edition)
    built = build_context(report, sentences, appendix, edition)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.render(built.context, jinja_env=shared_env())
    except SecurityError as exc:
        raise DrafterError(f"按模板排版时出错：模板试图访问程序内部或系统，出于安全已拒绝（{exc}）", path) from None
    except TemplateError as exc:
        raise DrafterError(f"按模板排版时出错：{exc}", path) from None
    except (OverflowError, MemoryError, RecursionError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # What a template's expressions can raise (huge ranges, bad indexes): the template's fault.
        raise DrafterError(f"按模板排版时出错（{type(exc).__name__}）：{exc}", path) from None
    _finish(tpl.docx, built, edition)
    out = io.BytesIO()
    tpl.docx.save(out)
    return out.getvalue()


def render_model(report: Report, out: str | Path, template: str | Path | None = None, appendix: bool = False,
                 force: bool = False, edition: str = REVIEW) -> Path:
    """Render a report to a .docx at `out`; an existing file needs force."""
    out = Path(out)
    check_output(out, force)
    if out.suffix.lower() != ".docx":
        raise DrafterError("输出文件应以 .docx 结尾", out)
    return atomic_write(out, render_bytes(report, template, appendix, edition), force=force)


def render_file(path: str | Path, out: str | Path, template: str | Path | None = None,
                appendix: bool = False, force: bool = False, edition: str = REVIEW) -> Path:
    """Render the report or draft saved at `path`."""
    from drafter.model.files import load_report

    check_output(out, force)
    return render_model(load_report(path), out, template, appendix, force, edition)
