"""Reading inputs in any of the encodings clerks meet, and writing outputs safely."""

import os

import pytest
from helpers import seed_path

from drafter.errors import DrafterError
from drafter.files import atomic_write, decode_text, read_input_bytes


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_seed_decodes_from_every_encoding(encoding):
    # GBK lacks a few of the web page's symbols; compare what it can hold.
    text = seed_path("yingkou").read_text(encoding="utf-8").encode(encoding, "ignore").decode(encoding)
    assert decode_text(text.encode(encoding), "x.txt") == text.lstrip("\ufeff")


def test_binary_junk_refused():
    junk = bytes(range(256)) * 40
    with pytest.raises(DrafterError, match="无法识别为文本"):
        decode_text(junk, "junk.bin")


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "文件不存在"),
    (lambda p: p.mkdir(), "文件夹"),
    (lambda p: p.write_bytes(b""), "空的"),
])
def test_bad_inputs(tmp_path, make, message):
    path = tmp_path / "report.txt"
    make(path)
    with pytest.raises(DrafterError, match=message) as err:
        read_input_bytes(path)
    assert "report.txt" in str(err.value)


def test_too_large_refused(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.truncate(9 * 1024 * 1024)
    with pytest.raises(DrafterError, match="文件过大"):
        read_input_bytes(path)


def test_atomic_write_refuses_overwrite_without_force(tmp_path):
    path = tmp_path / "out.yaml"
    atomic_write(path, "一")
    with pytest.raises(DrafterError, match="--force"):
        atomic_write(path, "二")
    assert path.read_text(encoding="utf-8") == "一"
    atomic_write(path, "二", force=True)
    assert path.read_text(encoding="utf-8") == "二"
    assert os.listdir(tmp_path) == ["out.yaml"]  # no temporary file left behind


def test_atomic_write_gives_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "out.docx", b"x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
