"""Date-aware codes (spec section 2), once dates are known: a capital or demonym listed in
``data/periods.yml`` stands for the dissolved state at the time the text speaks of — the date of
its sentence (the nearest DATE there), else the paragraph's (the nearest DATE before it in the
paragraph), else the article's ``published``."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from ..dates_util import date_range
from ..gazetteer import Gazetteer


def recode_by_period(doc: Doc, gaz: Gazetteer, published: dt.date | None) -> None:
    ents = doc.ents
    targets = [e for e in ents if e.label_ == "COUNTRY" and e.text in gaz.periods]
    if not targets:
        return
    dates = [e for e in ents if e.label_ == "DATE" and e._.value]
    text = doc.text  # built once, only for docs that need paragraphs
    for ent in targets:
        ent._.code = gaz.code_at(ent.text, time_spoken_of(ent, dates, text) or published)


def time_spoken_of(ent: Span, dates: list[Span], text: str) -> dt.date | None:
    """The first day of the date the sentence (else the paragraph up to it) states."""
    sent = ent.sent
    inside = [d for d in dates if sent.start <= d.start < sent.end]
    if not inside:
        paragraph = text.rfind("\n\n", 0, ent.start_char)
        inside = [d for d in dates if paragraph < d.start_char and d.end <= sent.start][-1:]
    if not inside:
        return None
    nearest = min(inside, key=lambda d: abs(d.start - ent.start))
    return dt.date.fromisoformat(date_range(nearest._.value)[0])
