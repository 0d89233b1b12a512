"""``claims_relations``: DependencyMatcher rules from ``patterns/relations.yml`` → ``doc._.claims``."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..components import register_extensions
from ..gazetteer import load_gazetteer
from ..records import RELATIONS, Claim
from .discourse import (
    Event,
    anaphora,
    continue_lists,
    frame_date,
    generic_actors_named,
    heading_date,
    make_claim,
    there,
)
from .ents import cache_ents, ents_in, release_ents
from .lists import colon_items, table_rows
from .modality import EventDates, polarity, unasserted
from .reference import RELATIVES, Context, codes_of, entity_code, window_start
from .roles import (
    companions,
    coordinated_objects,
    excepted,
    governing_verb,
    holders,
    instruments,
    members_named,
    noun_actors,
    object_tokens,
    subject_tokens,
)
from .rules import PATTERNS, Rule, load_rules
from .words import WORDS

ELLIPSIS = re.compile(
    r"\b(followed by|did so|do so|does so|done so|was the (?:first|last|next)|were the (?:first|last)|"
    r"neither|nor|also applies|the same applies|as (?:did|does|do|has|have)|so did|(?:is|was|are|were) also the case|"
    r"follow(?:ed|s)? suit|did the same|did it|(?:took|takes|take) (?:a )?(?:similar|the same) step|(?:has|have|had) done it|(?:has|have|had) done the same|did likewise|followed(?= at| in| on| the| last| this|[.,]))\b",
    re.I,
)


class RelationMatcher:
    def __init__(self, nlp: Language, name: str, patterns: str | None):
        register_extensions()
        self.name = name
        self.ruleset = ruleset = load_rules(patterns or PATTERNS, nlp.vocab)
        self.rules, self.settings = ruleset.rules, ruleset.settings
        words = ruleset.words
        self.mission_nouns = set(words.get("mission_nouns", []))
        self.rel_nouns = set(words.get("rel_nouns", []))
        self.envoy_nouns = set(words.get("envoy_nouns", []))
        self.diplomatic_words = self.envoy_nouns | self.mission_nouns | set(words.get("diplomatic_words", []))
        self.order = {rid: n for n, rid in enumerate(self.rules)}
        self.lemmas = ruleset.lemmas
        keep_hyphenated(nlp, self.lemmas)
        gaz = load_gazetteer()
        self.groups, self.demonyms, self.officials, self.metonyms = gaz.groups, gaz.demonyms(), gaz.people, gaz.metonyms

    def __call__(self, doc: Doc) -> Doc:
        for t in doc:
            if t.lemma_ not in self.lemmas and (lemma := self.rule_lemma(t)):
                t.lemma_ = lemma
        cache_ents(doc)
        try:
            doc._.claims = self.extract(doc)
        finally:
            release_ents(doc)  # nothing non-serialisable stays on the Doc
        return doc

    def diplomatic_context(self, sent: Span) -> bool:
        """A diplomatic word in this or the previous sentence: "expelled 25 Soviets" is about
        diplomats there, not about refugees."""
        return any(t.lemma_ in self.diplomatic_words for t in sent.doc[window_start(sent) : sent.end])

    def rule_lemma(self, t: Token) -> str | None:
        """Repair lemmas the rules look for: proper-noun lemmas keep their capital ("the Treaty of
        Friendship"), and the lemmatizer guesses at rare verbs ("readmitted" → "readmitte")."""
        if t.pos_ == "PROPN":  # "the Embassy", "Taiwanese Embassies" in title case
            lower = t.lemma_.lower()
            return next(
                (w for w in (lower, lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]) if w in self.lemmas),
                None,
            )
        if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBN", "VBG", "VBZ"):
            return None
        word = t.lower_.replace("re-", "re", 1) if t.lower_.startswith("re-") else t.lower_  # "re-opened" is "reopen"
        if word in self.lemmas:
            return word
        found = [
            word[:-n] for n in (1, 2, 3, 4) if len(word) > n + 3 and word[:-n] in self.lemmas
        ]  # -d, -ed, -ted, -ting
        return found[0] if found else None

    def extract(self, doc: Doc) -> list[Claim]:
        ctx = Context.of(doc, self.groups, self.demonyms, self.officials, self.metonyms)
        text = doc.text  # built once: Doc.text joins every token on each access
        found_matches = []
        for rid, tokens in self.ruleset.matches(doc):
            pattern = self.ruleset.patterns[rid]
            found_matches.append((self.rules[rid], {node["RIGHT_ID"]: doc[i] for node, i in zip(pattern, tokens)}))
        # in text order; for one trigger, the rule listed first in the file wins
        found_matches.sort(key=lambda m: (m[1]["trigger"].i, self.order[m[0].id]))
        by_sent: dict[int, list] = {}
        for rule, names in found_matches:
            by_sent.setdefault(names["trigger"].sent.start, []).append((rule, names))
        claims: list[Claim] = []
        last: list[Event] = []  # the events of the latest sentence that stated any, for ellipsis
        mission: Event | None = None  # the latest embassy event, for "this office"
        frame: tuple = ()
        heading: tuple = ()  # a timeline's date heading frames the paragraphs under it
        for sent in doc.sents:
            heading = heading_date(sent) or heading
            frame = frame_date(sent, frame, text, heading)
            before, events, found = last, [], []
            seen_triggers = set()
            # a noun an event acts on ("the embassy was shut") is not also a standing-fact phrase;
            # an envoy is ("recalled its ambassador to Mali": the embassy there stood until then)
            themes = {
                names["theme"].i
                for _, names in by_sent.get(sent.start, [])
                if "theme" in names and names["theme"].lemma_ not in self.envoy_nouns
            }
            for rule, names in by_sent.get(sent.start, []):
                key = (rule.relation, rule.polarity, rule.object_preps, names["trigger"].i)
                if key in seen_triggers or (rule.undated and names["trigger"].i in themes):
                    continue
                event, new = self.claims_for(rule, names, sent, ctx, frame, text, mission)
                if new:  # a rule that read no parties leaves the trigger to the next rule
                    seen_triggers.add(key)
                if event:
                    events.append(event)
                    if event.relation in ("open_mission", "close_mission"):
                        mission = event
                found += new
            if ELLIPSIS.search(sent.text):
                triggers = [names["trigger"].i for _, names in by_sent.get(sent.start, [])]
                found += self.ellipsis(sent, events, last, ctx, found, frame, triggers)
            last = events or last
            found += continue_lists(sent, found, before[-1] if before else None, ctx)
            if not found:
                found += generic_actors_named(sent, before[-1] if before else None, ctx)
            claims += found
        if ctx.main_actor:  # tables in a "Foreign relations of X" page are about X
            for relation, row, parties, date in table_rows(doc, text, self.ruleset.tables):
                line = row.group()
                start = row.start() + len(line) - len(line.lstrip())
                claims += [
                    Claim(
                        "",
                        ctx.main_actor,
                        relation,
                        e._.code,
                        date,
                        "positive",
                        "",
                        start,
                        start + len(line.strip()),
                        pattern="table." + relation,
                    )
                    for e in parties
                    if e._.code != ctx.main_actor
                ]
        return claims

    def roles(self, rule: Rule, names: dict[str, Token], sent: Span, ctx: Context, pol: str, theme: Token | None):
        """Subjects and objects of one match, by the rule's role strategy. Returns (subjects,
        objects, generic, polarity); ``generic``: the parse named the actor but it is no state
        ("most of those countries"), so no main-actor fallback; exceptions flip the polarity."""
        trigger, cfg = names["trigger"], self.settings[rule.relation]
        if rule.roles == "alliance":
            return (*self.alliance_roles(trigger, ctx), False, pol)
        if rule.roles == "inverse":  # "Oman hosted Netanyahu", "Taiwan won recognition from Nauru"
            subjects = codes_of(names["actor"], ctx, ("COUNTRY",))
            labels = ("ORG",) if rule.relation == "join_organization" else ("COUNTRY",)  # "the UN admitted Peru"
            objects = [c for t in subject_tokens(trigger) for c in codes_of(t, ctx, labels)]
            return subjects, objects, True, pol  # both sides come from the parse or not at all
        preps = list(rule.object_preps or cfg.object_preps)
        if rule.roles == "members":  # "the EU member states were A and B": the states join the target
            subjects = [c for t in members_named(trigger) for c in codes_of(t, ctx, ("COUNTRY",))]
            # (no members named: no event either, so "this also applies to X" repeats nothing)
            return subjects, codes_of(names.get("target", trigger), ctx, ("ORG",)) if subjects else [], True, pol
        if rule.roles == "holder":
            subjects = [c for t in holders(trigger) for c in codes_of(t, ctx, ("COUNTRY",))]
            heads = [trigger, *([trigger.head] if trigger.dep_ == "conj" else [])]
            objects = [
                c for h in heads for t in object_tokens(h, None, preps + ["to"], False) for c in codes_of(t, ctx)
            ]
            return subjects, objects, not subjects, pol
        # a matched node other than the actor is no subject ("Ties with Chile date back to 1970": the theme)
        # (nor a relative pronoun that points to one: "relations with Laos, which began in 1950")
        nodes = set(names.values())
        # "the signing of a communique by X and Y": the parser hangs "by" on the theme
        by_theme = [
            g
            for c in (theme.children if theme is not None and trigger.pos_ == "NOUN" else ())
            if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        subj_tokens = (
            [names["actor"]]
            if "actor" in names
            else by_theme
            or [
                t
                for t in subject_tokens(trigger)
                if t not in nodes and not (t.lower_ in RELATIVES and t.head.head in nodes)
            ]
        )
        subjects = [c for t in subj_tokens + instruments(trigger) for c in codes_of(t, ctx)]
        if theme is not None and theme.lemma_ in self.rel_nouns:
            # "Qatar's ties with Iran were cut", "President X broke Peruvian relations with Fiji": the
            # state on the relations noun, where the clause names no state of its own
            held = [
                c
                for t in theme.children
                if t.dep_ in ("poss", "amod", "compound") and t.ent_type_ in ("COUNTRY", "ORG")
                for c in codes_of(t, ctx)
            ]
            if held and (not subjects or all(t.ent_type_ == "PERSON" for t in subj_tokens)):
                subjects = held
        if subjects:
            subjects += [c for t in companions(trigger) for c in codes_of(t, ctx)]
        if not subjects and (exceptions := [c for t in excepted(trigger) for c in codes_of(t, ctx, ("COUNTRY",))]):
            subjects, pol = exceptions, "negative" if pol == "positive" else "positive"
        generic = bool(subj_tokens) and not subjects
        if generic and any(t.lemma_ in ("country", "state", "nation") and t.tag_ == "NNS" for t in subj_tokens):
            # "the following states recognised X: A, B and C"
            subjects = [c for c in colon_items(trigger, sent, sent.doc.text) if _label(c) == "COUNTRY"]
            generic = not subjects
        if not subjects and theme is not None and trigger.dep_ in ("relcl", "acl") and trigger.head == theme:
            # "agreed to revive the accord that was concluded in 1998": the clause's parties
            subjects = [c for t in subject_tokens(governing_verb(theme)) for c in codes_of(t, ctx)]
        obj_tokens = object_tokens(trigger, theme, preps, cfg.direct_object)
        if "target" in names:  # "sanctioned three North Korean officials"
            target = names["target"]
            obj_tokens.append(target)
            if rule.relation == "impose_sanctions":  # "sanctioned three Iranian banks": people or firms of a state
                obj_tokens += [
                    m for m in target.children if m.dep_ in ("amod", "compound", "poss") and m.ent_type_ == "COUNTRY"
                ]
        # an envoy or mission theme, or a person the pattern found by an envoy title ("Ambassador X")
        owned = theme is not None and (
            theme.lemma_ in self.envoy_nouns | self.mission_nouns or "title" in names or rule.nationals
        )
        if owned and cfg.theme_owner == "object" and not _reflexive(theme, subj_tokens):
            obj_tokens.append(theme)  # "expelled the Syrian ambassador": the envoy's state
            # "12 Peruvian diplomats, 9 Bolivian ones and 6 Cuban ones"
            # (the parser often makes the second an apposition and hangs the rest on it)
            more = [*theme.conjuncts, *(m for a in theme.children if a.dep_ == "appos" for m in (a, *a.conjuncts))]
            obj_tokens += [
                m
                for c in more
                if c.lemma_ in ("one", theme.lemma_)
                for m in c.children
                if m.dep_ in ("amod", "compound", "poss") and m.ent_type_ == "COUNTRY"
            ]
            # "expelled 23 diplomats from the Russian embassy", "from Russia's mission to the UN"
            obj_tokens += [
                m
                for h in (trigger, theme)
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for g in c.children
                if g.dep_ == "pobj" and g.lemma_ in self.mission_nouns
                for m in g.children
                if m.dep_ in ("amod", "compound", "poss", "nmod") and m.ent_type_ == "COUNTRY"
            ]
        if (
            cfg.agentless_from and not subjects
        ):  # "diplomats were expelled from Poland", "the ambassador to Mexico was expelled"
            hosts = [
                g
                for c in trigger.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            hosts += [
                g
                for c in (theme.children if owned else ())
                if c.dep_ == "prep" and c.lower_ in ("to", "in")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            # "two Chilean diplomats were ordered to leave Peru": the state they must leave
            hosts += [
                c
                for c in (names["leave"].children if "leave" in names else ())
                if c.dep_ == "dobj" and c.ent_type_ == "COUNTRY"
            ]
            subjects = [c for t in hosts for c in codes_of(t, ctx)]
            obj_tokens = [t for t in obj_tokens if t not in hosts]
        # "A, B and C have each recognised the new state since its independence": a pronoun that points
        # to one of the clause's own subjects is no object
        objects = [
            c
            for t in obj_tokens
            for c in codes_of(t, ctx)
            if not (t.lower_ in WORDS.pronouns and len(subjects) > 1 and c in subjects)
        ]
        if rule.relation == "downgrade_relations" and not subjects and owned and theme.dep_ == "nsubjpass":
            # "the Peruvian ambassador to Chile was recalled": a state calls back its own envoy
            owners = [
                c
                for m in theme.children
                if m.dep_ in ("poss", "amod", "compound") and m.ent_type_ == "COUNTRY"
                for c in codes_of(m, ctx, ("COUNTRY",))
            ]
            if owners:
                subjects, objects = owners, [c for c in objects if c not in owners]
        if not objects and owned and cfg.theme_owner == "object" and not _reflexive(theme, subj_tokens):
            objects = envoys_before(theme, ctx)  # "Russian diplomats were expelled. Chile expelled three diplomats"
        if owned and cfg.theme_owner == "subject":
            subjects, objects = mission_roles(theme, subjects, objects, ctx)
        if not subjects and trigger.pos_ == "NOUN":  # "the Chinese visit", "a delegation on a visit to X"
            subjects = [c for t in noun_actors(trigger) for c in codes_of(t, ctx, ("COUNTRY",))]
        if not subjects and trigger.pos_ == "NOUN" and cfg.of_is_subject:  # "the visit of Chile's president to Lima"
            subjects = [
                c
                for p in trigger.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
                for c in codes_of(g, ctx, ("COUNTRY",))
            ]
        if "holder" in names and not objects:  # "the attack on the delegation to Laos": the parser moved "to Laos"
            objects = [c for t in object_tokens(names["holder"], None, ["to"], False) for c in codes_of(t, ctx)]
        if not objects and any(c.lower_ == "there" for c in trigger.children):
            objects = there(sent)
        if not objects and cfg.direct_object and trigger.pos_ == "VERB" and trigger.dep_ in ("acl", "relcl"):
            objects = codes_of(trigger.head, ctx) or codes_of(
                _copula_subject(trigger.head), ctx
            )  # "the states it visited"
        if subjects and not objects:  # "expelled the Russian mission and recalled its own diplomats"
            objects = [c for t in coordinated_objects(trigger) for c in codes_of(t, ctx) if c not in subjects]
        return subjects, objects, generic, pol

    def claims_for(
        self,
        rule: Rule,
        names: dict[str, Token],
        sent: Span,
        ctx: Context,
        frame: tuple,
        text: str,
        mission: Event | None,
    ):
        """The claims of one rule match, and the event it states (for ellipsis and lists)."""
        trigger, theme = names["trigger"], names.get("theme")
        if unasserted(trigger, sent) or (rule.nationals and not self.diplomatic_context(sent)):
            return None, []
        if rule.relation == "open_mission" and any(_non_resident(t) for t in (trigger, theme) if t is not None):
            return None, []  # "a non-resident ambassador to X" sits elsewhere, a former one is gone: no mission
        if theme is not None and theme.lemma_ in ("they", "it"):
            theme = self.pronoun_theme(trigger)  # "established relations ... but froze them"
            if theme is None:
                return None, []  # "restored it": no relations noun it could stand for
            if theme is None:
                return None, []
        if theme is not None and theme.lemma_ in self.rel_nouns and _not_diplomatic(theme):
            return None, []
        pol = stated = rule.polarity or polarity(trigger, theme)
        subjects, objects, generic, pol = self.roles(rule, names, sent, ctx, pol, theme)
        cfg = self.settings[rule.relation]
        if (not subjects and not objects) or (mission and theme is not None and theme.lemma_ in self.mission_nouns):
            nouns = {"mission": self.mission_nouns, "relation": self.rel_nouns}
            subjects, objects = anaphora(trigger, theme, sent, ctx, mission, nouns, bool(subjects or objects)) or (
                subjects,
                objects,
            )
        listed = not objects
        if listed:
            objects = colon_items(trigger, sent, text)
        objects = [
            c for c in objects if _label(c) in cfg.object_labels
        ]  # before completion: "Laos was admitted to NAM"
        if (
            generic
            and len(objects) == 2
            and RELATIONS[rule.relation]
            and any(
                c.dep_ == "prep" and c.lower_ == "between"
                for h in (trigger, theme)
                if h is not None
                for c in h.children
            )
        ):
            subjects, objects = objects[:1], objects[1:]  # "the 1990 accord restored ties between A and B"
        if not generic:
            between = any(
                c.dep_ == "prep" and c.lower_ == "between"
                for h in (trigger, theme)
                if h is not None
                for c in h.children
            )
            own = (
                theme is not None
                and theme.lemma_ in self.envoy_nouns
                and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in theme.children)
            )
            subjects, objects = self.complete(
                rule.relation,
                subjects,
                objects,
                sent,
                ctx,
                pair=not listed,
                between=between,
                mutual=reciprocal(trigger, theme),
                own_envoys=own,
            )
        # the event keeps the stated polarity: "The same applies to Chile" repeats the rule, not the exception
        event = Event(rule.relation, tuple(objects), stated, tuple(subjects), rule.undated) if objects else None
        if not subjects or not objects:
            return event, []
        subjects = [c for c in subjects if _label(c) in cfg.subject_labels]
        objects = [c for c in objects if _label(c) in cfg.object_labels]  # and after: the main actor is a state
        # "became the first member of the G7 to ...": membership is presupposed, not an event of that date
        standing = any(c.lower_ in rule.standing for c in trigger.children)
        dates = EventDates(trigger, sent, frame, undated=rule.undated or standing)
        claims = _pairs(subjects, objects, dates, rule, pol, sent)
        if cfg.negative_also and pol == "negative":  # "have not closed X's missions": the missions operate
            claims += _pairs(
                subjects,
                objects,
                EventDates(trigger, sent, undated=True),
                Rule(rule.id, cfg.negative_also),
                "positive",
                sent,
            )
        return event, claims

    def pronoun_theme(self, trigger: Token) -> Token | None:
        """The relations noun a "them"/"it" theme stands for: the theme of the verb this one is
        coordinated with."""
        if trigger.dep_ == "conj":
            return next(
                (c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in self.rel_nouns),
                None,
            )
        # "A and B, which broke off relations in 2001, restored them in 2005": the last relations
        # noun before it in the sentence
        return next(
            (t for t in reversed(trigger.doc[trigger.sent.start : trigger.i]) if t.lemma_ in self.rel_nouns), None
        )

    def complete(
        self, relation, subjects, objects, sent, ctx, pair=True, between=False, mutual=False, own_envoys=False
    ):
        """Pairs ("A and B established ties", "A and B expelled each other's diplomats": one claim
        each way for a non-symmetric relation) and the main actor where a side is missing, as the
        relation's settings allow; ``pair=False`` for listed items, which are all on one side;
        ``between``: "relations between A and B were downgraded" reads A → B for any relation."""
        main, cfg, symmetric = ctx.main_actor, self.settings[relation], RELATIONS[relation]
        if ctx.pair and symmetric and not subjects and not objects:
            return [ctx.pair[0]], [ctx.pair[1]]  # "Diplomatic relations were established on 12 July 2000"
        if ctx.pair and subjects and not objects and set(subjects) < set(ctx.pair):
            return subjects, [c for c in ctx.pair if c not in subjects]  # "The Philippines suspended relations"
        named = {e._.code for e in ents_in(sent) if e.label_ == "COUNTRY"}
        mentioned = main in named
        if subjects and not objects:
            if len(subjects) >= 2 and mutual:
                return subjects, subjects  # every ordered pair; an actor never relates to itself
            # two actors with no object: one act between them ("A and B restored ties"), unless the
            # sentence or, for a one-sided act, the article is about a third state
            # ("Chile and Peru recalled their envoys": each its own, from the article's main actor if there is one)
            third = main and main not in subjects and (mentioned or (ctx.dominant and not symmetric) or own_envoys)
            if len(subjects) == 2 and not third:
                if symmetric or cfg.pair_is_mutual:
                    return (subjects[:1], subjects[1:]) if symmetric else (subjects, subjects)
            if len(subjects) > 2 and not third and cfg.multilateral:
                return subjects, subjects  # co-signatories: each pair of them (the claim set keeps one order)
            # "a rift between the two countries ... since Lima severed ties": the pair's other member
            pairs = [
                codes_of(t, ctx, ("COUNTRY",))
                for t in sent
                if t.lower_ in ("two", "both") and t.head.lemma_ in PAIR_NOUNS
            ]
            if (other := next((p for p in pairs if len(p) == 2 and set(subjects) < set(p)), None)) is not None:
                return subjects, [c for c in other if c not in subjects]
            # "Kenya broke ties in 2011": with no other state in sight, the other side is the main actor
            alone = named <= set(subjects)
            if (
                main
                and main not in subjects
                and (mentioned or ctx.dominant or alone or cfg.main_actor_object == "always")
            ):
                return subjects, [main]
        if objects and not subjects and (symmetric or between) and len(objects) == 2 and pair:
            return objects[:1], objects[1:]  # "relations between A and B"
        if objects and not subjects and main and main not in objects and cfg.main_actor_subject:
            return [main], objects
        return subjects, objects

    @staticmethod
    def alliance_roles(trigger: Token, ctx: Context) -> tuple[list[str], list[str]]:
        """ "A is B's ally", "A, an ally of B", "B's allies A and C", "brotherly ties with A",
        "the alliance between A and B", "the US-South Korea alliance"."""
        if trigger.lemma_ == "alliance":
            before = trigger.doc[trigger.left_edge.i : trigger.i]  # "the US-South Korea alliance", "Moscow's alliance"
            parties = [
                e._.code
                for e in ents_in(trigger.doc)
                if e.label_ == "COUNTRY" and before.start <= e.start and e.end <= before.end
            ]
            parties += [
                c
                for ch in trigger.children
                if ch.dep_ == "prep" and ch.lower_ in ("with", "between")
                for g in ch.children
                if g.dep_ == "pobj"
                for c in codes_of(g, ctx, ("COUNTRY",))
            ]
            # "its alliance with Bolivia", "Peru and Chile formed an alliance in 1879"
            parties = [
                c for ch in trigger.children if ch.dep_ == "poss" for c in codes_of(ch, ctx, ("COUNTRY",))
            ] + parties
            if not parties and trigger.dep_ == "dobj" and trigger.head.lemma_ in ALLIANCE_VERBS:
                parties = [c for t in subject_tokens(trigger.head) for c in codes_of(t, ctx, ("COUNTRY",))]
            parties = list(dict.fromkeys(parties))
            return parties[:1], parties[1:]
        side_a: list[str] = []
        holder = trigger
        while holder.dep_ == "conj" and holder.head.pos_ in ("NOUN", "PROPN") and not holder.head.ent_type_:
            holder = holder.head  # "the most honest friend and ally": read the first conjunct's place
        side_b = [
            c
            for h in dict.fromkeys([trigger, holder])
            for ch in h.children
            if ch.dep_ == "poss"
            for c in codes_of(ch, ctx)
        ]
        side_b += [
            c
            for h in dict.fromkeys([trigger, holder])
            for ch in h.children
            if ch.dep_ == "prep" and ch.lower_ in ("of", "with", "to", "in")
            for g in ch.children
            if g.dep_ == "pobj"
            for c in codes_of(g, ctx)
        ]
        named = [c for c in holder.head.children if c.dep_ == "dobj"] if holder.dep_ == "oprd" else []
        if named:  # "Kim called Russia an ally": Russia is the ally, Kim's state the other side
            side_a = [x for t in named for x in codes_of(t, ctx)]
            side_b = side_b or [x for t in holder.head.children if t.dep_ == "nsubj" for x in codes_of(t, ctx)]
            return side_a, side_b
        trigger = holder
        if (
            trigger.dep_ == "pobj"
            and trigger.head.lower_ == "of"
            and trigger.head.head.lower_ in ("one", "some", "two", "among")
        ):
            trigger = trigger.head.head  # "Peru remains one of Chile's closest allies"
        if trigger.dep_ in ("attr", "oprd", "appos", "conj", "pobj"):
            target = trigger.head if trigger.dep_ in ("appos", "conj") else None
            if trigger.dep_ == "pobj" and trigger.head.lower_ == "as":
                target = trigger.head.head
                obj = [c for c in target.children if c.dep_ in ("dobj", "nsubjpass")]
                side_a = [x for t in obj for x in codes_of(t, ctx)]
            elif target is not None:  # "Lima and Quito, the closest ally of the south": Moscow only
                side_a = (
                    codes_of(target, ctx)
                    if trigger.dep_ == "conj"
                    else [c for c in [entity_code(target)] if c] or codes_of(target, ctx)
                )
            else:
                side_a = [
                    x for t in trigger.head.children if t.dep_ in ("nsubj", "nsubjpass") for x in codes_of(t, ctx)
                ]
        elif trigger.dep_ in ("nsubj",):
            side_a = [x for t in trigger.head.children if t.dep_ in ("attr",) for x in codes_of(t, ctx)]
        elif trigger.dep_ == "dobj" and trigger.head.lemma_ in ("have", "find", "gain", "keep", "lose"):
            side_a = [
                x for t in trigger.head.children if t.dep_ == "nsubj" for x in codes_of(t, ctx)
            ]  # "Serbia has an ally in Russia"
        # "its American ally", "US allies Japan and South Korea": a state modifying the noun is a side
        mods = [
            x
            for c in trigger.children
            if c.dep_ in ("amod", "compound") and c.ent_type_ == "COUNTRY"
            for x in codes_of(c, ctx)
        ]
        if not side_b:
            side_b = mods
        elif not side_a:
            side_a = mods
        for child in trigger.children:
            if child.dep_ in ("appos",):
                side_a += codes_of(child, ctx)
        return side_a, side_b

    def ellipsis(
        self,
        sent: Span,
        local: list[Event],
        previous: list[Event],
        ctx: Context,
        found: list[Claim],
        frame: tuple,
        triggers: list[int],
    ) -> list[Claim]:
        """ "followed by X in 1974", "Y did so in 2014", "Neither have Z": repeat the last events,
        once per cue ("Chile was the first in 1970, followed by Peru in 1971"). A cue after a
        trigger of its own sentence repeats that sentence's events ("said it would reopen its
        embassy, but has not done so" repeats nothing when that event had no parties)."""
        stated = list(found)
        out: list[Claim] = []
        for match in ELLIPSIS.finditer(sent.text):
            cue = next(t for t in sent if t.idx >= sent.start_char + match.start())
            head = governing_verb(cue)
            tokens = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            tokens += [g for c in head.children if c.dep_ in ("agent", "prep") for g in c.children if g.dep_ == "pobj"]
            # "as is also the case with Peru"
            tokens += [
                g
                for c in head.children
                if c.dep_ == "attr"
                for p in c.children
                if p.dep_ == "prep"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            if cue.lower_ in ("neither", "nor") or not tokens:
                tokens = [c for c in head.children if c.dep_ in ("nsubj", "attr", "dobj")] or tokens
            negated = re.search(r"\b(neither|nor)\b", sent.text, re.I) or any(c.dep_ == "neg" for c in head.children)
            # "was the last to do so in 2011": the date hangs on "do so", not on "was"
            anchor = next(
                (t for t in head.subtree if t.lemma_ == "do" and any(c.lower_ == "so" for c in t.children)), head
            )
            # "followed suit" repeats acts, not what a phrase presupposed ("Russia's mission to the UN")
            for event in (e for e in (local if any(i < cue.i for i in triggers) else previous) if not e.standing):
                # a state already in that relation is not repeated, unless it was undated there and
                # the cue brings a date of its own
                own_date = any(d.start > cue.i - 3 for d in (e for e in ents_in(sent) if e.label_ == "DATE"))
                done = {
                    x
                    for c in stated + out
                    if c.relation == event.relation and (c.date or not own_date)
                    for x in (c.subject, c.object)
                }
                subjects = [c for t in tokens for c in codes_of(t, ctx, ("COUNTRY",))]
                subjects = list(dict.fromkeys(c for c in subjects if c not in event.objects and c not in done))
                if subjects:
                    rule = Rule("ellipsis." + event.relation, event.relation)
                    pol = "negative" if negated else event.polarity
                    out += _pairs(subjects, list(event.objects), EventDates(anchor, sent, frame), rule, pol, sent)
        return out


def keep_hyphenated(nlp: Language, lemmas: frozenset[str]) -> None:
    """The tokenizer splits "re-established" into "re - established", which the tagger then reads
    as a verb "re" and an adjective: keep the hyphenated forms of the rules' "re..." verbs whole."""
    for lemma in lemmas:
        if not lemma.startswith("re") or lemma.startswith("re-") or len(lemma) < 6 or not lemma.isalpha():
            continue
        base = "re-" + lemma[2:]
        stem = base[:-1] if base.endswith("e") else base
        for form in {
            base,
            base + "s",
            stem + "ed",
            stem + "ing",
            base + base[-1] + "ed",
            base + base[-1] + "ing",
            base + "ment",
        }:
            for variant in (form, form.capitalize()):
                nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])


def mission_roles(theme: Token, subjects: list[str], objects: list[str], ctx: Context) -> tuple[list[str], list[str]]:
    """Owner → host. A state named on the mission noun owns it ("A Cuban embassy was opened",
    "Spain closed the North Korean embassy"); a different acting state is then the host."""
    owners = [c for t in theme.children if t.dep_ in ("amod", "compound", "poss", "nmod") for c in codes_of(t, ctx)]
    owners = owners or [
        c
        for p in theme.children
        if p.dep_ == "prep" and p.lower_ == "of"  # "the consulates of A and B"
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ == "COUNTRY"
        for c in codes_of(g, ctx)
    ]
    if not owners or set(owners) == set(subjects):
        return subjects, objects
    hosts = [c for c in objects if c not in owners] or [c for c in subjects if c not in owners]
    return owners, hosts


def _non_resident(envoy: Token) -> bool:
    """ "a non-resident ambassador", "accredited from Beijing as nonresident envoy", and "the former
    British chargé d'affaires to X" (who tells of a mission then, not of one now)."""
    return any(
        "resident" in t.lower_ or t.lower_ in ("former", "ex", "late") for t in envoy.doc[envoy.left_edge.i : envoy.i]
    )


def _pairs(subjects, objects, dates: EventDates, rule: Rule, pol: str, sent: Span) -> list[Claim]:
    """One claim per (subject, object, date); an actor never relates to itself, and a symmetric
    relation among one group of states is stated once per pair, in the order they are named."""
    subjects, objects = list(dict.fromkeys(subjects)), list(dict.fromkeys(objects))
    among = RELATIONS[rule.relation] and subjects == objects
    return [
        make_claim(s, rule, o, d, pol, sent)
        for i, s in enumerate(subjects)
        for o in (objects[i + 1 :] if among else objects)
        if s != o
        for d in dates.for_pair(s, o)
    ]


NON_DIPLOMATIC = WORDS.non_diplomatic


def _not_diplomatic(theme: Token) -> bool:
    """ "economic relations" are not diplomatic relations; "diplomatic and commercial ties" are."""
    mods = {c.lower_ for c in theme.children if c.dep_ in ("amod", "compound")}
    mods |= {g.lower_ for c in theme.children if c.dep_ == "amod" for g in c.conjuncts}
    return bool(mods & NON_DIPLOMATIC) and "diplomatic" not in mods


def _copula_subject(token: Token) -> Token:
    t = token
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        t = t.head.head
    if t.dep_ in ("attr", "acomp"):
        subj = [c for c in t.head.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
    return t


def envoys_before(theme: Token, ctx: Context) -> list[str]:
    """Envoys named without their state take the state of the last envoys named with one, in this
    or the two sentences before ("expelled 23 Russian diplomats ... Chile expelled three diplomats")."""
    doc = theme.doc
    start = window_start(theme.sent, 2)
    for t in reversed(doc[start : theme.i]):
        if t.lemma_ == theme.lemma_ or (t.pos_ == "NOUN" and t.lemma_ in ENVOYS):
            if found := [c for c in Context.modifier_codes(t, {"COUNTRY"}) if c]:
                return found[:1]
    return []


ENVOYS = {"ambassador", "diplomat", "envoy", "attache", "attaché", "consul", "chargé"}


def _reflexive(theme: Token, subj_tokens: list[Token]) -> bool:
    """ "Germany and Sweden recalled their ambassadors", "Peru recalled its envoy": a possessive that
    agrees in number with the subject is the subject's own; "he ordered their diplomats" is not."""
    owner = next((c for c in theme.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None or not subj_tokens:
        return False
    plural = any(
        t.conjuncts or t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "who", "which", "that") for t in subj_tokens
    )
    return plural == (owner.lower_ == "their")


def _label(code: str) -> str:
    return "ORG" if code in load_gazetteer().org_codes else "COUNTRY"


PAIR_NOUNS = {"country", "state", "nation", "government", "side", "neighbour", "neighbor", "capital"}
ALLIANCE_VERBS = {
    "form",
    "forge",
    "conclude",
    "sign",
    "enter",
    "create",
    "build",
    "seal",
    "cement",
    "have",
    "maintain",
    "dissolve",
    "end",
}
RECIPROCAL = ("another", "mutual", "reciprocal", "respective")


def reciprocal(trigger: Token, theme: Token | None) -> bool:
    """ "expelled each other's diplomats", "their embassies", "mutual recognition": the act goes
    both ways between the subjects."""
    for head in (trigger, theme):
        if head is None:
            continue
        near = [*head.children, *(g for c in head.children if c.dep_ not in CLAUSE_DEPS for g in c.children)]
        if any(_reciprocal_word(c) or (c.lower_ == "other" and c.dep_ == "poss") for c in near):
            return True
    return False


CLAUSE_DEPS = ("conj", "advcl", "relcl", "ccomp", "xcomp", "acl")


def _reciprocal_word(t: Token) -> bool:
    """ "mutual", "one another", "each other" — not "expelled two each"."""
    if t.lower_ == "each":
        return t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("other", "other's", "others")
    return t.lower_ in RECIPROCAL


@Language.factory(
    "claims_relations", assigns=["doc._.claims"], requires=["doc.ents"], default_config={"patterns": None}
)
def make_relations(nlp: Language, name: str, patterns: str | None):
    return RelationMatcher(nlp, name, patterns)
