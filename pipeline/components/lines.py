"""``claims_lines``: sentence starts at line breaks, so headings and list items are their own
sentences, while a paragraph broken mid-sentence (next line lower-case) stays one sentence; and
after a wire dateline ("SEOUL, Sept. 19 (Yonhap) --", "QUITO, Ecuador —"), which the parser would
otherwise make the subject of the first sentence."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# A line that opens with a place (an all-caps city, or any place before an agency in brackets),
# perhaps a date, then a dash, underscore or colon.
SEPARATOR = r"\s*(?:--|[—–_:]|-(?=\s))\s*"
DATELINE = re.compile(
    r"(?m)^[ \t]*(?:"
    rf"[A-Z][\w.'’-]*(?:[ ,]+[\w.'’-]+){{0,6}}\s*\((?:[A-Z][\w .'-]{{1,20}}|[A-Z]{{2,8}})\){SEPARATOR}"  # "Lima, 2 May 2019 (XNA):"
    rf"|[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*(?:,[^\n—–:]{{1,30}}?)?{SEPARATOR}"  # "QUITO, Ecuador —", "BEIJING --"
    r")(?=[A-Z“\"‘'])"
)


@Language.component("claims_lines", assigns=["token.is_sent_start"])
def line_boundaries(doc: Doc) -> Doc:
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.is_space or "\n" not in prev.text_with_ws:
            continue
        before = next((t for t in reversed(doc[: token.i]) if not t.is_space), None)
        if token.text[:1].islower() and before is not None and before.text not in (".", ":", "?", "!", '"'):
            token.is_sent_start = False
        else:
            token.is_sent_start = True
    for m in DATELINE.finditer(doc.text):
        first = next((t for t in doc if t.idx >= m.end()), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc
