"""Is a capital's name used for the capital? Several are also other cities ("San Jose,
California", "Tripoli, Lebanon") or parts of longer names ("Lake Victoria", "Nassau County",
"Santiago de Cuba", "St. George's Day"); persons ("Sofia Coppola") are the NER's PERSON spans."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span

LINKS = {"de", "del", "do", "da", "di", "du", "des"}  # "Santiago de Compostela"
LIST_WORDS = {",", "and", "or", "&"}
ENDS = {",", ".", ";", ":", ")", "!", "?"}


def names_something_else(span: Span, code: str, known: Mapping[int, tuple[str, str]]) -> bool:
    """``known``: token index → (code, kind) of every gazetteer form in the doc."""
    return _in_longer_name(span, known) or _other_place(span, code, known)


def _in_longer_name(span: Span, known: Mapping[int, tuple[str, str]]) -> bool:
    """A capitalised word joined to the capital that is no form of its own makes a longer name."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in LINKS and span.end + 1 < len(doc) and doc[span.end + 1].is_title:
        return True
    if nxt is not None and _name_word(nxt, known):  # "Nassau County", "Victoria Falls"
        return True
    prev = doc[span.start - 1] if span.start else None
    return prev is not None and prev.pos_ == "PROPN" and _name_word(prev, known)  # "Lake Victoria"


def _name_word(t, known) -> bool:
    # dates stay out: "in Seoul Monday" is the capital on a Monday
    return (
        t.is_title
        and t.pos_ in ("PROPN", "NOUN")
        and t.i not in known
        and t.ent_type_ not in ("DATE", "TIME")
        and t.text not in ("'s", "’s")
    )


def _other_place(span: Span, code: str, known: Mapping[int, tuple[str, str]]) -> bool:
    """ "X, Y," with Y a place outside the gazetteer or another state's name: X is a city of Y.
    Lists ("Washington, Moscow and Beijing", "Kabul, Pakistan and India") are not."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    if span.start and doc[span.start - 1].lower_ in LIST_WORDS:
        return False
    after = doc[span.end + 1]
    end = after.i + 1
    if after.i in known:
        place_code, kind = known[after.i]
        if place_code == code or kind != "names":
            return False
        while end in known and known[end] == known[after.i]:
            end += 1
    elif after.ent_type_ in ("GPE", "LOC"):
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    else:
        return False
    return (
        end >= len(doc) or doc[end].text in ENDS and not (end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "or"))
    )
