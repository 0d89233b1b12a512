"""One frozen entity list per Doc for the relation stage."""

from __future__ import annotations

from spacy.tokens import Doc, Span

ENTS_KEY = "claims.ents"


def cache_ents(doc: Doc) -> None:
    """Freeze ``doc.ents`` for the relation stage: every ``doc.ents``/``span.ents`` read rebuilds
    all entity spans, which dominated the run time when done per sentence."""
    doc.user_data[ENTS_KEY] = list(doc.ents)


def release_ents(doc: Doc) -> None:
    doc.user_data.pop(ENTS_KEY, None)


def ents_in(span) -> list[Span]:
    """The entities inside a Doc or Span, from the frozen list when the relation stage set one."""
    doc = span if isinstance(span, Doc) else span.doc
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        return list(span.ents)
    if isinstance(span, Doc):
        return ents
    return [e for e in ents if span.start <= e.start and e.end <= span.end]
