"""One jieba tokenizer for the whole package, loaded on first use and only as far as the text needs.

jieba loads its whole prefix dictionary (≈0.5 million entries) at start, and jieba.posseg reads
every word's tag from dict.txt on import: most of a cold `drafter parse`. Here both come from one
cache, built once per dictionary (in the user's cache folder, keyed on the dictionary's path, size and
mtime, checked by its SHA-256 on load) and split by first character: every fragment jieba looks up in a text starts with a
character of that text, so decoding the buckets of its characters is all a text needs. Tagging
follows posseg's algorithm step for step (same words, same tags, same HMM for unknown words),
with jieba's own HMM tables and viterbi.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import os
import re
from functools import lru_cache

from drafter.codecache import cache_dir, read_marshal, write_marshal

# Words of this genre jieba cuts or tags wrongly (新收|案件, 受理 as a noun): verbs, then nouns.
GENRE_VERBS = ("新收", "新增", "受理", "审结", "办结", "调处", "办理", "收到", "接收", "化解", "审核", "审查",
               "整改", "排查", "纠错", "归集", "录入", "发布", "下发", "上线", "开通", "清理", "废止", "培训")
GENRE_NOUNS = ("批次", "超市", "矛盾纠纷", "县(市)区", "镇(街道)", "村(社区)")
# Already cut right, tagged as nouns or adverbs by jieba: only their tag changes.
RETAGGED_VERBS = ("免予", "涉及", "参加", "开展", "组织", "举办", "协同", "落实")
RETAGGED_NOUNS = ("抓手", "试点单位", "编制")
# Adverbs jieba tags as nouns (全面, 大力) or glues to the verb they modify (全面推行, 积极开展); two
# characters each.
ADVERBS = frozenset(("全面", "大力", "积极", "深入", "普遍", "率先", "依法", "持续", "不断", "切实", "扎实", "稳步",
                     "主动", "广泛", "全力", "着力"))

_CACHE_FORMAT = 2

_tokenizer = None
_tags: dict[str, str] = {}  # this package's own tags, ahead of jieba's
_buckets: dict[str, bytes] = {}  # first character -> marshalled ({word or prefix: frequency}, {word: tag})
_loaded: set[str] = set()  # first characters whose bucket is in the tokenizer
_word_tags: dict[str, dict[str, str]] = {}  # first character -> {word: tag}
_hmm: tuple | None = None


def tokenizer():
    """The shared jieba.Tokenizer, genre words added. Its dictionary holds only the entries of the
    characters seen so far: cut through cut() and tagged(), which bring a text's characters in."""
    global _tokenizer
    if _tokenizer is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict…" chatter on the clerk's screen
        tok = jieba.Tokenizer()
        total, buckets = _load_dictionary(tok)
        tok.FREQ, tok.total, tok.initialized = {}, total, True
        _buckets.update(buckets)
        _tokenizer = tok
        for words, tag in ((GENRE_VERBS, "v"), (GENRE_NOUNS, "n")):
            for word in words:
                _load_chars(word)  # before add_word: a bucket loaded later would overwrite the word
                tok.add_word(word, tag=tag)
        _tags.update(tok.user_word_tag_tab)
        _tags.update(dict.fromkeys(RETAGGED_VERBS, "v"))
        _tags.update(dict.fromkeys(RETAGGED_NOUNS, "n"))
        _tags.update(dict.fromkeys(ADVERBS, "d"))
        _tags["非公"] = "b"  # 非公企业: an attribute, not an adverb
        _tags["率"] = "n"  # 纠错|率: the rate, not the verb 率领
    return _tokenizer


def _load_chars(text: str) -> None:
    """Put the dictionary entries starting with any character of text into the tokenizer."""
    for ch in set(text) - _loaded:
        _loaded.add(ch)
        bucket = _buckets.pop(ch, None)
        if bucket is not None:
            freq, _word_tags[ch] = marshal.loads(bucket)
            _tokenizer.FREQ.update(freq)


def cut(text: str) -> list[str]:
    """Words of text, as jieba.lcut cuts them."""
    tok = tokenizer()
    _load_chars(text)
    return tok.lcut(text)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs of text, as jieba.posseg.lcut gives them."""
    tokenizer()
    _load_chars(text)
    out: list[tuple[str, str]] = []
    for block in _HAN_INTERNAL.split(text):
        if _HAN_INTERNAL.match(block):
            out += _tag_block(block)
            continue
        for piece in _SKIP_INTERNAL.split(block):
            # Spaces and punctuation: one word each (a CRLF too).
            out += [(piece, "x")] if _SKIP_INTERNAL.match(piece) else [(ch, "x") for ch in piece]
    return out


def tag_of(word: str) -> str:
    """The tag jieba's dictionary (or this package) gives a word; x when it has none."""
    if word in _tags:
        return _tags[word]
    first = word[:1]
    if first not in _loaded:
        tokenizer()
        _load_chars(first)
    return _word_tags.get(first, {}).get(word, "x")


# -- posseg's cut, step for step --------------------------------------------------------------

_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile(r"(\r\n|\s)")
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile(r"[\.0-9]+")


def _tag_block(block: str) -> list[tuple[str, str]]:
    """Dictionary words by jieba's route; runs of single characters that form no known word go to
    the HMM."""
    tok = _tokenizer
    route: dict = {}
    tok.calc(block, tok.get_DAG(block), route)
    out: list[tuple[str, str]] = []
    buf, x = "", 0
    while x < len(block):
        y = route[x][1] + 1
        word = block[x:y]
        if y - x == 1:
            buf += word
        else:
            if buf:
                out += _tag_run(buf)
                buf = ""
            out.append((word, tag_of(word)))
        x = y
    if buf:
        out += _tag_run(buf)
    return out


def _tag_run(buf: str) -> list[tuple[str, str]]:
    if len(buf) == 1:
        return [(buf, tag_of(buf))]
    if _tokenizer.FREQ.get(buf):
        return [(ch, tag_of(ch)) for ch in buf]
    out: list[tuple[str, str]] = []
    for block in _HAN_DETAIL.split(buf):
        if _HAN_DETAIL.match(block):
            out += _hmm_words(block)
            continue
        for piece in _SKIP_DETAIL.split(block):
            if piece:
                out.append((piece, "m" if _NUM.match(piece) else "eng" if _ENG.match(piece) else "x"))
    return out


def forget() -> None:
    """Drop the words remembered for runs of unknown characters (a new text begins)."""
    _hmm_words.cache_clear()


@lru_cache(maxsize=4096)
def _hmm_words(text: str) -> tuple[tuple[str, str], ...]:
    viterbi, *tables = _hmm_tables()
    _, states = viterbi(text, *tables)
    out: list[tuple[str, str]] = []
    begin = following = 0
    for i, ch in enumerate(text):
        position, flag = states[i]
        if position == "B":
            begin = i
        elif position == "E":
            out.append((text[begin:i + 1], flag))
            following = i + 1
        elif position == "S":
            out.append((ch, flag))
            following = i + 1
    if following < len(text):
        out.append((text[following:], states[following][1]))
    return tuple(out)


def _hmm_tables() -> tuple:
    """posseg's viterbi and its tables, loaded from their files: importing jieba.posseg would load
    every word's tag again."""
    global _hmm
    if _hmm is None:
        import jieba

        folder = os.path.join(os.path.dirname(jieba.__file__), "posseg")
        modules = {}
        try:
            for name in ("viterbi", "char_state_tab", "prob_start", "prob_trans", "prob_emit"):
                spec = importlib.util.spec_from_file_location(f"drafter._jieba_posseg_{name}",
                                                              os.path.join(folder, f"{name}.py"))
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                modules[name] = module
            _hmm = (modules["viterbi"].viterbi, modules["char_state_tab"].P, modules["prob_start"].P,
                    modules["prob_trans"].P, modules["prob_emit"].P)
        except (OSError, ImportError, AttributeError):  # another jieba layout: the slow import still works
            from jieba import posseg

            _hmm = (posseg.viterbi, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    return _hmm


# -- the cache ---------------------------------------------------------------------------------

def _dictionary_path(tok) -> str:
    import jieba

    return os.path.abspath(tok.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME))


def _cache_path(tok) -> str:
    path = _dictionary_path(tok)
    stat = os.stat(path)
    key = hashlib.md5(f"{_CACHE_FORMAT}|{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    return os.path.join(tok.tmp_dir or cache_dir(), f"drafter-jieba.{key}.cache")


def _read_cache(cache: str) -> tuple[int, dict[str, bytes]] | None:
    """The cache if it is this user's and whole (codecache.read_marshal); None otherwise."""
    found = read_marshal(cache)
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], int) and isinstance(found[1], dict):
        return found
    return None


def _load_dictionary(tok) -> tuple[int, dict[str, bytes]]:
    """(jieba's frequency total, the buckets by first character), from the cache or built."""
    cache = _cache_path(tok)
    found = _read_cache(cache)
    if found is not None:
        return found
    total, buckets = _build(tok)
    write_marshal(cache, (total, buckets))  # a damaged or foreign file is replaced
    return total, buckets


def _build(tok) -> tuple[int, dict[str, bytes]]:
    """jieba's own dictionary load, once, and posseg's reading of the tags, split by first character."""
    # jieba's own cache too goes to this user's folder, not the shared temp folder.
    tok.tmp_dir = tok.tmp_dir or cache_dir()
    try:
        os.makedirs(tok.tmp_dir, mode=0o700, exist_ok=True)
    except OSError:
        pass  # jieba then builds without saving its cache
    tok.initialize()
    by_first: dict[str, tuple[dict, dict]] = {}
    for word, freq in tok.FREQ.items():
        by_first.setdefault(word[0], ({}, {}))[0][word] = freq
    with tok.get_dict_file() as f:
        for line in f:
            fields = line.strip().decode("utf-8").split(" ")
            if len(fields) == 3:  # word, frequency, tag (what posseg reads)
                by_first.setdefault(fields[0][0], ({}, {}))[1][fields[0]] = fields[2]
    return tok.total, {first: marshal.dumps(pair) for first, pair in by_first.items()}
