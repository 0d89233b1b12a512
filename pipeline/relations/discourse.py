"""What the article around a sentence supplies: earlier events and places ("this office",
"such ties", "there"), dated lists that continue an event, and paragraph date frames."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import Claim
from .ents import ents_in
from .lists import cued, dated_runs
from .reference import SUBJECT_DEPS, Context, codes_of, previous_sentence
from .rules import Rule
from .words import WORDS


@dataclass
class Event:
    """The last relation the article stated, for ellipsis ("followed by X", "did so")."""

    relation: str
    objects: tuple[str, ...]
    polarity: str
    subjects: tuple[str, ...]
    standing: bool = False  # a state of affairs a phrase presupposes ("its ambassador to X"), no act to repeat


def there(sent: Span) -> list[str]:
    """ "there": the last state or capital named before the sentence (in the previous one)."""
    prev = previous_sentence(sent)
    if prev is None:
        return []
    named = [e._.code for e in ents_in(prev) if e.label_ == "COUNTRY"]
    return named[-1:]


ANAPHORIC = WORDS.anaphoric


def anaphora(
    trigger: Token,
    theme: Token | None,
    sent: Span,
    ctx: Context,
    mission: Event | None,
    nouns: dict[str, set[str]],
    named: bool,
):
    """Parties of an event whose noun points back. "this consulate was shut" (or, when the clause
    names no state, "the consulate was shut") → the last embassy event's owner and host; "such
    close ties" → the previous sentence's states, paired with the main actor; "ties resumed in
    1994" naming no state → the two states of the previous sentence."""
    noun = theme if theme is not None else trigger
    pointing = any(c.dep_ in ("det", "amod", "predet") and c.lower_ in ANAPHORIC for c in noun.children)
    if noun.lemma_ in nouns["mission"]:
        return (list(mission.subjects), list(mission.objects)) if mission and (pointing or not named) else None
    prev = previous_sentence(sent)
    # "ties resumed", "relations were restored": the relations noun is the clause's subject
    unnamed = not named and noun.lemma_ in nouns["relation"] and noun.dep_ in ("nsubj", "nsubjpass")
    if prev is None or not (pointing or unnamed):
        return None
    codes = list(dict.fromkeys(e._.code for e in ents_in(prev) if e.label_ == "COUNTRY"))
    main = ctx.main_actor
    if pointing and main in codes and len(codes) > 1:
        return [c for c in codes if c != main], [main]
    if (
        unnamed and len(codes) == 2 and not any(t.text == ":" for t in sent if t.i > trigger.i)
    ):  # a colon list names them
        return codes[:1], codes[1:]
    return None


def continue_lists(sent: Span, found: list[Claim], before: Event | None, ctx: Context) -> list[Claim]:
    """Dated list items the parse did not tie to the event: "relations with Peru in 1960, then
    with states including Ghana (1961), Togo and Mali (1962)" continues the Peru claim; a cued
    list opening the next sentence ("Several were in Asia, like Nepal (1970)") continues the
    previous sentence's event. The side that varies is the one whose state opens the list ("recognised
    by Slovenia on 26 June, Lithuania on 30 July"), else the one that is not the article's main actor."""
    seeds: dict[tuple, set[str]] = {}
    listed = (
        {e._.code for label in ("COUNTRY", "ORG") for run in dated_runs(sent, label, set()) for e, _ in run}
        if found
        else set()
    )
    for c in found:
        if (c.subject in listed) != (c.object in listed):
            side = "subject" if c.subject in listed else "object"
        else:
            side = "subject" if c.object == ctx.main_actor else "object"
        fixed = c.object if side == "subject" else c.subject
        seeds.setdefault((c.relation, c.polarity, fixed, side, False), set()).add(
            c.subject if side == "subject" else c.object
        )
    if not found and before is not None and ctx.main_actor:
        if ctx.main_actor in before.objects:
            seeds[(before.relation, before.polarity, ctx.main_actor, "subject", True)] = set()
        elif ctx.main_actor in before.subjects:
            seeds[(before.relation, before.polarity, ctx.main_actor, "object", True)] = set()
    out = []
    for (relation, pol, fixed, side, carried), anchors in seeds.items():
        rule = Rule("list." + relation, relation)
        for run in dated_runs(sent, "ORG" if relation == "join_organization" else "COUNTRY", {fixed}):
            if not cued(run) and (carried or not anchors & {e._.code for e, _ in run}):
                continue
            for ent, date in run:
                if ent._.code in anchors:
                    continue
                if (
                    side == "object" and ent.label_ == "COUNTRY" and _gapped(ent)
                ):  # "Egypt signed a treaty with Israel in 1979 and Jordan in 1994"
                    out += [make_claim(ent._.code, rule, o, date, pol, sent) for o in anchors if o != ent._.code]
                    continue
                s, o = (fixed, ent._.code) if side == "object" else (ent._.code, fixed)
                out.append(make_claim(s, rule, o, date, pol, sent))
    return out


INCLUDE = re.compile(r"\b(?:includ|compris|are\b|were\b)", re.I)


def generic_actors_named(sent: Span, before: Event | None, ctx: Context) -> list[Claim]:
    """ "Several countries have imposed sanctions on Iran. Those countries include A and B": the
    states a later sentence names for the previous event's unnamed actors, undated."""
    if before is None or before.subjects or not INCLUDE.search(sent.text):
        return []
    for t in sent:
        if (
            t.lemma_ in ("country", "state", "nation", "government")
            and t.tag_ == "NNS"
            and t.dep_ in SUBJECT_DEPS
            and any(c.lower_ in ("these", "those", "the") for c in t.children)
            and t.head.lemma_ in ("include", "be", "comprise")
        ):
            named = [c for x in t.head.children if x.dep_ in ("attr", "dobj") for c in codes_of(x, ctx, ("COUNTRY",))]
            rule = Rule("list." + before.relation, before.relation)
            return [
                make_claim(s, rule, o, None, before.polarity, sent)
                for s in dict.fromkeys(named)
                for o in before.objects
                if s != o
            ]
    return []


def _gapped(ent: Span) -> bool:
    """A list item coordinated with the verb itself is the subject of a gapped clause."""
    t = ent.root
    while t.dep_ == "conj" and t.head.ent_type_ == "COUNTRY":
        t = t.head
    return t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")


def frame_date(sent: Span, previous: tuple, text: str, heading: tuple = ()) -> tuple:
    """Dates that open a sentence ("In 2017, ...", "In 2016 and 2017, ...") frame the rest of its
    paragraph; a line break ends the paragraph (plain-text exports put one per paragraph), which
    falls back to the ``heading`` frame of a timeline ("1976:" on a line of its own)."""
    gap_start = sent.doc[sent.start - 1].idx if sent.start else 0
    if sent.start == 0 or "\n" in text[gap_start : sent.start_char]:
        previous = heading
    if heading_date(sent):
        return heading_date(sent)
    # "As of May 2019" dates a state of affairs, not the events told after it
    opening = [
        e
        for e in ents_in(sent)
        if e.label_ == "DATE"
        and e.end <= sent.root.i
        and e._.value
        and not (e.start >= 2 and sent.doc[e.start - 2].lower_ == "as" and sent.doc[e.start - 1].lower_ == "of")
        and not _in_subject_clause(e.root, sent.root)
    ]
    if not opening:
        # a sentence with a date of its own ("the following year", "in 1964") is not framed
        return () if any(e.label_ == "DATE" for e in ents_in(sent)) else previous
    joined = {opening[0].root.i, *(c.i for c in opening[0].root.conjuncts)}
    return tuple(e._.value for e in opening if e.root.i in joined)


def _in_subject_clause(t: Token, root: Token) -> bool:
    """A date in a clause or apposition inside the subject ("Soto, the first leader to visit since
    1990, met ...") frames nothing; one on the subject noun itself ("The 1990 accord restored
    ties") still does."""
    path = []
    for a in t.ancestors:
        if a == root:
            break
        path.append(a)
    return (
        bool(path)
        and path[-1].dep_ in ("nsubj", "nsubjpass")
        and any(a.dep_ in ("relcl", "acl", "appos", "advcl") for a in path)
    )


def heading_date(sent: Span) -> tuple:
    """The dates of a line that holds nothing but dates ("1976:", "October 1963:", "1969 and 1972:")."""
    if ":" not in sent.text[-3:]:
        return ()
    words = [t for t in sent if not (t.is_punct or t.is_space or t.lower_ in ("and", "to"))]
    dates = [e for e in ents_in(sent) if e.label_ == "DATE" and e._.value]
    colon = any(t.text == ":" for t in sent[-2:])  # a dateline ("19 December 2017") heads nothing
    if colon and words and dates and all(any(d.start <= t.i < d.end for d in dates) for t in words):
        return tuple(d._.value for d in dates)
    return ()


def make_claim(subject, rule, obj, date, pol, sent: Span) -> Claim:
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Claim("", subject, rule.relation, obj, date, pol, "", start, end, pattern=rule.id)
