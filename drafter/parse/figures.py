"""Figure extraction: every quantitative statement of a parsed report, with what it counts.
numbers.py finds the figures of a sentence, labels.py reads the words around them; here they are
scanned in order and put together.

Scan order (which fixes the ids F001, F002 …): the preamble, then the parts in the schema's order
(measures, shortcomings, duties, plan, other) whatever their order in the source, so that a
figure's id says where it sits the same way for every report. Inside a part: its paragraphs, then
its items depth first (an item's heading, its paragraphs, its sub-items). Part headings are not
scanned (they are standard phrases the renderer rewrites), nor is the closing.

A figure is a number with a measure word: 71件, 4420余人次, 近32770件, 1.12亿元, 28%, 两名, 三百余件.
- value: the number as written (int when integral); a 千/万/亿 multiplier stays in the unit as
  written: 1.12亿元 -> 1.12 亿元, 4900余万次 -> 4900 万次, 一万余人次 -> 1 万人次, 8千余件 -> 8 千件.
- approx: 近/约/超过/逾/不少于… before the number, 余/多 after it, 以上/左右 after the unit.
- text: approximation word, number and unit exactly as in the sentence, so `new` can put a
  placeholder there.
- label: what is counted, from the clause around the number (年度审核规范性文件71件 -> 审核规范性文件;
  5件案件 -> 案件). In an enumeration a bare verb takes the object of the figure before it
  (新收行政复议案件148件，受理112件 -> 行政复议案件受理). One number shared by several rates
  (报备率、及时率、合法合规率均达100%) is one figure labelled with all of them. A counted place or
  aspect says what it is of: the verb phrase closing its clause (选取两个市直部门进行现场述法), the
  noun counted next (3个方面93个问题 -> 督察反馈问题涉及方面), or, after 涵盖/覆盖, the earlier clause's object.
Not figures: years and dates (no 年/月/日 unit), ordinals (第一批, 第45次, 十三届六次全会), numbers in
《titles》 or quotes (“1211”机制, “15分钟”政务服务圈), codes and versions (4.0版, 5G, 7*24, 3-11岁),
a lone 一 (一站式, 一窗受理, 一次告知, 一张营业执照), a lone 百/千/万 without 余/多 (千家万户), vague
数十/几百, place names (五台山), phase numbers (二期工程), fixed political phrases (三项制度, 四个全面)
and times naming a thing (24小时接听, 15分钟政务服务圈).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from drafter.model.report import Figure, Item, Report
from drafter.parse.figure_words import (
    BARE_ASPECT_RE,
    BARE_PLACE_RE,
    CLAUSE_STOPS,
    COMPARED_RE,
    COVER_VERBS,
    GROWTH_RE,
    INTO_VERBS,
    JOINERS,
    PEOPLE_UNITS,
    RATE_UNITS,
    SENTENCE_END_RE,
)
from drafter.parse.labels import (
    bare_verb,
    clause_tail,
    clean_pre,
    forget_tokens,
    head_verbs,
    last_noun,
    listed_nouns,
    locative,
    object_of,
    post_noun,
    post_verb,
    shorten,
    tokens_of,
    topic_of,
)
from drafter.parse.numbers import find_numbers


def extract_figures(report: Report) -> list[Figure]:
    """All figures of a parsed report, in scan order, with ids F001…"""
    forget_tokens()  # the tokens are remembered within one report, not from a report parsed before
    figures: list[Figure] = []
    for section, item, text in _texts(report):
        for sentence in _sentences(text):
            figures.extend(_sentence_figures(sentence, section, item))
    for n, figure in enumerate(figures, 1):
        figure.id = f"F{n:03d}"
    return figures


def figures_in(text: str) -> list[Figure]:
    """The figures one paragraph states, labelled as a report's are (no ids, no place)."""
    return [figure for sentence in _sentences(text) for figure in _sentence_figures(sentence, "", None)]


def _texts(report: Report) -> Iterator[tuple[str, str | None, str]]:
    """(section, item path, text) for every scanned heading and paragraph, in scan order."""
    for para in report.preamble:
        yield "preamble", None, para
    for key, part in report.sections.items():
        for para in part.paragraphs:
            yield key, None, para
        yield from _item_texts(part.items, key, "")


def _item_texts(items: list[Item], section: str, prefix: str) -> Iterator[tuple[str, str | None, str]]:
    for n, item in enumerate(items, 1):
        path = f"{prefix}{n}"
        if item.heading:
            yield section, path, item.heading
        for para in item.paragraphs:
            yield section, path, para
        yield from _item_texts(item.items, section, path + ".")


def _sentences(text: str) -> list[str]:
    """Sentences split after 。！？； (and a closing quote that follows), stripped of spaces."""
    out, pos = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        out.append(text[pos:match.end()])
        pos = match.end()
    out.append(text[pos:])
    return [s.strip() for s in out if s.strip()]


def _sentence_figures(sentence: str, section: str, item: str | None) -> list[Figure]:
    numbers = find_numbers(sentence)
    out: list[Figure] = []
    objects: dict[str | None, str] = {}  # unit -> what the last verb-object label counted
    groups: list[str] = []  # the label part before each number, shared by the numbers of one clause
    nouns: list[str] = []  # the noun phrase after each number
    noun_ends: list[int] = []  # where that noun phrase ends in the sentence
    stops = [j for j, ch in enumerate(sentence) if ch in CLAUSE_STOPS]
    post_stops = [j for j, ch in enumerate(sentence) if ch in CLAUSE_STOPS or ch == "、"]
    for i, num in enumerate(numbers):
        start, end = num.start, num.end
        base = (num.unit or "").lstrip("万亿")  # 万人次 counts 人次
        k = bisect.bisect_left(stops, start)
        clause_start = stops[k - 1] + 1 if k else 0
        prev_end = numbers[i - 1].end if i else -1
        same_clause = i > 0 and prev_end >= clause_start
        # 6大类62支2102人的应急救援力量: numbers in a row share the noun after the last.
        last = i
        while last + 1 < len(numbers) and not sentence[numbers[last].end:numbers[last + 1].start].strip():
            last += 1
        post_start = numbers[last].end
        k = bisect.bisect_left(post_stops, post_start)
        post_end = post_stops[k] if k < len(post_stops) else len(sentence)
        if last + 1 < len(numbers) and numbers[last + 1].start < post_end:
            post_end = numbers[last + 1].start
        post = sentence[post_start:post_end].strip()
        region = sentence[max(clause_start, prev_end):start]
        pre, subject, enumerated = clean_pre(region, bool(post_noun(post.lstrip("的"))[0]))
        # 6个县(市)区、8个园区 / 20个执法单位380本案卷 / 3个方面93个问题: one verb for all.
        if same_clause and (enumerated or not region.strip() or region.strip() == nouns[-1]):
            pre = groups[-1]
        elif enumerated:
            pre = ""
        if post.startswith("的"):
            noun, rest = post_noun(post[1:])
            label = noun + (rest if len(noun) <= 2 else "") if noun else pre.rstrip("的")
            noun = ""
        else:
            noun, rest = post_noun(post)
            if not noun:
                noun, rest = _modified_noun(sentence, post_start, stops,
                                            numbers[last + 1].start if last + 1 < len(numbers) else None), ""
            if noun:
                label = pre + noun
                if len(label) > 24:  # 建立健全区委编办、区司法局…3家试点单位 -> 建立健全试点单位
                    label = "".join(w for w, _ in head_verbs(tokens_of(pre))) + noun
                if (not pre and len(noun) <= 2 and len(rest) <= 10 and not re.search(r"\d", rest)
                        and rest.strip() not in JOINERS):
                    label += rest  # 1125项事项实现一门办理
                elif not pre and (tail := clause_tail(rest)):
                    label = tail + "的" + noun  # 对86件政府议题落实法制审核
            else:
                label = pre.rstrip("的") or subject
        if not label:
            verb = post_verb(post)
            if verb:
                label = verb + ("人数" if base in PEOPLE_UNITS else "次数" if base == "次" else "")
        if not label and out:
            label = out[-1].label
            if base in PEOPLE_UNITS and out[-1].unit != num.unit:
                label += "人数"
        if label and out and GROWTH_RE.match(label) and out[-1].unit not in RATE_UNITS:
            label = out[-1].label + COMPARED_RE.sub("", label)  # 较(2022年)增长
        elif label and bare_verb(label):
            if objects.get(num.unit):
                label = objects[num.unit] + label  # 受理112件 after 新收行政复议案件148件
            elif base in PEOPLE_UNITS:
                label += "人数"
            elif out and num.unit in RATE_UNITS and out[-1].unit in RATE_UNITS:
                label = out[-1].label + label  # 败诉率由8.5%下降至3.2%
        label = shorten(label) or (num.unit or "数量")
        obj = object_of(label)
        if obj:
            objects[num.unit] = obj
        groups.append(pre)
        nouns.append(noun)
        found = sentence.find(noun, post_start) if noun else -1
        noun_ends.append(found + len(noun) if found >= 0 else end)
        out.append(Figure(id="", label=label, value=num.value, unit=num.unit, approx=num.approx,
                          sentence=_excerpt(sentence, start, end), section=section, item=item, text=num.text))
    _name_bare_labels(sentence, numbers, out, nouns, noun_ends, stops)
    return out


def _name_bare_labels(sentence: str, numbers: list, out: list[Figure], nouns: list[str], noun_ends: list[int],
                      stops: list[int]) -> None:
    """A label whose counted noun is only a place or an aspect gets what that place or aspect is of.

    部署10个方面、94项任务举措 -> 部署任务涉及方面; 选取两个县（市）区、两个市直部门进行现场述法 ->
    选取市直部门进行现场述法; 32家区级部门共确认行政权力事项 -> 确认行政权力事项的区级部门;
    首创…述法个性化清单，涵盖8个园区 -> 述法个性化清单涵盖园区."""
    for i, (figure, noun) in enumerate(zip(out, nouns)):
        if not noun or not figure.label.endswith(noun) and not figure.label.startswith(noun):
            continue
        k = bisect.bisect_left(stops, numbers[i].start)
        clause_end = stops[k] if k < len(stops) else len(sentence)
        if BARE_ASPECT_RE.match(noun):
            if i + 1 < len(out) and numbers[i + 1].start < clause_end and figure.label.endswith(noun):
                figure.label = out[i + 1].label + "涉及" + noun
            continue
        if not BARE_PLACE_RE.match(noun) or figure.label.endswith("的" + noun):
            continue
        if not figure.label.endswith(noun):
            # 24个村居建成40平米的应急物资储备库: the verb after the place, its object past the figure.
            later = [n for n in numbers[i + 1:] if n.start < clause_end]
            text = sentence[noun_ends[i]:clause_end]
            for n in reversed(later):
                cut = n.end - noun_ends[i] + (sentence[n.end:n.end + 1] == "的")
                text = text[:n.start - noun_ends[i]] + text[cut:]
            tail = clause_tail(text)
            if tail:
                figure.label = tail + "的" + noun
            continue
        # Past the places listed with it (6个县（市）区、8个园区) to the words that close the clause.
        j, pos = i, noun_ends[i]
        while j + 1 < len(numbers) and numbers[j + 1].start < clause_end \
                and sentence[pos:numbers[j + 1].start].strip() in JOINERS:
            j += 1
            pos = noun_ends[j]
        stop = numbers[j + 1].start if j + 1 < len(numbers) and numbers[j + 1].start < clause_end else clause_end
        # 172个乡镇政府、街道办事处普遍建立…: a place listed with no number of its own goes with the last one.
        listed, text = listed_nouns(sentence[pos:stop])
        tail = clause_tail(text)
        subject = last_noun(nouns[j]) if tail and bare_verb(tail) else ""
        if subject:
            # 9个乡镇、58个党政机关和群团组织法律顾问全覆盖: the list's last noun is what 全覆盖 is said of.
            tail = subject + tail
            if j != i:
                out[j].label = tail + "的" + out[j].label.removesuffix(subject)
        if tail:
            figure.label = figure.label + tail if figure.label != noun else tail + "的" + figure.label + (listed if j == i else "")
        elif figure.label == noun and (where := locative(text)):
            figure.label = where + "的" + noun  # 344个城市12345热线第三方评估中
        elif figure.label.startswith(COVER_VERBS) and k:
            figure.label = _topic(sentence, numbers, out, nouns, stops[k - 2] + 1 if k > 1 else 0, stops[k - 1]) \
                + figure.label
        elif figure.label.startswith(INTO_VERBS) and k:
            # 推行政务服务“一窗综合受理”，…，共纳入19个部门: what the places are taken into opens the sentence.
            verb = next(v for v in INTO_VERBS if figure.label.startswith(v))
            into = topic_of(sentence[:stops[0]])
            if into:
                figure.label = verb + into + "的" + figure.label[len(verb):]


def _modified_noun(sentence: str, start: int, stops: list[int], next_number: int | None) -> str:
    """The noun after a number's modifier (10名具有较高政治素质、专业法律知识的外聘法律专家 -> 外聘法律专家);
    "" when the clause has no such 的."""
    k = bisect.bisect_left(stops, start)
    end = min(stops[k] if k < len(stops) else len(sentence), next_number or len(sentence))
    clause = sentence[start:end]
    de = clause.find("的")
    return post_noun(clause[de + 1:])[0] if 0 < de <= MODIFIER_LIMIT else ""


def _topic(sentence: str, numbers: list, out: list[Figure], nouns: list[str], start: int, end: int) -> str:
    """What the clause sentence[start:end] made or counted (培育“法律明白人”2650名 -> “法律明白人”)."""
    inside = [m for m, n in enumerate(numbers) if start <= n.start < end]
    if inside:
        return nouns[inside[-1]] or object_of(out[inside[-1]].label)
    return topic_of(sentence[start:end])


# Real sentences stay under ~250 characters; a run-on one (no 。 for pages) would otherwise be
# copied whole into each of its figures and grow the YAML with the square of its length.
MAX_SENTENCE = 300
MODIFIER_LIMIT = 16  # characters of a modifier between a number and the 的 before its noun


def _excerpt(sentence: str, start: int, end: int) -> str:
    """The sentence, or for a run-on one the clauses around the figure, within MAX_SENTENCE."""
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    half = (MAX_SENTENCE - (end - start)) // 2
    lo, hi = max(0, start - half), min(len(sentence), end + half)
    # Begin after a clause stop and end on one, when the window holds them.
    first = next((j + 1 for j in range(lo, start) if sentence[j] in CLAUSE_STOPS), lo)
    last = next((j + 1 for j in range(hi - 1, end - 1, -1) if sentence[j] in CLAUSE_STOPS), hi)
    return sentence[first:last].strip()
