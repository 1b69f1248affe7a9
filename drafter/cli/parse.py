"""`drafter parse`: prior reports -> YAML."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError
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
    for src, dst in zip(inputs, targets):
        report = parse_file(src)
        save_report(report, dst, force=args.force)
        counts = "、".join(
            f"{name}{len(report.sections[key].items)}项" for key, name in (("measures", "举措"), ("plan", "安排"))
        )
        meta = report.meta
        notes = "".join(f"；{note}" for note in identity_notes(meta, report.closing))
        print(f"已解析 {src} → {dst}（{meta.region or '地区未识别'} {meta.year or '年度未识别'}年；{counts}；数字 {len(report.figures)} 个{notes}）")
    return 0
