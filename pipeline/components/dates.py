"""``claims_dates``: DATE spans with ``value`` at the granularity the text states.

Parsing is dateparser's (with ``RELATIVE_BASE`` = the article's ``published`` and its period
info); this module only decides which spans are dates and handles what dateparser has no notion
of: decades, intervals and qualifiers ("late 2013").
"""

from __future__ import annotations

import datetime as dt
import re

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import load_gazetteer
from . import register_extensions
from .periods import recode_by_period

YEAR = r"(1[6-9]\d\d|20\d\d)"
DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(1[6-9]\d0|20\d0)s$", re.I)
INTERVAL = re.compile(rf"^(?:between|from)?\s*{YEAR}\s*(?:and|to|-|–|—|until)\s*{YEAR}$", re.I)
SHORT_INTERVAL = re.compile(rf"^{YEAR}\s*[-–—/]\s*(\d\d)$")  # "1950-53"
QUALIFIER = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late|end of|beginning of|start of|middle of|around|about|circa|c\.|"
                       r"(?:spring|summer|autumn|fall|winter)(?:\s+of)?)[\s-]+)+", re.I)
# "Sept. 9, 1948", "Tuesday, March 3, 1970": one date although it holds a comma
MONTH_DAY_YEAR = re.compile(r"^(?:[A-Z][a-z]+,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}$")
# Durations, ages, vague periods: spaCy calls them DATE, the spec does not.
NOT_DATE = re.compile(
    r"^(?:for\s+)?(?:(?:about|almost|nearly|over|some|more than|less than|the past|the last|the next|"
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|couple of|a few|\d+)\s+)+"
    r"(?:years?|months?|weeks?|days?|decades?|centuries|century)(?:\s+old)?$"
    # "last couple of years" is a duration, "last year" a date: a count must follow last/past/next
    r"|^(?:the\s+)?(?:last|past|next|coming)\s+(?:couple of|few|several|many|\d+|two|three|four|five|six|seven|eight|nine|ten)\s"
    r"|^[\w-]+-(?:year|month|week|day|decade)s?(?:-long)?$"  # "a four-year absence", "a 10-day visit"
    r"|\b(?:now|recently|currently|nowadays|these days|this day|the day|the year|that decade|a decade|"
    r"-year-old|years? old|annual|anniversary|era|age)\b|^(?:the\s+)?(?:summer|winter|spring|autumn|fall)$",
    re.I)
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LEADING = {"the", "in", "on", "since", "by", "until", "as", "of", "from", "during", "after", "before"}
GRANULARITY = {"year": 1, "month": 2, "day": 3}


def parse_published(published: str | None) -> tuple[dt.datetime | None, int]:
    """``published`` → (base datetime, number of stated parts: 1 year, 2 month, 3 day)."""
    if not published:
        return None, 0
    parts = [int(p) for p in published.split("-")]
    return dt.datetime(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), len(parts)


class DateNormaliser:
    """Find DATE spans (spaCy's plus bare years it misses) and give each a spec ``value``."""

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name
        self.gaz = load_gazetteer()  # date-aware codes are settled here, once dates are known
        self.matcher = Matcher(nlp.vocab, validate=True)
        # SHAPE tests are C-level; a REGEX on every token was the stage's main cost. Ranges are
        # checked on the matches (_plausible).
        year = {"SHAPE": "dddd"}
        dash = {"TEXT": {"IN": ["-", "–", "—", "to", "and", "until"]}}
        self.matcher.add("YEAR", [[year]])
        self.matcher.add("INTERVAL", [[{"LOWER": {"IN": ["between", "from"]}}, year, dash, year], [year, {"TEXT": {"IN": ["-", "–", "—"]}}, year],
                                          [year, {"TEXT": {"IN": ["-", "–", "—"]}}, {"SHAPE": "dd"}]])
        # spaCy's NER misses some deictic dates ("met last month"); these are what the spec resolves.
        self.matcher.add("RELATIVE", [[{"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": {"IN": ["year", "month"]}}],
                                      [{"LOWER": {"IN": ["yesterday", "today", "tomorrow"]}}],
                                      [{"LOWER": "on"}, {"LOWER": {"IN": list(WEEKDAYS)}}]])
        self.matcher.add("DECADE", [[{"SHAPE": "ddddx"}]])
        # full dates the NER sometimes misses or cuts ("on 9 September 1948", "Sept. 9, 1948")
        month, day = {"LOWER": {"IN": sorted(MONTHS | {m + "." for m in MONTHS})}}, {"SHAPE": {"IN": ["d", "dd"]}}
        self.matcher.add("FULL", [[day, month, year], [month, day, {"TEXT": ",", "OP": "?"}, year], [month, year]])

    def __call__(self, doc: Doc) -> Doc:
        base, parts = parse_published(doc._.published)
        relative_base = base or dt.datetime(1900, 1, 1)
        # A year-less "December" is in the publication year (spec), unless the sentence tells of
        # the past and that would put it after publication: then the year before.
        parsers = {tense: DateDataParser(languages=["en"], settings={"RELATIVE_BASE": relative_base, "PREFER_DATES_FROM": pref})
                   for tense, pref in (("current", "current_period"), ("past", "past"))}
        candidates = [self._with_day(doc, self._trim(doc, e)) for e in doc.ents if e.label_ == "DATE"]
        candidates += [self._trim(doc, doc[s:e]) for _, s, e in self.matcher(doc) if _plausible(doc[s:e])]
        spans = []
        for span in filter_spans([c for c in candidates if c is not None and len(c)]):
            for piece in self._split(span):
                value = self.value(piece.text, base, parts, parsers["past" if _told_in_past(piece) else "current"])
                if value is not False:
                    out = Span(doc, piece.start, piece.end, label="DATE")
                    out._.value = value
                    spans.append(out)
        kept = [e for e in doc.ents if e.label_ != "DATE" and not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted(kept + spans, key=lambda s: s.start)
        recode_by_period(doc, self.gaz, base.date() if base else None)
        return doc

    @staticmethod
    def _trim(doc: Doc, span: Span) -> Span | None:
        """Drop leading prepositions/"the" and trailing punctuation spaCy sometimes includes."""
        start, end = span.start, span.end
        while start < end and (doc[start].lower_ in LEADING or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[start:end] if end > start else None

    @staticmethod
    def _with_day(doc: Doc, span: Span | None) -> Span | None:
        """"| 5 November 1921 |": the NER sometimes leaves the day number out of the span."""
        if span is None or span.start == 0 or span[0].lower_ not in MONTHS:
            return span
        day = doc[span.start - 1]
        if day.is_digit and 1 <= int(day.text) <= 31:
            return doc[span.start - 1:span.end]
        return span

    @staticmethod
    def _split(span: Span) -> list[Span]:
        """"2016 and 2017" is two dates; "between 1972 and 1975" is one interval."""
        if INTERVAL.match(span.text) and not re.match(r"^\d{4}\s*(and|to)\s", span.text) or MONTH_DAY_YEAR.match(span.text):
            return [span]
        if span[0].lower_ not in ("between", "from") and any(t.lower_ in ("and", "or", ",") for t in span):
            parts, start = [], span.start
            for t in span:
                if t.lower_ in ("and", "or", ","):
                    if t.i > start:
                        parts.append(span.doc[start:t.i])
                    start = t.i + 1
            parts.append(span.doc[start:span.end])
            return [p for p in parts if len(p)]
        return [span]

    @staticmethod
    def value(text: str, base: dt.datetime | None, parts: int, parser: DateDataParser) -> str | None | bool:
        """The spec value of a date text; ``None`` if unresolvable; ``False`` if not a date at all."""
        text = re.sub(r"\s+", " ", text.strip())
        if NOT_DATE.search(text):
            return False
        if m := INTERVAL.match(text):
            return f"{m.group(1)}/{m.group(2)}"
        if (m := SHORT_INTERVAL.match(text)) and m.group(1)[2:] < m.group(2):
            return f"{m.group(1)}/{m.group(1)[:2]}{m.group(2)}"
        if m := DECADE.match(text):
            return f"{m.group(1)}s"
        text = QUALIFIER.sub("", text)
        if re.fullmatch(YEAR, text):
            return text
        absolute = re.search(YEAR, text) is not None
        if not absolute and base is None:
            return None
        data = parser.get_date_data(text)
        if data.date_obj is None or data.period not in GRANULARITY:
            return None if not absolute and _looks_relative(text) else (None if absolute else False)
        date, period = data.date_obj, data.period
        if not absolute:
            if text.lower().removeprefix("on ") in WEEKDAYS:
                date = base - dt.timedelta(days=(base.weekday() - WEEKDAYS.index(text.lower().removeprefix("on "))) % 7)
            if _looks_relative(text) and GRANULARITY[period] > parts:
                return None  # "last month" against a year-only publication date
        return date.strftime(("%Y", "%Y-%m", "%Y-%m-%d")[GRANULARITY[period] - 1])


def _plausible(span: Span) -> bool:
    """Four-digit tokens in a matched date are years 1600-2099; decades end in 0s."""
    return all(re.fullmatch(YEAR, t.text) for t in span if t.shape_ == "dddd") and all(
        DECADE.match(t.text) for t in span if t.shape_ == "ddddx")


def _told_in_past(span: Span) -> bool:
    """The verb the date hangs on is in a past tense ("recalled its ambassador in December")."""
    t = span.root
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t.tag_ in ("VBD", "VBN")
        if t.head == t:
            return False
        t = t.head
    return False


def _looks_relative(text: str) -> bool:
    return bool(re.search(r"\b(this|last|next|ago|yesterday|today|tomorrow|earlier|later|week|"
                          + "|".join(WEEKDAYS) + r")\b", text, re.I))


@Language.factory("claims_dates", assigns=["doc.ents", "span._.value", "span._.code"], requires=["doc.ents"])
def make_date_normaliser(nlp: Language, name: str):
    return DateNormaliser(nlp, name)
