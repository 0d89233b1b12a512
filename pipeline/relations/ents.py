"""One frozen entity list per Doc for the relation stage."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

ENTS_KEY = "claims.ents"


STARTS_KEY = "claims.ent_starts"


def cache_ents(doc: Doc) -> None:
    """Freeze ``doc.ents`` for the relation stage: every ``doc.ents``/``span.ents`` read rebuilds
    all entity spans, which dominated the run time when done per sentence."""
    ents = list(doc.ents)
    doc.user_data[ENTS_KEY] = ents
    doc.user_data[STARTS_KEY] = [e.start for e in ents]


def release_ents(doc: Doc) -> None:
    doc.user_data.pop(ENTS_KEY, None)
    doc.user_data.pop(STARTS_KEY, None)


def ents_in(span) -> list[Span]:
    """The entities inside a Doc or Span, from the frozen list when the relation stage set one."""
    doc = span if isinstance(span, Doc) else span.doc
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        return list(span.ents)
    if isinstance(span, Doc):
        return ents
    starts = doc.user_data[STARTS_KEY]  # entities are sorted and do not overlap: a slice of them
    return [e for e in ents[bisect_left(starts, span.start) : bisect_left(starts, span.end)] if e.end <= span.end]
