"""The three editions of a report: the review copy (讨论稿), the copy sent up (送审稿) and the published copy.

A review copy shows everything a reviewer must see (highlights, comments, the 讨论稿 mark); the
other two are clean, and drafter refuses to make them while `check` finds an error.
"""

from __future__ import annotations

from drafter.errors import DrafterError

REVIEW, SUBMIT, PUBLIC = "review", "submit", "public"
EDITIONS = (REVIEW, SUBMIT, PUBLIC)
EDITION_NAMES = {REVIEW: "讨论稿", SUBMIT: "送审稿", PUBLIC: "公开版"}
SHOWN_PLACES = 3  # how many of the problems the refusal names


class NotReady(DrafterError):
    """A clean edition asked for while the draft still has errors: the CLI exits 1, nothing is written."""


def marked(edition: str) -> bool:
    """Whether the edition carries highlights, comments and the review mark."""
    return edition == REVIEW


def has_banner(edition: str, doc_number: str) -> bool:
    """The 版头 of an upward document stands on every copy with a 文号 except the published one."""
    return edition != PUBLIC and bool(doc_number)


def check_edition(edition: str) -> str:
    if edition not in EDITIONS:
        raise DrafterError(f"未知的版本“{edition}”（可选：{'、'.join(EDITIONS)}）")
    return edition


def refuse_unready(report, edition: str) -> None:
    """A clean edition only of a draft `check` passes (errors; warnings are the reviewer's call)."""
    if marked(edition):
        return  # before the imports: the review copy's render need not load the checks
    from drafter.check.lint import check_model
    from drafter.check.problems import ERROR
    problems = [(p.place, p.message) for p in check_model(report) if p.severity == ERROR]
    meta = report.meta
    if edition == SUBMIT and (meta.doc_number or "").strip() and not (meta.signer or "").strip():
        problems.append(("版头", "有文号但未填签发人"))
    if problems:
        shown = "；".join(f"{place}：{message}" for place, message in problems[:SHOWN_PLACES])
        more = "等" if len(problems) > SHOWN_PLACES else ""
        raise NotReady(f"不能排版{EDITION_NAMES[edition]}：还有 {len(problems)} 处错误或未填内容（{shown}{more}）。"
                       "请先补全（drafter fill），用 drafter check 可查看全部；未写出任何文件")
