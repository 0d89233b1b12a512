"""Where a claim sits in its evidence: the trigger token and the subject and object mentions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..claims import norm_code
from ..records import Claim, Entity
from ..relations.component import ELLIPSIS

Span = tuple[int, int]  # article character offsets
ROLES = ("trigger", "subject", "object")


@dataclass(frozen=True)
class Trigger:
    """A rule's anchor token in an evidence sentence (offsets relative to the sentence)."""

    rule: str
    relation: str
    start: int
    end: int


@dataclass(frozen=True)
class Marks:
    """The spans to highlight in one claim's evidence; ``None`` where the sentence does not show it
    (a pronoun's antecedent elsewhere, a table row without a trigger word)."""

    trigger: Span | None = None
    subject: Span | None = None
    object: Span | None = None

    def pieces(self, claim: Claim) -> list[tuple[str, str]]:
        """The evidence cut into (role, text) pieces in order; role "" is unmarked text."""
        spans = sorted((s, role) for role in ROLES if (s := getattr(self, role)))
        out, pos = [], claim.start
        for (start, end), role in spans:
            if start < pos:
                continue  # overlaps a span already marked
            out += [
                ("", claim.evidence[pos - claim.start : start - claim.start]),
                (role, claim.evidence[start - claim.start : end - claim.start]),
            ]
            pos = end
        out.append(("", claim.evidence[pos - claim.start :]))
        return [p for p in out if p[1]]


def find_triggers(nlp, sentences: Iterable[str]) -> dict[str, list[Trigger]]:
    """Each sentence read alone by ``nlp`` and matched by its relation rules: every rule's trigger
    token (the claim records keep the sentence and the rule id, not the token), and the phrases
    that repeat an earlier event ("followed by", relation "ellipsis")."""
    rules = nlp.get_pipe("claims_relations").ruleset
    todo = sorted(set(sentences))
    found: dict[str, list[Trigger]] = {}
    for text, doc in zip(todo, nlp.pipe(todo)):  # the component repairs lemmas in place, as in the run
        found[text] = [
            Trigger(rid, rules.rules[rid].relation, doc[i].idx, doc[i].idx + len(doc[i]))
            for rid, (i, *_) in rule_matches(rules, doc)
            if rid in rules.rules
        ]
        found[text] += [Trigger("", "ellipsis", m.start(), m.end()) for m in ELLIPSIS.finditer(text)]
    return found


def rule_matches(rules, doc) -> list[tuple[str, list[int]]]:
    """(rule id, token indices, trigger first) of every match. A RuleSet with ``matches`` (one
    matcher per rule, as on main) says so itself; one with a single ``matcher`` is read here."""
    if hasattr(rules, "matches"):
        return rules.matches(doc)
    return [(doc.vocab.strings[match_id], tokens) for match_id, tokens in rules.matcher(doc)]


def locate(claim: Claim, entities: list[Entity], triggers: list[Trigger]) -> Marks:
    """The trigger of the claim's rule (else any rule of its relation) nearest its arguments, and
    the subject and object mentions nearest that trigger."""
    inside = [e for e in entities if claim.start <= e.start and e.end <= claim.end]
    mentions = {
        role: [(e.start, e.end) for e in inside if norm_code(e.code or "") == norm_code(code)]
        for role, code in (("subject", claim.subject), ("object", claim.object))
    }
    relation = "ellipsis" if claim.pattern.startswith("ellipsis.") else claim.relation
    candidates = [t for t in triggers if t.rule == claim.pattern] or [t for t in triggers if t.relation == relation]
    spans = [(claim.start + t.start, claim.start + t.end) for t in candidates]

    def gap(a: Span, b: Span) -> int:
        return max(a[0] - b[1], b[0] - a[1], 0)

    def spread(t: Span) -> int:
        return sum(min(gap(t, m) for m in ms) for ms in mentions.values() if ms)

    trigger = min(spans, key=spread) if spans else None
    anchor = trigger or (claim.start, claim.start)
    subject = min(mentions["subject"], key=lambda m: gap(anchor, m), default=None)
    obj = min((m for m in mentions["object"] if m != subject), key=lambda m: gap(anchor, m), default=None)
    return Marks(trigger, subject, obj)
