"""TRANSITION ONLY, removed at the merge: the old import path of the render step.

check (lint), batch, cli/draft.py, bench and their tests import from here and hand over the old
dict form until they are converted; then they import render_bytes/render_model/render_file from
render.document, resolve_template and check_template from render.template, REFERENCE_HIGHLIGHT
from render.patterns.
"""

from __future__ import annotations

from pathlib import Path

from drafter.model.legacy import as_report
from drafter.render import document
from drafter.render.document import render_file  # noqa: F401
from drafter.render.patterns import REFERENCE_HIGHLIGHT  # noqa: F401
from drafter.render.template import check_template, resolve_template  # noqa: F401


def render_bytes(model, template: str | Path | None = None, appendix: bool = False) -> bytes:
    return document.render_bytes(as_report(model), template, appendix)


def render_model(model, out: str | Path, template: str | Path | None = None, appendix: bool = False,
                 force: bool = False) -> Path:
    return document.render_model(as_report(model), out, template, appendix, force)
