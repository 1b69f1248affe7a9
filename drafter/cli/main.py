"""Command line: Chinese help, lazy imports, one clear message and exit code 2 on bad input."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from drafter import __version__

# argparse's own words, in Chinese: argparse looks up its module-level `_` at call time.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "expected one argument": "需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的%(type)s值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "expected at least one argument": "至少需要一个值",
}
argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]

# Subcommand -> "module:function"; modules load only when their command runs (fast --help).
_HANDLERS = {
    "parse": "drafter.cli.parse:run",
    "new": "drafter.cli.new:run",
    "fill": "drafter.cli.fill:run",
    "export": "drafter.cli.export:run",
    "render": "drafter.cli.render:run",
    "draft": "drafter.cli.draft:run",
    "batch": "drafter.cli.batch:run",
    "check": "drafter.cli.check:run",
}

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


def _year(text: str) -> int:
    # The schema holds years 1949–2200; say so here rather than after a whole parse.
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是年份，应写作 2024 这样的四位数") from None
    if not 1949 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"年份 {year} 不在 1949–2200 之间")
    return year


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"并行进程数应至少为 1（收到 {jobs}）")
    return jobs


def _edition(p) -> None:
    p.add_argument("--edition", choices=["review", "submit", "public"], default="review",
                   help="review：讨论稿（突出显示待填和沿用内容，附批注；默认）；submit：送审稿（干净，有文号时带版头；"
                        "仍有错误或未填内容时拒绝排版）；public：公开版（干净，无版头和文号）")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="法治政府建设情况报告起草工具：解析往年报告 → 生成新年度草稿 → 填报数字 → 排版输出 Word 文档。",
        epilog="示例：drafter draft seeds/yingkou-2023.txt -o 营口市2024年报告.docx",
    )
    # Older Pythons do not look the version action's help up through `_`: give it in Chinese here.
    parser.add_argument("--version", action="version", version=f"drafter {__version__}", help="显示版本号并退出")
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的技术细节（供开发者排查）")
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令")

    p = sub.add_parser("parse", help="解析往年报告（.txt/.docx/.html）为 YAML", description="把往年发布的报告解析为标准结构的 YAML 文件。")
    p.add_argument("inputs", nargs="+", metavar="输入文件", help="报告文件：.txt、.docx、.html/.htm")
    p.add_argument("-o", "--output", required=True, metavar="输出", help="一个输入时为 .yaml 文件；多个输入时为文件夹")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = sub.add_parser("new", help="由上一年度的 YAML 生成本年度草稿", description="由上一年度报告的 YAML 生成本年度草稿（年份推进、计划转为举措、数字待填）。")
    p.add_argument("prior", metavar="上年YAML", help="drafter parse 生成的上一年度 YAML")
    p.add_argument("-o", "--output", required=True, metavar="草稿", help="输出的草稿 YAML 文件")
    p.add_argument("--year", type=_year, metavar="年份", help="报告年度（默认：上一年度 + 1）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = sub.add_parser("fill", help="逐项填报数字和文字（交互向导，或用答案文件）", description="交互式向导：逐项填报数字和文字，每答一项即保存，可随时中断后继续。")
    p.add_argument("draft", metavar="草稿", help="drafter new 生成的草稿 YAML（就地保存）")
    p.add_argument("--answers", metavar="答案文件", help="不提问，直接应用答案文件：YAML，或 drafter export 的填报表（.xlsx、.csv）")
    p.add_argument("--at", metavar="编号", help="向导从这个数字（如 F012）或这一项（如 measures.3.1）开始")

    p = sub.add_parser("export", help="把待填数字和待写文字导出为 Excel 填报表（.xlsx）",
                       description="把草稿中尚未填写的数字和尚待撰写的文字导出为 Excel 填报表，供各部门填写；只有答案列可编辑。填好后用 drafter fill 草稿 --answers 填报表.xlsx 写回。")
    p.add_argument("draft", metavar="草稿", help="drafter new 生成的草稿 YAML")
    p.add_argument("-o", "--output", required=True, metavar="填报表.xlsx", help="输出的 Excel 文件")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = sub.add_parser("render", help="把草稿排版为 .docx（GB/T 9704-2012 公文格式）", description="把草稿 YAML 按 GB/T 9704-2012 排版为 Word 文档。")
    p.add_argument("draft", metavar="草稿", help="草稿或报告 YAML")
    p.add_argument("-o", "--output", required=True, metavar="输出.docx", help="输出的 Word 文件")
    p.add_argument("--template", metavar="模板", help="模板名称或 .docx 模板路径（默认：内置公文模板）")
    p.add_argument("--appendix", action="store_true", help="附上全部数字的上年/本年对照表")
    _edition(p)
    p.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 生成同名 PDF")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = sub.add_parser("draft", help="一步完成：解析往年报告 → 生成草稿 → （应用答案）→ 排版", description="一步完成：解析往年报告、生成本年度草稿、应用答案（可选）并排版为 Word 文档。")
    p.add_argument("prior", metavar="往年报告", help="往年报告：.txt、.docx、.html/.htm")
    p.add_argument("-o", "--output", required=True, metavar="输出.docx", help="输出的 Word 文件")
    p.add_argument("--answers", metavar="答案文件", help="答案文件：YAML，或 drafter export 的填报表（.xlsx、.csv）")
    p.add_argument("--year", type=_year, metavar="年份", help="报告年度（默认：往年年度 + 1）")
    p.add_argument("--template", metavar="模板", help="模板名称或 .docx 模板路径")
    p.add_argument("--appendix", action="store_true", help="附上全部数字的上年/本年对照表")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = sub.add_parser("batch", help="批量把多个草稿排版为 .docx", description="批量排版：每个草稿 YAML 生成一个 Word 文件，并行处理，单个文件出错不影响其他文件。")
    p.add_argument("inputs", nargs="+", metavar="输入", help="草稿 YAML 文件或包含它们的文件夹")
    p.add_argument("-o", "--output", required=True, metavar="输出文件夹", help="输出文件夹")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="并行进程数（默认：CPU 核数）")
    p.add_argument("--template", metavar="模板", help="模板名称或 .docx 模板路径")
    p.add_argument("--appendix", action="store_true", help="附上全部数字的上年/本年对照表")
    _edition(p)
    p.add_argument("--report", metavar="报告文件", help="逐项结果写入的 CSV 或 JSON 文件（默认：输出文件夹/batch-report.csv）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = sub.add_parser("check", help="检查草稿或 .docx 的问题", description="检查草稿 YAML 或生成的 .docx：缺少的部分、未填项、沿用上年的内容、相互矛盾的数字、版式问题。")
    p.add_argument("target", metavar="草稿或文档", help="草稿 YAML 或 .docx")
    p.add_argument("--prior", metavar="上年YAML", help="上一年度 YAML，用于查找照搬的段落")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    p.add_argument("--strict", action="store_true", help="有提醒时也以退出码 1 结束（默认只有错误才是 1）")
    # --debug is accepted after the command too; SUPPRESS keeps the top-level value when absent here.
    for p in sub.choices.values():
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="出错时显示完整的技术细节（供开发者排查）")
    return parser


def _tolerant_streams() -> None:
    # A console that cannot show Chinese (or a file name that is not UTF-8) must not turn a message into a crash.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_BAD_INPUT
    module_name, func_name = _HANDLERS[args.command].split(":")
    from drafter.errors import DrafterError

    try:
        handler = getattr(importlib.import_module(module_name), func_name)
        return int(handler(args) or 0)
    except DrafterError as exc:
        if args.debug:
            raise
        from drafter.files import readable_name

        exc.file = readable_name(exc.file) if exc.file else exc.file
        print(f"drafter：错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        if args.debug:
            raise
        print("\ndrafter：已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Whoever read the output (`| head`) stopped early: no fault of drafter or of the input.
        # Point stdout at devnull so the flush at exit does not fail again; exit as a shell tool would.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: say so plainly, full trace only with --debug
        if args.debug:
            raise
        print(f"drafter：内部错误（{type(exc).__name__}：{exc}）。请加 --debug 重新运行并报告此问题。", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> None:
    """The `drafter` console command and `python -m drafter`: main(), then flush and leave at once.
    Tearing down the ~400 modules a command loaded one by one costs a cold run some 40 ms and does
    nothing the OS does not do (files are written atomically and closed before main returns).
    Tests call main() and keep their interpreter."""
    try:
        code = main()
    except SystemExit as exc:  # argparse: --help, --version, a bad argument
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            code = EXIT_BROKEN_PIPE
        except (OSError, ValueError):
            pass
    os._exit(code)
