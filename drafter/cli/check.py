"""`drafter check`: what a draft or .docx still lacks or gets wrong."""

from __future__ import annotations

import json

from drafter.check.lint import check_path
from drafter.check.problems import format_text


def run(args) -> int:
    problems = check_path(args.target, args.prior)
    if args.format == "json":
        print(json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        print(format_text(problems, args.target))
    return 1 if problems else 0
