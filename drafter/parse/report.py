"""The parse step: a prior report file -> the model of it (a Report of kind "report")."""

from __future__ import annotations

from pathlib import Path

from drafter.model.files import validate_report
from drafter.model.report import Report

SUPPORTED = {".txt", ".text", ".docx", ".html", ".htm"}


def parse_file(path: str | Path) -> Report:
    """Read, frame, outline, classify and extract figures: the model of one report."""
    # Imported here: the steps load jieba and the readers; a command that only needs SUPPORTED does not.
    from drafter.parse.classify import classify
    from drafter.parse.figures import extract_figures
    from drafter.parse.frame import split_frame
    from drafter.parse.meta import extract_meta
    from drafter.parse.outline import build_outline
    from drafter.read.document import read_document

    raw = read_document(path)
    frame = split_frame(raw)
    preamble, sections = classify(build_outline(frame.body))
    report = Report(meta=extract_meta(raw, frame, preamble), preamble=preamble, sections=sections,
                    closing=frame.closing)
    report.figures = extract_figures(report)
    return validate_report(report, path)
