"""The shared tokenizer: posseg's exact words and tags without posseg's start-up cost."""

import hashlib
import marshal
import os
import subprocess
import sys

import jieba
import jieba.posseg
import pytest
from helpers import ROOT, SEEDS, seed_path

from drafter.text import words


@pytest.fixture(scope="module")
def posseg():
    """jieba's own POS tagger on the shared tokenizer, given the package's extra tags."""
    tagger = jieba.posseg.POSTokenizer(words.tokenizer())
    tagger.word_tag_tab.update(words._tags)
    return tagger


@pytest.fixture(scope="module")
def seed_lines():
    lines = [line for name in SEEDS for line in seed_path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    # Digits, Latin letters, spaces and CRLF take jieba's other branches.
    return lines + ["2023年共办理ABC案件 12 件\r\n5G基站覆盖率98.5%", "x1 y2\t七台河市  APP“12345”热线"]


def test_words_match_jieba_with_its_whole_dictionary(seed_lines):
    full = jieba.Tokenizer()
    full.initialize()
    for word in words.GENRE_VERBS + words.GENRE_NOUNS:
        full.add_word(word)
    for line in seed_lines:
        assert words.cut(line) == full.lcut(line), line
    assert words.tokenizer().total == full.total


def test_tags_match_posseg_on_every_seed_line(posseg, seed_lines):
    hmm_words = 0
    for line in seed_lines:
        got = words.tagged(line)  # first: it loads the dictionary entries posseg will look up
        expected = [(p.word, p.flag) for p in posseg.cut(line)]
        assert got == expected, line
        hmm_words += sum(1 for w, _ in expected if len(w) > 1 and not words.tokenizer().FREQ.get(w))
    assert hmm_words > 20  # the seeds do reach the HMM for unknown words (place names, new coinages)


def test_genre_words_are_cut_and_tagged():
    assert words.cut("新收行政复议案件148件，受理112件")[:2] == ["新收", "行政复议"]
    assert ("受理", "v") in words.tagged("受理112件")
    assert words.tag_of("开展") == "v" and words.tag_of("批次") == "n" and words.tag_of("案件") == "n"
    assert words.tag_of("不是词语吧") == "x" and words.tag_of("") == "x"


def _small_tokenizer(tmp_path):
    tok = jieba.Tokenizer(str(tmp_path / "dict.txt"))
    tok.tmp_dir = str(tmp_path / "cache")
    return tok


def _ours(tmp_path):
    return sorted(name for name in os.listdir(tmp_path / "cache") if name.startswith("drafter-jieba."))


def test_cache_is_built_once_and_follows_the_dictionary(tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("法治 100 n\n受理 50 v\n法治政府 20 l\n", encoding="utf-8")
    os.mkdir(tmp_path / "cache")
    total, buckets = words._load_dictionary(_small_tokenizer(tmp_path))
    assert total == 170 and len(_ours(tmp_path)) == 1
    assert {k: marshal.loads(v) for k, v in buckets.items()} == {
        "法": ({"法": 0, "法治": 100, "法治政": 0, "法治政府": 20}, {"法治": "n", "法治政府": "l"}),
        "受": ({"受": 0, "受理": 50}, {"受理": "v"})}
    # Read back from the cache, not rebuilt from the dictionary.
    planted = (7, {"甲": marshal.dumps(({"甲乙": 7}, {"甲乙": "q"}))})
    body = marshal.dumps(planted)  # the cache's first line is the SHA-256 of the rest
    (tmp_path / "cache" / _ours(tmp_path)[0]).write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    assert words._load_dictionary(_small_tokenizer(tmp_path)) == planted
    # An edited dictionary gets a new cache; a damaged cache is rebuilt.
    dictionary.write_text("依法 10 d\n", encoding="utf-8")
    later = os.stat(dictionary).st_mtime_ns + 10**10
    os.utime(dictionary, ns=(later, later))
    assert list(words._load_dictionary(_small_tokenizer(tmp_path))[1]) == ["依"]
    assert len(_ours(tmp_path)) == 2
    for name in _ours(tmp_path):
        (tmp_path / "cache" / name).write_bytes(b"\x00broken")
    assert words._load_dictionary(_small_tokenizer(tmp_path))[0] == 10


def test_cold_parse_loads_jieba_once_and_cli_import_loads_none(tmp_path):
    code = (
        "import sys\n"
        "import drafter.cli.main\n"
        "print('cli', 'jieba' in sys.modules, 'drafter.parse.figures' in sys.modules)\n"
        "import jieba\n"
        "from drafter.parse.report import parse_file\n"
        f"model = parse_file({str(seed_path('heqing'))!r})\n"
        "print('parse', 'jieba.posseg' in sys.modules, jieba.dt.initialized, len(model.figures) > 10)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split("\n")[:2] == ["cli False False", "parse False False True"]
    assert out.stderr == ""  # jieba stays quiet


def test_hmm_tables_from_posseg_when_jieba_files_are_elsewhere(posseg, monkeypatch, tmp_path):
    monkeypatch.setattr(jieba, "__file__", str(tmp_path / "jieba" / "__init__.py"))
    monkeypatch.setattr(words, "_hmm", None)
    words.forget()  # runs tagged before would come from memory, not through the tables
    line = seed_path("heqing").read_text(encoding="utf-8").splitlines()[0] + "鹤庆县草海镇新华村"
    assert words.tagged(line) == [(p.word, p.flag) for p in posseg.cut(line)]
    assert words._hmm[0] is jieba.posseg.viterbi
