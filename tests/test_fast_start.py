"""What makes cold commands fast keeps their results: the generated validator, the code cache,
the bundled templates checked when built, the console entry that exits at once."""

from __future__ import annotations

import copy
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, make_draft, parsed_report

from drafter.cli.main import build_parser
from drafter.codecache import cached_code
from drafter.errors import DrafterError
from drafter.model import files
from drafter.model.data import to_data
from drafter.model.files import check_document, validate_report
from drafter.model.yamltext import Located
from drafter.render.jinjacode import template_from_string
from drafter.render.template import check_template, jinja_env, shared_env
from drafter.resources import templates_dir


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr("drafter.codecache.cache_dir", lambda: str(folder))
    return folder


def _mutations(data):
    """Copies of `data` each broken (or not) in one place: a value replaced, a key dropped, a key added."""
    values = [None, True, 7, 1.5, "文字", [], {}, "", -3]
    turn = 0
    stack = [()]
    while stack:
        path = stack.pop()
        node = data
        for key in path:
            node = node[key]
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        for key, _ in children:
            stack.append(path + (key,))
        if path:
            turn += 1
            value = values[turn % len(values)]
            yield _changed(data, path, lambda parent, key, v=value: parent.__setitem__(key, v))
        if isinstance(node, dict):
            yield _changed(data, path + ("额外",), lambda parent, key: parent.__setitem__(key, 1))
            for key in list(node)[:3]:
                yield _changed(data, path + (key,), lambda parent, key: parent.pop(key))


def _changed(data, path, change):
    copied = copy.deepcopy(data)
    parent = copied
    for key in path[:-1]:
        parent = parent[key]
    change(parent, path[-1])
    return copied


@pytest.mark.parametrize("name", ["yingkou", "zhumadian"])
def test_generated_validator_accepts_only_what_jsonschema_accepts(name):
    checked = 0
    for model in (parsed_report(name), make_draft(name)):
        data = to_data(model)
        assert files._fast_valid(data) and not files._schema_errors(data)
        for broken in _mutations(data):
            if files._fast_valid(broken):
                assert files._schema_errors(broken) == []
            checked += 1
    assert checked > 500


def test_a_refusal_keeps_jsonschemas_message_and_line(tmp_path):
    path = tmp_path / "草稿.yaml"
    from drafter.model.files import save_report

    save_report(make_draft("yingkou"), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  year: "))
    lines[at] = "  year: 二〇二四"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from drafter.model.files import load_report

    with pytest.raises(DrafterError) as err:
        load_report(path)
    assert f"第 {at + 1} 行（meta.year）" in str(err.value)
    assert "类型不对：应为整数或空值（null），实际是文字" in str(err.value)


def test_validation_does_not_fill_in_defaults():
    data = to_data(parsed_report("heqing"))
    before = copy.deepcopy(data)
    check_document(Located(data, None, Path("x.yaml")))
    assert data == before
    validate_report(parsed_report("heqing"))


def test_code_cache_builds_once_and_rebuilds_what_changed(cache):
    built = []

    def build(source):
        built.append(source)
        return compile(source, "<t>", "eval")

    assert eval(cached_code("t", "1 + 1", lambda: build("1 + 1"))) == 2
    assert eval(cached_code("t", "1 + 1", lambda: build("1 + 1"))) == 2
    assert built == ["1 + 1"]
    assert eval(cached_code("t", "2 + 2", lambda: build("2 + 2"))) == 4
    assert built == ["1 + 1", "2 + 2"]
    entries = sorted((cache / "code").iterdir())
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(b"\x00broken")  # a damaged entry is built again, not trusted
    assert eval(cached_code("t", "2 + 2", lambda: build("2 + 2"))) == 4
    assert built[-1] == "2 + 2" and len(built) == 3


def test_code_cache_runs_no_code_it_did_not_write_itself(cache):
    import hashlib
    import marshal

    assert eval(cached_code("t", "1 + 1", lambda: compile("1 + 1", "<t>", "eval"))) == 2
    [entry] = (cache / "code").iterdir()
    # Planted code with a matching digest, but the file is writable by others: not run, built again.
    body = marshal.dumps(compile("666", "<planted>", "eval"))
    entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    os.chmod(entry, 0o666)
    assert eval(cached_code("t", "1 + 1", lambda: compile("1 + 1", "<t>", "eval"))) == 2
    assert entry.stat().st_mode & 0o022 == 0


def test_code_cache_that_cannot_be_written_still_gives_the_code(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setattr("drafter.codecache.cache_dir", lambda: str(blocker))
    assert eval(cached_code("t", "3", lambda: compile("3", "<t>", "eval"))) == 3


def test_cached_jinja_code_follows_the_template(cache):
    env = jinja_env()
    first = template_from_string(env, "<w:t>{{ name }}甲</w:t>")
    assert first.render(name="a&b") == "<w:t>a&amp;b甲</w:t>"
    again = template_from_string(jinja_env(), "<w:t>{{ name }}甲</w:t>")
    assert again.render(name="<x>") == "<w:t>&lt;x&gt;甲</w:t>"
    assert len(list((cache / "code").iterdir())) == 1
    changed = template_from_string(env, "<w:t>{{ name }}乙</w:t>")
    assert changed.render(name="c") == "<w:t>c乙</w:t>"
    assert len(list((cache / "code").iterdir())) == 2


def test_cached_jinja_code_keeps_the_sandbox(cache):
    from drafter.render.sandbox import OverLimit

    source = "{{ 'x' * 10 ** 6 }}"
    for _ in range(2):  # compiled, then from the cache
        with pytest.raises(OverLimit, match="重复次数过大"):
            template_from_string(jinja_env(), source).render()


def test_render_from_cached_code_is_the_same_document(cache, tmp_path):
    from drafter.render.document import render_bytes

    draft = make_draft("tongzhou")
    shared_env.cache_clear()
    first = render_bytes(draft)
    shared_env.cache_clear()
    second = render_bytes(draft)  # a new environment: its template code comes from the cache
    assert (cache / "code").is_dir()
    a, b = zipfile.ZipFile(io.BytesIO(first)), zipfile.ZipFile(io.BytesIO(second))
    assert a.namelist() == b.namelist()
    # The properties carry the time of rendering (dcterms:created, dcterms:modified): the rest must match.
    stamp = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    assert all(stamp.sub(b"", a.read(n)) == stamp.sub(b"", b.read(n)) for n in a.namelist())


@pytest.mark.parametrize("template", sorted(templates_dir().glob("*.docx")), ids=lambda p: p.name)
def test_bundled_templates_pass_the_check_render_skips(template):
    check_template(template, template.read_bytes())


def _drafter(*args, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, env=env, **kwargs)


def test_console_entry_flushes_and_keeps_exit_codes(tmp_path):
    shown = _drafter("--help")
    assert shown.returncode == 0
    assert shown.stdout.decode() == build_parser().format_help()
    version = _drafter("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("drafter ")
    assert "显示版本号并退出" in shown.stdout.decode()
    bad = _drafter("render", str(tmp_path / "无.yaml"), "-o", str(tmp_path / "x.docx"))
    assert bad.returncode == 2
    assert "文件不存在" in bad.stderr.decode()
    wrong = _drafter("parse")
    assert wrong.returncode == 2 and "缺少必需的参数" in wrong.stderr.decode()


def test_cached_standard_sentences_follow_the_file(cache, tmp_path):
    from drafter.render.sentences import Sentences

    text = (templates_dir() / "standard.j2").read_text(encoding="utf-8")
    assert Sentences(templates_dir()).closing() == "特此报告。"
    (tmp_path / "standard.j2").write_text(text.replace("特此报告。", "特此报告，请审阅。"), encoding="utf-8")
    assert Sentences(tmp_path).closing() == "特此报告，请审阅。"
    (tmp_path / "standard.j2").write_text(text.replace("特此报告。", "以上报告，请审阅。"), encoding="utf-8")
    assert Sentences(tmp_path).closing() == "以上报告，请审阅。"
    assert Sentences(templates_dir()).closing() == "特此报告。"  # from the cache, still the bundled wording
    (tmp_path / "standard.j2").write_text("{% macro closing() %}{{ 1 +", encoding="utf-8")
    with pytest.raises(DrafterError, match="标准语句模板有误"):
        Sentences(tmp_path)


def test_a_review_render_loads_no_checks(tmp_path):
    """Only the clean editions run check first; the review copy's cold start does not pay for it."""
    from drafter.model.files import save_report

    path = tmp_path / "draft.yaml"
    save_report(make_draft("zhumadian"), path)
    code = ("import sys\nfrom drafter.cli.main import main\n"
            f"code = main(['render', {str(path)!r}, '-o', {str(tmp_path / 'out.docx')!r}])\n"
            "print(code, sorted(m for m in sys.modules if m.startswith('drafter.check')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip().splitlines()[-1] == "0 []"
