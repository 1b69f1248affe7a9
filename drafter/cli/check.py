"""`drafter check`: what a draft or .docx still lacks or gets wrong."""

from __future__ import annotations

from drafter.check.lint import check_path
from drafter.check.problems import ERROR, format_json, format_text


def run(args) -> int:
    problems = check_path(args.target, args.prior)
    if args.format == "json":
        print(format_json(problems))
    else:
        print(format_text(problems, args.target))
    # Errors fail the check; warnings are for the reviewer to judge, unless --strict.
    failing = problems if getattr(args, "strict", False) else [p for p in problems if p.severity == ERROR]
    return 1 if failing else 0
