"""Figure extraction: every quantitative statement of a parsed report, with what it counts.

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
  (报备率、及时率、合法合规率均达100%) is one figure labelled with all of them.
Not figures: years and dates (no 年/月/日 unit), ordinals (第一批, 第45次, 十三届六次全会), numbers in
《titles》 or quotes (“1211”机制, “15分钟”政务服务圈), codes and versions (4.0版, 5G, 7*24, 3-11岁),
a lone 一 (一站式, 一窗受理, 一次告知, 一张营业执照), a lone 百/千/万 without 余/多 (千家万户), vague
数十/几百, place names (五台山), phase numbers (二期工程), fixed political phrases (三项制度, 四个全面)
and times naming a thing (24小时接听, 15分钟政务服务圈).
"""

from __future__ import annotations

import bisect
import os
import re

from drafter.draft.placeholders import APPROX_AFTER_NUMBER, APPROX_AFTER_UNIT, APPROX_BEFORE
from drafter.parse.nodes import PARTS
from drafter.text.words import tagged

# Measure words, longest first so 个百分点 wins over 个 and 人次 over 人.
UNITS = sorted(
    """个百分点 百分点 个工作日 个月 个 件次 件 项 人次 人 场次 次 场 期 条 家 名 份 户次 户 张 篇 部 批次 批 所 元 倍 天
    小时 分钟 起 处 支 本 册 台 辆 套 座 车次 大类 类 宗 笔 轮 种 位 学时 课时 亩 公顷 平方米 平米 公里 千米 吨 例 成""".split(),
    key=len,
    reverse=True,
)
PERCENT_SIGNS = ("%", "％")

_DIGITS = "0-9０-９"
_ARABIC = rf"[{_DIGITS}]+(?:,[{_DIGITS}]{{3}})*(?:[.．][{_DIGITS}]+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN = rf"[{_CN_DIGITS}]+"
_FIGURE_RE = re.compile(
    rf"(?:(?P<before>{'|'.join(APPROX_BEFORE)})[ \u3000]?)?"
    rf"(?:(?P<pct>百分之)(?P<pnum>{_ARABIC}|{_CN})"
    rf"|(?P<num>{_ARABIC}|{_CN})[ \u3000]?(?P<a1>{'|'.join(APPROX_AFTER_NUMBER)})?"
    rf"(?P<mult>[万亿]|千(?![米瓦克]))?(?P<a2>{'|'.join(APPROX_AFTER_NUMBER)})?"
    rf"(?P<unit>{'|'.join(map(re.escape, UNITS + list(PERCENT_SIGNS)))})?)"
    rf"(?P<after>{'|'.join(APPROX_AFTER_UNIT)})?"
)

# A unit character that is really the start of a word (3部门, 2条例, 5期间, 2人民…): not a figure.
_UNIT_WORDS = ("部门", "部署", "部分", "条例", "条件", "期间", "期限", "人民", "人员", "家庭", "家长", "名单", "名称",
               "次日", "份额", "批准", "批复", "所有", "所属", "处理", "处罚", "起诉", "起草", "户籍", "户口", "本级",
               "支持", "支部", "支队", "台账", "座谈", "套餐", "类型", "类别", "种类", "位于", "元旦", "天然", "场所",
               "场地", "项目", "元素", "倍增", "家属", "名义", "人口", "条款", "场景", "本人", "本地", "本部", "台阶",
               "种植", "位置", "支出", "起点", "笔录", "宗教", "部委", "处置", "处室", "期工", "期项")
# Fixed phrases whose numbers are names, not counts.
_IDIOMS = ("三项制度", "四个全面", "四个意识", "四个自信", "两个维护", "两个确立", "三个代表", "四个亲自", "三位一体",
           "四位一体", "五位一体", "三番五次", "千家万户", "两个责任", "三个务必", "两个务必", "两个毫不动摇", "两条线",
           "八项规定", "六项禁令", "两个一百年", "两个结合", "十个明确", "十四个坚持", "四个不两直", "一庭两所", "两所一庭",
           "三所联动", "三所一庭", "五个一工程")
_QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉"}
_PLACE_ENDS = set("山河渠湖岛江峡")
_ALL_DIGITS = "0123456789０１２３４５６７８９"
_NOT_BEFORE = set(f"{_ALL_DIGITS}.．-—–~～/*×+_#·•第届") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NOT_AFTER = set(f"{_ALL_DIGITS}-—–~～/*×_#·•") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SENTENCE_END = re.compile(r"[。！？；!?;][”’」』]*")
_CLAUSE_STOPS = set("，,；;：:。！？!?")
_ENUM_ENDS = ("、", "和", "及", "与", "或", "以及")
_PREPOSITIONS = {"在", "对", "向", "从", "给", "把", "将", "于", "由", "作为", "为"}
_MODIFIERS = {"相关", "有关", "涉诉", "涉企", "涉案"}
_LEAD_PREFIXES = ("市本级", "区本级", "县本级", "全市", "全区", "全县", "全年")
_JOINERS = ("和", "及", "与", "或", "以及", "、")
_POST_STOPS = {"共", "共计", "累计", "总计", "合计", "其中", "共有", "一共", "已", "均", "全部", "都", "分别", "的", "等",
               "了", "被", "将", "在", "对", "为", "向", "从", "由", "给", "把", "中", "内", "上"}
# Verbs that are part of nouns in this genre (执法部门, 调解工作室, 行政复议决定).
_NOMINAL_VERBS = {"执法", "监督", "审批", "管理", "服务", "调解", "执行", "审计", "检察", "监管", "监测", "应急", "救援",
                  "公证", "仲裁", "诉讼", "复议", "审查", "备案", "培训", "考试", "评估", "投诉", "举报", "咨询",
                  "维权", "登记", "许可", "处罚", "检查", "巡查", "整治", "防控", "防治", "抢险", "治理", "普法", "宣传",
                  "决策", "决定", "评查", "要求", "授权", "委托", "试点", "建设", "改革", "指导", "援助", "应诉", "储备",
                  "协调", "联络", "调查", "立法", "备案审查", "组织", "审核"}

# Words that carry no meaning for the label where they lead or close the clause.
_LEAD_FILLERS = {"全市", "全区", "全县", "全省", "全州", "全镇", "全国", "全年", "年内", "年度", "本年度", "今年", "当年",
                 "已", "已经", "达", "达到", "有", "先后", "共", "共计", "累计", "总计", "合计", "其中", "目前",
                 "同时", "此外", "另外", "还", "并", "又", "均", "分别", "推动", "进一步",
                 "全力", "持续", "一共", "共有", "现有", "截至", "截止", "当前", "全部", "了", "再", "更",
                 "市本级", "区本级", "县本级", "本级", "已有", "以内", "以下", "以上", "全面", "将", "把"}
_TRAIL_FILLERS = {"达", "达到", "为", "均为", "均达", "均达到", "是", "有", "共", "共计", "累计", "总计", "合计", "已",
                  "了", "计", "分别", "分别为", "分别达", "均", "等等", "的", "约", "达至", "高达", "仅", "只有",
                  "共有", "其中", "全部", "由", "从"}
_GONG_WORDS = {"共享", "共建", "共同", "共治", "共商", "共识", "共产党", "共青团", "共性", "共用", "共赢", "共担", "共筑",
               "共育", "共创", "共生", "共济", "共进", "共谋", "共管", "共和国", "共同体", "共享性"}
_SPLIT_WORDS = {"共", "共计", "累计", "总计", "合计", "其中", "共有", "一共"}
# 同比增长23.7%, 较上年下降5%: a change of the figure before it (years are already cut from labels).
_GROWTH_RE = re.compile(r"^(?:同比|环比|[比较](?:上年|去年|上一年)?(?=[增减上下提降缩]))")
_PEOPLE_UNITS = ("人", "名", "人次")
_RATE_UNITS = ("%", "个百分点", "百分点")


def extract_figures(model: dict) -> list[dict]:
    """All figures of a version-1 model, in scan order, with ids F001…"""
    figures: list[dict] = []
    for section, item, text in _texts(model):
        for sentence in _sentences(text):
            figures.extend(_sentence_figures(sentence, section, item))
    for n, figure in enumerate(figures, 1):
        figure["id"] = f"F{n:03d}"
    return [{"id": f["id"], **{k: v for k, v in f.items() if k != "id"}} for f in figures]


def _texts(model: dict):
    """(section, item path, text) for every scanned heading and paragraph, in scan order."""
    for para in model.get("preamble") or []:
        yield "preamble", None, para
    sections = model.get("sections") or {}
    for key in PARTS:
        part = sections.get(key) or {}
        for para in part.get("paragraphs") or []:
            yield key, None, para
        yield from _item_texts(part.get("items") or [], key, "")


def _item_texts(items: list, section: str, prefix: str):
    for n, item in enumerate(items, 1):
        path = f"{prefix}{n}"
        if item.get("heading"):
            yield section, path, item["heading"]
        for para in item.get("paragraphs") or []:
            yield section, path, para
        yield from _item_texts(item.get("items") or [], section, path + ".")


def _sentences(text: str) -> list[str]:
    """Sentences split after 。！？； (and a closing quote that follows), stripped of spaces."""
    out, pos = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append(text[pos:match.end()])
        pos = match.end()
    out.append(text[pos:])
    return [s.strip() for s in out if s.strip()]


# -- numbers -------------------------------------------------------------------------------

_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}


def chinese_number(text: str) -> int | None:
    """二十四 -> 24, 三百 -> 300, 一万零五 -> 10005, 两千 -> 2000; None when it is not a numeral (一两)."""
    total, section, digit = 0, 0, None
    last_small = last_big = 10**9
    for ch in text:
        if ch in _CN_VALUES:
            if digit is not None and digit != 0:
                return None  # two digits in a row (一两, 三五)
            digit = _CN_VALUES[ch]
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= last_small:
                return None
            if digit is None:
                if ch != "十" or section:
                    return None
                digit = 1  # 十五 = 15
            section += (digit or 0) * unit
            digit, last_small = None, unit
        elif ch in _CN_BIG:
            unit = _CN_BIG[ch]
            if unit >= last_big:
                return None
            section += digit or 0
            if not section:
                return None
            total += section * unit
            section, digit, last_small, last_big = 0, None, 10**9, unit
        else:
            return None
    return total + section + (digit or 0)


def _arabic(text: str) -> int | float:
    text = text.translate(str.maketrans("０１２３４５６７８９．", "0123456789.")).replace(",", "")
    value = float(text)
    return int(value) if value.is_integer() else value


def _masked(text: str) -> list[bool]:
    """True for characters inside 《》 or quotes, and in fixed phrases (三项制度)."""
    mask = [False] * len(text)
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if stack and ch == _QUOTES[stack[-1][0]]:
            start = stack.pop()[1]
            mask[start:i + 1] = [True] * (i + 1 - start)
        elif ch in _QUOTES:
            stack.append((ch, i))
    if text.count('"') % 2 == 0:  # straight quotes, when they pair up
        starts = [i for i, ch in enumerate(text) if ch == '"']
        for start, stop in zip(starts[::2], starts[1::2]):
            mask[start:stop + 1] = [True] * (stop + 1 - start)
    for idiom in _IDIOMS:
        for m in re.finditer(idiom, text):
            mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def _find_numbers(sentence: str) -> list[dict]:
    """The figures of one sentence: value, unit, approx, text and position; no labels yet."""
    mask = _masked(sentence)
    found = []
    for m in _FIGURE_RE.finditer(sentence):
        figure = _read_match(m, sentence, mask)
        if figure:
            found.append(figure)
    return found


def _read_match(m: re.Match, sentence: str, mask: list[bool]) -> dict | None:
    if any(mask[m.start():m.end()]):
        return None
    before_text = sentence[:m.start()].rstrip()
    before_char = before_text[-1:] or "^"  # never empty: "" is in every string
    after_char = sentence[m.end():m.end() + 1]
    if before_char in _NOT_BEFORE or (after_char in _NOT_AFTER and not m.group("unit")):
        return None
    if m.group("before") == "近" and before_char in "最附临接":  # 最近 is "recently"
        return None
    if m.group("pct"):
        raw = m.group("pnum")
        value = chinese_number(raw) if raw[0] in _CN_DIGITS else _arabic(raw)
        if value is None:
            return None
        return {"value": value, "unit": "%", "approx": m.group("before") or m.group("after"), "text": m.group(0),
                "start": m.start(), "end": m.end()}
    raw, mult, unit = m.group("num"), m.group("mult") or "", m.group("unit") or ""
    approx = m.group("before") or m.group("a1") or m.group("a2") or m.group("after")
    if raw[0] in _CN_DIGITS:
        if raw[-1] in "万亿" and not mult:
            raw, mult = raw[:-1], raw[-1]
        if before_char in "数几若":  # 数十家, 几百人: not a count that was written down
            return None
        if not raw:  # 万余人
            if not (approx and mult):
                return None
            raw = "一"
        elif raw in ("百", "千") and (m.group("a1") or m.group("before")):  # 百余人, 近千人次, 逾百家
            raw = "一" + raw
        # A lone 一 is "a/one" (一站式, 一窗受理); a lone 百/千 is idiom (千家万户, 百姓).
        if (raw == "一" and not mult) or raw[0] in "零〇万亿百千":
            return None
        # 五台山, 七台河, 五家渠: a place name, not a count.
        if unit and after_char in _PLACE_ENDS:
            return None
        value = chinese_number(raw)
        if value is None:
            return None
    else:
        value = _arabic(raw)
    if unit in PERCENT_SIGNS:
        unit = "%"
    if not unit and not mult:
        return None
    if unit and not m.group("after") and unit + after_char in _UNIT_WORDS:
        return None  # 3部门, 2条例: the unit is the start of a word
    # 24小时接听 / 24小时交办: round-the-clock service, not a duration.
    if value == 24 and unit == "小时" and not approx and after_char and after_char not in "内以之，,。；;、":
        return None
    if unit == "起" and isinstance(value, int) and 1949 <= value <= 2100:  # 2019起: a year
        return None
    # 15分钟政务服务圈, 2小时车程: a time that names a thing, not a measured duration.
    if unit in ("小时", "分钟") and not approx and re.match(r"[\u4e00-\u9fff]", after_char):
        following = _tokens(sentence[m.end():m.end() + 8])
        if following and _nounish(*following[0]) and following[0][0] not in ("以内", "以上", "左右"):
            return None
    return {"value": value, "unit": mult + unit or None, "approx": approx, "text": m.group(0),
            "start": m.start(), "end": m.end()}


# -- labels --------------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"《[^《》]*》|“[^“”]*”")


def _tokens(text: str) -> list[tuple[str, str]]:
    """jieba words with POS flags; a 《title》 or “quote” is one noun."""
    out, pos = [], 0
    for m in _QUOTED_RE.finditer(text):
        out += _words(text[pos:m.start()]) + [(m.group(0), "nz")]
        pos = m.end()
    return out + _words(text[pos:])


def _words(text: str) -> list[tuple[str, str]]:
    out = []
    for word, flag in tagged(text):
        if not word.strip():
            continue
        # jieba glues 共 ("in total") to what follows (共培养, 共制): split it off.
        if word.startswith("共") and len(word) >= 2 and word not in _GONG_WORDS and word not in _SPLIT_WORDS:
            out += [("共", "d")] + tagged(word[1:])
            continue
        out.append((word, flag))
    return out


def _is_verb(flag: str) -> bool:
    return flag.startswith("v") and flag != "vn"


def _is_predicate(word: str, flag: str) -> bool:
    """A verb that acts as a verb, not as part of a noun (执法部门, 调解工作室)."""
    return _is_verb(flag) and word not in _NOMINAL_VERBS


def _nounish(word: str, flag: str) -> bool:
    return flag.startswith(("n", "j", "l")) or flag in ("vn", "an", "zg") or word in _NOMINAL_VERBS


def _head_verbs(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The verbs a clause opens with (集中培育, 组织): kept when its middle is dropped."""
    head = []
    for word, flag in tokens:
        if not flag.startswith("v") or (head and word in _NOMINAL_VERBS):
            break
        head.append((word, flag))
    # 组织涉危化品…: 涉 belongs to what follows; 作出撤销、变更…: 撤销 opens the list.
    while head and ((len(head[-1][0]) < 2 and any(len(w) > 1 for w, _ in head[:-1]))
                    or tokens[len(head):len(head) + 1] and tokens[len(head)][0] in _JOINERS):
        head.pop()
    return head


# Time phrases are not what is counted, and a label must still fit next year (自成立以来, 截至2023年底).
_TIMES_RE = re.compile(r"自[^，,；;。]{0,12}?以来|截[至止][^，,；;。]{0,12}?(?:底|末|止)|[上下]半年|第?[一二三四]季度"
                       r"|近[一二三两四五六七八九十\d]+年来?"
                       r"|(?:(?:19|20)\d{2}\s*[-—–至]\s*)?(?:19|20)\d{2}\s*年度?(?:以来)?|\d{1,2}月(?:\d{1,2}日)?(?:以来)?|以来")


def _clean_pre(pre: str, has_noun_after: bool) -> tuple[str, str, bool]:
    """The words before a number, filler removed: (label part, subject before 共/累计, enumerated?).

    A closing 的 stays (行使行政职权的 + 市直部门); the caller drops it when no noun follows."""
    pre = _TIMES_RE.sub("", pre).strip()
    if not pre or pre.endswith(_ENUM_ENDS):
        return "", "", bool(pre)
    tokens = _tokens(pre)
    subject: list[tuple[str, str]] = []
    # The subject before 共/累计/其中 is not what is counted (32家区级部门共确认行政权力事项).
    splits = [i for i, (w, _) in enumerate(tokens) if w in _SPLIT_WORDS]
    if splits:
        subject, tokens = tokens[:splits[-1]], tokens[splits[-1] + 1:]
    tokens = _strip_fillers(tokens, keep_de=True)
    # 对相关涉诉企业免予保全 -> 免予保全; 实现了在9个乡镇 -> the object comes after the number.
    preps = [i for i, (w, f) in enumerate(tokens) if w in _PREPOSITIONS and f.startswith("p")]
    if preps:
        rest = tokens[preps[-1] + 1:]
        verbs = [i for i, (w, f) in enumerate(rest) if _is_predicate(w, f) and w not in _MODIFIERS]
        tokens = _strip_fillers(rest[verbs[0]:] if verbs else rest, keep_de=True)
    # 组织涉危化品、冶金…等科目演练 -> 组织科目演练: the list before 等 is detail.
    words = [w for w, _ in tokens]
    if "等" in words and (words[-1] != "等" or has_noun_after):
        last = len(words) - 1 - words[::-1].index("等")
        tokens = _head_verbs(tokens[:last]) + tokens[last + 1:]
    label = "".join(w for w, _ in tokens)
    for prefix in _LEAD_PREFIXES:
        if label.startswith(prefix) and len(label) > len(prefix):
            label = label[len(prefix):].lstrip("和及与、")
    label = re.sub(r"(?<=..)[至到由从](的?)$", r"\1", label)
    label = re.sub(r"(?<=[率数量比值额])(?:为|达|是)$", "", label)
    return label, "".join(w for w, _ in _strip_fillers(subject, False)), False


def _strip_fillers(tokens: list[tuple[str, str]], keep_de: bool) -> list[tuple[str, str]]:
    tokens = list(tokens)
    while tokens and (tokens[0][0] in _LEAD_FILLERS or tokens[0][0] == "的" or not re.search(r"[\w“《]", tokens[0][0])):
        tokens.pop(0)
    while tokens and (tokens[-1][0] in _TRAIL_FILLERS and not (keep_de and tokens[-1][0] == "的")
                      or not re.search(r"[\w”》)）]", tokens[-1][0])):
        tokens.pop()
    return tokens


def _post_noun(post: str) -> tuple[str, str]:
    """The noun phrase right after a number and what follows it (5件案件被评为… -> 案件, 被评为…)."""
    post = post.lstrip()
    out = ""
    if post.startswith("“"):
        close = post.find("”")
        if close < 0:
            return "", post
        out, post = post[:close + 1], post[close + 1:]
    tokens = _tokens(post)
    taken, has_noun = 0, bool(out)
    for i, (word, flag) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
        if word in "()（）":
            pass
        elif word in _POST_STOPS or not re.search(r"[\u4e00-\u9fff]", word) or (has_noun and word[0] == "“"):
            break
        elif word in _JOINERS and has_noun and _nounish(*nxt):
            pass
        elif _nounish(word, flag):
            has_noun = True
        elif _is_verb(flag) and not has_noun:
            pass  # 新增行政执法人员, 试点单位: a verb before the head noun modifies it
        elif flag in ("a", "b", "s", "q") or (flag == "m" and not re.search(r"[0-9一二两三四五六七八九十]", word)):
            pass
        else:
            break
        taken = i + 1
    # The phrase ends on its head noun: 913人参加 has none.
    while taken and not (_nounish(*tokens[taken - 1]) or tokens[taken - 1][0] in ")）"):
        taken -= 1
    noun = out + "".join(w for w, _ in tokens[:taken])
    if not noun.strip("“”"):
        return "", post
    rest = "".join(w for w, _ in tokens[taken:])
    return noun, rest


def _post_verb(post: str) -> str:
    """The verb phrase right after a number up to the clause's end (913人参加 -> 参加)."""
    tokens = _tokens(post)
    if not tokens or not (_is_verb(tokens[0][1]) or tokens[0][1] == "p"):
        return ""
    return "".join(w for w, _ in tokens)


def _object_of(label: str) -> str:
    """What a label counts, for a bare verb after it: 新收行政复议案件 -> 行政复议案件."""
    tokens = _tokens(label)
    verbs = [i for i, (_, flag) in enumerate(tokens) if _is_verb(flag)]
    tail = tokens[verbs[-1] + 1:] if verbs else tokens
    # 各类一审行政诉讼案件: modifiers, then nouns up to the end.
    if (not tail or not _nounish(*tail[-1]) or label.endswith("率")
            or not all(_nounish(w, f) or f[:1] in "rmbaq" or w in "()（）、" for w, f in tail)):
        return ""
    return "".join(w for w, _ in tail)


def _bare_verb(label: str) -> bool:
    """受理, 直接纠错, 调处成功: a verb with no object (作出纠错决定 has one: 决定 is a noun here)."""
    tokens = _tokens(label)
    if len(tokens) > 1 and tokens[-1][0] in _NOMINAL_VERBS:
        return False
    return bool(tokens) and any(_is_verb(f) for _, f in tokens) and all(
        _is_verb(f) or f in ("d", "ad", "a", "vd") for _, f in tokens)


def _shorten(label: str, limit: int = 12) -> str:
    """发布的现行有效的市政府规范性文件 -> 市政府规范性文件; 举办A考试、B考试、C考试 -> 举办考试."""
    if len(label) > limit and "的" in label[:-3]:
        label = label[label.rindex("的", 0, len(label) - 2) + 1:]
    if len(label) > 2 * limit and "、" in label:
        items = label.split("、")
        suffix = os.path.commonprefix([item[::-1] for item in items])[::-1]
        if len(suffix) >= 2:
            label = "".join(w for w, _ in _head_verbs(_tokens(items[0]))) + suffix
    return label


def _sentence_figures(sentence: str, section: str, item: str | None) -> list[dict]:
    numbers = _find_numbers(sentence)
    out: list[dict] = []
    objects: dict[str | None, str] = {}  # unit -> what the last verb-object label counted
    groups: list[str] = []  # the label part before each number, shared by the numbers of one clause
    nouns: list[str] = []  # the noun phrase after each number
    stops = [j for j, ch in enumerate(sentence) if ch in _CLAUSE_STOPS]
    post_stops = [j for j, ch in enumerate(sentence) if ch in _CLAUSE_STOPS or ch == "、"]
    for i, num in enumerate(numbers):
        start, end = num["start"], num["end"]
        base = (num["unit"] or "").lstrip("万亿")  # 万人次 counts 人次
        k = bisect.bisect_left(stops, start)
        clause_start = stops[k - 1] + 1 if k else 0
        prev_end = numbers[i - 1]["end"] if i else -1
        same_clause = i > 0 and prev_end >= clause_start
        # 6大类62支2102人的应急救援力量: numbers in a row share the noun after the last.
        last = i
        while last + 1 < len(numbers) and not sentence[numbers[last]["end"]:numbers[last + 1]["start"]].strip():
            last += 1
        post_start = numbers[last]["end"]
        k = bisect.bisect_left(post_stops, post_start)
        post_end = post_stops[k] if k < len(post_stops) else len(sentence)
        if last + 1 < len(numbers) and numbers[last + 1]["start"] < post_end:
            post_end = numbers[last + 1]["start"]
        post = sentence[post_start:post_end].strip()
        region = sentence[max(clause_start, prev_end):start]
        pre, subject, enumerated = _clean_pre(region, bool(_post_noun(post.lstrip("的"))[0]))
        # 6个县(市)区、8个园区 / 20个执法单位380本案卷 / 3个方面93个问题: one verb for all.
        if same_clause and (enumerated or not region.strip() or region.strip() == nouns[-1]):
            pre = groups[-1]
        elif enumerated:
            pre = ""
        if post.startswith("的"):
            noun, rest = _post_noun(post[1:])
            label = noun + (rest if len(noun) <= 2 else "") if noun else pre.rstrip("的")
            noun = ""
        else:
            noun, rest = _post_noun(post)
            if noun:
                label = pre + noun
                if len(label) > 24:  # 建立健全区委编办、区司法局…3家试点单位 -> 建立健全试点单位
                    label = "".join(w for w, _ in _head_verbs(_tokens(pre))) + noun
                if not pre and len(noun) <= 2 and len(rest) <= 10 and not re.search(r"\d", rest):
                    label += rest  # 1125项事项实现一门办理
            else:
                label = pre.rstrip("的") or subject
        if not label:
            verb = _post_verb(post)
            if verb:
                label = verb + ("人数" if base in _PEOPLE_UNITS else "次数" if base == "次" else "")
        if not label and out:
            label = out[-1]["label"]
            if base in _PEOPLE_UNITS and out[-1]["unit"] != num["unit"]:
                label += "人数"
        if label and out and _GROWTH_RE.match(label) and out[-1]["unit"] not in _RATE_UNITS:
            label = out[-1]["label"] + re.sub(r"^[比较](?=[增减上下提降缩])", "", label)  # 较(2022年)增长
        elif label and _bare_verb(label):
            if objects.get(num["unit"]):
                label = objects[num["unit"]] + label  # 受理112件 after 新收行政复议案件148件
            elif base in _PEOPLE_UNITS:
                label += "人数"
            elif out and num["unit"] in _RATE_UNITS and out[-1]["unit"] in _RATE_UNITS:
                label = out[-1]["label"] + label  # 败诉率由8.5%下降至3.2%
        label = _shorten(label) or (num["unit"] or "数量")
        obj = _object_of(label)
        if obj:
            objects[num["unit"]] = obj
        groups.append(pre)
        nouns.append(noun)
        out.append({"label": label, "value": num["value"], "unit": num["unit"], "approx": num["approx"],
                    "sentence": _excerpt(sentence, start, end), "section": section, "item": item,
                    "text": num["text"]})
    return out


# Real sentences stay under ~250 characters; a run-on one (no 。 for pages) would otherwise be
# copied whole into each of its figures and grow the YAML with the square of its length.
MAX_SENTENCE = 300


def _excerpt(sentence: str, start: int, end: int) -> str:
    """The sentence, or for a run-on one the clauses around the figure, within MAX_SENTENCE."""
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    half = (MAX_SENTENCE - (end - start)) // 2
    lo, hi = max(0, start - half), min(len(sentence), end + half)
    # Begin after a clause stop and end on one, when the window holds them.
    first = next((j + 1 for j in range(lo, start) if sentence[j] in _CLAUSE_STOPS), lo)
    last = next((j + 1 for j in range(hi - 1, end - 1, -1) if sentence[j] in _CLAUSE_STOPS), hi)
    return sentence[first:last].strip()
