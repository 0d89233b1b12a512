"""Who did what to whom, read off the dependency parse (textacy-style plain functions).

Every relation rule uses the same role finders: subjects from nsubj/agent/poss arcs (climbing
xcomp, advcl, conj, relcl and acl when a verb has no subject of its own), objects from the
relation's prepositions; ``reference.codes_of`` then says which states those tokens stand for.
"""

from __future__ import annotations

from spacy.tokens import Token

from .reference import INSTRUMENT_NOUNS, SUBJECT_DEPS
from .words import WORDS

CLIMB_DEPS = (
    "xcomp",
    "advcl",
    "conj",
    "pcomp",
    "ccomp",
    "acl",
    "relcl",
    "prep",
    "pobj",
    "dobj",
    "attr",
    "oprd",
    "acomp",
    "advmod",
)


def governing_verb(token: Token) -> Token:
    """The token itself if it is a verb, else the nearest verb it hangs from (or the root)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head != t:
        t = t.head
    return t


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def shared_subject(verb: Token) -> list[Token]:
    """The other verbs of a coordination that share ``verb``'s subject: the first conjunct and the
    later ones without a subject of their own ("Peru recalled X and expelled Y")."""
    head = verb
    while head.dep_ == "conj" and not _has_subject(head) and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    if head is not verb and _has_subject(verb):
        return []
    group = [head, *(c for c in head.conjuncts if c.pos_ in ("VERB", "AUX") and not _has_subject(c))]
    return [v for v in group if v is not verb] if verb in group else []


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
                # "declared persona non grata by Albania": the parser hangs "by" lower down
                return [
                    g
                    for x in trigger.subtree
                    if x.lower_ == "by" and x.dep_ in ("prep", "agent")
                    for g in x.children
                    if g.dep_ == "pobj" and g.ent_type_ in ("COUNTRY", "ORG")
                ]
            # "Chile, Fiji and Tonga expelled ...": the list's first state read as an adverb of the verb
            lead = [
                c
                for c in t.children
                if c.dep_ in MISREAD_DEPS
                and c.ent_type_ == "COUNTRY"
                and c.i < min(x.i for x in subj)
                and subj[0].ent_type_ == "COUNTRY"
                and t.doc[c.right_edge.i + 1].text == ","
            ]
            return lead + subj
        poss = [c for c in t.children if c.dep_ == "poss"] if t.pos_ in ("NOUN", "PROPN") else []
        if poss:
            return poss
        if t == trigger and t.pos_ == "NOUN":  # "the recognition of Kosovo by Japan", "US recognition of Kosovo"
            by = [
                g for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"
            ]
            by = by or [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ == "COUNTRY"]
            if by:
                return by
        if t == trigger and t.dep_ == "appos" and t.head.ent_type_ == "COUNTRY":
            return [t.head]  # "Britain, France and Germany, the other members of the G7"
        if (misread := _misread_subject(t)) is not None:
            return [misread]
        if t == trigger and t.dep_ == "amod" and t.pos_ in ("ADJ", "VERB"):
            t = t.head  # "agreed to restore relations and reopen embassies", "reopen" read as an adjective
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("attr", "appos", "oprd") and t != trigger:
            return [c for c in t.head.children if c.dep_ in SUBJECT_DEPS] or ([t.head] if t.dep_ == "appos" else [])
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN") and t.pos_ == "VERB":
            if any(c.dep_ in ("auxpass",) for c in t.children) or t.tag_ == "VBN":
                return []  # "countries visited by X": the head noun is the object
            if t.head.dep_ == "attr" and t.head.ent_type_ != "COUNTRY":  # "Cuba was the first country to recognise X"
                return [c for c in t.head.head.children if c.dep_ in SUBJECT_DEPS] or [t.head]
            if t.head.lemma_ in DECISION_NOUNS and not any(
                c.dep_ in ("poss", "compound", "amod") for c in t.head.children
            ):
                t = t.head  # "Ukraine made the decision to expel ...": the decision's maker
                continue
            if t.head.lemma_ in DECISION_NOUNS and (owner := [c for c in t.head.children if c.dep_ == "poss"]):
                return owner  # "the latter's decision to recognise X"
            return [t.head]
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in CONTROL_VERBS:
            controller = [c for c in t.head.children if c.dep_ == "dobj"]
            if controller:  # "prompting Taipei to sever ties": the object of "prompt" acts
                return controller
        if t.dep_ == "conj" and (shared := _relcl_before(t)) is not None:
            t = shared  # "Chile and Peru, who share a border and have stopped ...": the parser hung "stopped" on the root
            continue
        if t.dep_ not in CLIMB_DEPS or t.head == t:
            return []
        t = t.head
    return []


MISREAD_DEPS = ("npadvmod", "advmod", "nmod", "amod", "compound", "dep")


def _misread_subject(t: Token) -> Token | None:
    """The small parser often misreads a clause-initial state name ("Nauru restored ties" as an
    adverb; "Sweden extended recognition" as a noun phrase with "extended" an adjective): a
    state entity left of a subjectless verb, as its modifier or a sibling modifier, is the subject."""
    if t.pos_ not in ("VERB", "AUX"):
        return None
    if t.dep_ == "amod" and t.head.i > t.i:  # "Sweden extended recognition": siblings of the participle
        candidates = [c for c in t.head.children if c.i < t.i]
    else:
        candidates = [c for c in t.children if c.i < t.i]
    found = [c for c in candidates if c.dep_ in MISREAD_DEPS and c.ent_type_ in ("COUNTRY", "ORG")]
    return found[0] if found else None


BRIDGE_DEPS = {"cc", "punct", "advmod", "aux", "auxpass", "neg", "npadvmod"}


def _relcl_before(verb: Token) -> Token | None:
    """A relative clause that ends right before a subjectless conjunct verb ("X, who A and, so far,
    have B"): B shares A's subject, whatever head the parser gave B."""
    doc = verb.doc
    for r in doc[verb.head.i + 1 : verb.i]:
        if r.dep_ == "relcl" and r.pos_ in ("VERB", "AUX") and r.head.i < r.i:
            gap = doc[r.right_edge.i + 1 : verb.i]
            if all(g.dep_ in BRIDGE_DEPS or g.head == verb or g.head in gap for g in gap):
                return r
    return None


EXCEPT_WORDS = WORDS.except_words
# nouns an event hangs on that are no actor: "made the decision to expel", "signed a declaration restoring ties"
DECISION_NOUNS = {
    "decision",
    "move",
    "step",
    "choice",
    "order",
    "declaration",
    "agreement",
    "accord",
    "deal",
    "treaty",
    "communique",
}
CONTROL_VERBS = WORDS.control_verbs


def instruments(trigger: Token) -> list[Token]:
    """ "co-sponsored the UN resolution to impose an embargo": the resolution whose purpose the
    infinitive states acts too."""
    if trigger.dep_ not in ("advcl", "acl") or not any(c.lower_ == "to" for c in trigger.children):
        return []
    head = trigger.head
    return [n for n in [head, *head.children] if n.lemma_ in INSTRUMENT_NOUNS and (n == head or n.dep_ == "dobj")]


def holders(trigger: Token) -> list[Token]:
    """Who has the relation a "with" phrase gives a noun: "the one state with formal ties to X
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


def members_named(noun: Token) -> list[Token]:
    """The states a group noun names as its members: "the EU member states were A, B and C",
    "NATO members include A", "NATO members such as A", "an OAS member, A", "A, an OAS member",
    "the Contadora Group -- A, B and C --"."""
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "EU member states": the phrase's head
    found = [c for c in noun.children if c.dep_ == "appos"]
    found += [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("as", "including", "like")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if noun.dep_ == "appos":
        found.append(noun.head)
    verb = noun.head
    if noun.dep_ in SUBJECT_DEPS and verb.lemma_ in ("be", "include", "comprise"):
        found += [c for c in verb.children if c.dep_ in ("attr", "dobj")]
    return [t for t in found if t.ent_type_ == "COUNTRY"]  # (codes_of adds each one's coordinated states)


def companions(trigger: Token) -> list[Token]:
    """ "Laos, along with Chile, joined the WHO": co-actors the parser hangs on the verb."""
    verb = governing_verb(trigger)
    return [
        g
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("along", "together")
        for w in p.children
        if w.lower_ == "with"
        for g in w.children
        if g.dep_ == "pobj"
    ]


def excepted(trigger: Token) -> list[Token]:
    """ "Except for Malta, all EU states recognise X", "every state but Chile", "with the exception
    of Malta": the named exceptions to a universal subject (their claim is the negation)."""
    verb = governing_verb(trigger)
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


def noun_actors(trigger: Token) -> list[Token]:
    """Who acts in an event noun with no subject: its modifiers ("the Chinese premier's trip", "a
    Lao visit"), or the noun a detached "on a visit" hangs from ("a Lao delegation on a visit")."""
    mods = [t for t in trigger.children if t.dep_ in ("amod", "compound", "poss")]
    if not mods and trigger.dep_ == "pobj" and trigger.head.lower_ == "on":
        return [trigger.head.head]
    return mods


# nouns whose state modifier is a party ("expelled the Russian mission"); other modifiers are not
# ("following Saudi mediation")
PARTY_NOUNS = WORDS.actor_nouns | {"relation", "relations", "tie", "ties", "diplomat", "diplomats"}


def entity_root(t: Token) -> Token:
    """The syntactic head of the entity a token begins."""
    end = t.i + 1
    while end < len(t.doc) and t.doc[end].ent_iob_ == "I":
        end += 1
    return t.doc[t.i : end].root


def coordinated_objects(trigger: Token) -> list[Token]:
    """Entity tokens in the clauses of the verbs that share the trigger's subject: "expelled the
    Russian mission and recalled its own diplomats" recalls them from Russia."""
    out = []
    for verb in shared_subject(governing_verb(trigger)):
        nested = {t.i for c in verb.children if c.dep_ in ("conj", "relcl", "advcl", "ccomp", "acl") for t in c.subtree}
        out += [
            t
            for t in verb.subtree
            if t.i not in nested
            and t.ent_iob_ == "B"
            and t.ent_type_ in ("COUNTRY", "ORG")
            and (
                entity_root(t).dep_ not in ("amod", "compound", "nmod", "poss")
                or entity_root(t).head.lemma_ in PARTY_NOUNS
            )
        ]
    return out


def object_tokens(trigger: Token, theme: Token | None, preps: list[str], direct: bool) -> list[Token]:
    """Objects from the relation's prepositions (on trigger or theme) and, if allowed, dobj."""
    out = []
    for head in [h for h in (trigger, theme) if h is not None]:
        kids = list(head.children)
        # "the embassy to the Holy See in Rome": where "to" names the state, "in" is only the city
        accredited = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.ent_type_ for g in c.children) for c in kids)
        for child in kids:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps and not (accredited and child.lower_ == "in"):
                out += [g for g in child.children if g.dep_ == "pobj"]  # "granted recognition to X"
            elif direct and child.dep_ in ("dobj", "attr", "nsubjpass") and child != theme:
                out.append(child)  # "Cuba was visited by X": the passive subject is the object
    return out
