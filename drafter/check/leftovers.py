"""Last year's figures typed into this year's text: a number the clerk wrote that says what last year's
figure said, with last year's value, while this year's value is another. Not the targets of last year's
plan, which this year's text may quote as met."""

from __future__ import annotations

from drafter.check.blocks import Block, clause_around
from drafter.check.parts import stays_the_same
from drafter.check.patterns import COMPARED_RE
from drafter.check.problems import WARNING, Problem
from drafter.model.report import Report
from drafter.text.amounts import format_figure
from drafter.vocab import DONE


def check_prior_figures(report: Report, blocks: list[Block]) -> list[Problem]:
    """A written number with a figure's label, unit and last year's value (权责清单事项共5512项 while
    F002 权责清单事项 was 5512项 last year). Kept text is left to reference_unconfirmed; placeholders
    ({F002}) are not numbers here."""
    from drafter.parse.figures import figures_in

    if report.draft is None:
        return []
    known: dict[tuple, list] = {}
    for figure in report.figures:
        # Last year's plan set this year's targets (全年开展执法案卷自查2次): quoting one is no leftover.
        if figure.section == "plan":
            continue
        if figure.prior is not None and figure.value != figure.prior and not stays_the_same(figure):
            known.setdefault((figure.label, figure.unit, figure.prior), []).append(figure)
    problems = []
    for block in blocks:
        if block.status != DONE or block.heading:
            continue
        for found in figures_in(block.raw):
            at = found.sentence.find(found.text)
            if COMPARED_RE.search(clause_around(found.sentence, at, at + len(found.text))):
                continue  # 由5512项增至6064项: last year's value quoted to compare
            for figure in known.get((found.label, found.unit, found.value), []):
                value = format_figure(found.value, found.unit, found.approx)
                problems.append(Problem(
                    "prior_figure", WARNING, block.place,
                    f"写有上年的数字“{found.label}{value}”（数字 {figure.id} 上年即为"
                    f"{format_figure(figure.prior, figure.unit, figure.prior_approx)}）：像是照抄了上年；"
                    f"请改为本年度的数字，或写作 {{{figure.id}}} 引用本年填报的数值", block.item_id))
    return problems
