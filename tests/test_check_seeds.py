"""The measurement of issue 14: a clean finished draft of each seed raises nothing; each planted defect is caught.

A clean draft is finished as a careful clerk finishes it: counts doubled (sums and the rates they make stay true),
fixed things (6个县（市）区, 100%, 不少于60学时) kept, a rate the doubled counts leave unchanged confirmed, last
year's paragraphs rewritten around their new figures, every text written, the date set.
"""

import re

import pytest
from helpers import SEEDS, make_draft, parsed_report

from drafter.check.areas import AREAS
from drafter.check.lint import check_model
from drafter.check.parts import stays_the_same
from drafter.vocab import DONE, PERCENT_UNITS, REFERENCE, TODO

PLACEHOLDER = re.compile(r"\{F\d+\}")


def _rewrite(node) -> None:
    """Last year's sentences that carry figures kept (with this year's values); of the others only what the
    work was (the first clause and clauses naming an area of the outline), the rest written anew."""
    kept = []
    for paragraph in node.paragraphs:
        for sentence in filter(None, paragraph.split("。")):
            if PLACEHOLDER.search(sentence):
                kept.append(sentence + "。")
                continue
            first, *rest = sentence.split("，")
            named = [w for c in rest for _slug, _name, words in AREAS for w in words if w in c]
            kept.append(f"持续{first}" + (f"，推进{named[0]}" if named else "") + "。")
    topic = node.heading or "该项工作"
    kept.append(f"围绕“{topic}”，本年度逐项列出任务清单，明确责任单位和完成时限，按季度通报进展并跟踪问效。")
    node.paragraphs = ["".join(kept)]


def _finish(node, fallback: str) -> None:
    if node.status == REFERENCE:
        _rewrite(node)
    elif node.status == TODO and not node.paragraphs and not node.items:
        node.paragraphs = [f"本年度围绕{node.heading or fallback}持续用力，制定工作方案，细化责任分工，各项任务按期完成。"]
    node.status = DONE
    node.reference = None
    for child in node.items:
        _finish(child, fallback)


def clean_draft(name: str):
    draft = make_draft(name)
    for figure in draft.figures:
        if figure.prior is None:
            figure.value = 1
        elif figure.unit in PERCENT_UNITS:
            figure.value = figure.prior
            figure.confirmed = figure.prior != 100  # doubled counts give the same rate: the clerk confirms it
        elif stays_the_same(figure):
            figure.value = figure.prior
        else:
            figure.value = figure.prior * 2
    for key, section in draft.sections.items():
        _finish(section, "履行推进法治建设第一责任人职责")
        if key == "other":
            section.paragraphs, section.items = [], []
    draft.draft.preamble_status = DONE
    draft.preamble = [f"{draft.meta.year}年，{draft.meta.region}坚持以习近平法治思想为指导，全面推进依法行政，"
                      "法治政府建设取得新的进展。现将有关情况报告如下。"]
    draft.meta.date = f"{draft.meta.year + 1}-02-20"
    closing = draft.closing
    for kind in ("attachments", "signature", "notes", "record"):
        setattr(closing, kind, [line for line in getattr(closing, kind) if "待填" not in line])
    return draft


@pytest.fixture(scope="module", params=list(SEEDS))
def seed(request):
    return request.param, clean_draft(request.param), parsed_report(request.param)


def test_a_clean_draft_raises_nothing(seed):
    _name, draft, prior = seed
    problems = check_model(draft, prior)
    assert [(p.kind, p.place, p.message) for p in problems] == []
