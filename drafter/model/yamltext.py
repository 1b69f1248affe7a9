"""YAML text in and out: safe loading that knows each key's line, and block-style dumping."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import DrafterError
from drafter.files import decode_text, read_input_bytes

# A draft is ~50 KB; PyYAML reads a few MB a second at best, so a cap keeps a hostile file from hanging a command.
MAX_YAML_BYTES = 4 * 1024 * 1024
# A report's deepest value is ~12 levels down (items four deep); far more is no report.
MAX_YAML_DEPTH = 100
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no alias bombs) and keeps dates as text."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise DrafterError("不允许使用 YAML 别名（*名称），请写出完整内容", place=f"第 {mark.line + 1} 行")
        return super().compose_node(parent, index)


# Dates such as 2024-01-18 stay strings: the schema stores them as ISO text.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml's parser is several times faster; it reads well-formed files only (see _parse_fast).
_CLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):
        pass

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


# libyaml's emitter writes the same text as PyYAML's, several times faster.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    def ignore_aliases(self, data):
        return True


# YAML reads these as line breaks, so a plain or literal scalar would not read back as written.
UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str):
    if UNICODE_BREAKS.search(value):
        style = '"'  # double quotes escape them (\N, \L, \P)
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """Block style, Chinese unescaped, keys in the order given."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9, indent=2)


class Located:
    """A loaded YAML document with the node tree, to say on which line a key path is."""

    def __init__(self, data: Any, root: yaml.Node | None, path: Path):
        self.data = data
        self.root = root
        self.path = path

    def line_of(self, keys: tuple | list, key_itself: bool = False) -> int | None:
        node = self.root
        key_node = None
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == str(key):
                        key_node, node = k, v
                        break
                else:
                    return (node.start_mark.line + 1) if node is not None else None
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                key_node, node = None, node.value[key]
            else:
                break
        target = key_node if key_itself and key_node is not None else node
        return target.start_mark.line + 1 if target is not None else None

    def place(self, keys: tuple | list, key_itself: bool = False) -> str:
        line = self.line_of(keys, key_itself)
        dotted = format_path(keys)
        if line is None:
            return dotted or "文件开头"
        return f"第 {line} 行（{dotted}）" if dotted else f"第 {line} 行"


def format_path(keys) -> str:
    out = ""
    for key in keys:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            out += f".{key}" if out else str(key)
    return out


def _check_duplicates(node: yaml.Node, path: Path) -> None:
    """No key twice in a mapping, and no nesting deeper than a report's (the model and the schema
    validator recurse: a file nested hundreds deep would crash them)."""
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise DrafterError(f"嵌套过深（超过 {MAX_YAML_DEPTH} 层），不像是一份报告；条目最多分几级",
                               path, f"第 {current.start_mark.line + 1} 行")
        if isinstance(current, yaml.MappingNode):
            seen = set()
            for k, v in current.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise DrafterError(f"键“{k.value}”重复出现", path, f"第 {k.start_mark.line + 1} 行")
                    seen.add(k.value)
                stack.append((v, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)


# PyYAML's most common complaints, as a clerk should read them.
_YAML_PROBLEMS_ZH = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（冒号后的内容可能需要加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用 Tab 键缩进，请改用空格",
    "found unhashable key": "键不能是列表或映射",
    "but found another document": "文件里只能有一个 YAML 文档（不要用 ---）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "found undefined tag handle": "未定义的标签",
    "did not find expected key": "缩进不对，找不到应有的键",
    "expected <block end>, but found '-'": "缩进不对：列表项“-”的位置有误",
    "found duplicate anchor": "锚点（&名称）重复",
    "expected ',' or ']'": "列表缺少逗号或右方括号“]”",
    "expected ',' or '}'": "映射缺少逗号或右花括号“}”",
    "found undefined alias": "不允许使用 YAML 别名（*名称），请写出完整内容",
}


def _problem_zh(problem: str | None) -> str:
    problem = (problem or "").strip()
    for english, chinese in _YAML_PROBLEMS_ZH.items():
        if problem.startswith(english):
            return chinese
    if problem.startswith("could not determine a constructor for the tag"):
        return "不允许的标签（!!…）：drafter 只接受普通的文字、数字、列表和映射"
    return problem


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _has_alias(root: yaml.Node) -> bool:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias is the anchored node met a second time
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack += [k, v]
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _parse_fast(text: str, path: Path) -> Located | None:
    """The C parser for a file without problems; None sends anything unusual (errors, aliases,
    control characters) to the pure-Python loader, whose messages the clerk sees."""
    if _CLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _CLoader(text)
    try:
        root = loader.get_single_node()
        if root is None or _has_alias(root):
            return None
        _check_duplicates(root, path)
        return Located(loader.construct_document(root), root, path)
    except (yaml.YAMLError, DrafterError, RecursionError, ValueError, OverflowError):
        return None
    finally:
        loader.dispose()


def parse_yaml(text: str, path: str | Path) -> Located:
    path = Path(path)
    fast = _parse_fast(text, path)
    if fast is not None:
        return fast
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        # Control characters such as NUL are refused by PyYAML before parsing starts.
        raise DrafterError(
            f"含有不允许的控制字符（U+{exc.character:04X}）" if isinstance(exc.character, int) else "含有不允许的字符",
            path, f"第 {_line_at(text, exc.position)} 行",
        ) from None
    try:
        root = loader.get_single_node()
        if root is None:
            return Located(None, None, path)
        _check_duplicates(root, path)
        data = loader.construct_document(root)
    except DrafterError as exc:
        exc.file = exc.file or str(path)
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        place = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else None
        raise DrafterError(f"YAML 格式错误：{_problem_zh(exc.problem or exc.context)}", path, place) from None
    except yaml.YAMLError as exc:
        raise DrafterError(f"YAML 格式错误：{exc}", path) from None
    except RecursionError:
        raise DrafterError(f"嵌套过深（超过 {MAX_YAML_DEPTH} 层），不像是一份报告；条目最多分几级", path) from None
    except (ValueError, OverflowError):
        # int() refuses numbers of more than 4300 digits; no report holds such a number.
        raise DrafterError("数值过大，无法读取", path) from None
    finally:
        loader.dispose()
    return Located(data, root, path)


def read_yaml(path: str | Path) -> Located:
    data = read_input_bytes(path, MAX_YAML_BYTES)
    return parse_yaml(decode_text(data, path), path)
