"""Paragraphs copied from last year's report: the same words, whatever the numbers and years."""

from __future__ import annotations

from collections import Counter

from drafter.check.blocks import Block
from drafter.check.parts import stays_the_same
from drafter.check.patterns import DIGIT_RE, ITEM_NUMBER_RE, NUMBER_RE, WORD_RE, YEAR_NUMBER_RE
from drafter.check.problems import WARNING, Problem, excerpt
from drafter.draft.placeholders import TODO_RE
from drafter.model.report import Figure, Report
from drafter.text.words import cut as cut_words
from drafter.vocab import REFERENCE

COPY_THRESHOLD = 0.8
COPY_MIN_CHARS = 40
# A paragraph whose every figure is this year's is a copy only when its words are, nearly all of them:
# the frame sentence that repeats around new numbers is the genre's, not a copy.
COPY_THRESHOLD_UPDATED = 0.95
RENEWED_SHARE = 0.5  # in a .docx, more than this share of a paragraph's numbers new is "its figures changed"


def content_tokens(text: str) -> Counter:
    # Numbers and years change every year; a paragraph whose words stay the same is still boilerplate.
    return Counter(t for t in cut_words(TODO_RE.sub("", text)) if WORD_RE.search(t) and not DIGIT_RE.search(t))


def _similarity(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def prior_paragraphs(prior: Report) -> list[str]:
    """Last year's paragraphs long enough to tell a copy: preamble, then each part's and item's."""
    out = list(prior.preamble)
    for section in prior.parts():
        for node in (section, *section.walk()):
            out.extend(node.paragraphs)
    return [p for p in out if len(p.strip()) >= COPY_MIN_CHARS]


def _figures_all_changed(block: Block, figures: dict[str, Figure]) -> bool:
    """Every figure is this year's: changed, or the same for a reason (a 100% rate, confirmed by the clerk)."""
    found = [figures[fid] for _s, _e, fid in block.spans if fid in figures]
    return bool(found) and all(f.prior is not None and (f.value != f.prior or f.confirmed or stays_the_same(f))
                               for f in found)


def _numbers(text: str) -> Counter:
    """The numbers a paragraph quotes, years and 100(%) left out: they stay from one year to the next."""
    text = ITEM_NUMBER_RE.sub("", TODO_RE.sub("", text))  # 3. before an item is its number, not a figure
    return Counter(n for n in NUMBER_RE.findall(text) if n != "100" and not YEAR_NUMBER_RE.fullmatch(n))


def _numbers_renewed(text: str, prior_text: str) -> bool:
    """A .docx has no figures: its numbers mostly not last year's paragraph's tell the same."""
    mine = _numbers(text)
    if not mine:
        return False
    kept = sum((mine & _numbers(prior_text)).values())
    return kept < (1 - RENEWED_SHARE) * sum(mine.values())


def check_copied(blocks: list[Block], prior: Report, figures: dict[str, Figure] | None = None) -> list[Problem]:
    prior_tokens = [(p, content_tokens(p)) for p in prior_paragraphs(prior)]
    problems = []
    for block in blocks:
        # Text still marked as last year's has its own problem (reference_unconfirmed).
        if block.heading or block.status == REFERENCE or block.section == "closing":
            continue
        if len(TODO_RE.sub("", block.text).strip()) < COPY_MIN_CHARS:
            continue
        tokens = content_tokens(block.text)
        best, score = None, 0.0
        for text, other in prior_tokens:
            s = _similarity(tokens, other)
            if s > score:
                best, score = text, s
        updated = (_figures_all_changed(block, figures) if figures is not None
                   else _numbers_renewed(block.text, best or ""))
        if score >= (COPY_THRESHOLD_UPDATED if updated else COPY_THRESHOLD):
            problems.append(Problem("copied_paragraph", WARNING, block.place,
                                    f"与上年报告的段落几乎相同（相似度 {score:.0%}），审阅者会看作照抄上年："
                                    f"“{excerpt(best, 30)}”；请按本年度的工作重写", block.item_id))
    return problems
