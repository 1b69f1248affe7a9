"""What the render step writes and looks for: marks, highlights, template variables, title breaks."""

from __future__ import annotations

import re

from drafter.draft.placeholders import PLACEHOLDER_RE, TODO_RE

DEFAULT_TEMPLATE = "report"
STANDARD_SENTENCES = "standard.j2"  # beside a template, it replaces the bundled one
# Its macros and what each makes: what a refusal says of one a bureau's older copy lacks.
STANDARD_MACROS = {"title": "默认标题", "opening": "开头段", "report_intro": "“现将有关情况报告如下：”",
                   "closing": "“特此报告。”", "prompt": "待填提示", "appendix_title": "附件标题",
                   "banner": "版头的发文机关标志"}

REFERENCE_MARK = "【上年参考，请确认或改写】"
TODO_HIGHLIGHT = "yellow"  # 待填: text or figures still missing
REFERENCE_HIGHLIGHT = "lightGray"  # last year's text, not yet confirmed for this year
YEAR_HIGHLIGHT = "green"  # a year drafter moved inside last year's text: confirm the fact
MARK_HIGHLIGHT = "cyan"  # the 【上年参考…】 mark itself (Word calls cyan "turquoise")
COMMENT_AUTHOR = "drafter"
COMMENT_INITIALS = "DR"
# A run to anchor a comment on carries this character style until the second pass removes it.
ANCHOR_STYLE = "drafterAnchor"

# A heading run in before its text ends with one of these, else gets 。
LEAD_ENDS = frozenset("。！？；：!?;:")
# Later attachment lines (2.…) align under the first one's number, after "附件：".
ATTACHMENT_INDENT = "\u3000" * 3

# Figures in the text ({F012}) and markers already there (【待填：…】).
MARKUP_RE = re.compile(f"{PLACEHOLDER_RE.pattern}|{TODO_RE.pattern}")
# The signature lines and the date in the template (paragraph style ids): drafter sets their indents.
SIGNATURE_STYLE, DATE_STYLE = "Signature", "DocDate"
# The 版头: the 发文机关标志 paragraph (drafter sizes it to fit) and the 签发人's names (楷体).
BANNER_STYLE, SIGNER_STYLE = "BannerMark", "SignerName"
BANNER_MAX_PT = 42  # 初号: a character stays within the standard's 15 mm height
TEXT_BLOCK_PT = 442  # the 156 mm line
BANNER_RED = "FF0000"
BODY_CHAR_TWIPS = 320  # a 三号 (16 pt) character
# Word's own styles of a comment's text and of the mark that refers to it.
COMMENT_TEXT_STYLE, COMMENT_REFERENCE_STYLE = "CommentText", "CommentReference"

# Variables the default template uses, and all a custom template may use.
CONTEXT_KEYS = frozenset({
    "blocks", "title_lines", "document_title", "doc_number", "recipient", "closing_sentence", "attachments",
    "signature_lines", "date", "notes", "appendix", "appendix_title", "figure_rows", "prior_label",
    "current_label", "meta", "year", "region", "issuer", "edition", "edition_mark", "banner", "banner_mark", "signer",
})

# Jinja tags in a template's text, and their openings (an opening without its tag is incomplete).
TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
OPEN_RE = re.compile(r"\{\{|\{%|\{#")
# Run properties that are no formatting: Word's spelling and revision marks split runs with them.
NOT_FORMATTING = ("lang", "noProof", "proofErr", "rPrChange")

TITLE_CHARS = 20  # 二号 (22 pt) characters in the 156 mm line
# Where a title line may break, best first: before 关于 or at a space, before a year, before 法治政府.
TITLE_BREAKS = ((re.compile(r"\s|关于"), 3), (re.compile(r"\d{4}年"), 2), (re.compile(r"法治政府"), 1))
NO_LINE_START = frozenset("）》”’)〕】、，。：；！？%")
NO_LINE_END = frozenset("（《“‘(〔【")
# What separates the organs of a joint signature (中共鹤庆县委 鹤庆县人民政府): one a line.
SIGNATURE_SPLIT_RE = re.compile(r"[\s\u3000]+")

# The document properties docxtpl renders as templates (docProps/core.xml).
RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
# A relationship in a part's .rels, and the external targets a template may keep (clicked, never fetched).
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
SAFE_LINK_RE = re.compile(r"(?i)^(?:https?://|mailto:)")
