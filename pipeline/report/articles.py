"""Article sections: the text rendered by displaCy (span style) with entities and claim evidence."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy import displacy

from ..records import Entity

COLOURS = {
    "COUNTRY": "#7aecec",
    "ORG": "#bfeeb7",
    "DATE": "#bfe1d9",
    "CLAIM": "#c9b6f2",
    "ERROR": "#ff9a9a",
    "MISSED": "#ffd166",
}
# displaCy's own markup, with the repeated inline styles moved to classes (report.css): the
# pages stay a few hundred kB instead of megabytes
TEMPLATES = {
    "span": '<span class="dx" style="height:{total_height}px">{text}{span_slices}{span_starts}</span> ',  # a space, as displaCy's own
    "slice": '<span class="dx-s" style="background:{bg};top:{top_offset}px"></span>',
    "start": '<span class="dx-s dx-b" style="background:{bg};top:{top_offset}px">'
    '<span class="dx-l" style="background:{bg}">{label}{kb_link}</span></span>',
}


@dataclass(frozen=True)
class Evidence:
    """An evidence sentence to mark on the article text: what its claims came to, and a link."""

    start: int
    end: int
    label: str  # CLAIM (correct or unscored), ERROR (some claim wrong) or MISSED (a gold claim not found)
    link_text: str
    href: str


# Stands for the article's anchor in a rendering kept for reuse (anchors move as articles are added).
# displaCy escapes every text it writes, and so do the labels here, so "<" never comes from an article.
ANCHOR = "<@>"


@lru_cache(maxsize=1)
def tokenizer():
    return spacy.blank("en").tokenizer


def line_id(prefix: str, text: str, offset: int) -> str:
    """The id of the rendered line that holds ``offset`` (rows in the tables link to it)."""
    return f"{prefix}-L{text.rfind(chr(10), 0, offset) + 1}"


def render_article(prefix: str, text: str, entities: list[Entity], evidence: list[Evidence]) -> str:
    """One displaCy block per non-blank line (so the article keeps its paragraphs), each with the
    entities (label and code/value) and the evidence sentences on it."""
    out = []
    for match in re.finditer(r"[^\n]+", text):  # "\n" only: line ids must agree with line_id()
        start, line = match.start(), match.group().rstrip("\r")
        if not line.strip():
            continue
        end = start + len(line)
        doc = tokenizer()(line)
        spans = []

        def add(s: int, e: int, label: str, doc=doc, start=start, end=end, spans=spans, **link) -> None:
            span = doc.char_span(max(s, start) - start, min(e, end) - start, alignment_mode="expand")
            if span is not None and len(span):
                spans.append({"start_token": span.start, "end_token": span.end, "label": label, **link})

        for ent in entities:
            if start <= ent.start < end:
                add(ent.start, ent.end, html.escape(f"{ent.label} {ent.value if ent.label == 'DATE' else ent.code}"))
        for ev in evidence:
            if ev.start < end and start < ev.end:
                add(ev.start, ev.end, ev.label, kb_id=html.escape(ev.link_text), kb_url=ev.href)
        colours = {s["label"].upper(): COLOURS[s["label"].split()[0]] for s in spans}
        markup = displacy.render(
            {"text": line, "tokens": [t.text for t in doc], "spans": spans},
            style="span",
            manual=True,
            minify=True,
            options={"colors": colours, "template": TEMPLATES},
        )
        out.append(f'<div class="line" id="{line_id(prefix, text, start)}">{markup}</div>')
    return "\n".join(out)


def reusing(get: Callable[[str], str | None], put: Callable[[str, str], None]):
    """``render_article`` that asks ``get`` (and tells ``put``) for the rendering of the same text,
    entities and evidence, made under a stand-in anchor: rendering is most of a report's time, and
    an unchanged article renders the same wherever it moved."""

    def render(prefix: str, text: str, entities: list[Entity], evidence: list[Evidence]) -> str:
        evidence = [
            Evidence(ev.start, ev.end, ev.label, ev.link_text, ev.href.replace(f"#{prefix}-", f"#{ANCHOR}-", 1))
            for ev in evidence
        ]
        inputs = json.dumps(
            [
                text,
                [(e.start, e.end, e.label, e.code, e.value) for e in entities],
                [(ev.start, ev.end, ev.label, ev.link_text, ev.href) for ev in evidence],
            ],
            ensure_ascii=False,
        )
        markup = get(inputs)
        if markup is None:
            markup = render_article(ANCHOR, text, entities, evidence)
            put(inputs, markup)
        return markup.replace(ANCHOR, prefix)

    return render
