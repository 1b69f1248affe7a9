"""What a rendered document says about itself: author and company are the issuer, dates the render time."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from drafter.render.ooxml import escape

APP_PART = "/docProps/app.xml"
_COMPANY_RE = re.compile(r"<Company>.*?</Company>|<Company/>", re.S)


def set_properties(document, issuer: str, title: str) -> None:
    """Core properties (author, last modified by, created, modified) and app.xml's Company."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    core = document.core_properties
    core.author = issuer
    core.last_modified_by = issuer
    core.created = now
    core.modified = now
    if title:
        core.title = title
    for part in document.part.package.iter_parts():
        if str(part.partname) == APP_PART:
            text = part.blob.decode("utf-8")
            company = f"<Company>{escape(issuer)}</Company>"
            text = _COMPANY_RE.sub(company, text) if _COMPANY_RE.search(text) else text.replace(
                "</Properties>", company + "</Properties>")
            part._blob = text.encode("utf-8")  # python-docx keeps app.xml as a plain part
