"""User text made safe to print or lay out: no control characters, one line a paragraph."""

from __future__ import annotations

import re

# Characters XML 1.0 refuses, plus controls docxtpl would turn into tabs, breaks or pages, plus C1 controls
# and direction overrides/embeddings/isolates (a right-to-left override reorders the text Word shows).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff"
                         "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Line ends besides \n that a paragraph must be split at.
_LINE_ENDS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


def clean(text: str | None) -> str:
    """No control characters, tabs as spaces, CR as a line end."""
    if not text:
        return ""
    return _CONTROL_RE.sub("", str(text).replace("\t", " ").translate(_LINE_ENDS))


def lines_of(paragraphs) -> list[str]:
    """Each non-blank line of each paragraph: multi-line text becomes separate paragraphs."""
    out = []
    for para in paragraphs or []:
        out.extend(line.strip() for line in clean(para).split("\n") if line.strip())
    return out
