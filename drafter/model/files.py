"""Report and draft files: load (migrating older versions), validate against the schema, save atomically."""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.files import atomic_write
from drafter.model.comments import merged_text
from drafter.model.data import KNOWN_VERSIONS, SCHEMA_VERSION, from_data, migrate, to_data
from drafter.model.report import Report
from drafter.model.yamltext import MAX_YAML_BYTES, Located, dump_yaml, read_yaml

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def load_report(path: str | Path) -> Report:
    """A report or draft file as the model; versions 1 and 2 are migrated."""
    return from_data(check_document(read_yaml(path)))


def _read_or_none(path: str | Path) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def file_digest(path: str | Path) -> str | None:
    """The sha256 of a file's bytes, None when it cannot be read: what a writer compares to know
    that nobody changed the file since it was read."""
    return _digest(_read_or_none(path))


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


class ChangedOnDisk(DrafterError):
    """The file was changed by someone else since it was read."""


def save_report(report: Report, path: str | Path, force: bool = False, keep_comments: bool = False,
                expect: str | None = None) -> str:
    """Validate, then write atomically; an existing file only with `force`. With `keep_comments`, the
    comments a clerk typed into the file being rewritten stay where they were. With `expect` (the
    file_digest taken when it was read), refuse when the file on disk is no longer that file.
    Returns the sha256 of the bytes written: the `expect` of the next save. Reading the file again
    instead would take in a write by someone else right after this one, and later overwrite it."""
    data = to_data(report)
    check_document(Located(data, None, Path(path)))
    text = dump_yaml(data)
    # Read once: the comments kept are those of the very file the digest was compared with.
    current = _read_or_none(path) if expect is not None or keep_comments else None
    if expect is not None and _digest(current) != expect:
        raise ChangedOnDisk("草稿在读取后已被其他程序或窗口修改；为免覆盖别人的修改，本次未保存", path)
    if keep_comments and current is not None:
        try:
            # As read_text would: \r\n and \r (a file saved on Windows) read as \n.
            old = current.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
            text = merged_text(old, text) or text
        except UnicodeDecodeError:
            pass  # nothing readable to keep: the file is written afresh
    encoded = text.encode("utf-8")
    size = len(encoded)
    if size > MAX_YAML_BYTES:
        # The next step would refuse the file as too large: refuse it here, with the reason.
        raise DrafterError(f"生成的 YAML 过大（{size / 1048576:.1f} MB，上限 {MAX_YAML_BYTES / 1048576:.0f} MB），"
                           "下一步将无法读取；原文可能不是一份报告，或含有大量重复内容", path)
    atomic_write(path, encoded, force=force)
    return _digest(encoded)


def validate_report(report: Report, path: str | Path = "<内存>") -> Report:
    """Check a model built in memory against the schema, as saving it would."""
    check_document(Located(to_data(report), None, Path(path)))
    return report


def check_document(located: Located) -> dict:
    """The document as version-3 data, or a DrafterError naming the file and the line."""
    data = located.data
    if not isinstance(data, dict):
        raise DrafterError("YAML 顶层应是映射（键: 值），这不是 drafter 的报告或草稿文件", located.path)
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise DrafterError(
            f"此文件的 schema_version 为 {version}，比本程序支持的 {SCHEMA_VERSION} 新；请升级 drafter",
            located.path, located.place(["schema_version"]),
        )
    if version not in KNOWN_VERSIONS or isinstance(version, bool):
        raise DrafterError(f"schema_version 应为 {'、'.join(map(str, KNOWN_VERSIONS))} 之一",
                           located.path, located.place(["schema_version"]))
    data = migrate(data)
    errors = [] if _fast_valid(data) else _schema_errors(data)
    if errors:
        message, keys, key_itself = _describe(errors[0])
        more = f"（另有 {len(errors) - 1} 处问题）" if len(errors) > 1 else ""
        raise DrafterError(message + more, located.path, located.place(keys, key_itself))
    _check_values(located, data)
    return data


def _schema_errors(data: dict) -> list:
    """jsonschema's errors, shallowest first: what the messages are made from."""
    return sorted(_validator().iter_errors(data), key=lambda e: (len(list(e.absolute_path)), list(map(str, e.absolute_path))))


@lru_cache(maxsize=1)
def _schema_text() -> str:
    from drafter.resources import schemas_dir

    return (schemas_dir() / "drafter.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator, validators

    # JSON Schema counts 2023.0 as an integer; a year read so would be written 2024.0年 everywhere.
    integers = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool))
    return validators.extend(Draft202012Validator, type_checker=integers)(json.loads(_schema_text()))


def _fast_valid(data: dict) -> bool:
    """True when the validator generated from the schema (fastjsonschema) accepts the data. Importing
    jsonschema and walking the schema costs a cold command more than the rest of its checks; it runs
    only when this one refuses, to name the error (and to have the last word on what is valid)."""
    from fastjsonschema import JsonSchemaException

    try:
        _fast_validator()(data)
    except JsonSchemaException:
        return False
    return True


# The test fastjsonschema's code adds to every integer type check (data__meta__year is one variable).
_FLOAT_AS_INTEGER = re.compile(r" and not \(isinstance\((\w+), float\) and \1\.is_integer\(\)\)")


@lru_cache(maxsize=1)
def _fast_validator():
    import fastjsonschema

    from drafter.codecache import cached_code

    text = _schema_text()

    def build():
        from fastjsonschema.ref_resolver import RefResolver

        schema = json.loads(text)
        # use_default=False: validating must never fill in the schema's defaults.
        source = fastjsonschema.compile_to_code(schema, use_default=False)
        # Like _validator, an integer is an int: fastjsonschema also takes 2023.0.
        source = _FLOAT_AS_INTEGER.sub("", source)
        root = RefResolver.from_schema(schema, store={}).get_scope_name()  # the root's function, named from $id
        return compile(f"{source}\nvalidate = {root}\n", "<drafter.schema.json validator>", "exec")

    namespace: dict = {}
    exec(cached_code("schema", f"{fastjsonschema.VERSION}\0{_FLOAT_AS_INTEGER.pattern}\0{text}", build), namespace)
    return namespace["validate"]


_TYPE_NAMES = {
    "string": "文字", "integer": "整数", "number": "数字", "array": "列表",
    "object": "映射（键: 值）", "null": "空值（null）", "boolean": "是/否",
}


def _type_name(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return f"小数 {value:g}" if value.is_integer() else "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    return type(value).__name__


def _describe(error) -> tuple[str, list, bool]:
    """A Chinese message, the key path to point at, and whether to point at the key itself."""
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (error.instance or {})]
        return f"缺少必填的键“{'、'.join(missing)}”", path, False
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        return f"未知的键“{'、'.join(map(str, extra))}”", path + extra[:1], True
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = "或".join(_TYPE_NAMES.get(t, t) for t in wanted)
        return f"类型不对：应为{names}，实际是{_type_name(error.instance)}", path, False
    if kind == "enum":
        options = "、".join(str(v) for v in error.validator_value)
        return f"取值“{error.instance}”无效，应为其中之一：{options}", path, False
    if kind == "pattern":
        last = path[-1] if path else ""
        hint = {"date": "日期应写作 2024-01-18", "published": "日期应写作 2024-01-18",
                "id": "编号应形如 F001", "sha256": "应为 64 位十六进制摘要"}.get(last, "格式不对")
        return f"“{error.instance}”{hint}", path, False
    if kind == "not":
        return "解析得到的报告（kind: report）不应有 draft 部分；草稿应写 kind: draft", path + ["draft"], True
    if kind == "const":
        return f"取值“{error.instance}”无效，应为 {error.validator_value}", path, False
    if kind in ("minimum", "maximum"):
        return f"数值 {error.instance} 超出允许范围", path, False
    if kind == "minLength":
        return "不能为空", path, False
    return f"不符合格式要求（{error.message}）", path, False


def _check_values(located: Located, data: dict) -> None:
    """What the schema cannot say: numbers must be finite, text must be writable as UTF-8."""
    stack: list[tuple[list, Any]] = [([], data)]
    seen: set[int] = set()  # a model built in memory shares strings (each figure's sentence): scan each once
    while stack:
        keys, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((keys + [k], v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((keys + [i], v) for i, v in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            raise DrafterError(f"数值“{value}”无效，应为有限的数字", located.path, located.place(keys))
        elif isinstance(value, str) and id(value) not in seen:
            seen.add(id(value))
            if _SURROGATE_RE.search(value):
                raise DrafterError("文字中含有无效的字符（孤立的 UTF-16 代理码）", located.path, located.place(keys))
