"""Labels of figures: what a number counts, from the words around it in its clause."""

from __future__ import annotations

import os
from functools import lru_cache

from drafter.parse.figure_words import (
    ASPECT_PARTICLES,
    CLOSING_NOUNS,
    DANGLING_IS_RE,
    DANGLING_TO_RE,
    ENUM_ENDS,
    GONG_WORDS,
    HAN_RE,
    JOINERS,
    LEAD_FILLERS,
    LEAD_PREFIXES,
    LOCATIVES,
    MODIFIERS,
    NOMINAL_VERBS,
    NUMBER_WORD_RE,
    POST_STOPS,
    PREPOSITIONS,
    QUOTED_RE,
    RATE_TO_RE,
    SPLIT_WORDS,
    TAIL_LIMIT,
    TIMES_RE,
    TOPIC_LIMIT,
    TRAIL_FILLERS,
    WORD_END_RE,
    WORD_START_RE,
)
from drafter.text.words import ADVERBS, tag_of, tagged
from drafter.text.words import forget as forget_words


def tokens_of(text: str) -> list[tuple[str, str]]:
    """jieba words with POS flags; a 《title》 or “quote” is one noun. A fresh list: callers trim it."""
    return list(_tokens(text))


def forget_tokens() -> None:
    """Start a report afresh: what was tagged is remembered within one report only."""
    _tokens.cache_clear()
    forget_words()


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[tuple[str, str], ...]:
    # Labels tag the same clauses and labels many times over; tagging is the parse's main cost.
    out, pos = [], 0
    for m in QUOTED_RE.finditer(text):
        out += _words(text[pos:m.start()]) + [(m.group(0), "nz")]
        pos = m.end()
    return tuple(out + _words(text[pos:]))


def _words(text: str) -> list[tuple[str, str]]:
    out = []
    for word, flag in tagged(text):
        if not word.strip():
            continue
        # jieba glues 共 ("in total") to what follows (共培养, 共制): split it off.
        if word.startswith("共") and len(word) >= 2 and word not in GONG_WORDS and word not in SPLIT_WORDS:
            out += [("共", "d")] + tagged(word[1:])
            continue
        # 全面推行, 积极开展: one dictionary word, but the verb is what the label needs.
        if len(word) > 2 and word[:2] in ADVERBS and tag_of(word[2:]).startswith("v"):
            out += [(word[:2], "d"), (word[2:], tag_of(word[2:]))]
            continue
        out.append((word, flag))
    return out


def _is_verb(flag: str) -> bool:
    return flag.startswith("v") and flag != "vn"


def _is_predicate(word: str, flag: str) -> bool:
    """A verb that acts as a verb, not as part of a noun (执法部门, 调解工作室)."""
    return _is_verb(flag) and word not in NOMINAL_VERBS


def nounish(word: str, flag: str) -> bool:
    return flag.startswith(("n", "j", "l")) or flag in ("vn", "an", "zg") or word in NOMINAL_VERBS


def head_verbs(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The verbs a clause opens with (集中培育, 组织): kept when its middle is dropped."""
    head = []
    for word, flag in tokens:
        if not flag.startswith("v") or (head and word in NOMINAL_VERBS):
            break
        head.append((word, flag))
    # 组织涉危化品…: 涉 belongs to what follows; 作出撤销、变更…: 撤销 opens the list.
    while head and ((len(head[-1][0]) < 2 and any(len(w) > 1 for w, _ in head[:-1]))
                    or tokens[len(head):len(head) + 1] and tokens[len(head)][0] in JOINERS):
        head.pop()
    return head


def clean_pre(pre: str, has_noun_after: bool) -> tuple[str, str, bool]:
    """The words before a number, filler removed: (label part, subject before 共/累计, enumerated?).

    A closing 的 stays (行使行政职权的 + 市直部门); the caller drops it when no noun follows."""
    pre = TIMES_RE.sub("", pre).strip()
    if not pre or pre.endswith(ENUM_ENDS):
        return "", "", bool(pre)
    tokens = tokens_of(pre)
    subject: list[tuple[str, str]] = []
    # The subject before 共/累计/其中 is not what is counted (32家区级部门共确认行政权力事项).
    splits = [i for i, (w, _) in enumerate(tokens) if w in SPLIT_WORDS]
    if splits:
        subject, tokens = tokens[:splits[-1]], tokens[splits[-1] + 1:]
    tokens = _strip_fillers(tokens, keep_de=True)
    # 对相关涉诉企业免予保全 -> 免予保全; 实现了在9个乡镇 -> the object comes after the number.
    preps = [i for i, (w, f) in enumerate(tokens) if w in PREPOSITIONS and f.startswith("p")]
    if preps:
        at, before, rest = tokens[preps[-1]][0], tokens[:preps[-1]], tokens[preps[-1] + 1:]
        verbs = [i for i, (w, f) in enumerate(rest) if _is_predicate(w, f) and w not in MODIFIERS]
        tokens = _strip_fillers(rest[verbs[0]:] if verbs else rest, keep_de=True)
        # 纠错率保持在10%以上: a verb's 在 with nothing after it; what is measured stands before the verb.
        if not rest and at == "在" and before and _is_predicate(*before[-1]):
            while before and _is_predicate(*before[-1]):
                before.pop()
            tokens = _strip_fillers(before, keep_de=False)
    # 组织涉危化品、冶金…等科目演练 -> 组织科目演练: the list before 等 is detail.
    words = [w for w, _ in tokens]
    if "等" in words and (words[-1] != "等" or has_noun_after):
        last = len(words) - 1 - words[::-1].index("等")
        tokens = head_verbs(tokens[:last]) + tokens[last + 1:]
    label = "".join(w for w, _ in tokens)
    for prefix in LEAD_PREFIXES:
        if label.startswith(prefix) and len(label) > len(prefix):
            label = label[len(prefix):].lstrip("和及与、")
    label = RATE_TO_RE.sub("", label)
    label = DANGLING_TO_RE.sub(r"\1", label)
    label = DANGLING_IS_RE.sub("", label)
    return label, "".join(w for w, _ in _strip_fillers(subject, False)), False


def _strip_fillers(tokens: list[tuple[str, str]], keep_de: bool) -> list[tuple[str, str]]:
    tokens = list(tokens)
    while tokens and (tokens[0][0] in LEAD_FILLERS or tokens[0][0] == "的" or not WORD_START_RE.search(tokens[0][0])):
        tokens.pop(0)
    while tokens and (tokens[-1][0] in TRAIL_FILLERS and not (keep_de and tokens[-1][0] == "的")
                      or not WORD_END_RE.search(tokens[-1][0])):
        tokens.pop()
    return tokens


def post_noun(post: str) -> tuple[str, str]:
    """The noun phrase right after a number and what follows it (5件案件被评为… -> 案件, 被评为…)."""
    post = post.lstrip()
    out = ""
    if post.startswith("“"):
        close = post.find("”")
        if close < 0:
            return "", post
        out, post = post[:close + 1], post[close + 1:]
    tokens = tokens_of(post)
    taken, has_noun = 0, bool(out)
    for i, (word, flag) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
        if word in "()（）" or word in JOINERS and has_noun and nounish(*nxt):
            pass
        elif word in POST_STOPS or not HAN_RE.search(word) or (has_noun and word[0] == "“"):
            break
        elif nounish(word, flag):
            has_noun = True
        elif _is_verb(flag) and not has_noun:
            pass  # 新增行政执法人员, 试点单位: a verb before the head noun modifies it
        elif flag in ("a", "b", "s", "q") or (flag == "m" and not NUMBER_WORD_RE.search(word)):
            pass
        else:
            break
        taken = i + 1
    # The phrase ends on its head noun: 913人参加 has none.
    while taken and not (nounish(*tokens[taken - 1]) or tokens[taken - 1][0] in ")）"):
        taken -= 1
    noun = out + "".join(w for w, _ in tokens[:taken])
    if not noun.strip("“”"):
        return "", post
    rest = "".join(w for w, _ in tokens[taken:])
    return noun, rest


def post_verb(post: str) -> str:
    """The verb phrase right after a number up to the clause's end (913人参加 -> 参加)."""
    tokens = tokens_of(post)
    if not tokens or not (_is_verb(tokens[0][1]) or tokens[0][1] == "p"):
        return ""
    return "".join(w for w, _ in tokens)


def object_of(label: str) -> str:
    """What a label counts, for a bare verb after it: 新收行政复议案件 -> 行政复议案件."""
    tokens = tokens_of(label)
    # 行政复议申请: a verb closing a noun phrase may be its head noun.
    if len(tokens) > 1 and tokens[-1][0] in CLOSING_NOUNS and nounish(*tokens[-2]):
        tokens[-1] = (tokens[-1][0], "vn")
    verbs = [i for i, (_, flag) in enumerate(tokens) if _is_verb(flag)]
    tail = tokens[verbs[-1] + 1:] if verbs else tokens
    # 各类一审行政诉讼案件: modifiers, then nouns up to the end.
    # 确认违法: a verbal noun alone is no object for the next figure (驳回9件 is not 违法驳回).
    if (not tail or not nounish(*tail[-1]) or label.endswith("率") or all(f == "vn" for _, f in tail)
            or not all(nounish(w, f) or f[:1] in "rmbaq" or w in "()（）、" for w, f in tail)):
        return ""
    return "".join(w for w, _ in tail)


def bare_verb(label: str) -> bool:
    """受理, 直接纠错, 调处成功: a verb with no object (作出纠错决定 has one: 决定 is a noun here)."""
    tokens = tokens_of(label)
    if len(tokens) > 1 and tokens[-1][0] in NOMINAL_VERBS:
        return False
    return bool(tokens) and any(_is_verb(f) for _, f in tokens) and all(
        _is_verb(f) or f in ("d", "ad", "a", "vd") for _, f in tokens)


def shorten(label: str, limit: int = 12) -> str:
    """发布的现行有效的市政府规范性文件 -> 市政府规范性文件; 举办A考试、B考试、C考试 -> 举办考试."""
    if len(label) > limit and "的" in label[:-3]:
        label = label[label.rindex("的", 0, len(label) - 2) + 1:]
    if len(label) > 2 * limit and "、" in label:
        items = label.split("、")
        suffix = os.path.commonprefix([item[::-1] for item in items])[::-1]
        if len(suffix) >= 2:
            label = "".join(w for w, _ in head_verbs(tokens_of(items[0]))) + suffix
    return label


def clause_tail(text: str) -> str:
    """The verb phrase closing a clause after what it counts (…市直部门进行现场述法 -> 进行现场述法)."""
    tokens = tokens_of(TIMES_RE.sub("", text))
    while tokens and (tokens[0][0] in SPLIT_WORDS or tokens[0][0] in LEAD_FILLERS):
        tokens.pop(0)
    if tokens and tokens[0][1].startswith("p"):  # 在年终开展述法: the place or time before the verb goes
        verbs = [i for i, (w, f) in enumerate(tokens) if _is_predicate(w, f)]
        tokens = tokens[verbs[0]:] if verbs else []
    # 进行了信用修复 -> 进行信用修复: an aspect particle says nothing in a label.
    tokens = [(w, f) for w, f in _strip_fillers(tokens, keep_de=False) if f not in ASPECT_PARTICLES]
    while tokens and tokens[0][0] in ADVERBS:  # 普遍建立 -> 建立: the manner adds nothing to what is counted
        tokens.pop(0)
    tail = "".join(w for w, _ in tokens)
    # 全覆盖, 普遍建立: an adverb may open the verb phrase.
    opens = tokens[1:2] if tokens and tokens[0][1] in ("a", "d", "ad") else tokens[:1]
    if (not opens or not _is_predicate(*opens[0]) or len(tail) > TAIL_LIMIT
            or not all(HAN_RE.search(w) for w, _ in tokens)):
        return ""
    return tail


def topic_of(clause: str) -> str:
    """The object a clause ends on, its last words kept (首创党政主要负责人述法个性化清单 -> 述法个性化清单)."""
    tokens = tokens_of(TIMES_RE.sub("", clause))
    start = len(tokens)
    while start and not (tokens[start - 1][1].startswith("p") or not HAN_RE.search(tokens[start - 1][0])
                         or (_is_predicate(*tokens[start - 1]) and len(tokens[start - 1][0]) > 1)):
        start -= 1
    kept = ""
    for word, _ in reversed(tokens[start:]):
        if len(kept) + len(word) > TOPIC_LIMIT:
            break
        kept = word + kept
    return kept


def listed_nouns(text: str) -> tuple[str, str]:
    """A noun listed on after a counted one, and the rest (、街道办事处普遍建立… -> 、街道办事处, 普遍建立…)."""
    tokens = tokens_of(text)
    if not tokens or tokens[0][0] not in JOINERS:
        return "", text
    n = 1
    while n < len(tokens) and nounish(*tokens[n]):
        n += 1
    if n == 1 or n == len(tokens):
        return "", text
    return "".join(w for w, _ in tokens[:n]), "".join(w for w, _ in tokens[n:])


def last_noun(phrase: str) -> str:
    """The last noun of a noun phrase of several (党政机关和群团组织法律顾问 -> 法律顾问); "" for one."""
    tokens = tokens_of(phrase)
    if len(tokens) < 2 or not nounish(*tokens[-1]) or len(tokens[-1][0]) < 2:
        return ""
    return tokens[-1][0]


def locative(text: str) -> str:
    """What a place is counted within, when the clause goes on with it (12345热线第三方评估中位列… ->
    12345热线第三方评估); "" otherwise."""
    tokens = tokens_of(text)
    for n, (word, flag) in enumerate(tokens):
        if word in LOCATIVES and flag == "f":
            before = tokens[:n]
            if len(before) >= 2 and all(nounish(w, f) or f == "m" for w, f in before):
                return "".join(w for w, _ in before)
            return ""
        if not (nounish(word, flag) or flag == "m"):
            return ""
    return ""
