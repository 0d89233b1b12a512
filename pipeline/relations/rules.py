"""The relation rule file (``patterns/relations.yml``): loaded and validated once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, TAG
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from ..errors import InputError
from ..gazetteer import load_yaml
from ..records import RELATIONS

PATTERNS = resources.files("pipeline") / "patterns" / "relations.yml"
ROLE_STRATEGIES = ("clause", "holder", "inverse", "alliance", "members")
LABELS = ("COUNTRY", "ORG")


@dataclass(frozen=True)
class Rule:
    id: str
    relation: str
    undated: bool = False  # a noun phrase that states a standing fact, not a dated event
    roles: str = "clause"  # or "holder", "inverse", "alliance" (see the rule file's header)
    object_preps: tuple[str, ...] = ()  # overrides the relation's object prepositions
    polarity: str = ""  # "negative": the trigger itself states the reversal ("withdrew from NATO")
    standing: frozenset[str] = frozenset()  # trigger modifiers that make it a standing fact ("the first member")
    nationals: bool = False  # the theme is a state's people ("expelled 25 Soviets"): counts only near a diplomatic word


@dataclass(frozen=True)
class Relation:
    """How one relation reads its roles (the ``relations:`` block of the rule file)."""

    object_preps: tuple[str, ...]
    direct_object: bool  # a direct object is the object ("visited Laos")
    subject_labels: tuple[str, ...] = ("COUNTRY",)
    object_labels: tuple[str, ...] = LABELS
    theme_owner: str = "object"  # the state on an envoy/mission theme: "object" ("expelled the Syrian
    # ambassador") or "subject" ("closed the Syrian embassy": Syria owns it)
    agentless_from: bool = False  # "diplomats were expelled from Poland": "from" names the subject
    main_actor_subject: bool = False  # objects but no subject: the article's main actor acts
    main_actor_object: str = "context"  # subjects but no object: "always", or "context" (the sentence
    # names the main actor, the article is about it, or no other state is named)
    negative_also: str = ""  # "have not closed X's missions": a negative also states this relation
    pair_is_mutual: bool = False  # "A and B suspended relations" with no object: one claim each way
    of_is_subject: bool = False  # "the visit of Xi to Riyadh": an event noun's "of" names the actor
    multilateral: bool = False  # "A, B and C signed a declaration" with no object: every pair of them


RELATION_KEYS = {
    "object_preps": list,
    "direct_object": bool,
    "subject_labels": list,
    "object_labels": list,
    "theme_owner": str,
    "agentless_from": bool,
    "main_actor_subject": bool,
    "main_actor_object": str,
    "negative_also": str,
    "pair_is_mutual": bool,
    "of_is_subject": bool,
    "multilateral": bool,
}


@dataclass
class RuleSet:
    matchers: dict[str, DependencyMatcher]  # one per rule: a sentence runs only the rules it could match
    patterns: dict[str, list[dict]]
    rules: dict[str, Rule]
    settings: dict[str, Relation]
    words: dict[str, list]  # the file's vocab lists
    tables: dict[str, list[str]]  # relation → table header words
    needs: list[list[dict[str, frozenset[str]]]]  # per rule, per word-constrained node: attr → allowed values

    @property
    def lemmas(self) -> frozenset[str]:
        """Every lemma some rule looks for."""
        return frozenset(w for need in self.needs for node in need for w in node.get("LEMMA", ()))

    @cached_property
    def _by_first_word(self) -> tuple[dict[tuple[str, str], list[int]], list[int]]:
        """Rule positions by the words of their first word-constrained node (most sentences hold
        none of them), and the rules with no word constraint at all."""
        index: dict[tuple[str, str], list[int]] = {}
        for n, need in enumerate(self.needs):
            if need:
                attr = "LEMMA" if "LEMMA" in need[0] else "LOWER"
                for word in need[0][attr]:
                    index.setdefault((attr, word), []).append(n)
        return index, [n for n, need in enumerate(self.needs) if not need]

    def candidates(self, sent) -> list[str]:
        """The rules that could match this sentence. A necessary condition only: every node with a
        word constraint needs a token that meets its LEMMA/LOWER and POS/DEP constraints."""
        by_word: dict[tuple[str, str], list] = {}
        for t in sent:
            by_word.setdefault(("LEMMA", t.lemma_), []).append(t)
            by_word.setdefault(("LOWER", t.lower_), []).append(t)
        index, unconstrained = self._by_first_word
        hits = sorted({n for key in by_word if key in index for n in index[key]} | set(unconstrained))
        ids = list(self.rules)
        return [ids[n] for n in hits if all(_node_met(node, by_word) for node in self.needs[n])]

    def matches(self, doc) -> list[tuple[str, list[int]]]:
        """(rule id, token indices) of every rule match. A DependencyMatcher's cost grows with every
        token and node it sees, so each rule runs only over the sentences it could match, each
        sentence copied once as a Doc (a matcher copies any Span it is given)."""
        out = []
        array = None
        for sent in doc.sents:
            if rids := self.candidates(sent):
                if array is None:
                    array = doc.to_array(MATCH_ATTRS)  # once per Doc: Span.as_doc redoes it per sentence
                sub = _sentence_doc(sent, array)
                out += [
                    (rid, [sent.start + i for i in tokens])
                    for rid in sorted(rids)
                    for _, tokens in self.matchers[rid](sub)
                ]
        return out


MATCH_ATTRS = [LEMMA, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]
HEAD_COL, IOB_COL = MATCH_ATTRS.index(HEAD), MATCH_ATTRS.index(ENT_IOB)


def _sentence_doc(sent, array) -> Doc:
    """A sentence copied as its own Doc with just what the rules read (Span.as_doc also rebuilds
    every entity span of the whole Doc, twice, for each sentence)."""
    sub = Doc(sent.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
    part = array[sent.start : sent.end].copy()
    heads = part[:, HEAD_COL].astype("int64") + numpy.arange(len(part))
    part[(heads < 0) | (heads >= len(part)), HEAD_COL] = 0  # a head outside the sentence: its own root
    if len(part) and part[0, IOB_COL] == 1:  # an entity carried over from the previous sentence
        part[0, IOB_COL] = 3
    sub.from_array(MATCH_ATTRS, part)
    return sub


def _node_met(node: dict[str, frozenset[str]], by_word: dict) -> bool:
    attr = "LEMMA" if "LEMMA" in node else "LOWER"
    return any(
        all(getattr(t, f"{a.lower()}_") in allowed for a, allowed in node.items() if a in ("POS", "DEP"))
        for word in node[attr]
        for t in by_word.get((attr, word), ())
    )


def load_rules(path: Path | str, vocab) -> RuleSet:
    """Load and validate the rule file; a bad rule stops with InputError naming the file."""
    data = load_yaml(str(path), dict)
    if not isinstance(data.get("patterns"), list) or not isinstance(data.get("relations"), dict):
        raise InputError(path, "rule file needs 'relations' and 'patterns'")
    settings, words = data["relations"], data.get("vocab") or {}
    if not isinstance(words, dict) or not all(isinstance(v, list) for v in words.values()):
        raise InputError(path, "'vocab' must map names to word lists")
    if set(settings) != set(RELATIONS):
        raise InputError(path, f"'relations' must configure exactly {sorted(RELATIONS)}")
    settings = {name: _relation(path, name, cfg) for name, cfg in settings.items()}
    matchers: dict[str, DependencyMatcher] = {}
    rules: dict[str, Rule] = {}
    for n, entry in enumerate(data["patterns"], 1):
        rid = entry.get("id") if isinstance(entry, dict) else None
        if (
            not rid
            or rid in rules
            or entry.get("relation") not in RELATIONS
            or not isinstance(entry.get("pattern"), list)
        ):
            raise InputError(path, f"pattern #{n} ({rid!r}): needs a unique id, a known relation and a pattern")
        if entry["pattern"][0].get("RIGHT_ID") != "trigger":
            raise InputError(path, f"pattern {rid!r}: the first node must be 'trigger'")
        matchers[rid] = matcher = DependencyMatcher(vocab, validate=True)
        try:
            matcher.add(rid, [entry["pattern"]])
        except ValueError as exc:
            raise InputError(path, f"pattern {rid!r}: {str(exc).splitlines()[0]}") from None
        rules[rid] = _rule(path, rid, entry)
    tables = data.get("tables") or {}
    if (
        not isinstance(tables, dict)
        or not set(tables) <= set(RELATIONS)
        or not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in tables.values())
    ):
        raise InputError(path, "'tables' must map relations to lists of header words")
    needs = [_word_needs(entry["pattern"]) for entry in data["patterns"]]
    return RuleSet(
        matchers,
        {rid: e["pattern"] for rid, e in zip(rules, data["patterns"])},
        rules,
        settings,
        words,
        {rel: [w.lower() for w in ws] for rel, ws in tables.items()},
        needs,
    )


def _words(value) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) for w in value)


def _relation(path, name: str, cfg) -> Relation:
    """One relation's settings, every key checked: a typo or a bare YAML 'on' stops the run."""
    if not isinstance(cfg, dict) or not {"object_preps", "direct_object"} <= set(cfg) or set(cfg) - set(RELATION_KEYS):
        raise InputError(
            path, f"relation {name!r}: needs object_preps and direct_object; may set {sorted(RELATION_KEYS)[2:]}"
        )
    for key, value in cfg.items():
        kind = RELATION_KEYS[key]
        if not isinstance(value, kind) or (kind is list and not _words(value)):
            raise InputError(path, f"relation {name!r}: {key} must be a {kind.__name__} (quote 'on')")
    labels = [*cfg.get("subject_labels", []), *cfg.get("object_labels", [])]
    if (
        not set(labels) <= set(LABELS)
        or cfg.get("theme_owner", "object") not in ("object", "subject")
        or cfg.get("main_actor_object", "context") not in ("always", "context")
        or cfg.get("negative_also", "") not in ("", *RELATIONS)
    ):
        raise InputError(
            path,
            f"relation {name!r}: labels are {LABELS}, theme_owner object/subject, "
            "main_actor_object always/context, negative_also a relation",
        )
    return Relation(**{k: tuple(v) if isinstance(v, list) else v for k, v in cfg.items()})


def _rule(path, rid: str, entry: dict) -> Rule:
    roles, polarity = entry.get("roles", "clause"), entry.get("polarity", "")
    if roles not in ROLE_STRATEGIES:
        raise InputError(path, f"pattern {rid!r}: roles must be one of {ROLE_STRATEGIES}")
    if (
        polarity not in ("", "negative")
        or not _words(entry.get("object_preps", []))
        or not _words(entry.get("standing", []))
    ):
        raise InputError(
            path, f"pattern {rid!r}: polarity may only be 'negative'; object_preps and standing are word lists"
        )
    if not isinstance(entry.get("nationals", False), bool):
        raise InputError(path, f"pattern {rid!r}: nationals must be true or false")
    return Rule(
        rid,
        entry["relation"],
        bool(entry.get("undated", False)),
        roles,
        tuple(entry.get("object_preps", [])),
        polarity,
        frozenset(entry.get("standing", [])),
        entry.get("nationals", False),
    )


def _word_needs(pattern: list[dict]) -> list[dict[str, frozenset[str]]]:
    """The word-constrained nodes of a pattern, each as attr → allowed values (LEMMA/LOWER, and
    the POS/DEP that go with them)."""
    out = []
    for node in pattern:
        allowed = {}
        for attr in ("LEMMA", "LOWER", "POS", "DEP"):
            value = node.get("RIGHT_ATTRS", {}).get(attr)
            if isinstance(value, str):
                allowed[attr] = frozenset([value])
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                allowed[attr] = frozenset(map(str, value["IN"]))
        if "LEMMA" in allowed or "LOWER" in allowed:
            out.append(allowed)
    return out
