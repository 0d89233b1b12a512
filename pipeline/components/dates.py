"""``claims_dates``: DATE spans with ``value`` at the granularity the text states.

Parsing is dateparser's (with ``RELATIVE_BASE`` = the article's ``published`` and its period
info); this module decides which spans are dates and applies what dateparser has no notion of
(``date_rules``): decades, intervals, qualifiers ("late 2013"), the verb's tense for weekdays and
month-days, "last October", "later that year", "'49", holidays. Then date-aware country codes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import load_gazetteer
from . import register_extensions
from .date_rules import (
    MONTHS,
    WEEKDAYS,
    Words,
    anchored,
    holiday_date,
    load_words,
    named_month,
    two_digit_decade,
    two_digit_year,
    weekday_date,
    year_for,
)
from .periods import recode_by_period

YEAR = r"(1[6-9]\d\d|20\d\d)"
MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(1[6-9]\d0|20\d0)s$", re.I)
SHORT_DECADE = re.compile(r"^['’]?(\d0)s$")  # "'80s" (qualifiers already dropped)
INTERVAL = re.compile(rf"^(?:between|from)?\s*{YEAR}\s*(?:and|to|-|–|—|until)\s*{YEAR}$", re.I)
SHORT_INTERVAL = re.compile(rf"^{YEAR}\s*[-–—/]\s*(\d\d)$")  # "1950-53"
QUALIFIER = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late|end of|beginning of|start of|middle of|around|about|circa|c\.|"
    r"(?:first|second|last|latter|early|late)\s+half\s+of(?:\s+the)?|"
    r"(?:spring|summer|autumn|fall|winter)(?:\s+of)?)[\s-]+)+",
    re.I,
)
# "earlier this month", "almost two years ago": the period is the plain one's
RELATIVE_QUALIFIER = re.compile(
    r"^(?:(?:earlier|later)\s+(?=(?:this|last|next)\s)|"
    r"(?:almost|nearly|about|some|over|more than|just|roughly|around|exactly)\s+(?=.*\bago$))",
    re.I,
)
# "Sept. 9, 1948", "Tuesday, March 3, 1970": one date although it holds a comma
MONTH_DAY_YEAR = re.compile(r"^(?:[A-Z][a-z]+,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*\d{4}$")
COUNT = (
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?|hundred|"
    r"several|few|many|couple of|a few|a dozen|dozens of|\d+"
)
# Durations, ages, vague periods: spaCy calls them DATE, the spec does not.
NOT_DATE = re.compile(
    rf"^(?:for\s+)?(?:(?:about|almost|nearly|over|some|more than|less than|the past|the last|the next|{COUNT})\s+)+"
    r"(?:years?|months?|weeks?|days?|decades?|centuries|century)(?:\s+old)?$"
    # "last couple of years" is a duration, "last year" a date: a count must follow last/past/next
    rf"|^(?:the\s+)?(?:last|past|next|coming)\s+(?:couple of|few|several|many|\d+|{COUNT})\s"
    rf"|^(?:{COUNT})\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:earlier|later|before|after|on)$"  # "a day earlier"
    r"|^[\w-]+-(?:year|month|week|day|decade)s?(?:-long)?$"  # "a four-year absence", "a 10-day visit"
    r"|^\d{1,3}\s*[-–]\s*\d{1,3}$"  # scores and votes: "won 3-1", "passed 49-12"
    r"|\b(?:now|recently|currently|nowadays|these days|this day|the day|the year|that decade|a decade(?! ago)|every|each|"
    r"-year-old|years? old|the age of|annual|anniversary|era|age)\b|^(?:the\s+)?(?:summer|winter|spring|autumn|fall)$",
    re.I,
)
THAT = re.compile(r"^(?:(?:later|earlier)\s+)?that\s+(year|month|day)$", re.I)  # "later that year"
FOLLOWING = re.compile(r"^(?:the\s+)?(?:following|next)\s+(year|month|day)$", re.I)  # "the following year"
NAMED_MONTH = re.compile(rf"^(last|this|next)\s+{MONTH}$", re.I)  # "last October"
MONTH_OF_YEAR = re.compile(rf"^{MONTH}\s+(this|last|next)\s+year$", re.I)  # "January this year"
MONTH_OF_THAT = re.compile(
    rf"^{MONTH}\s+(?:of\s+)?(that|the same|the following|the next)\s+year$", re.I
)  # "December of that year"
MONTH_DAY = re.compile(rf"^{MONTH}\s+{DAY}$|^{DAY}\s+(?:of\s+)?{MONTH}$", re.I)  # "Dec. 15", "3 June"
LEADING = {"the", "in", "on", "since", "by", "until", "as", "of", "from", "during", "after", "before", "back"}
DAY_WORDS = {"tonight", "today", "tomorrow", "yesterday"}
GRANULARITY = {"year": 1, "month": 2, "day": 3}
APOSTROPHES = ("'", "’")


def parse_published(published: str | None) -> tuple[dt.datetime | None, int]:
    """``published`` → (base datetime, number of stated parts: 1 year, 2 month, 3 day)."""
    if not published:
        return None, 0
    parts = [int(p) for p in published.split("-")]
    return dt.datetime(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), len(parts)


@dataclass
class Context:
    """What a date expression resolves against: the publication date and how much of it is
    stated, the verb's tense, the dates stated before it in the article."""

    base: dt.datetime | None
    parts: int
    parser: DateDataParser
    words: Words
    tense: str = "present"
    after_the: bool = False  # "the next year" (anchored) vs "next year" (deictic)
    before: list[str] = field(default_factory=list)
    sentence_year: int | None = None  # the year a date earlier in the same sentence stated
    passage_year: int | None = None  # the year an earlier sentence of the paragraph wrote out


class DateNormaliser:
    """Find DATE spans (spaCy's plus forms it misses) and give each a spec ``value``."""

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name
        self.gaz = load_gazetteer()  # date-aware codes are settled here, once dates are known
        self.words = load_words()
        self.matcher = Matcher(nlp.vocab, validate=True)
        # SHAPE tests are C-level; a REGEX on every token was the stage's main cost. Ranges are
        # checked on the matches (_plausible).
        year = {"SHAPE": "dddd"}
        dash = {"TEXT": {"IN": ["-", "–", "—", "to", "and", "until"]}}
        self.matcher.add("YEAR", [[year]])
        self.matcher.add(
            "INTERVAL",
            [
                [{"LOWER": {"IN": ["between", "from"]}}, year, dash, year],
                [year, {"TEXT": {"IN": ["-", "–", "—"]}}, year],
                [year, {"TEXT": {"IN": ["-", "–", "—"]}}, {"SHAPE": "dd"}],
                [{"SHAPE": {"IN": ["dddd-dddd", "dddd–dddd", "dddd—dddd"]}}],
            ],
        )
        # spaCy's NER misses some deictic dates ("met last month", "tonight"); the spec resolves them.
        self.matcher.add(
            "RELATIVE",
            [
                [{"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": {"IN": ["year", "month"]}}],
                [{"LOWER": {"IN": sorted(DAY_WORDS)}}],
                [{"LOWER": "this"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
                [{"LOWER": "on"}, {"LOWER": {"IN": list(WEEKDAYS)}}],
                [
                    {"LOWER": {"IN": sorted(MONTHS)}},
                    {"LOWER": "of", "OP": "?"},
                    {"LOWER": {"IN": ["that", "the"]}},
                    {"LOWER": {"IN": ["same", "following", "next"]}, "OP": "?"},
                    {"LOWER": "year"},
                ],
            ],
        )
        self.matcher.add(
            "DECADE",
            [
                [{"SHAPE": "ddddx"}],
                [
                    {"LOWER": {"IN": ["early", "mid", "late"]}, "OP": "?"},
                    {"TEXT": {"IN": list(APOSTROPHES)}},
                    {"SHAPE": "ddx"},
                ],
                [
                    {"LOWER": {"IN": ["first", "second", "last", "latter"]}},
                    {"LOWER": "half"},
                    {"LOWER": "of"},
                    {"LOWER": "the"},
                    {"TEXT": {"IN": list(APOSTROPHES)}, "OP": "?"},
                    {"SHAPE": {"IN": ["ddx", "ddddx"]}},
                ],
            ],
        )
        # full dates the NER sometimes misses or cuts ("on 9 September 1948", "March 3rd, 1999")
        month = {"LOWER": {"IN": sorted(set(MONTHS) | {m + "." for m in MONTHS})}}
        day = {"SHAPE": {"IN": ["d", "dd", "dxx", "ddxx"]}}
        self.matcher.add("FULL", [[day, month, year], [month, day, {"TEXT": ",", "OP": "?"}, year], [month, year]])
        self.matcher.add(
            "HOLIDAY",
            [[{"ORTH": t.text} for t in nlp.make_doc(h)] + [{"SHAPE": "dddd", "OP": "?"}] for h in self.words.holidays],
        )
        self.parsers: dict[dt.datetime, DateDataParser] = {}

    def __call__(self, doc: Doc) -> Doc:
        base, parts = parse_published(doc._.published)
        relative_base = base or dt.datetime(1900, 1, 1)
        if relative_base not in self.parsers:  # one parser per publication date (RELATIVE_BASE)
            self.parsers[relative_base] = DateDataParser(
                languages=["en"], settings={"RELATIVE_BASE": relative_base, "PREFER_DATES_FROM": "current_period"}
            )
        ctx = Context(base, parts, self.parsers[relative_base], self.words)
        candidates = [self._with_day(doc, self._trim(doc, e)) for e in doc.ents if e.label_ == "DATE"]
        candidates += [self._trim(doc, doc[s:e]) for _, s, e in self.matcher(doc) if _plausible(doc[s:e])]
        spans = []
        years: dict[int, int] = {}  # sentence start → the year its latest dated expression stated
        # (paragraph start, sentence start, year) of the latest year written out
        written: tuple[int, int, int] | None = None
        text = doc.text  # read once: each doc.text rebuilds the string
        for span in filter_spans([c for c in candidates if c is not None and len(c)]):
            for piece in self._split(span):
                ctx.tense, ctx.after_the = (
                    tense_of(piece, self.words),
                    piece.start > 0 and doc[piece.start - 1].lower_ == "the",
                )
                ctx.sentence_year = years.get(piece.sent.start)
                para = text.rfind("\n", 0, doc[piece.start].idx) + 1  # the paragraph: after the last line break
                ctx.passage_year = (
                    written[2] if written and written[0] == para and written[1] != piece.sent.start else None
                )
                value = resolve(piece.text, ctx)
                if value and re.match(r"\d{4}", value):
                    years[piece.sent.start] = int(value[:4])
                    if re.search(YEAR, piece.text):
                        written = (para, piece.sent.start, int(value[:4]))
                if value is not False:
                    out = Span(doc, piece.start, piece.end, label="DATE")
                    out._.value = value
                    spans.append(out)
                    if value:
                        ctx.before.append(value)
        kept = [
            e for e in doc.ents if e.label_ != "DATE" and not any(e.start < s.end and s.start < e.end for s in spans)
        ]
        doc.ents = sorted(kept + spans, key=lambda s: s.start)
        recode_by_period(doc, self.gaz, base.date() if base else None)
        return doc

    @staticmethod
    def _trim(doc: Doc, span: Span) -> Span | None:
        """Drop leading prepositions/"the" and trailing punctuation spaCy sometimes includes; keep
        the apostrophe of "'49" and the "from" of "from 1994 to 1998"."""
        start, end = span.start, span.end
        while start < end and (doc[start].lower_ in LEADING or doc[start].is_punct):
            if doc[start].text in APOSTROPHES and start + 1 < end and not doc[start].whitespace_:
                break
            if doc[start].lower_ == "from" and INTERVAL.match(doc[start:end].text):
                break
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[start:end] if end > start else None

    @staticmethod
    def _with_day(doc: Doc, span: Span | None) -> Span | None:
        """ "| 5 November 1921 |": the NER sometimes leaves the day number out of the span."""
        if span is None or span.start == 0 or span[0].lower_ not in MONTHS:
            return span
        day = doc[span.start - 1]
        if day.is_digit and 1 <= int(day.text) <= 31:
            return doc[span.start - 1 : span.end]
        return span

    @staticmethod
    def _split(span: Span) -> list[Span]:
        """ "2016 and 2017" is two dates; "between 1972 and 1975" is one interval."""
        if (
            INTERVAL.match(span.text)
            and not re.match(r"^\d{4}\s*(and|to)\s", span.text)
            or MONTH_DAY_YEAR.match(span.text)
        ):
            return [span]
        if span[0].lower_ not in ("between", "from") and any(t.lower_ in ("and", "or", ",") for t in span):
            parts, start = [], span.start
            for t in span:
                if t.lower_ in ("and", "or", ","):
                    if t.i > start:
                        parts.append(span.doc[start : t.i])
                    start = t.i + 1
            parts.append(span.doc[start : span.end])
            return [p for p in parts if len(p)]
        return [span]


def resolve(text: str, ctx: Context) -> str | None | bool:
    """The spec value of a date text; ``None`` if unresolvable; ``False`` if not a date at all."""
    text = re.sub(r"\s+", " ", text.strip())
    if NOT_DATE.search(text) or re.fullmatch(r"\d{1,2}", text):  # "aged 71", "He was 49"
        return False
    if m := re.fullmatch(r"['’](\d\d)", text):
        year = two_digit_year(int(m.group(1)), ctx.base and ctx.base.date(), ctx.tense)
        return str(year) if year else None
    if m := INTERVAL.match(text):
        return f"{m.group(1)}/{m.group(2)}"
    if (m := SHORT_INTERVAL.match(text)) and m.group(1)[2:] < m.group(2):
        return f"{m.group(1)}/{m.group(1)[:2]}{m.group(2)}"
    if m := DECADE.match(text):
        return f"{m.group(1)}s"
    text = QUALIFIER.sub("", text)
    if m := DECADE.match(text):  # "the last half of the 1980s"
        return f"{m.group(1)}s"
    if m := SHORT_DECADE.match(text):
        return two_digit_decade(int(m.group(1)), ctx.base and ctx.base.date())
    if re.fullmatch(YEAR, text):
        return text
    if m := THAT.match(text):
        return anchored(m.group(1).lower(), 0, ctx.before)
    if m := MONTH_OF_THAT.match(text):
        year = anchored("year", 0 if m.group(2).lower() in ("that", "the same") else 1, ctx.before)
        return f"{year}-{MONTHS[m.group(1).lower()]:02d}" if year else None
    if (m := FOLLOWING.match(text)) and (ctx.after_the or text.lower().startswith(("the ", "following"))):
        return anchored(m.group(1).lower(), 1, ctx.before)
    if (m := re.fullmatch(rf"(.+?)(?:,? {YEAR})?", text)) and m.group(1) in ctx.words.holidays:
        day = holiday_date(
            m.group(1), int(m.group(2)) if m.group(2) else None, ctx.base and ctx.base.date(), ctx.tense, ctx.words
        )
        return day.isoformat() if day else None
    absolute = re.search(YEAR, text) is not None
    if not absolute:
        return _relative(text, ctx)
    data = ctx.parser.get_date_data(text)
    if data.date_obj is None or data.period not in GRANULARITY:
        return None
    return data.date_obj.strftime(("%Y", "%Y-%m", "%Y-%m-%d")[GRANULARITY[data.period] - 1])


def _relative(text: str, ctx: Context) -> str | None | bool:
    """A text without a year: resolved against ``published`` at no finer granularity than it states."""
    if ctx.base is None and not (ctx.sentence_year and MONTH_DAY.match(text)):
        return None
    base = ctx.base.date() if ctx.base else dt.date(ctx.sentence_year, 1, 1)
    if m := NAMED_MONTH.match(text):
        year, month = named_month(m.group(1).lower(), MONTHS[m.group(2).lower()], base)
        return f"{year}-{month:02d}" if ctx.parts >= 2 else None
    if m := MONTH_OF_YEAR.match(text):
        year = base.year + {"this": 0, "last": -1, "next": 1}[m.group(2).lower()]
        return f"{year}-{MONTHS[m.group(1).lower()]:02d}"
    if (weekday := text.lower().removeprefix("on ")) in WEEKDAYS:
        return weekday_date(WEEKDAYS.index(weekday), base, ctx.tense).isoformat() if ctx.parts == 3 else None
    if m := MONTH_DAY.match(text):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month, day = MONTHS[month.lower()], int(day)
        # "In 1991 X was recognised by A on 26 June": the year the sentence already stated; in the
        # past tense, the year the paragraph wrote out ("... in October 1968. Chile followed on 9
        # October": annotation guide, timelines and anniversary passages)
        passage = ctx.passage_year if ctx.tense == "past" else None
        year = ctx.sentence_year or passage or (year_for(month, day, base, ctx.tense) if ctx.parts >= 2 else base.year)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:  # "February 30"
            return False
    if (month := MONTHS.get(text.lower().rstrip("."))) is not None:
        year = year_for(month, None, base, ctx.tense) if ctx.parts >= 2 else base.year
        return f"{year}-{month:02d}"
    data = ctx.parser.get_date_data(RELATIVE_QUALIFIER.sub("", text))
    if data.date_obj is None or data.period not in GRANULARITY:
        return None if _looks_relative(text) else False
    if _looks_relative(text) and GRANULARITY[data.period] > ctx.parts:
        return None  # "last month" against a year-only publication date
    return data.date_obj.strftime(("%Y", "%Y-%m", "%Y-%m-%d")[GRANULARITY[data.period] - 1])


def tense_of(span: Span, words: Words) -> str:
    """past, present or future: the tense of the verb the date hangs on ("will meet on Tuesday")."""
    t = span.root
    for _ in range(6):
        if t.lower_ in words.future_words and t.tag_ != "VBD":  # "scheduled for", "due on"
            return "future"
        if t.pos_ in ("VERB", "AUX"):
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if aux & words.future_aux:  # "will meet"
                return "future"
            if t.tag_ == "VB" and "to" in aux:
                # "plans to visit on Tuesday" looks ahead; "ordered Chile on Monday to close its
                # embassy" (the parser often hangs the date on the infinitive) tells a past order
                if t.dep_ == "xcomp" and t.head.tag_ == "VBD" and t.head.lower_ not in words.future_words:
                    return "past"
                return "future"
            return "past" if t.tag_ in ("VBD", "VBN") else "present"
        if t.head == t:
            break
        t = t.head
    return "present"


def _plausible(span: Span) -> bool:
    """Four-digit tokens in a matched date are years 1600-2099; decades end in 0s."""
    return all(re.fullmatch(YEAR, t.text) for t in span if t.shape_ == "dddd") and all(
        DECADE.match(t.text) for t in span if t.shape_ == "ddddx"
    )


def _looks_relative(text: str) -> bool:
    return bool(
        re.search(
            r"\b(this|last|next|ago|yesterday|today|tomorrow|tonight|earlier|later|week|morning|"
            + "|".join(WEEKDAYS)
            + r")\b",
            text,
            re.I,
        )
    )


@Language.factory("claims_dates", assigns=["doc.ents", "span._.value", "span._.code"], requires=["doc.ents"])
def make_date_normaliser(nlp: Language, name: str):
    return DateNormaliser(nlp, name)
