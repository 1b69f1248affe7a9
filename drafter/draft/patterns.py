"""The patterns and word lists the draft step reads last year's text and the clerk's answers with."""

from __future__ import annotations

import re

# --- years ------------------------------------------------------------------------------------
# A year written as digits and followed by 年, not part of a longer number nor of a range (2021-2025年).
YEAR_RE = re.compile(r"(?<![\d\-–—~～至到])(\d{4})(?=年)(?!年?[\-–—~～至到]\d)")
# Any four digits before 年, as a title writes its year (关于2023年…).
TITLE_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?=年)")
# Text inside these brackets names a document or a document number: its years are left alone.
QUOTED_RE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]")
# Cut after each sentence end, keeping the mark with its sentence.
SENTENCE_END_RE = re.compile(r"(?<=[。！？；!?;])")
# The zeros a year in Chinese numerals may be written with (二〇二三, 二零二三, 二○二三).
CHINESE_ZEROS = "〇零○"

# --- last year's text as prompts and headings -------------------------------------------------
SPACES_RE = re.compile(r"\s+")
TRAILING_PUNCT = "。；;，,"
CLAUSE_END_RE = re.compile(r"[。；;，,：:]")
# Words about the first-responsibility duty in a heading among the measures.
DUTY_HEADING_RE = re.compile(r"第一责任人|主要负责人")

# --- last year's closing: what is not this year's ---------------------------------------------
THIS_DOCUMENT_NOTE_RE = re.compile(r"\s*[（(]此件")  # （此件公开发布）
PRINTED_RE = re.compile(r"印发\s*$")  # the 版记's dated 印发 line

# --- last year's shortcomings -----------------------------------------------------------------
# A lead-in paragraph (…主要是：) names no problem of its own.
LEAD_IN_RE = re.compile(r"[：:]\s*$")
# Nor does a closing resolve (针对这些问题，…).
RESOLVE_RE = re.compile(r"\s*(针对|对此|对于上述|下一步|今后|我们将)")
# 一是…二是…三是…
NUMBERED_PROBLEM_RE = re.compile(r"[一二三四五六七八九十]是[，,：:]?")
# Words after which a paragraph lists its problems: 存在A、B等问题; 如A，B，C.
LISTING_LEAD_RE = re.compile(r"比如|例如|诸如|如|主要(?:是|有|表现在)|存在")
LISTING_RE = re.compile(r"[，,：:]?([^。；;]+)")
LISTING_SEPARATOR_RE = re.compile(r"[，,、]")
# A listed part that only points back at the list (这些问题…, 针对…) is no problem.
POINTER_RE = re.compile(r"(这些|以上|上述|针对|对此|产生)")
LISTING_TAIL_RE = re.compile(r"等(问题|方面|情况|不足)?$")

# --- typed answers ----------------------------------------------------------------------------
# 1,234 as a clerk may type a thousands separator.
THOUSANDS_RE = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")
# A number followed by a measure word: 71件 typed for a figure counted in 个.
UNIT_TAIL_RE = re.compile(r"(\d+(?:\.\d+)?)([\u4e00-\u9fff]+)")
DATE_INPUT_RE = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?")
# A percentage of a whole stays within 0–100; a growth rate may exceed it.
GROWTH_WORDS = ("增长", "增幅", "增加", "提高", "提升", "上升", "同比", "环比", "下降", "减少")
