"""Is the event asserted, is it negated, and when did it happen — read off the parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .ents import ents_in
from .roles import governing_verb, shared_subject
from .words import WORDS

# Governing words that make the event a call, hope, plan or speculation rather than a fact.
UNASSERTED = WORDS.unasserted
MODAL_AUX = WORDS.modal_aux
NEGATORS = WORDS.negators
NEG_VERBS = WORDS.neg_verbs
REVERSAL_VERBS = WORDS.reversal_verbs
CHAIN = (
    "xcomp",
    "aux",
    "auxpass",
    "pcomp",
    "prep",
    "pobj",
    "ccomp",
    "acl",
    "dobj",
    "advcl",
    "relcl",
    "conj",
    "nsubj",
    "attr",
    "oprd",
    "acomp",
    "advmod",
)


def governors(trigger: Token, limit: int = 8):
    """The trigger and the words it hangs from, up to the sentence root."""
    t = trigger
    for _ in range(limit):
        yield t
        if t.head == t or t.dep_ not in CHAIN:
            return
        t = t.head


def unasserted(trigger: Token, sent: Span) -> bool:
    """Questions, calls, hopes, plans, conditionals, hedges and bare modals are not claims."""
    if sent.text.rstrip().rstrip('"”').endswith("?"):
        return True
    below = trigger
    for t in governors(trigger):
        if (
            t != trigger
            and (t.lemma_.lower() in UNASSERTED or t.lower_ in UNASSERTED)
            and not _aside(t, below)
            and not _naming(t, below)
            and not _phrasal(t)
        ):
            return True
        kids = list(t.children)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True
        if t != trigger and t.lemma_.lower() in HEARSAY and any(c.dep_ == "auxpass" for c in kids):
            return True  # "Peru was said to have expelled ...": reported speculation
        if any(c.lower_ in ("reportedly", "allegedly", "perhaps", "possibly", "probably") for c in kids):
            return True
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in kids):
            if not any(c.dep_ == "neg" for c in kids) and not _announced(t, kids):
                return True
        if t.dep_ == "relcl" or (t.dep_ in ("advcl", "ccomp") and t != trigger):
            break  # a relative clause asserts on its own: "Iran, which restored ties, offered aid"
        below = t
    return False


SAY_VERBS = WORDS.say_verbs
HEARSAY = WORDS.hearsay_verbs
SPEAKERS = WORDS.speakers


def _announced(verb: Token, kids: list[Token]) -> bool:
    """ "Taiwan said it would close its embassy", "Spain says it will expel": a decision the actor
    announces counts (spec section 3); "officials said the two will sign" is a plan."""
    while verb.dep_ == "conj":  # "said Taipei had cut ties and that it would close ..."
        verb = verb.head
    if not any(c.lower_ in ("would", "will", "'ll") for c in kids if c.dep_ == "aux"):
        return False
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in SAY_VERBS:
        return False
    sayers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(t.ent_type_ in ("COUNTRY", "PERSON") or t.lemma_.lower() in SPEAKERS for s in sayers for t in s.subtree)


def _phrasal(governor: Token) -> bool:
    """ "called back its ambassador", "looked into": a particle makes another verb than the hedge."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "home", "off", "out") for c in governor.children)


def _naming(governor: Token, below: Token) -> bool:
    """ "can be called Laos's ally", "named X an ally" name a fact; "called for/on X to" is a call."""
    return (
        governor.lemma_ in ("call", "name", "dub", "describe")
        and below.dep_ in ("oprd", "attr", "dobj")
        and not any(c.lower_ in ("for", "on", "upon") for c in governor.children)
    )


def _aside(governor: Token, below: Token) -> bool:
    """A participle set off by commas ("led Western states, hoping for change, to establish ties")
    is an aside the parser made the event's head; the event belongs to the main verb."""
    if governor.tag_ != "VBG" or governor.dep_ != "advcl" or below == governor:
        return False
    branch = next((c for c in governor.children if c.i <= below.i <= c.right_edge.i), None)
    return branch is not None and any(c.text == "," and governor.i < c.i < branch.i for c in governor.children)


# states of affairs that end when their noun's verb says so ("the alliance collapsed"); a trip or
# a visit that "ended" still took place
STANDING_NOUNS = {"alliance", "sanction", "sanctions", "embargo", "blockade", "membership", "recognition"}


def polarity(trigger: Token, theme: Token | None) -> str:
    """ "negative" for stated non-events: not/never/no longer/has yet to/lacks/refuses/no relations."""
    if theme is not None and any(c.lower_ in ("no",) and c.dep_ in ("det", "neg", "amod") for c in theme.children):
        return "negative"
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_ in REVERSAL_VERBS:
        # "withdrew its recognition of X", "X's recognition was revoked": the act is taken back
        return "negative" if polarity(trigger.head, None) == "positive" else "positive"
    if (
        trigger.lemma_ in STANDING_NOUNS
        and trigger.dep_ == "nsubj"
        and trigger.head.lemma_ in REVERSAL_VERBS
        and not any(c.dep_ == "dobj" for c in trigger.head.children)
    ):
        # "the alliance collapsed in 1880", "US sanctions on Iran ended": the state of affairs stops
        return "negative" if polarity(trigger.head, None) == "positive" else "positive"
    verb = governing_verb(trigger)  # "No Japanese leader has visited"
    # "No Japanese leader has visited", "neither Tokyo nor Seoul has a mission"
    if any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.lower_ in ("no", "neither") and d.dep_ in ("det", "preconj") for d in c.children)
        for c in verb.children
    ):
        return "negative"
    for t in governors(trigger, limit=4):
        if t.lemma_.lower() in NEG_VERBS and t != trigger or t.lemma_ == "lack":
            return "negative"
        if any(
            c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj", "det") and c.lower_ in NEGATORS) for c in t.children
        ):
            return "negative"
        if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in t.children):
            return "negative"  # "no longer has relations"
        if any(c.lower_ == "yet" for c in t.children if c.dep_ == "advmod") and t != trigger:
            return "negative"
        if t.dep_ == "ccomp" and t.head.lemma_ in NEG_VERBS:
            return "negative"  # "denied that it had expelled the envoy"
        if t.dep_ not in ("xcomp", "aux", "pcomp", "prep", "pobj", "conj", "acomp", "attr", "advmod"):
            break
    return "positive"


def _attached(verb: Token, chain: set) -> bool:
    """The date's verb is the event's, or a subjectless modifier of it ("following X in 2018")."""
    if verb in chain:
        return True
    # "followed by Spain in 2001" has an actor of its own (the agent): its date is not the event's
    return (
        verb.head in chain
        and verb.dep_ in ("prep", "advcl", "pcomp")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
    )


def introducers(verb: Token) -> list[Token]:
    """Verbs whose date covers the event they introduce: "joined X today in expelling",
    "retaliated in 2018 by expelling", "said on Sunday that it would expel"."""
    out, t = [], verb
    for _ in range(3):
        if t.dep_ == "pcomp" and t.head.lower_ in ("in", "by"):
            t = governing_verb(t.head)
        elif t.dep_ == "ccomp" and (t.head.lemma_ in SAY_VERBS or t.head.tag_ == "VBG"):
            t = t.head  # "said yesterday that ...", "..., making it the first to recognise X"
        elif t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in t.children):
            t = t.head  # "accepted an envoy, making it ...": the result takes the act's date
        elif (
            t.dep_ == "conj"
            and t.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            # "will recall its envoy and send back theirs, the minister said on Monday": the
            # second verb phrase is introduced by what introduces the first
            first = t.head
            while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
                first = first.head
            out += introducers(first)
            break
        else:
            break
        out.append(t)
    return out


REPEATED = {"times", "twice", "repeatedly", "often", "frequently", "regularly"}


def _other_event(date: Span) -> bool:
    """ "since the 1973 war", "after the 1998 coup": the year of another event the act came after."""
    root = date.root
    noun = root.head
    return (
        root.dep_ in ("compound", "nummod", "amod", "nmod")
        and noun.pos_ == "NOUN"
        and noun.ent_type_ != "DATE"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("since", "after", "following", "before", "until")
    )


def _first_since(date: Span, verb: Token) -> bool:
    """ "the first Peruvian leader to visit Chile since 1990": the date is the previous visit's."""
    if date.start == 0 or date.doc[date.start - 1].lower_ != "since":
        return False
    noun = verb.head if verb.dep_ in ("acl", "relcl", "xcomp") else None
    return noun is not None and any(c.lower_ in ("first", "only", "last") for c in noun.children)


class EventDates:
    """Per-entity dates ("Ghana (1961)", "Peru in 1971") and the event clause's own dates."""

    SKIP = WORDS.glue  # what may stand between a list item and its date ("A (1963), B on 2 May")

    def __init__(self, anchor: Token, sent: Span, frame: tuple = (), undated: bool = False):
        dates = [e for e in ents_in(sent) if e.label_ == "DATE"]
        self.per_entity: dict[str, str | None] = {}
        self.outside: dict[str, str | None] = {}
        if undated:  # a standing-fact phrase: only a date inside it counts ("the 1961 treaty between ...")
            inside = [d._.value for d in dates if anchor.left_edge.i <= d.start and d.end <= anchor.i]
            self.clause = inside[:1] or [None]
            return
        used = set()
        # a participle the parser misread as a modifier ("Sweden extended recognition ...") takes
        # the dates of the noun it hangs on
        verb = (
            governing_verb(anchor.head)
            if anchor.dep_ == "amod" and anchor.pos_ in ("VERB", "ADJ")
            else governing_verb(anchor)
        )
        # dates inside another clause ("Brazil, which opened an embassy in Pyongyang in 2009,
        # withdrew its diplomats in 2020") are that clause's
        # (spaCy's trees are projective: a subtree is the span left_edge..right_edge)
        other = {
            t.i
            for c in verb.subtree
            if c != verb
            and not c.left_edge.i <= anchor.i <= c.right_edge.i
            and (c.dep_ in ("relcl", "acl", "advcl", "ccomp") or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
            for t in c.subtree
        }
        scope = {t.i for t in verb.subtree} - other
        coordinated = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
        for ent in ents_in(sent):
            # a date right after a state outside the event's clause is that state's ("the first
            # country since France in 1964 to recognize Peking"): used, but not the event's
            if ent.label_ not in ("COUNTRY", "ORG") or ent._.code in self.per_entity:
                continue
            i = ent.end
            while i < sent.end:
                tok = sent.doc[i]
                date = next((d for d in dates if d.start == i), None)
                if date is not None:
                    if ent.start in scope:
                        self.per_entity[ent._.code] = date._.value
                        used.add(date.start)
                    elif ent.root.dep_ in ("attr", "nsubj") and ent.root.head.lemma_ == "be":
                        # the party a copula names outside the clause keeps its date ("the first
                        # country that recognised X was Iceland (19 December 1991)")
                        self.outside.setdefault(ent._.code, date._.value)
                        used.add(date.start)
                    elif ent.start not in coordinated:
                        used.add(date.start)  # "the first since France in 1964 to recognize X": France's
                    # (a state's date in a coordinated verb phrase stays free for the verbs that share
                    # it: "severed ties with Taiwan and established relations with China in 1971")
                    break
                if tok.lower_ in self.SKIP or tok.ent_type_ in ("COUNTRY", "ORG") or tok.is_space:
                    i += 1
                    continue
                break
        chain = {verb}
        t = verb
        # "sponsored the resolution to impose sanctions": an infinitive shares its governor's dates;
        # "when the four states restored ties" happens at the time of the clause it hangs on
        while (
            t.dep_ in ("xcomp", "aux")
            or (t.dep_ in ("advcl", "acl") and any(c.lower_ in ("to", "when") for c in t.children))
        ) and t.head != t:
            t = governing_verb(t.head)
            chain.add(t)
        free = [d for d in dates if d.start not in used and not _first_since(d, verb) and not _other_event(d)]
        # "said on Monday it had expelled": the parser often hangs the say verb's date on the
        # reported verb; a date before the reported clause's subject is the saying's
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        said = {
            d.start for d in free if verb.dep_ == "ccomp" and subject is not None and verb.head.i < d.start < subject.i
        }
        self.clause = [d._.value for d in free if d.start not in said and _attached(governing_verb(d.root), chain)]
        # no date of its own: a coordinated verb with the same subject ("recalled its envoy and
        # expelled the chargé in 2017"), then the verb that introduces the event ("joined its
        # neighbours today in expelling", "said on Sunday that it would expel")
        # ("travelled to China four times ... and went to Singapore in June": repeated events share no date)
        repeated = any(c.lower_ in REPEATED for c in verb.subtree if c.head == verb or c.head.head == verb)
        for verbs in (([] if repeated else shared_subject(verb)), introducers(verb)):
            if not self.clause:
                self.clause = [
                    d._.value
                    for d in free
                    if governing_verb(d.root) in verbs or (d.start in said and verb.head in verbs)
                ]
        self.clause = self.clause or list(frame) or [None]

    def for_pair(self, subject: str, obj: str) -> list[str | None]:
        for code in (obj, subject):
            if code in self.per_entity:
                return [self.per_entity[code]]
        if self.clause == [None] and (dated := [self.outside[c] for c in (obj, subject) if c in self.outside]):
            return dated[:1]
        if self.clause == [None] and len(set(self.per_entity.values())) == 1:
            # one state with a trailing date is no list: "switched ties from Taiwan to China in 2017"
            return list(set(self.per_entity.values()))
        return list(dict.fromkeys(self.clause))
