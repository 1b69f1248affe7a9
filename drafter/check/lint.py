"""`drafter check`: lint a draft or report (YAML) or a rendered .docx and list each problem with its place.

Checks: mandatory parts, unfilled figures and text, last year left in, contradicting numbers,
paragraphs copied from last year's report, areas of the national outline no measure covers, and
for a .docx the fonts and indents GB/T 9704-2012 asks for. A report's places are named as the
document numbers them (model/numbering.py); a .docx's by its paragraphs, counted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter.check.blocks import Block, model_blocks
from drafter.check.copied import check_copied
from drafter.check.coverage import check_coverage
from drafter.check.dates import check_date, check_event_dates, check_plan_year, check_report_date
from drafter.check.docx import (
    docx_blocks,
    docx_missing_parts,
    docx_year,
    open_docx,
    other_blocks,
    paragraph_kinds,
)
from drafter.check.layout import layout_problems
from drafter.check.leftovers import check_prior_figures
from drafter.check.localities import check_localities
from drafter.check.numbers import check_numbers
from drafter.check.parts import check_figures, check_markers, check_parts, check_statuses
from drafter.check.problems import Problem, dedupe
from drafter.check.sums import check_sums
from drafter.check.years import check_prior_year
from drafter.errors import DrafterError
from drafter.model.files import load_report
from drafter.model.numbering import Places
from drafter.model.report import Report
from drafter.text.dates import iso_from_chinese
from drafter.vocab import PART

YAML_SUFFIXES = (".yaml", ".yml")


def _text_checks(blocks: list[Block], year: int | None, prior: Report | None, draft: bool,
                 measures: tuple[str, str | None], written: dt.date, figures: dict | None = None,
                 region: str | None = None) -> list[Problem]:
    """What the words say, in a report or a .docx alike; `measures`: the measures part's place and id;
    `written`: when the report was (or is being) written."""
    problems = check_markers(blocks, skip_figure_markers=draft)
    problems += check_prior_year(blocks, year)
    problems += check_plan_year(blocks, year)
    problems += check_event_dates(blocks, written)
    problems += check_localities(blocks, region)
    problems += check_numbers(blocks)
    problems += check_sums(blocks)
    if prior is not None:
        problems += check_copied(blocks, prior, figures)
    problems += check_coverage(blocks, *measures, year=year)
    return problems


def _written(report: Report, today: dt.date) -> dt.date:
    try:
        return min(dt.date.fromisoformat(report.meta.date), today) if report.meta.date else today
    except ValueError:
        return today


def check_model(report: Report, prior: Report | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every problem of a parsed report or a draft, in the order a reviewer reads them; `today`: the date
    it is checked (rendered) on."""
    today = today or dt.date.today()
    places = Places(report)
    blocks = model_blocks(report, places)
    problems = check_parts(report, places)
    problems += check_statuses(report, places)
    problems += check_figures(report, blocks)
    problems += check_prior_figures(report, blocks)
    problems += check_report_date(report, today)
    measures = (places.name(report.sections["measures"]), "measures")
    problems += _text_checks(blocks, report.meta.year, prior, draft=True, measures=measures,
                             written=_written(report, today), figures=report.figures_by_id(),
                             region=report.meta.region)
    return dedupe(problems)


def check_docx(path: str | Path, prior: Report | None = None) -> list[Problem]:
    """Every problem of a rendered report: text left unfilled or stale, contradictions, coverage, layout."""
    from docx.exceptions import PythonDocxError

    from drafter.read.docx import BAD_DOCX

    doc = open_docx(path)
    try:
        return _check_document(doc, prior, path)
    except PythonDocxError as exc:  # python-docx checks attribute values only when they are read
        raise DrafterError(BAD_DOCX.replace("文件可能已损坏或不完整", "正文的格式数据有误"), path) from exc


def _check_document(doc, prior: Report | None, path) -> list[Problem]:
    kinds = paragraph_kinds(doc)
    if not kinds:
        raise DrafterError("Word 文件中没有文字", path)
    year = docx_year(kinds, prior)
    blocks, found_parts = docx_blocks(kinds, year)
    if not any(kind == "h1" for _n, _p, kind in kinds):
        # No parts at all: the body is read as measures (for coverage), the parts are not judged.
        for block in blocks:
            block.section = "measures" if block.section == "preamble" else block.section
        problems = []
    else:
        problems = docx_missing_parts(blocks, found_parts)
    problems += _text_checks(blocks, year, prior, draft=False, measures=(PART["measures"].short, None),
                             written=dt.date.today(), region=prior.meta.region if prior else None)
    problems += _docx_date(blocks, year)
    # Tables, headers, footers and comments: left markers and blanks, with the body's severities.
    problems += check_markers(other_blocks(doc), skip_figure_markers=False)
    problems += layout_problems(doc, kinds)
    return dedupe(problems)


def _docx_date(blocks: list[Block], year: int | None) -> list[Problem]:
    """The last date line of the closing is the 成文日期; the signature above it names who issues it."""
    closing = [b for b in blocks if b.section == "closing"]
    for k in range(len(closing) - 1, -1, -1):
        iso = iso_from_chinese(closing[k].text)
        if iso and year:
            issuer = closing[k - 1].text if k else None
            return check_date(iso, year, issuer, dt.date.today(), closing[k].place)
    return []


def check_path(target: str | Path, prior_path: str | Path | None = None) -> list[Problem]:
    """Check a draft or report YAML, or a .docx; `prior_path`: last year's report YAML, to find copies."""
    target = Path(target)
    if prior_path and Path(prior_path).suffix.lower() not in YAML_SUFFIXES:
        raise DrafterError("--prior 应为上一年度报告的 YAML（由 drafter parse 生成）", prior_path)
    prior = load_report(prior_path) if prior_path else None
    suffix = target.suffix.lower()
    if suffix == ".docx":
        return check_docx(target, prior)
    if suffix in YAML_SUFFIXES:
        return check_model(load_report(target), prior)
    raise DrafterError(f"不支持的文件类型“{target.suffix or '无扩展名'}”；请给出草稿 .yaml 或 .docx 文件", target)
