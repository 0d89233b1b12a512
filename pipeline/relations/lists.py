"""Lists that carry a relation beyond the parse: items under a colon or header, and dated runs
("including Ghana (1961), Togo and Mali (1962)", "the FAO in 1990 and the ILO in 1991")
whose conjunct structure the parser loses."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .ents import ents_in
from .words import WORDS

# Words that may stand between the items of one list ("A (1963), and the B in 1964, as well as C").
GLUE = WORDS.glue
CUES = WORDS.cues


def colon_items(trigger: Token, sent: Span, text: str) -> list[str]:
    """Codes listed after a colon: in the same sentence, or in the indented list items that follow
    it (the first sentence of each item)."""
    colon = next((t for t in sent if t.text == ":" and t.i > trigger.i), None)
    if colon is None:
        return []
    after = [e._.code for e in ents_in(sent) if e.start > colon.i and e.label_ in ("COUNTRY", "ORG")]
    if after:
        return after
    codes: list[str] = []
    # the sentence may have swallowed the whitespace that indents the first item
    line_end = text.find("\n", sent.start_char + len(sent.text.rstrip()))
    if line_end == -1:
        return codes
    for line in re.finditer(r"[^\n]*", text[line_end + 1 :]):
        if not line.group().strip():
            continue
        if not line.group()[:1].isspace():
            break
        start = line_end + 1 + line.start() + len(line.group()) - len(line.group().lstrip())
        codes += [e._.code for e in _item_entities(sent.doc, start, line_end + 1 + line.end())]
    return codes


def _item_entities(doc, start: int, end: int) -> list[Span]:
    """COUNTRY entities of a list item's first sentence; a bullet mark or a sub-header ("Elsewhere:")
    reads on into the next one. Exceptions ("... except Palestine") are not items."""
    out = []
    for sent in doc.char_span(start, end, alignment_mode="expand").sents:
        out += [e for e in ents_in(sent) if e.label_ == "COUNTRY" and not _excepted(e)]
        bare = sent.text.strip()
        if bare and not bare.endswith(":") and any(ch.isalpha() for ch in bare):
            break  # a bullet mark or a sub-header reads on
    return out


def _excepted(ent: Span) -> bool:
    head = ent.root.head
    if head.lower_ == "for" and head.head.lower_ == "except":
        head = head.head
    return ent.root.dep_ == "pobj" and head.lower_ in ("except", "excepting", "but", "besides")


def _is_glue(tok: Token) -> bool:
    return tok.lower_ in GLUE or tok.is_space or tok.ent_type_ in ("DATE", "LOC")


def item_date(ent: Span, items: list[Span]) -> str | None:
    """The date right after an item, across glue and later items ("A and B in 1964" dates both)."""
    doc = ent.doc
    i = ent.end
    while i < ent.sent.end:
        tok = doc[i]
        if tok.ent_type_ == "DATE" and tok.ent_iob_ == "B":
            date = next((e for e in ents_in(doc) if e.start == i), None)
            return date._.value if date is not None else None
        if not (_is_glue(tok) or any(e.start <= i < e.end for e in items)):
            return None
        i += 1
    return None


def dated_runs(sent: Span, label: str, skip: set[str]) -> list[list[tuple[Span, str | None]]]:
    """Runs of ``label`` entities joined only by list glue, each with the date that follows it.
    A run is kept when at least two of its items carry their own date."""
    items = [e for e in ents_in(sent) if e.label_ == label and e._.code not in skip]
    runs: list[list[Span]] = []
    for ent in items:
        if runs and all(_is_glue(t) for t in sent.doc[runs[-1][-1].end : ent.start]):
            runs[-1].append(ent)
        else:
            runs.append([ent])
    out = []
    for run in runs:
        dated = [(e, item_date(e, run)) for e in run]
        if sum(1 for e, d in dated if d and _date_follows(e, d)) >= 2:
            out.append(dated)
    return out


def _date_follows(ent: Span, value: str) -> bool:
    """The item's own date: the next token, past "in"/"(", is the date."""
    doc = ent.doc
    i = ent.end
    while i < ent.sent.end and doc[i].lower_ in ("(", "in", "on"):
        i += 1
    return i < ent.sent.end and doc[i].ent_type_ == "DATE"


def cued(run: list[tuple[Span, str | None]]) -> bool:
    """The run is introduced as examples: "including", "such as", "like"."""
    first = run[0][0]
    prev = [t for t in first.doc[max(first.sent.start, first.start - 3) : first.start]]
    return any(t.lower_ in CUES for t in prev)


TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)


def table_rows(doc, text: str, tables: dict[str, list[str]]):
    """Markdown/pipe tables whose header or heading names a relation ("Diplomatic relations",
    "| Country | Date established |"): yields (relation, row span, COUNTRY/ORG entities, date value)
    for each data row."""
    blocks, current = [], []
    for m in TABLE_ROW.finditer(text):
        if current and text[current[-1].end() : m.start()].strip():
            blocks.append(current)
            current = []
        current.append(m)
    if current:
        blocks.append(current)
    ents = ents_in(doc)
    for rows in blocks:
        before = text[max(0, rows[0].start() - 200) : rows[0].start()].strip().splitlines()
        title = " ".join(before[-1:] + [rows[0].group()]).lower()
        relation = next((rel for rel, words in tables.items() if any(w in title for w in words)), None)
        if relation is None:
            continue
        for row in rows[1:]:
            if set(row.group().strip()) <= set("|-: "):
                continue  # the |---|---| separator
            inside = [e for e in ents if row.start() <= e.start_char and e.end_char <= row.end()]
            parties = [e for e in inside if e.label_ == ("ORG" if relation == "join_organization" else "COUNTRY")]
            dates = [e._.value for e in inside if e.label_ == "DATE" and e._.value]
            if parties:
                yield relation, row, parties, dates[0] if dates else None
