"""Templates' Jinja code compiled once per machine, not at every cold command: the template XML and
standard.j2 give the same code until they, Jinja or the environment's settings change."""

from __future__ import annotations

from drafter.codecache import cached_code


def _settings(env) -> str:
    """What besides the source shapes the code Jinja generates, the environment's own module included
    (its code generator bounds the template's output)."""
    import os
    import sys

    import jinja2

    kind = type(env)
    module = os.stat(sys.modules[kind.__module__].__file__)
    return repr((
        jinja2.__version__, f"{kind.__module__}.{kind.__qualname__}", module.st_size, module.st_mtime_ns, env.autoescape, env.optimized, env.is_async,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.finalize is not None,
        sorted(env.extensions), sorted(getattr(env, "intercepted_binops", ())), sorted(getattr(env, "intercepted_unops", ())),
    ))


def template_from_string(env, source: str):
    """`env.from_string(source)`, its compiled code taken from the cache when it is there."""
    code = cached_code("jinja", f"{_settings(env)}\0{source}", lambda: env.compile(source))
    return env.template_class.from_code(env, code, env.make_globals(None), None)



def template_from_file(env, path):
    """`env.get_template` for the file at `path` (standard.j2), its compiled code taken from the cache
    when it is there; errors still name the file."""
    source = path.read_text(encoding="utf-8")
    code = cached_code("jinja", f"{_settings(env)}\0{path}\0{source}", lambda: env.compile(source, path.name, str(path)))
    return env.template_class.from_code(env, code, env.make_globals(None), None)
