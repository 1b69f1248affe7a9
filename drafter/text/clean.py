"""User text made safe to print or lay out: no control characters, one line a paragraph."""

from __future__ import annotations

import re

# Characters XML 1.0 refuses, plus controls docxtpl would turn into tabs, breaks or pages.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str | None) -> str:
    """No control characters, tabs as spaces, CR as a line end."""
    if not text:
        return ""
    return _CONTROL_RE.sub("", str(text).replace("\t", " ").replace("\r", "\n"))


def lines_of(paragraphs) -> list[str]:
    """Each non-blank line of each paragraph: multi-line text becomes separate paragraphs."""
    out = []
    for para in paragraphs or []:
        out.extend(line.strip() for line in clean(para).split("\n") if line.strip())
    return out
