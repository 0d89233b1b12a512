"""``claims_entities``: COUNTRY and ORG spans with codes, from the gazetteer and spaCy's NER."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Gazetteer, load_gazetteer
from ..headlines import SMALL_WORDS
from ..relations.words import WORDS
from . import register_extensions
from .places import names_something_else

# spaCy labels whose spans are proper names: a country strictly inside one is part of a name
# ("Cairo International Airport", "Bank of Japan", "Institute for Cuba Studies"), not an entity.
NAME_LABELS = {"ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "PERSON"}


class FuzzyCountries:
    """Misspelt or variant country names → code, refusing near-ties between different states."""

    def __init__(self, names: dict[str, str], cutoff: float, margin: float, min_length: int):
        self.codes = {name.lower(): code for name, code in names.items()}
        self.choices = list(self.codes)
        self.cutoff, self.margin, self.min_length = cutoff, margin, min_length

    def __call__(self, text: str) -> str | None:
        query = text.lower()
        if len(query) < self.min_length:
            return None
        if query in self.codes:
            return self.codes[query]
        best = process.extract(query, self.choices, scorer=fuzz.ratio, limit=5)
        if not best or best[0][1] < self.cutoff:
            return None
        code = self.codes[best[0][0]]
        rivals = [(name, score) for name, score, _ in best[1:] if self.codes[name] != code]
        # Niger/Nigeria, Austria/Australia: a rival state scoring nearly as well means "don't know";
        # so does one as few edits away when a swapped pair counts as one ("Laogs": Laos or Lagos).
        edits = OSA.distance(query, best[0][0])
        if any(best[0][1] - score < self.margin or OSA.distance(query, name) <= edits for name, score in rivals):
            return None
        return code


class EntityRuler:
    """Gazetteer phrase matching + normalisation of spaCy's GPE/NORP/ORG entities."""

    def __init__(self, nlp: Language, name: str, fuzzy_cutoff: float, fuzzy_margin: float, fuzzy_min_length: int):
        register_extensions()
        self.name = name
        self.gaz: Gazetteer = load_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = {
            **{f: ("COUNTRY", c, k) for f, (c, k) in self.gaz.countries.items()},
            **{f: ("ORG", c, "names") for f, c in self.gaz.orgs.items()},
            **{f: ("BLOCK", "", "names") for f in self.gaz.blocked},
        }
        self.forms = {}
        for form, info in forms.items():
            for variant in {form, form.upper()}:
                self.forms[variant] = info
        for variant, (label, _, _) in self.forms.items():
            self.matcher.add(label, [nlp.make_doc(variant)])
        self.fuzzy = FuzzyCountries(self.gaz.names(), fuzzy_cutoff, fuzzy_margin, fuzzy_min_length)

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in (self._gazetteer_span(doc, start, end) for _, start, end in self.matcher(doc)) if s]
        spans += self._fuzzy_spans(doc, spans)
        names = [e for e in doc.ents if e.label_ in NAME_LABELS]  # doc.ents rebuilds spans: read it once
        spans = filter_spans(spans)
        known = {
            i: (s._.code or "", self.forms.get(s.text, ("", "", "names"))[2])
            for s in spans
            for i in range(s.start, s.end)
        }
        spans = [
            s
            for s in spans
            if s.label_ != "BLOCK"
            and not self._inside_name(names, s)
            and not (
                known[s.start][1] == "capitals" and not _in_headline(s) and names_something_else(s, s._.code, known)
            )
        ]
        spans = [self._with_article(doc, s) if s.label_ == "ORG" else s for s in spans]
        others = [
            e
            for e in doc.ents
            if e.label_ not in ("GPE", "NORP", "ORG") and not any(e.start < s.end and s.start < e.end for s in spans)
        ]
        doc.ents = sorted(spans + others, key=lambda s: s.start)
        return doc

    def _gazetteer_span(self, doc: Doc, start: int, end: int) -> Span | None:
        span = doc[start:end]
        label, code, kind = self.forms[span.text]
        if kind == "demonyms" and not self._is_modifier(span):
            return None
        out = Span(doc, start, end, label=label)
        # spec: a state-like entity without a code is OTHER:<name as written>
        out._.code = f"OTHER:{span.text}" if code.startswith("OTHER:") and kind == "names" else code
        return out

    @staticmethod
    def _is_modifier(span: Span) -> bool:
        """Demonyms count only as modifiers: "Swedish diplomats", not "the Swedish" or "Swedish" alone."""
        root = span.root
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        head = root
        while head.dep_ == "conj":  # "the Czechoslovak and Yugoslav envoys"
            head = head.head
        return head.dep_ in ("amod", "compound", "nmod") or (
            nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end
        )

    def _fuzzy_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        out = []
        for ent in doc.ents:
            if ent.label_ != "GPE" or any(ent.start < s.end and s.start < ent.end for s in found):
                continue
            ent = ent[1:] if ent[0].lower_ == "the" else ent
            code = self.fuzzy(ent.text) if len(ent) else None
            if code:
                span = Span(doc, ent.start, ent.end, label="COUNTRY")
                span._.code = code
                out.append(span)
        return out

    @staticmethod
    def _inside_name(names: list[Span], span: Span) -> bool:
        """True when a spaCy name entity strictly contains the span and continues it as a name."""
        if span.label_ != "COUNTRY":
            return False
        doc = span.doc
        for ent in names:
            if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
                after = doc[span.end] if span.end < ent.end else None
                if span.start > ent.start and doc[span.start - 1].lower_ not in ("the", "'s"):
                    if (
                        span.start - ent.start >= 2
                        and doc[span.start - 1].lower_ == "of"
                        and doc[span.start - 2].lower_ in WORDS.state_of_nouns
                    ):
                        return False  # "the Embassy of Peru": the state's own office
                    return not _in_headline(span)
                if after is not None and after.is_title and after.text not in ("'s", "’s"):
                    return not _in_headline(span)
        return False

    @staticmethod
    def _with_article(doc: Doc, span: Span) -> Span:
        """ORG spans include a directly preceding "the" (spec example: "the WHO")."""
        if span.start > 0 and doc[span.start - 1].lower_ == "the":
            out = Span(doc, span.start - 1, span.end, label=span.label_)
            out._.code = span._.code
            return out
        return span


def _in_headline(span: Span) -> bool:
    """True when the span's line is a title-cased headline, where spaCy's name entities are guesses
    (every word capitalised looks like an ORG or WORK_OF_ART to the NER)."""
    doc = span.doc
    start, end = span.start, span.end  # the line, by tokens: Doc.text would rebuild the whole text
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    words = [t.text for t in doc[start:end] if t.text[:1].isalpha()]
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in content)


@Language.factory(
    "claims_entities",
    assigns=["doc.ents", "span._.code"],
    default_config={"fuzzy_cutoff": 85.0, "fuzzy_margin": 4.0, "fuzzy_min_length": 5},
)
def make_entity_ruler(nlp: Language, name: str, fuzzy_cutoff: float, fuzzy_margin: float, fuzzy_min_length: int):
    return EntityRuler(nlp, name, fuzzy_cutoff, fuzzy_margin, fuzzy_min_length)
