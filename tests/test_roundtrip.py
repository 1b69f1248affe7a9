"""Round trip: drafter's own .docx, edited by the clerk, parses back to the same parts, items and figures."""

from __future__ import annotations

import re

import docx
import pytest
from helpers import SEEDS, filled, make_draft

from drafter.draft.placeholders import PLACEHOLDER_RE
from drafter.model.report import Figure, Item, Report
from drafter.parse.report import parse_file
from drafter.render.document import render_model
from drafter.text.amounts import format_figure
from drafter.vocab import PARTS

_NOISE_RE = re.compile(r"[\s,，。；;：:、.．！!？?“”\"'（）()]")


def _norm(text: str) -> str:
    return _NOISE_RE.sub("", text or "")


def _written(text: str, figures: dict[str, Figure]) -> str:
    """Text with each (filled) figure written in, as the document prints it."""
    def number(match):
        figure = figures[match.group(1)]
        return format_figure(figure.value, figure.unit, figure.approx)

    return PLACEHOLDER_RE.sub(number, text)


def _tree(items: list[Item], figures: dict[str, Figure] | None = None) -> list:
    """Each item's words (heading and text together: a heading-less item's first sentence may
    come back as its heading), figures written in, and its sub-items."""
    out = []
    for item in items:
        words = (item.heading or "") + "".join(item.paragraphs)
        if figures is not None:
            words = _written(words, figures)
        out.append((_norm(words), _tree(item.items, figures)))
    return out


def _parse(path) -> Report:
    return parse_file(path)


@pytest.fixture(scope="module", params=sorted(SEEDS))
def round_trip(request, tmp_path_factory):
    draft = filled(make_draft(request.param))
    out = tmp_path_factory.mktemp("rt") / f"{request.param}.docx"
    render_model(draft, out)
    return request.param, draft, out, _parse(out)


def test_parts_and_items_come_back(round_trip):
    name, draft, _, parsed = round_trip
    figures = draft.figures_by_id()
    for key in PARTS:
        mine, back = draft.sections[key], parsed.sections[key]
        paragraphs, items = mine.paragraphs, mine.items
        lone = items[0] if len(items) == 1 else None
        if lone and not lone.heading and not lone.items:
            # A lone item without heading renders unnumbered: it comes back as the part's own text.
            paragraphs, items = paragraphs + lone.paragraphs, []
        if items or paragraphs:
            assert _norm(back.heading) == _norm(mine.heading) or not mine.heading, (name, key)
        assert _tree(back.items) == _tree(items, figures), (name, key)
        assert _norm("".join(back.paragraphs)) == _norm(_written("".join(paragraphs), figures)), (name, key)


def test_figure_values_come_back(round_trip):
    name, draft, _, parsed = round_trip
    used = {fid for text in draft.texts() for fid in PLACEHOLDER_RE.findall(text)}
    assert used, name
    mine = sorted(float(f.value) for f in draft.figures if f.id in used)
    back = sorted(float(f.value) for f in parsed.figures)
    assert back == mine, name


def test_meta_comes_back(round_trip):
    name, draft, _, parsed = round_trip
    for key in ("year", "title", "issuer", "date"):
        assert getattr(parsed.meta, key) == getattr(draft.meta, key), (name, key)
    if draft.meta.recipient:
        assert parsed.meta.recipient == draft.meta.recipient, name


def test_the_clerks_edits_in_word_are_what_next_year_starts_from(tmp_path):
    draft = filled(make_draft("xinyu"))
    out = tmp_path / "xinyu.docx"
    render_model(draft, out)
    # The clerk rewrites a sentence of the first item and adds a paragraph after it, in Word.
    document = docx.Document(str(out))
    heading = next(p for p in document.paragraphs if p.style.name == "Heading 2")
    body = heading._p.getnext()
    paragraph = next(p for p in document.paragraphs if p._p is body)
    for run in paragraph.runs:
        run.text = ""
    paragraph.runs[0].text = "今年全市新建法治文化阵地12个，培训执法人员3500人次。"
    added = paragraph.insert_paragraph_before("")
    paragraph._p.addnext(added._p)
    added.add_run("全面推行行政执法三项制度。")
    document.save(str(out))
    parsed = _parse(out)
    first = parsed.sections["measures"].items[0]
    words = _norm((first.heading or "") + "".join(first.words()))
    assert _norm("今年全市新建法治文化阵地12个") in words
    assert _norm("全面推行行政执法三项制度") in words
    values = {(f.value, f.unit) for f in parsed.figures}
    assert (12, "个") in values and (3500, "人次") in values
