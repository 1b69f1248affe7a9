"""TRANSITION ONLY, removed when every step takes the typed model: the old dict form (v1/v2) over it."""

from __future__ import annotations

from pathlib import Path

from drafter.model.data import from_data, to_data
from drafter.model.files import check_document, load_report, save_report
from drafter.model.report import Report
from drafter.model.yamltext import Located, dump_yaml, parse_yaml  # noqa: F401 (re-exported for the transition)
from drafter.text.dates import chinese_date

SCHEMA_VERSION_REPORT = 1
SCHEMA_VERSION_DRAFT = 2
DATE_TODO = "【待填：成文日期（如 {year}年1月20日）】"


def as_report(model) -> Report:
    """A Report as it is; an old-form dict (v1/v2) or v3 data made into one."""
    if isinstance(model, Report):
        return model
    return from_data(check_document(Located(model, None, Path("<内存>"))))


def to_legacy(report) -> dict:
    """The old dict form of a Report (a dict passes through)."""
    if isinstance(report, dict):
        return report
    data = to_data(report)
    data.pop("kind")
    data["schema_version"] = SCHEMA_VERSION_DRAFT if report.draft is not None else SCHEMA_VERSION_REPORT
    lines = report.closing.lines()
    if report.draft is not None:
        date = chinese_date(report.meta.date) if report.meta.date else DATE_TODO.format(year=(report.meta.year or 0) + 1)
        at = len([x for x in [report.closing.phrase, *report.closing.attachments, *report.closing.signature] if x])
        lines.insert(at, date)
    data["closing"] = lines
    return data


def load_model(path: str | Path) -> dict:
    return to_legacy(load_report(path))


def save_model(model, path: str | Path, force: bool = False) -> Path:
    return save_report(as_report(model), path, force=force)


def validate_data(model, path: str | Path = "<内存>"):
    check_document(Located(to_data(model) if isinstance(model, Report) else model, None, Path(path)))
    return model


def validate_model(located: Located) -> dict:
    check_document(located)
    return located.data
