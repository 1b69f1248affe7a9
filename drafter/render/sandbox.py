"""The Jinja sandbox a template's tags run in: no internals, no mutation, bounded text and time."""

from __future__ import annotations

import re
import time

from jinja2 import Template
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import TemplateRuntimeError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.render.jinjacode import template_from_string

# A whole report is ~100 000 characters: no value a template builds needs more than this.
MAX_TEXT = 1_000_000
# All the text a template's {{ }} put out, and the seconds one part of it may take to render.
MAX_OUTPUT = 20_000_000
MAX_SECONDS = 10.0
MAX_POWER_BITS = 4096
MAX_LIPSUM = 50
# A width in a printf format ('%0800000000d') or str.format ('{:>800000000}').
_WIDTH_RE = re.compile(r"%[-+ #0]*(\d+)|\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")
# str methods and filters whose int arguments are widths or counts of the text they make.
_PADDING = frozenset({"zfill", "center", "ljust", "rjust", "expandtabs", "indent", "wordwrap"})


class OverLimit(TemplateRuntimeError):
    """A template that would run too long or build too much: said as the template's fault, not an attack."""


def _refuse(what: str):
    raise OverLimit(f"模板{what}，超出限制（可能陷入死循环或耗尽内存），已停止")


def _check_format(text) -> None:
    if isinstance(text, str):
        for match in _WIDTH_RE.finditer(text):
            if int(match.group(1) or match.group(2)) > MAX_TEXT:
                _refuse("中的格式宽度过大")


def _check_size(value) -> None:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_TEXT:
        _refuse("生成的文字或列表过长")


class _Generator(CodeGenerator):
    """`a ~ b` joins text without passing any hook: send each join through the size check."""

    def visit_Concat(self, node, frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


class _Timed(Template):
    def render(self, *args, **kwargs):
        self.environment.start_clock()
        return super().render(*args, **kwargs)


class Sandbox(ImmutableSandboxedEnvironment):
    """Immutable: a list appended to while iterated would never end. Compiles each template XML
    once per process: a batch renders the same template often."""

    code_generator_class = _Generator
    template_class = _Timed
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options):
        super().__init__(finalize=self._finalize, **options)
        self.compiled: dict = {}
        self.deadline = float("inf")
        self.output = 0
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum
        for name in _PADDING & set(self.filters):
            self.filters[name] = self._bounded_filter(self.filters[name])
        self.filters["format"] = self._bounded_format(self.filters["format"])

    def start_clock(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.output = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            _refuse(f"排版超过 {MAX_SECONDS:.0f} 秒")

    def bounded(self, value):
        self.tick()
        _check_size(value)
        return value

    def _finalize(self, value):
        self.tick()
        if isinstance(value, str):
            self.output += len(value)
            if self.output > MAX_OUTPUT:
                _refuse("输出的文字过多")
        return value

    def _range(self, *args):
        from jinja2.sandbox import safe_range

        for n, value in enumerate(safe_range(*args)):
            if n % 1000 == 0:
                self.tick()
            yield value

    def _lipsum(self, n=5, *args, **kwargs):
        from jinja2.utils import generate_lorem_ipsum

        if not isinstance(n, int) or n > MAX_LIPSUM:
            _refuse("中的 lipsum 段数过多")
        return generate_lorem_ipsum(n, *args, **kwargs)

    def _bounded_filter(self, func):
        def bounded(*args, **kwargs):
            self.tick()
            if any(isinstance(a, int) and a > MAX_TEXT for a in (*args[1:], *kwargs.values())):
                _refuse("中的宽度过大")
            return self.bounded(func(*args, **kwargs))

        for attr in ("jinja_pass_arg",):  # keep how Jinja passes the environment or context
            if hasattr(func, attr):
                setattr(bounded, attr, getattr(func, attr))
        return bounded

    def _bounded_format(self, func):
        def bounded(value, *args, **kwargs):
            _check_format(value)
            return self.bounded(func(value, *args, **kwargs))

        return bounded

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        __self.tick()
        name = getattr(__obj, "__name__", "")
        if isinstance(getattr(__obj, "__self__", None), str):
            if name in _PADDING and any(isinstance(a, int) and a > MAX_TEXT for a in args):
                _refuse("中的宽度过大")
            if name == "format":
                _check_format(__obj.__self__)
        return __self.bounded(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context, operator, left, right):
        self.tick()
        if operator == "**" and isinstance(right, (int, float)):
            bits = abs(right) * (left.bit_length() if isinstance(left, int) else 64)
            if abs(right) > 64 or bits > MAX_POWER_BITS:
                _refuse("中的乘方过大")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > 100_000:
                    _refuse("中的重复次数过大")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > MAX_TEXT:
                _refuse("生成的文字或列表过长")
        if operator == "%":
            _check_format(left)
        return self.bounded(super().call_binop(context, operator, left, right))

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None:
            return super().from_string(source, globals, template_class)
        template = self.compiled.get(source)
        if template is None:
            if len(self.compiled) > 16:
                self.compiled.clear()
            template = self.compiled[source] = template_from_string(self, source)
        return template
