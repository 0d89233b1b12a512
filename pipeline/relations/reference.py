"""What a token stands for: the states (or organisations) behind names, officials, aliases,
pronouns, relative clauses, groups and "the two"/"the four countries", resolved through an
article-level ``Context``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

import pycountry
from spacy.tokens import Doc, Span, Token

from .ents import ents_in
from .words import DESCRIPTIONS, WORDS

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


ACTOR_NOUNS = WORDS.actor_nouns
COLLECTIVE_NOUNS = WORDS.collective_nouns
INSTRUMENT_NOUNS = WORDS.instrument_nouns
ALIAS_NOUNS = WORDS.alias_nouns
PRONOUNS = WORDS.pronouns | WORDS.personal_pronouns
RELATIVES = WORDS.relatives
PERSONAL_PRONOUNS = WORDS.personal_pronouns
FIRST_PERSON = {"we", "our", "us", "ours"}
SAY_VERBS = WORDS.say_verbs


@dataclass
class Context:
    """What the article has fixed so far: its main actor, who officials are, recent mentions."""

    main_actor: str | None = None
    dominant: bool = False  # the main actor is what the whole article is about
    people: dict[str, str] = field(default_factory=dict)  # surname → state code
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "north korean" → PRK, for "the North Koreans"
    metonyms: dict[str, str] = field(default_factory=dict)  # "Kremlin" → RUS
    pair: tuple[str, ...] = ()  # the two states an article on "A–B relations" is about

    @classmethod
    def of(
        cls,
        doc: Doc,
        groups: dict[str, tuple[str, ...]],
        demonyms: dict[str, str] | None = None,
        officials: dict[str, str] | None = None,
        metonyms: dict[str, str] | None = None,
    ) -> Context:
        counts = Counter(e._.code for e in ents_in(doc) if e.label_ == "COUNTRY")
        top = counts.most_common(2)
        main = top[0][0] if top and (len(top) == 1 or top[0][1] >= 1.5 * top[1][1]) else None
        ctx = cls(
            main_actor=main,
            people={},
            groups=groups,
            demonyms={k.lower(): v for k, v in (demonyms or {}).items()},
            metonyms={k.lower(): v for k, v in (metonyms or {}).items()},
        )
        ctx.dominant = bool(top) and (len(top) == 1 or top[0][1] >= 3 * top[1][1])
        ctx.pair = article_pair(doc)
        for ent in ents_in(doc):
            if ent.label_ == "PERSON":
                code = ctx.modifier_codes(ent.root, {"COUNTRY"})
                if not code and ent.root.dep_ == "appos":  # "Venezuela's President, Nicolas Maduro"
                    code = ctx.modifier_codes(ent.root.head, {"COUNTRY"})
                if not code and (officials or {}).get(ent.text):  # "Kim Jong Un" with no state named
                    code = [officials[ent.text]]
                if not code and officials and (titled := by_surname(ent, officials)):  # "President Carter"
                    code = [titled]
                if code:  # family name last ("Putin") or first ("Kim Jong Un")
                    for name in {ent[0].lower_, ent[-1].lower_}:
                        ctx.people.setdefault(name, code[0])
        return ctx

    @staticmethod
    def modifier_codes(token: Token, labels: set[str]) -> list[str]:
        """Codes of entities that modify ``token``: "Russian President Putin", "Mongolia's President"."""
        out = []
        for child in token.children:
            if child.dep_ == "appos" and child.i and child.doc[child.left_edge.i - 1].text == ":":
                continue  # "recognised Palestine's sovereignty: Chile, Peru": a list, not a modifier
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos") or (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                # "the leaders of Chile, Peru and Fiji": every conjunct of the "of" object
                for t in [child] + [
                    x for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj" for x in (g, *g.conjuncts)
                ]:
                    if t.ent_type_ in labels and t.ent_iob_ in ("B", "I"):
                        out.append(entity_code(t))
                    elif t.dep_ == "compound" or t.ent_type_ == "PERSON":
                        out += Context.modifier_codes(t, labels)
        return out


TITLES = {
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "chairman",
    "leader",
    "king",
    "queen",
    "emperor",
}


def by_surname(ent: Span, officials: dict[str, str]) -> str | None:
    """A well-known official by title and surname ("President Carter", "Premier Zhou"): the state
    of the one listed official with that surname, if exactly one state has one."""
    before = ent.doc[ent.start - 1] if ent.start else None
    titled = (
        before is not None
        and before.lemma_.lower() in TITLES
        or any(c.lemma_.lower() in TITLES for c in ent.root.lefts)
    )
    if not titled:
        return None
    codes = {
        code
        for name, code in officials.items()
        if name.split()[-1] == ent[-1].text or name.split()[0] == ent[0].text == ent[-1].text
    }
    return codes.pop() if len(codes) == 1 else None


def article_pair(doc: Doc) -> tuple[str, ...]:
    """ "Laos–Chile relations", "the relations between A and B" in an article's first
    three sentences fix the two states its unattributed relation sentences are about."""
    for sent in islice(doc.sents, 3):
        codes = [e._.code for e in ents_in(sent) if e.label_ == "COUNTRY"]
        for t in sent:
            if t.lemma_ not in ("relation", "relations", "tie", "ties"):
                continue
            # "Laos–Chile relations", and a headline's "Laos, Chile Ties Snap" (only a list stands between)
            before = [
                e._.code
                for e in ents_in(sent)
                if e.label_ == "COUNTRY"
                and e.end <= t.i
                and (
                    t.i - e.end <= 2
                    or all(
                        x.ent_type_ == "COUNTRY" or x.text in (",", "and", "-", "–", "—", "/")
                        for x in sent.doc[e.end : t.i]
                    )
                )
            ]
            between = [
                e._.code
                for e in ents_in(sent)
                if e.label_ == "COUNTRY" and any(c.lower_ == "between" and e.root in c.subtree for c in t.children)
            ]
            # "Fiji cuts ties with Chile": the clause's subject and the state after "with"
            # ("Algeria announced to cut relations with Morocco": the subject of the governing verb)
            verb = t.head if t.dep_ in ("dobj", "nsubjpass") else None
            while (
                verb is not None
                and not any(c.dep_ == "nsubj" for c in verb.children)
                and verb.dep_ in ("xcomp", "ccomp", "advcl")
            ):
                verb = verb.head
            actor = [
                entity_code(c)
                for c in (verb.children if verb is not None else ())
                if c.dep_ == "nsubj" and c.ent_type_ == "COUNTRY"
            ]
            other = [
                entity_code(g) for c in t.children if c.lower_ == "with" for g in c.subtree if g.ent_type_ == "COUNTRY"
            ]
            for found in (between, before[-2:], actor[:1] + other[:1]):
                if len(set(found)) == 2 and set(found) <= set(codes):
                    return tuple(dict.fromkeys(found))
    return ()


def entity_span(token: Token) -> Span | None:
    """The entity the token is part of, from its IOB tags (``doc.ents`` rebuilds every span)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entity_code(token: Token) -> str | None:
    span = entity_span(token)
    if span is None or span.root.ent_type_ not in ("COUNTRY", "ORG"):
        return None
    return Span(span.doc, span.start, span.end, label=span.root.ent_type_)._.code


def previous_sentence(sent: Span) -> Span | None:
    return sent.doc[sent.start - 1].sent if sent.start > 0 else None


def window_start(sent: Span, back: int = 1) -> int:
    """Where the look-back window for a sentence starts: ``back`` sentences before it, if there are."""
    for _ in range(back):
        prev = previous_sentence(sent)
        if prev is None:
            break
        sent = prev
    return sent.start


def is_venue(ent: Span) -> bool:
    """A state or capital named as where something happens ("a conference in Madrid") is a place,
    not a party that "the two countries" or "the Jewish state" could point back to."""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in ("in", "at")
        and root.head.head.pos_ in ("NOUN", "VERB")
        and root.head.head.lemma_ not in MISSION_HEADS
    )


MISSION_HEADS = {"embassy", "consulate", "mission", "office", "ambassador", "envoy", "diplomat", "interest"}


def parties_before(token: Token, back: int = 1) -> list[Span]:
    """The COUNTRY entities of this and the ``back`` previous sentences before ``token``, venues left out."""
    start = window_start(token.sent, back)
    return [
        e
        for e in ents_in(token.doc)
        if start <= e.start and e.end <= token.i and e.label_ == "COUNTRY" and not is_venue(e)
    ]


def recent_codes(token: Token, n: int, back: int = 1) -> list[str]:
    """The last ``n`` distinct country codes mentioned before ``token`` (this or the previous sentences)."""
    out: list[str] = []
    for ent in reversed(parties_before(token, back)):
        if ent._.code not in out:
            out.append(ent._.code)
        if len(out) == n:
            break
    return out


COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def recent_group(token: Token, n: int, ctx: Context | None = None, back: int = 1) -> list[str]:
    """ "the two", "both countries", "the four states": the last list of exactly ``n`` states named
    together ("A, B, C and D") before the token. Pairs are common, so "the two" only looks back
    ``back`` sentences; a longer list is distinctive enough to find anywhere earlier."""
    start = window_start(token.sent, back) if n == 2 else 0
    for t in reversed(token.doc[start : token.i]):
        if (
            ctx is not None and len(group := group_codes(t, ctx)) == n
        ):  # "the Nordic countries ... the five nations" (a gazetteer group)
            return list(group)
        if t.ent_type_ == "COUNTRY" and t.dep_ != "conj" and t.conjuncts:
            codes = list(
                dict.fromkeys(c for m in (t, *t.conjuncts) if m.ent_type_ == "COUNTRY" and (c := entity_code(m)))
            )
            if len(codes) == n:
                return codes
    return []


def recent_list(token: Token) -> list[str]:
    """ "these countries", "those states": the last list of two or more states named together in
    this or the previous sentence ("relations with these states ended: A, B" points ahead instead)."""
    if any(t.text == ":" for t in token.doc[token.i : token.sent.end]):
        return []
    for t in reversed(token.doc[window_start(token.sent) : token.i]):
        if t.ent_type_ == "COUNTRY" and t.dep_ != "conj" and t.conjuncts:
            codes = list(
                dict.fromkeys(c for m in (t, *t.conjuncts) if m.ent_type_ == "COUNTRY" and (c := entity_code(m)))
            )
            if len(codes) >= 2:
                return codes
    return []


@cache
def official_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return getattr(country, "official_name", "") or getattr(country, "name", "")


def _first_conjunct(t: Token) -> Token:
    while t.dep_ == "conj":
        t = t.head
    return t


def _apposed_state(token: Token) -> list[str]:
    """The state right before ", a <description>" ("Fiji, an island nation"), however parsed."""
    start = token.left_edge.i
    if start < 2 or token.doc[start - 1].text != "," or token.doc[start].lower_ not in ("a", "an", "the"):
        return []
    before = token.doc[start - 2]
    code = entity_code(before) if before.ent_type_ == "COUNTRY" else None
    return [code] if code else []


BIRTH_WORDS = {"independence", "independent", "secede", "secession", "proclaim", "birth", "found"}


def described_state(token: Token, ctx: Context) -> list[str]:
    """ "the kingdom", "the island nation": the most recent state in this or the previous sentence
    that fits the description (data/descriptions.yml) and that the sentence does not name otherwise.
    A description any state fits ("the country") is the main actor when the article is about it or
    the window names it."""
    wanted = DESCRIPTIONS[token.lemma_.lower()]
    if any(c.lower_ in ("new", "newest", "young", "future") for c in token.children):
        # "recognised the new state": a state being born, not merely the last one named; the one
        # whose own sentence tells its birth ("X declared independence in 2008")
        born = [
            e._.code
            for e in parties_before(token)
            if any(t.lemma_ in BIRTH_WORDS for t in e.sent) and e.sent != token.sent
        ]  # (the sentence's own states are the ones recognising it)
        return born[-1:]
    sent = token.sent
    # the sentence's other parties: states after the description, and states modifying a word that
    # dominates it ("the Chilean move to cut ties with the island" is not the US)
    above = {a.i for a in token.ancestors}
    here = {
        e._.code
        for e in ents_in(sent)
        if e.label_ == "COUNTRY" and (e.start > token.i or _first_conjunct(e.root).head.i in above)
    }
    window = parties_before(token)
    main = ctx.main_actor
    if not wanted and main and main not in here and (ctx.dominant or main in {e._.code for e in window}):
        return [main]
    for ent in reversed(window):
        code = ent._.code
        if code not in here and (not wanted or any(w in official_name(code) for w in wanted)):
            return [code]
    return []


def codes_of(token: Token, ctx: Context, labels=("COUNTRY", "ORG")) -> list[str]:
    """The states (or organisations) a participant token stands for, conjuncts included."""
    out: list[str] = []
    members = [token, *token.conjuncts]
    # "Mongolia, the Czech Republic, Fiji and Chile": the parser often makes the
    # second item an apposition of the first and hangs the rest on it
    members += [
        m
        for t in list(members)
        if t.ent_type_ == "COUNTRY"
        for a in t.children
        if a.dep_ == "appos" and a.ent_type_ == "COUNTRY" and entity_code(a) != entity_code(t)
        for m in (a, *a.conjuncts)
    ]
    for t in dict.fromkeys(members):
        found = _codes_of_one(t, ctx, set(labels))
        out += found
        for ex in examples(t):
            out += codes_of(ex, ctx, labels)
    return list(dict.fromkeys(c for c in out if c))


EXAMPLE_PREPS = WORDS.example_preps


def examples(t: Token) -> list[Token]:
    """ "countries, including India", "states such as Spain", "X, along with Y": the named members
    (also under an apposition: "12 states, most of them islands, including Tonga")."""
    out = []
    for child in [*t.children, *(g for c in t.children if c.dep_ == "appos" for g in c.subtree if g.dep_ == "prep")]:
        if child.dep_ == "prep" and child.lower_ in EXAMPLE_PREPS:
            out += [g for g in child.children if g.dep_ == "pobj"]
            out += [g for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return out


def _codes_of_one(t: Token, ctx: Context, labels: set[str]) -> list[str]:
    code = entity_code(t)
    if code and t.ent_type_ in labels:
        return [code]
    group = group_codes(t, ctx)
    if group:
        return list(group)
    lower, lemma = t.lower_, t.lemma_.lower()  # proper-noun lemmas keep their capital ("President")
    if lower in RELATIVES and t.head.dep_ == "relcl":
        # "states such as Chile and Peru, who ...": the named examples
        return [
            c
            for a in antecedents(t.head)
            for c in _codes_of_one(a, ctx, labels) + [x for ex in examples(a) for x in codes_of(ex, ctx, tuple(labels))]
        ]
    if t.tag_ in ("NNS", "NNPS"):  # "the North Koreans", "the Americans", "the Chinese"
        stems = [lower[:-1], lower] if lower.endswith("s") else [lower]
        for stem in stems:
            if (
                code := ctx.demonyms.get(" ".join([c.lower_ for c in t.lefts if c.dep_ == "compound"] + [stem]))
            ) is not None:
                return [code]
    if t.pos_ in ("PROPN", "NOUN") and ctx.metonyms:  # "the Kremlin", "the White House", "the Jewish state"
        phrase = " ".join([c.lower_ for c in t.lefts if c.dep_ in ("compound", "amod")] + [lower])
        if (code := ctx.metonyms.get(phrase) or (ctx.metonyms.get(lower) if t.pos_ == "PROPN" else None)) is not None:
            return [code]
    if t.pos_ == "PROPN" and not t.ent_type_ and lower in ctx.people:  # a known official the NER missed
        return [ctx.people[lower]]
    if t.ent_type_ == "PERSON":
        mods = Context.modifier_codes(t, {"COUNTRY"})
        if mods:
            return mods[:1]
        name = entity_span(t)
        known = [ctx.people[n.lower_] for n in (name[-1], name[0]) if n.lower_ in ctx.people]
        return known[:1] or ([ctx.main_actor] if ctx.main_actor else [])
    if lower in ("latter", "former") and t.dep_ != "amod" and any(c.lower_ == "the" for c in t.children):
        # "in protest of the latter's decision": the second (or first) of the two states named last
        last_two = recent_codes(t, 2)
        return last_two[:1] if lower == "latter" else last_two[1:2]
    if lower in ("both", "two") or (
        lemma in ("country", "state", "side") and any(c.lower_ in ("two", "both") for c in t.children)
    ):
        # the previous sentence first; a date heading or a venue sentence between may push it back;
        # then the pair the article is about ("tensions between Algeria and Morocco"): two states
        # named together win; two merely mentioned last, one of them a passer-by, give way to the pair
        if len(group := recent_group(t, 2, ctx, 1)) == 2:
            return group
        near = recent_codes(t, 2, 1)[::-1]
        if len(near) == 2 and not (len(ctx.pair) == 2 and set(near) & set(ctx.pair) and set(near) != set(ctx.pair)):
            return near
        if len(ctx.pair) == 2:
            return list(ctx.pair)
        return next(
            (found for found in [recent_group(t, 2, ctx, 3) or recent_codes(t, 2, 3)[::-1]] if len(found) == 2), []
        )
    count = next((COUNTS[c.lower_] for c in t.children if c.lower_ in COUNTS), None)
    if lemma in ("country", "state", "nation", "government") and count:  # "the four countries"
        return recent_group(t, count, ctx)
    if (
        lower in COUNTS
        and t.pos_ == "NUM"
        and t.dep_ in (*SUBJECT_DEPS, "pobj", "dobj", "appos")
        and any(c.lower_ in ("all", "the", "these", "those") for c in t.children)
        and not any(c.dep_ == "prep" for c in t.children)
    ):
        return recent_group(t, COUNTS[lower], ctx)  # "all three recognised X" ("six of the 35 members" is no reference)
    if (
        t.tag_ in ("NNS", "NNPS")
        and lemma in ("country", "state", "nation", "government")
        and any(
            c.lower_ in ("these", "those", "both")
            or (c.lower_ == "the" and not any(a.dep_ == "amod" for a in t.children))
            for c in t.children
        )
    ):  # "these countries", "recalled envoys from the countries" (not "the leading European states")
        return recent_list(t)
    if lemma in COLLECTIVE_NOUNS and "ORG" in labels:  # "the Group of Seven industrialized nations"
        orgs = [entity_code(c) for c in t.children if c.dep_ == "nmod" and c.ent_type_ == "ORG"]  # not "EU members"
        if orgs:
            return orgs
    if "ORG" in labels and any(c.lower_ == "the" for c in t.children) and t.pos_ in ("NOUN", "PROPN"):
        # "the council", "the union", "the agency": the last organisation named with that head word
        named = [e for e in ents_in(t.doc) if e.label_ == "ORG" and e.end <= t.i and e[-1].lower_ == lower]
        if named:
            return [named[-1]._.code]
    if lemma in INSTRUMENT_NOUNS:  # "a UN Security Council resolution imposed ..."
        return Context.modifier_codes(t, {"COUNTRY", "ORG"})
    if lemma == "sovereignty" and any(c.lower_ == "over" for c in t.children):
        return []  # "recognised Moroccan sovereignty over Western Sahara" is about the territory
    if lemma in ACTOR_NOUNS or lemma in DESCRIPTIONS:
        mods = Context.modifier_codes(t, {"COUNTRY"})
        if mods:
            return mods
        if lemma in ACTOR_NOUNS and (owner := [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PRON"]):
            return _codes_of_one(owner[0], ctx, labels)  # "told their envoys to go home"
        if lemma in DESCRIPTIONS and (held := [c for c in t.children if c.dep_ == "nsubj"]):
            return [x for c in held for x in _codes_of_one(c, ctx, labels)]  # "which made it the only state to"
        described = [
            g
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and (g.lemma_.lower() in DESCRIPTIONS or g.lower_ in ("both", "two"))
        ]
        if described:  # "the new government of the country"
            return _codes_of_one(described[0], ctx, labels)
        if lemma in DESCRIPTIONS and (named := _apposed_state(t)):
            return named  # "Fiji, an island nation that ...", with the apposition misread as the subject
        the = any(c.lower_ == "the" for c in t.children)
        if lemma in DESCRIPTIONS and the and t.tag_ in ("NN", "NNP") and (found := described_state(t, ctx)):
            return found
        if lemma in ALIAS_NOUNS and any(c.lower_ == "the" for c in t.children) and ctx.main_actor:
            return [ctx.main_actor]
        if lower in ("country",) and any(c.lower_ == "his" for c in t.children):
            prev = recent_codes(t, 1)
            return prev
    if lower in FIRST_PERSON and t.pos_ == "PRON":
        # '"We will recall our ambassador," the foreign minister said': the speaker's state
        sayers = [
            c
            for v in t.sent
            if v.lemma_ in SAY_VERBS
            for c in v.children
            if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON
        ]
        return next((found for c in sayers if (found := _codes_of_one(c, ctx, {"COUNTRY"}))), [])
    if lower in PRONOUNS and t.pos_ == "PRON":
        if t.dep_ == "poss":  # "the US and (some of) its allies": the state it is coordinated with
            h = t.head
            while h.dep_ in ("pobj", "prep"):
                h = h.head
            if h.dep_ == "conj" and h.head.ent_type_ == "COUNTRY":
                return [entity_code(h.head)]
        # "Although Chile lacks ties, it opened a trade office": the nearest earlier subject state;
        # "Venezuela's president said he was breaking ties": a person's pronoun, the official's state.
        personal = lower in PERSONAL_PRONOUNS
        # this sentence first, then the previous one ("Peru closed two embassies. It also shut ...")
        # (an object "it" is not its own sentence's subject: "Chile and Peru said they would recognise it")
        scope = t.doc[window_start(t.sent) : t.sent.start if lower == "it" and t.dep_ in ("dobj", "pobj") else t.i]
        subjects = [
            s
            for s in scope
            if s.dep_ in SUBJECT_DEPS
            and s.lower_ not in RELATIVES | PRONOUNS
            and not (personal and s.ent_type_ == "COUNTRY")
        ]  # "he" is a person, not "Laos"
        single: list[str] = []
        for subj in reversed(subjects):
            plural = lower in ("they", "their", "them")  # "Denmark and Norway announced they would ..."
            found = (
                codes_of(subj, ctx, ("COUNTRY",)) if plural else [c for c in _codes_of_one(subj, ctx, {"COUNTRY"}) if c]
            )
            if found and plural and len(found) == 1:
                single = single or found  # a plural pronoun prefers a plural antecedent
                continue
            if found:
                return found if plural else found[:1]
        if lower in ("they", "their", "them") and (listed := recent_list(t)):
            return listed  # "broke relations with A, B and C. He told their envoys to go home"
        if single:
            return single  # "Spain said they would ...": a government as a plural
        return [ctx.main_actor] if ctx.main_actor and not personal else []
    return []


ALIAS_VERBS = WORDS.alias_verbs


def antecedents(relcl: Token) -> list[Token]:
    """What a relative clause is about. An alias ("Eswatini, also known as Swaziland, which ...") points
    back to the named noun; after a list, a singular verb ("Spain, Peru and Chad, which has ...")
    means its nearest member, a plural or unmarked one the whole list."""
    head = relcl.head
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_ in ALIAS_VERBS:
        head = head.head.head.head
    if head.dep_ == "attr" and head.head.lemma_ == "be" and not head.ent_type_:
        # "Egypt and Jordan are the only states that have ties with Israel": the copula's subject
        head = next((c for c in head.head.children if c.dep_ == "nsubj"), head)
    elif head.dep_ == "nsubj" and head.head.lemma_ == "be" and not head.ent_type_:
        # "the only countries that lack ties with Cuba are Chile and Peru": the copula's attribute list
        named = next((c for c in head.head.children if c.dep_ == "attr" and c.ent_type_ == "COUNTRY"), None)
        if named is not None:
            return [named, *named.conjuncts]
    elif head.dep_ == "pobj" and head.head.lower_ in ("among", "of") and not head.ent_type_:
        # "Peru is among the countries that have not recognised X", "Chile is one of the few states that"
        holder = head.head.head
        verb = holder.head if holder.lower_ == "one" and holder.dep_ == "attr" else holder
        if verb.lemma_ == "be":
            head = next((c for c in verb.children if c.dep_ == "nsubj" and c.ent_type_ == "COUNTRY"), head)
    if head.dep_ == "appos" and head.head.ent_type_ == "COUNTRY":
        head = head.head  # "Tonga, a Pacific kingdom that recognised X": the named state
    while head.dep_ == "conj":
        head = head.head
    members = [head, *head.conjuncts]
    verbs = [relcl, *(c for c in relcl.children if c.dep_ in ("aux", "auxpass"))]
    singular = any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs)
    plural = any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs) or any(
        c.lower_ in ("all", "both") for c in relcl.children
    )
    inside = any(m.i > relcl.i for m in members)  # "Nicaragua, which broke off ties, and Panama": one member
    if not inside and (
        plural or not singular
    ):  # unmarked ("which expelled", "that can be"): the list, as news writes it
        return members
    before = [m for m in members if m.i < relcl.i]
    return [max(before, key=lambda m: m.i)] if before else [relcl.head]


def group_codes(t: Token, ctx: Context) -> tuple[str, ...]:
    """A gazetteer group noun ("the Nordic countries", the spec's example) → its member codes."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return ()
    words = [c.text for c in t.lefts if c.dep_ in ("amod", "compound")] + [t.text]
    for n in range(len(words)):
        key = " ".join(words[n:])
        if key in ctx.groups:
            return ctx.groups[key]
    return ()
