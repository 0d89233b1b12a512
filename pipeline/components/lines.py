"""``claims_lines``: sentence starts at line breaks, so headings and list items are their own
sentences, while a paragraph broken mid-sentence (next line lower-case) stays one sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


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
    return doc
