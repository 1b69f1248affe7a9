"""Figure placeholders in draft text: `{F012}` stands where figure F012's number goes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.model.report import Figure, Report
from drafter.text.amounts import format_figure
from drafter.text.clean import clean
from drafter.text.dates import chinese_date
from drafter.vocab import DATE_PROMPT

# The placeholder and the marker are this module's format: other steps read them with these patterns.
PLACEHOLDER_RE = re.compile(r"\{(F\d{3,})\}")
# Anything still to write or fill renders inside these brackets, so a reviewer (and `check`) sees it.
TODO_OPEN, TODO_CLOSE = "【待填：", "】"
TODO_RE = re.compile(r"【待填[：:][^】]*】")


def placeholder(figure_id: str) -> str:
    return "{" + figure_id + "}"


def prior_text(figure: Figure, prior_year: int | None) -> str:
    """'2023年：71件' or '上年：无' for a figure's reference value."""
    year = f"{prior_year}年" if prior_year else "上年"
    if figure.prior is None:
        return f"{year}：无"
    return f"{year}：{format_figure(figure.prior, figure.unit, figure.prior_approx)}"


def unfilled_marker(figure: Figure, prior_year: int | None) -> str:
    """【待填：审核规范性文件（2023年：71件）】"""
    return f"{TODO_OPEN}{figure.label}（{prior_text(figure, prior_year)}）{TODO_CLOSE}"


def todo_marker(prompt: str) -> str:
    return f"{TODO_OPEN}{prompt}{TODO_CLOSE}"


def printed_date(report: Report) -> str:
    """The 成文日期 as the document prints it: meta.date written out, else the closing's date line as
    written, else a 【待填：…】 marker (for a draft, with the year it will be written in)."""
    if report.meta.date:
        return chinese_date(report.meta.date)
    written = clean(report.closing.date).strip()
    if written:
        return written.replace(" ", "")  # 2024 年 1 月 18 日 as a web copy spaces it
    year = report.meta.year
    return todo_marker(DATE_PROMPT.format(year=year + 1) if report.draft is not None and year else "成文日期")


def split_placeholders(text: str) -> Iterator[tuple[str, str | None]]:
    """Yield (literal text, None) and (placeholder text, figure id) pieces in order."""
    pos = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > pos:
            yield text[pos:match.start()], None
        yield match.group(0), match.group(1)
        pos = match.end()
    if pos < len(text):
        yield text[pos:], None


def fill_text(text: str, figures: dict[str, Figure], prior_year: int | None) -> str:
    """Plain text with filled figures written in and unfilled ones as 【待填：…】 markers."""
    out = []
    for piece, fid in split_placeholders(text):
        if fid is None:
            out.append(piece)
            continue
        figure = figures.get(fid)
        if figure is None:
            out.append(piece)  # an unknown id stays visible for `check` to report
        elif figure.value is None:
            out.append(unfilled_marker(figure, prior_year))
        else:
            out.append(format_figure(figure.value, figure.unit, figure.approx))
    return "".join(out)


def prior_wording(text: str, figures: dict[str, Figure], prior_year: int, year: int) -> str:
    """Kept text as last year's report had it: the years drafter advanced moved back, the figures at
    last year's values (what a department reads as 上年参考)."""
    from drafter.draft.years import advanced_years

    for start, end, old in reversed(advanced_years(text, prior_year, year)):
        text = text[:start] + str(old) + text[end:]
    out = []
    for piece, fid in split_placeholders(text):
        figure = figures.get(fid) if fid else None
        if figure is None or figure.prior is None:
            out.append(piece)
        else:
            out.append(format_figure(figure.prior, figure.unit, figure.prior_approx))
    return "".join(out)


def used_figures(draft: Report) -> list[Figure]:
    """Figures whose placeholder stands in the printed text, in the order of the figure list."""
    used = set()
    for text in draft.texts():
        used.update(PLACEHOLDER_RE.findall(text))
    return [f for f in draft.figures if f.id in used]


def check_placeholders(text: str, draft: Report) -> None:
    """A ValueError for a placeholder typed in `text` that names no figure of the draft."""
    known = draft.figures_by_id()
    for fid in PLACEHOLDER_RE.findall(text):
        if fid not in known:
            raise ValueError(f"文字中的 {{{fid}}} 不是草稿中的数字编号")
