"""`drafter parse`: prior reports -> YAML."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import readable_name
from drafter.model.files import save_report
from drafter.parse.meta import identity_notes
from drafter.parse.report import SUPPORTED, parse_file


def run(args) -> int:
    inputs = [Path(p) for p in args.inputs]
    out = Path(args.output)
    if len(inputs) == 1 and out.suffix.lower() in (".yaml", ".yml"):
        targets = [out]
    else:
        if out.exists() and not out.is_dir():
            raise DrafterError("多个输入时，输出应为文件夹", out)
        targets = [out / (p.stem + ".yaml") for p in inputs]
        if len(set(targets)) != len(targets):
            raise DrafterError("多个输入文件同名（不含扩展名），输出会互相覆盖；请分开解析", out)
    for src, dst in zip(inputs, targets):
        if src.suffix.lower() not in SUPPORTED and not src.is_dir():
            raise DrafterError(f"不支持的文件类型“{src.suffix or '无扩展名'}”；支持 .txt、.docx、.html、.htm", src)
        if dst.exists() and not args.force:
            raise DrafterError("输出文件已存在；如需覆盖，请加 --force", dst)
    failed = []
    for src, dst in zip(inputs, targets):
        try:
            report = parse_file(src)
            save_report(report, dst, force=args.force)
        except DrafterError as exc:
            if len(inputs) == 1:
                raise
            # One bad report among many fails alone: say why, parse the rest, exit 2 at the end.
            exc.file = readable_name(exc.file) if exc.file else exc.file
            print(f"drafter：错误：{exc}", file=sys.stderr)
            failed.append(src)
            continue
        counts = "、".join(
            f"{name}{len(report.sections[key].items)}项" for key, name in (("measures", "举措"), ("plan", "安排"))
        )
        meta = report.meta
        notes = "".join(f"；{note}" for note in identity_notes(meta, report.closing))
        print(f"已解析 {src} → {dst}（{meta.region or '地区未识别'} {meta.year or '年度未识别'}年；{counts}；数字 {len(report.figures)} 个{notes}）")
    if failed:
        names = "、".join(readable_name(str(p)) for p in failed)
        print(f"drafter：共 {len(inputs)} 份，已解析 {len(inputs) - len(failed)} 份，失败 {len(failed)} 份：{names}",
              file=sys.stderr)
        return 2
    return 0
