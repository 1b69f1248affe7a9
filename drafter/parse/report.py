"""The parse step: a prior report file -> the schema's model (a dict) -> YAML."""

from __future__ import annotations

from pathlib import Path

from drafter.model.legacy import SCHEMA_VERSION_REPORT, validate_data

SUPPORTED = {".txt", ".text", ".docx", ".html", ".htm"}


def parse_file(path: str | Path) -> dict:
    """Read, frame, outline, classify and extract figures: the model of one report."""
    from drafter.parse.classify import classify
    from drafter.parse.figures import extract_figures
    from drafter.parse.frame import split_frame
    from drafter.parse.meta import extract_meta
    from drafter.parse.outline import build_outline
    from drafter.read.document import read_document

    raw = read_document(path)
    frame = split_frame(raw)
    preamble, sections = classify(build_outline(frame.body))
    model = {
        "schema_version": SCHEMA_VERSION_REPORT,
        "meta": extract_meta(raw, frame, preamble, sections),
        "preamble": preamble,
        "sections": sections,
        "closing": frame.closing,
        "figures": [],
    }
    model["figures"] = extract_figures(model)
    return validate_data(model, path)
