"""Who did what to whom, read off the dependency parse (textacy-style plain functions).

Every relation rule uses the same role finders: subjects from nsubj/agent/poss arcs (climbing
xcomp, advcl, conj, relcl and acl when a verb has no subject of its own), objects from the
relation's prepositions, conjuncts expanded, officials mapped to their state, aliases resolved
through an article-level ``Context``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .ents import ents_in

ACTOR_NOUNS = {"president", "government", "regime", "leader", "minister", "ambassador", "delegation", "king",
               "junta", "official", "envoy", "diplomat", "administration", "authority", "premier", "chancellor",
               "prime", "foreign", "head", "ministry", "side", "emperor", "queen", "prince", "secretary", "leadership",
               "country", "state", "nation", "republic", "army", "military", "parliament", "embassy"}
COLLECTIVE_NOUNS = {"nation", "country", "state", "economy", "power", "member"}
INSTRUMENT_NOUNS = {"resolution", "decision", "declaration", "law", "act", "order"}
ALIAS_NOUNS = {"regime", "country", "state", "government", "leadership", "north", "nation", "kingdom", "republic"}
PRONOUNS = {"it", "its", "they", "their", "them", "itself"}
RELATIVES = {"which", "who", "that", "whom", "whose"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj", "dobj", "attr", "oprd", "acomp",
              "advmod")


@dataclass
class Context:
    """What the article has fixed so far: its main actor, who officials are, recent mentions."""

    main_actor: str | None = None
    dominant: bool = False  # the main actor is what the whole article is about
    people: dict[str, str] = field(default_factory=dict)  # surname → state code
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, groups: dict[str, tuple[str, ...]]) -> "Context":
        counts = Counter(e._.code for e in ents_in(doc) if e.label_ == "COUNTRY")
        top = counts.most_common(2)
        main = top[0][0] if top and (len(top) == 1 or top[0][1] >= 1.5 * top[1][1]) else None
        ctx = cls(main_actor=main, people={}, groups=groups)
        ctx.dominant = bool(top) and (len(top) == 1 or top[0][1] >= 3 * top[1][1])
        for ent in ents_in(doc):
            if ent.label_ == "PERSON":
                code = ctx.modifier_codes(ent.root, {"COUNTRY"})
                if code:
                    ctx.people[ent[-1].lower_] = code[0]
        return ctx

    @staticmethod
    def modifier_codes(token: Token, labels: set[str]) -> list[str]:
        """Codes of entities that modify ``token``: "Russian President Putin", "Mongolia's President"."""
        out = []
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos") or (child.dep_ == "prep" and child.lower_ == "of"):
                for t in [child] + [g for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj"]:
                    if t.ent_type_ in labels and t.ent_iob_ in ("B", "I"):
                        out.append(entity_code(t))
                    elif t.dep_ == "compound" or t.ent_type_ == "PERSON":
                        out += Context.modifier_codes(t, labels)
        return out


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


def recent_codes(token: Token, n: int) -> list[str]:
    """The last ``n`` distinct country codes mentioned before ``token`` (this or the previous sentence)."""
    sent = token.sent
    prev_start = sent.start
    if sent.start > 0:
        prev_start = token.doc[sent.start - 1].sent.start
    out: list[str] = []
    for ent in reversed([e for e in ents_in(token.doc) if prev_start <= e.start and e.end <= token.i and e.label_ == "COUNTRY"]):
        if ent._.code not in out:
            out.append(ent._.code)
        if len(out) == n:
            break
    return out


COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def recent_group(token: Token, n: int) -> list[str]:
    """"the two", "both countries", "the four states": the last list of exactly ``n`` states named
    together ("A, B, C and D") before the token. Pairs are common, so "the two" only looks back to
    the previous sentence; a longer list is distinctive enough to find anywhere earlier."""
    start = 0
    if n == 2:
        sent = token.sent
        start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(token.doc[start:token.i]):
        if t.ent_type_ == "COUNTRY" and t.dep_ != "conj" and t.conjuncts:
            codes = list(dict.fromkeys(c for m in (t, *t.conjuncts) if m.ent_type_ == "COUNTRY" and (c := entity_code(m))))
            if len(codes) == n:
                return codes
    return []


def codes_of(token: Token, ctx: Context, labels=("COUNTRY", "ORG")) -> list[str]:
    """The states (or organisations) a participant token stands for, conjuncts included."""
    out: list[str] = []
    for t in [token, *token.conjuncts]:
        found = _codes_of_one(t, ctx, set(labels))
        out += found
        for ex in examples(t):
            out += codes_of(ex, ctx, labels)
    return list(dict.fromkeys(c for c in out if c))


EXAMPLE_PREPS = {"including", "like", "as", "especially", "notably", "particularly", "along", "together"}


def examples(t: Token) -> list[Token]:
    """"countries, including India", "states such as Spain", "X, along with Y": the named members."""
    out = []
    for child in t.children:
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
    lower = t.lower_
    if lower in RELATIVES and t.head.dep_ == "relcl":
        # "countries such as Germany and Sweden, who ...": the named examples
        return [c for a in antecedents(t.head) for c in _codes_of_one(a, ctx, labels) + [
            x for ex in examples(a) for x in codes_of(ex, ctx, tuple(labels))]]
    if t.ent_type_ == "PERSON":
        mods = Context.modifier_codes(t, {"COUNTRY"})
        if mods:
            return mods[:1]
        surname = entity_span(t)[-1]
        return [ctx.people[surname.lower_]] if surname.lower_ in ctx.people else ([ctx.main_actor] if ctx.main_actor else [])
    if lower in ("both", "two") or (t.lemma_ in ("country", "state", "side") and any(c.lower_ in ("two", "both") for c in t.children)):
        return recent_group(t, 2) or recent_codes(t, 2)[::-1]
    count = next((COUNTS[c.lower_] for c in t.children if c.lower_ in COUNTS), None)
    if t.lemma_ in ("country", "state", "nation", "government") and count:  # "the four countries"
        return recent_group(t, count)
    if t.lemma_ in COLLECTIVE_NOUNS and "ORG" in labels:  # "the Group of Seven industrialized nations"
        orgs = [entity_code(c) for c in t.children if c.dep_ == "nmod" and c.ent_type_ == "ORG"]  # not "EU members"
        if orgs:
            return orgs
    if t.lemma_ in INSTRUMENT_NOUNS:  # "a UN Security Council resolution imposed ..."
        return Context.modifier_codes(t, {"COUNTRY", "ORG"})
    if t.lemma_ in ACTOR_NOUNS:
        mods = Context.modifier_codes(t, {"COUNTRY"})
        if mods:
            return mods
        if t.lemma_ in ALIAS_NOUNS and any(c.lower_ == "the" for c in t.children) and ctx.main_actor:
            return [ctx.main_actor]
        if lower in ("country",) and any(c.lower_ == "his" for c in t.children):
            prev = recent_codes(t, 1)
            return prev
    if lower in PRONOUNS and t.pos_ == "PRON":
        if t.dep_ == "poss":  # "the US and (some of) its allies": the state it is coordinated with
            h = t.head
            while h.dep_ in ("pobj", "prep"):
                h = h.head
            if h.dep_ == "conj" and h.head.ent_type_ == "COUNTRY":
                return [entity_code(h.head)]
        # "Although France lacks ties, it opened an office": the nearest earlier subject state.
        for subj in reversed([s for s in t.sent if s.i < t.i and s.dep_ in SUBJECT_DEPS and s.lower_ not in RELATIVES | PRONOUNS]):
            plural = lower in ("they", "their", "them")  # "Denmark and Norway announced they would ..."
            found = codes_of(subj, ctx, ("COUNTRY",)) if plural else [c for c in _codes_of_one(subj, ctx, {"COUNTRY"}) if c]
            if found:
                return found if plural else found[:1]
        return [ctx.main_actor] if ctx.main_actor else []
    return []


ALIAS_VERBS = {"know", "call", "name", "rename"}


def antecedents(relcl: Token) -> list[Token]:
    """What a relative clause is about. An alias ("Myanmar, also known as Burma, which ...") points
    back to the named noun; after a list, a singular verb ("Spain, Peru and Chad, which has ...")
    means its nearest member, a plural or unmarked one the whole list."""
    head = relcl.head
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_ in ALIAS_VERBS:
        head = head.head.head.head
    while head.dep_ == "conj":
        head = head.head
    members = [head, *head.conjuncts]
    verbs = [relcl, *(c for c in relcl.children if c.dep_ in ("aux", "auxpass"))]
    singular = any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs)
    plural = any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs) or any(c.lower_ in ("all", "both") for c in relcl.children)
    inside = any(m.i > relcl.i for m in members)  # "Nicaragua, which broke off ties, and Panama": one member
    if not inside and (plural or not singular):  # unmarked ("which expelled", "that can be"): the list, as news writes it
        return members
    before = [m for m in members if m.i < relcl.i]
    return [max(before, key=lambda m: m.i)] if before else [relcl.head]


def group_codes(t: Token, ctx: Context) -> tuple[str, ...]:
    """A gazetteer group noun ("the five Nordic countries") → its member codes."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return ()
    words = [c.text for c in t.lefts if c.dep_ in ("amod", "compound")] + [t.text]
    for n in range(len(words)):
        key = " ".join(words[n:])
        if key in ctx.groups:
            return ctx.groups[key]
    return ()


def subject_tokens(trigger: Token) -> list[Token]:
    """The grammatical subject of the event, climbing clauses that lack their own subject."""
    t = trigger
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent
        if subj:
            if any(c.dep_ == "nsubjpass" for c in subj) and t == trigger and trigger.pos_ == "VERB" and not agent:
                return []  # passive without "by": the subject is the theme, the actor is unstated
            return subj
        poss = [c for c in t.children if c.dep_ == "poss"] if t.pos_ in ("NOUN", "PROPN") else []
        if poss:
            return poss
        if t == trigger and t.pos_ == "NOUN":  # "the recognition of Kosovo by Japan"
            by = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            if by:
                return by
        if t == trigger and t.dep_ == "appos" and t.head.ent_type_ == "COUNTRY":
            return [t.head]  # "Britain, France and Germany, the other members of the G7"
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("attr", "appos", "oprd") and t != trigger:
            return [c for c in t.head.children if c.dep_ in SUBJECT_DEPS] or ([t.head] if t.dep_ == "appos" else [])
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN") and t.pos_ == "VERB":
            if any(c.dep_ in ("auxpass",) for c in t.children) or t.tag_ == "VBN":
                return []  # "countries visited by X": the head noun is the object
            return [t.head]
        if t.dep_ == "conj" and (shared := _relcl_before(t)) is not None:
            t = shared  # "Germany, who share a compound and have stopped ...": the parser hung "stopped" on the root
            continue
        if t.dep_ not in CLIMB_DEPS or t.head == t:
            return []
        t = t.head
    return []


BRIDGE_DEPS = {"cc", "punct", "advmod", "aux", "auxpass", "neg", "npadvmod"}


def _relcl_before(verb: Token) -> Token | None:
    """A relative clause that ends right before a subjectless conjunct verb ("X, who A and, so far,
    have B"): B shares A's subject, whatever head the parser gave B."""
    doc = verb.doc
    for r in doc[verb.head.i + 1:verb.i]:
        if r.dep_ == "relcl" and r.pos_ in ("VERB", "AUX") and r.head.i < r.i:
            gap = doc[r.right_edge.i + 1:verb.i]
            if all(g.dep_ in BRIDGE_DEPS or g.head == verb or g.head in gap for g in gap):
                return r
    return None


EXCEPT_WORDS = {"except", "excepting", "but", "save", "bar", "besides"}


def instruments(trigger: Token) -> list[Token]:
    """"sponsored the UNSC resolution to impose sanctions": the resolution whose purpose the
    infinitive states acts too."""
    if trigger.dep_ not in ("advcl", "acl") or not any(c.lower_ == "to" for c in trigger.children):
        return []
    head = trigger.head
    return [n for n in [head, *head.children] if n.lemma_ in INSTRUMENT_NOUNS and (n == head or n.dep_ == "dobj")]


def holders(trigger: Token) -> list[Token]:
    """Who has the relation a "with" phrase gives a noun: "the only country with diplomatic ties to X
    is China" → China; "countries with relations with X include A and B" → A, B; "China, a country
    with ties to X" → China."""
    t = trigger
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "with" or t.head.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = t.head.head
    if noun.ent_type_ == "COUNTRY":
        return [noun]
    if noun.dep_ == "appos":
        return [noun.head]
    verb = noun.head
    if noun.dep_ in SUBJECT_DEPS and verb.lemma_ in ("be", "include", "comprise"):
        return [c for c in verb.children if c.dep_ in ("attr", "dobj")]
    if noun.dep_ == "attr" and verb.lemma_ == "be":
        return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return []


def companions(trigger: Token) -> list[Token]:
    """"North Korea, along with South Korea, joined the UN": co-actors the parser hangs on the verb."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("along", "together")
            for w in p.children if w.lower_ == "with" for g in w.children if g.dep_ == "pobj"]


def excepted(trigger: Token) -> list[Token]:
    """"Except for France, all EU states have ties", "every state but Chile", "with the exception
    of Malta": the named exceptions to a universal subject (their claim is the negation)."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    holders = [verb, *(c for c in verb.children if c.dep_ in SUBJECT_DEPS)]
    out = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ in EXCEPT_WORDS or (prep.lower_ in ("apart", "other") and not objs):
                objs += [g for p in prep.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
                out += objs
            elif prep.lower_ == "with" and any(o.lemma_ == "exception" for o in objs):
                out += [g for o in objs for p in o.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return out


def object_tokens(trigger: Token, theme: Token | None, preps: list[str], direct: bool) -> list[Token]:
    """Objects from the relation's prepositions (on trigger or theme) and, if allowed, dobj."""
    out = []
    for head in [h for h in (trigger, theme) if h is not None]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                out += [g for g in child.children if g.dep_ == "pobj"]
            elif direct and child.dep_ in ("dobj", "attr", "nsubjpass") and child != theme:
                out.append(child)  # "Cuba was visited by X": the passive subject is the object
    return out
