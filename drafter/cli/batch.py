"""`drafter batch`: many drafts -> many .docx."""

from __future__ import annotations

from drafter.batch.run import print_summary, run_batch


def run(args) -> int:
    result = run_batch(
        args.inputs, args.output, jobs=args.jobs, template=args.template,
        appendix=args.appendix, force=args.force, report=args.report,
    )
    print_summary(result)
    return 1 if result.failed else 0
