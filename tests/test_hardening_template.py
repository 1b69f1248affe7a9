"""Issue 12: a custom template cannot run forever, build gigabytes, or make Word fetch anything."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from test_bad_inputs import save_draft, template_with

from drafter.cli.main import main

# Each would run for hours or take gigabytes; all are refused with the template's name.
BOMBS = {
    "concat-doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
                       "{% endfor %}{{ ns.s|length }}",
    "plus-doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
                     "{% endfor %}{{ ns.s|length }}",
    "append-while-iterating": "{% set l = [1] %}{% for x in l %}{{ l.append(x) }}{% endfor %}",
    "chained-powers": "{{ (((9**64)**64)**64)**64 }}",
    "lipsum": "{{ lipsum(3000000) }}",
    "printf-width": "{{ '%0800000000d' % 1 }}",
    "zfill": "{{ '1'.zfill(800000000) }}",
    "format-width": "{{ '{:>800000000}'.format(1) }}",
    "center-filter": "{{ 'x'|center(10**9) }}",
    "nested-loops": "{% for a in range(100000) %}{% for b in range(100000) %}.{% endfor %}{% endfor %}",
}

# Under a 1.5 GB memory cap: a bomb that got through would fail with MemoryError or be killed, not exit 2.
_CAPPED = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))\n"
    "from drafter.cli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
@pytest.mark.parametrize("case", sorted(BOMBS))
def test_template_bombs_are_refused_naming_the_template(tmp_path, case):
    draft = save_draft(tmp_path / "草稿.yaml")
    template = template_with(tmp_path, BOMBS[case])
    out = tmp_path / "报告.docx"
    result = subprocess.run([sys.executable, "-c", _CAPPED, "render", str(draft), "-o", str(out),
                             "--template", str(template)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "恶意模板.docx：按模板排版时出错" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_an_ordinary_template_expression_still_renders(tmp_path, capsys):
    draft = save_draft(tmp_path / "草稿.yaml")
    template = template_with(tmp_path, "{{ ('第' ~ '%02d' % 3 ~ '号')|center(12) }}{{ '7'.zfill(3) }}", "普通.docx")
    out = tmp_path / "报告.docx"
    assert main(["render", str(draft), "-o", str(out), "--template", str(template)]) == 0, capsys.readouterr().err
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "第03号" in body and "007" in body


def _with_part(tmp_path: Path, name: str, change) -> Path:
    from drafter.resources import templates_dir

    with zipfile.ZipFile(templates_dir() / "report.docx") as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts[name] = change(parts[name].decode("utf-8")).encode("utf-8")
    path = tmp_path / "外链模板.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    return path


@pytest.mark.parametrize("target", ["http://example.invalid/track.png", "file:///etc/passwd",
                                    "\\\\server\\share\\a.dotm"])
def test_external_relationship_targets_are_refused(tmp_path, capsys, target):
    rel = (f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           f'image" Target="{target}" TargetMode="External"/>')
    template = _with_part(tmp_path, "word/_rels/document.xml.rels", lambda xml: xml.replace("</Relationships>",
                                                                                         rel + "</Relationships>"))
    draft = save_draft(tmp_path / "草稿.yaml")
    out = tmp_path / "报告.docx"
    assert main(["render", str(draft), "-o", str(out), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert "外链模板.docx：模板含有指向外部的链接或资源" in err and target[:20] in err
    assert not out.exists()


def test_tags_in_the_document_properties_are_checked_up_front(tmp_path, capsys):
    template = _with_part(tmp_path, "docProps/core.xml",
                          lambda xml: xml.replace("{{ document_title }}", "{{ environ }}{{ document_title }}"))
    draft = save_draft(tmp_path / "草稿.yaml")
    assert main(["batch", str(draft), "-o", str(tmp_path / "成品"), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert "外链模板.docx：模板使用了未知的变量“environ”" in err
    assert not (tmp_path / "成品").exists() or not list((tmp_path / "成品").glob("*.docx"))
