"""The report's standard sentences (templates/standard.j2): default title, opening, 特此报告, prompts."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.render.patterns import STANDARD_MACROS, STANDARD_SENTENCES
from drafter.text.clean import clean


class Sentences:
    """The macros of a standard.j2 as plain-text functions: sentences.closing() -> 特此报告。"""

    def __init__(self, folder: Path):
        from jinja2 import FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        from drafter.render.jinjacode import template_from_file
        from drafter.resources import templates_dir

        path = folder / STANDARD_SENTENCES
        if not path.is_file():
            path = templates_dir() / STANDARD_SENTENCES
        env = SandboxedEnvironment(loader=FileSystemLoader(str(path.parent)), undefined=StrictUndefined,
                                   autoescape=False, keep_trailing_newline=False)
        self.path = path
        try:
            self.module = template_from_file(env, path).module
        except Exception as exc:  # jinja2 syntax errors and the like, in a file a bureau edits
            raise DrafterError(f"标准语句模板有误：{exc}", path) from None

    def require(self, name: str) -> None:
        """Refuse a standard.j2 without a macro a render calls: a bureau's copy made before the macro
        was added (banner, for the 版头) lacks it."""
        if not callable(getattr(self.module, name, None)):
            from drafter.resources import templates_dir

            use = f"，用于{STANDARD_MACROS[name]}" if name in STANDARD_MACROS else ""
            raise DrafterError(f"标准语句模板缺少宏“{name}”{use}；请从 drafter 自带的 {templates_dir() / STANDARD_SENTENCES} "
                               "把这个宏复制到此文件（宏名和参数不变）", self.path)

    def __getattr__(self, name):
        macro = getattr(self.module, name, None)
        if not callable(macro):
            self.require(name)

        def call(*args):
            try:
                return clean(str(macro(*args))).strip()
            except Exception as exc:
                raise DrafterError(f"标准语句模板的宏“{name}”出错：{exc}", self.path) from None

        return call


@lru_cache(maxsize=8)
def _sentences(folder: str, stamp) -> Sentences:
    return Sentences(Path(folder))


def sentences_for(template: Path) -> Sentences:
    """The standard sentences beside `template`, else the bundled ones; read again when the file changes."""
    standard = template.parent / STANDARD_SENTENCES
    return _sentences(str(template.parent), standard.stat().st_mtime_ns if standard.is_file() else None)
