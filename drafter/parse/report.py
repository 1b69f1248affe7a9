"""The parse step: a prior report file -> the schema's model (a dict) -> YAML."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError
from drafter.model.yamlio import SCHEMA_VERSION_REPORT, save_model, validate_data

SUPPORTED = {".txt", ".text", ".docx", ".html", ".htm"}


def parse_file(path: str | Path) -> dict:
    """Read, frame, outline, classify and extract figures: the model of one report."""
    from drafter.parse.classify import classify
    from drafter.parse.figures import extract_figures
    from drafter.parse.frame import split_frame
    from drafter.parse.meta import extract_meta
    from drafter.parse.outline import build_outline
    from drafter.read.document import read_document

    raw = read_document(path)
    frame = split_frame(raw)
    preamble, sections = classify(build_outline(frame.body))
    model = {
        "schema_version": SCHEMA_VERSION_REPORT,
        "meta": extract_meta(raw, frame, preamble, sections),
        "preamble": preamble,
        "sections": sections,
        "closing": frame.closing,
        "figures": [],
    }
    model["figures"] = extract_figures(model)
    return validate_data(model, path)


def run_cli(args) -> int:
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
        model = parse_file(src)
        save_model(model, dst, force=args.force)
        counts = "、".join(
            f"{name}{len(model['sections'][key]['items'])}项"
            for key, name in (("measures", "举措"), ("plan", "安排"))
        )
        print(f"已解析 {src} → {dst}（{model['meta'].get('region') or '地区未识别'} {model['meta'].get('year') or '年度未识别'}年；{counts}；数字 {len(model['figures'])} 个）")
    return 0
