"""The model as the plain data its YAML holds (schema_version 4), and older files brought up to it.

Version 1 was a parsed report and version 2 a draft, both with the closing as a list of lines;
version 3 says which kind a file is and keeps the closing's lines by kind, as parsing found them;
version 4 adds the 签发人 (meta.signer), a figure's `confirmed`, where the wizard stopped, and
whether the source was converted from traditional characters.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.model.report import DRAFT, Closing, DraftInfo, Figure, Item, Meta, Node, Report, Section, Source
from drafter.text.closing import ATTACHMENT_MORE_RE, ATTACHMENT_RE, line_kind
from drafter.vocab import PARTS

SCHEMA_VERSION = 4
# Versions this drafter reads; older ones are migrated when loaded.
KNOWN_VERSIONS = (1, 2, 3, 4)

_META_KEYS = ("region", "year", "title", "issuer", "date", "recipient", "doc_number", "signer")
_ITEM_EXTRA = ("id", "status", "origin", "prompt", "reference")
_SECTION_EXTRA = ("status", "prompt", "reference")
_FIGURE_KEYS = ("id", "label", "value", "unit", "approx", "sentence", "section", "item")
_LIST_KINDS = ("attachments", "signature", "notes", "record")
_TODO_RE = re.compile(r"^【待填[：:][^】]*】$")


# ---------------------------------------------------------------- model -> data

def _source(source: Source | None) -> dict | None:
    if source is None:
        return None
    out = {"file": source.file, "sha256": source.sha256}
    if source.converted_from is not None:
        out["converted_from"] = source.converted_from
    return out


def _node(node: Node, extra: tuple[str, ...]) -> dict:
    out: dict[str, Any] = {"heading": node.heading, "paragraphs": list(node.paragraphs),
                           "items": [_node(sub, _ITEM_EXTRA) for sub in node.items]}
    for key in extra:
        value = getattr(node, key)
        if value is not None:
            out[key] = list(value) if key == "reference" else value
    return out


def _figure(figure: Figure, draft: bool) -> dict:
    out = {key: getattr(figure, key) for key in _FIGURE_KEYS}
    if figure.text is not None:
        out["text"] = figure.text
    if draft:
        out["prior"] = figure.prior
        out["prior_approx"] = figure.prior_approx
        if figure.confirmed:
            out["confirmed"] = True
    return out


def to_data(report: Report) -> dict:
    """The YAML's content, keys in the order the file shows them."""
    meta = report.meta
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": report.kind,
        "meta": {**{key: getattr(meta, key) for key in _META_KEYS}, "source": _source(meta.source),
                 "published": meta.published},
        "preamble": list(report.preamble),
        "sections": {key: _node(section, _SECTION_EXTRA) for key, section in report.sections.items()},
        "closing": {"phrase": report.closing.phrase,
                    **{kind: list(getattr(report.closing, kind)) for kind in ("attachments", "signature")},
                    "date": report.closing.date,
                    **{kind: list(getattr(report.closing, kind)) for kind in ("notes", "record")}},
        "figures": [_figure(f, report.draft is not None) for f in report.figures],
    }
    if report.draft is not None:
        info = report.draft
        data["draft"] = {"prior_year": info.prior_year, "prior_title": info.prior_title,
                         "prior_source": _source(info.prior_source)}
        if info.preamble_status is not None:
            data["draft"]["preamble_status"] = info.preamble_status
        if info.stopped_at is not None:
            data["draft"]["stopped_at"] = info.stopped_at
    return data


# ---------------------------------------------------------------- data -> model

def _read_source(data: dict | None) -> Source | None:
    return None if data is None else Source(file=data["file"], sha256=data["sha256"],
                                            converted_from=data.get("converted_from"))


def _read_item(data: dict, cls=Item, **extra) -> Node:
    node = cls(heading=data["heading"], paragraphs=list(data["paragraphs"]),
               items=[_read_item(sub) for sub in data["items"]], **extra)
    for key in _ITEM_EXTRA if cls is Item else _SECTION_EXTRA:
        if key in data:
            setattr(node, key, list(data[key]) if key == "reference" else data[key])
    return node


def from_data(data: dict) -> Report:
    """The model of a validated version-3 document."""
    meta = data["meta"]
    closing = data["closing"]
    report = Report(
        meta=Meta(**{key: meta[key] for key in _META_KEYS}, source=_read_source(meta["source"]),
                  published=meta.get("published")),
        preamble=list(data["preamble"]),
        sections={key: _read_item(data["sections"][key], Section, key=key) for key in PARTS},
        closing=Closing(phrase=closing["phrase"], date=closing["date"],
                        **{kind: list(closing[kind]) for kind in _LIST_KINDS}),
        figures=[Figure(**{key: f.get(key) for key in (*_FIGURE_KEYS, "text", "prior", "prior_approx")},
                        confirmed=f.get("confirmed", False))
                 for f in data["figures"]],
    )
    if data["kind"] == DRAFT:
        info = data["draft"]
        report.draft = DraftInfo(prior_year=info["prior_year"], prior_title=info.get("prior_title"),
                                 prior_source=_read_source(info.get("prior_source")),
                                 preamble_status=info.get("preamble_status"),
                                 stopped_at=info.get("stopped_at"))
    return report


# ---------------------------------------------------------------- older versions

def closing_from_lines(lines: list[str], draft: bool) -> dict:
    """A version 1 or 2 closing (a list of lines) sorted by kind, as version 3 keeps it."""
    out: dict[str, Any] = {"phrase": None, "attachments": [], "signature": [], "date": None, "notes": [], "record": []}
    for raw in lines:
        line = str(raw).strip()
        if not line:
            continue
        kind = line_kind(line)
        if ATTACHMENT_RE.match(line) or (out["attachments"] and ATTACHMENT_MORE_RE.match(line) and kind is None):
            out["attachments"].append(line)
        elif _TODO_RE.match(line):
            # A draft's 【待填：成文日期…】 stands for meta.date; a 【待填：发文机关署名】 for the signature.
            if "日期" not in line:
                out["signature"].append(line)
        elif kind == "phrase":
            out["phrase"] = out["phrase"] or line
        elif kind == "date":
            if not draft:  # a draft's date line is only meta.date written out
                out["date"] = line
        elif kind in ("notes", "record"):
            out[kind].append(line)
        else:
            out["signature"].append(line)
    return out


def migrate(data: dict) -> dict:
    """A version 1 (report), 2 (draft) or 3 document as version 4; a version 4 one as it is."""
    version = data.get("schema_version")
    if version == SCHEMA_VERSION:
        return data
    if version == 3:
        out = {**data, "schema_version": SCHEMA_VERSION}
    else:
        draft = version == 2
        out = {"schema_version": SCHEMA_VERSION, "kind": DRAFT if draft else "report"}
        for key, value in data.items():
            if key == "schema_version":
                continue
            out[key] = closing_from_lines(value, draft) if key == "closing" and isinstance(value, list) else value
    meta = out.get("meta")
    if isinstance(meta, dict) and "signer" not in meta:
        # Versions before 4 had no 签发人; insert it after the 文号 so the file reads in order.
        out["meta"] = {}
        for key, value in meta.items():
            out["meta"][key] = value
            if key == "doc_number":
                out["meta"]["signer"] = None
        out["meta"].setdefault("signer", None)
    return out
