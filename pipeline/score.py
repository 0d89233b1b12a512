"""Score predicted claims and entities against the gold set (spec section 4)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.scorer import PRFScore

from .claims import claim_set, norm_code, relaxed_key, strict_key
from .dates_util import coarser
from .errors import InputError
from .records import RELATIONS, Claim, Entity, claim_from_json, entity_from_json, read_jsonl


def prf(score: PRFScore) -> dict:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.fscore, 4),
        "tp": int(score.tp),
        "fp": int(score.fp),
        "fn": int(score.fn),
    }


MISMATCH_KINDS = ("date", "polarity", "direction")


@dataclass(frozen=True)
class Mismatch:
    """A predicted claim that matches a gold claim in everything but one field (a strict FP + FN pair)."""

    kind: str  # one of MISMATCH_KINDS
    predicted: Claim
    gold: Claim

    def describe(self) -> str:
        p, g = self.predicted, self.gold
        if self.kind == "date":
            return f"date differs: predicted {p.date or 'none'}, gold {g.date or 'none'}"
        if self.kind == "polarity":
            return f"polarity differs: predicted {p.polarity}, gold {g.polarity}"
        return f"direction differs: predicted {p.subject} → {p.object}, gold {g.subject} → {g.object}"


def _mismatch_key(kind: str, claim: Claim, gold: bool) -> tuple | None:
    """What must agree for a ``kind`` mismatch; the differing field is left out."""
    subject, relation, obj, polarity = relaxed_key(claim)
    if kind == "date":
        return subject, relation, obj, polarity
    if kind == "polarity":
        return subject, relation, obj, claim.date
    if RELATIONS[relation]:
        return None  # a symmetric pair has no direction
    return (obj, relation, subject, polarity, claim.date) if gold else (subject, relation, obj, polarity, claim.date)


def pair_mismatches(false_positives: list[Claim], false_negatives: list[Claim]) -> list[Mismatch]:
    """Pair strict FPs with FNs that differ only in date, polarity or direction (one to one,
    in that order); for dates, a gold date that contains or lies inside the predicted one first."""
    fps, fns, out = list(false_positives), list(false_negatives), []
    for kind in MISMATCH_KINDS:
        for pred in list(fps):
            key = _mismatch_key(kind, pred, gold=False)
            # both are strict errors, so an equal key means exactly the left-out field differs
            candidates = [g for g in fns if key is not None and _mismatch_key(kind, g, gold=True) == key]
            if candidates:
                gold = min(candidates, key=lambda g: not (coarser(g.date, pred.date) or coarser(pred.date, g.date)))
                fps = [c for c in fps if c is not pred]
                fns = [c for c in fns if c is not gold]
                out.append(Mismatch(kind, pred, gold))
    return out


@dataclass
class ArticleDiff:
    """What one article got right and wrong, for the report. ``false_positives``/``false_negatives``
    are every strict error; ``mismatches`` pairs those that differ in one field only."""

    false_positives: list[Claim] = field(default_factory=list)
    false_negatives: list[Claim] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    def __post_init__(self):
        if not self.mismatches:
            self.mismatches = pair_mismatches(self.false_positives, self.false_negatives)

    def unpaired(self) -> tuple[list[Claim], list[Claim]]:
        """The false positives and negatives that no mismatch explains."""
        paired = {id(c) for m in self.mismatches for c in (m.predicted, m.gold)}
        return (
            [c for c in self.false_positives if id(c) not in paired],
            [c for c in self.false_negatives if id(c) not in paired],
        )


def load_claims(path: Path) -> list[Claim]:
    return [claim_from_json(obj, path, n) for n, obj in read_jsonl(path)]


def load_entities(path: Path) -> list[Entity]:
    return [entity_from_json(obj, path, n) for n, obj in read_jsonl(path)]


def load_gold(gold_dir: Path, kind: str) -> dict[str, list]:
    """``gold_dir/<kind>/<id>.jsonl`` → {article id: records}; ids nest like the corpus.

    A missing gold folder, or one without claim files, is bad input: every score would read 0.
    """
    expected = f"expected {gold_dir / 'claims'}/<id>.jsonl"
    if not gold_dir.is_dir():
        raise InputError(gold_dir, f"gold folder not found ({expected})")
    root = gold_dir / kind
    files = sorted(root.rglob("*.jsonl")) if root.is_dir() else []
    if kind == "claims" and not files:
        inside = (
            f"; it holds .jsonl files itself: pass its parent {gold_dir.parent}"
            if any(gold_dir.glob("*.jsonl"))
            else ""
        )
        raise InputError(gold_dir, f"no gold claim files ({expected}){inside}")
    loader = load_claims if kind == "claims" else load_entities
    return {p.relative_to(root).with_suffix("").as_posix(): loader(p) for p in files}


def load_gold_for(gold_dir: Path, articles: set[str], source: str | Path) -> tuple[dict, dict]:
    """Gold claims and entities for scoring ``articles`` (from ``source``); gold naming none of them is bad input."""
    claims = load_gold(gold_dir, "claims")
    if articles and not articles & set(claims):
        example = gold_dir / "claims" / f"{min(articles)}.jsonl"
        raise InputError(
            gold_dir / "claims",
            f"no gold file names any of the {len(articles)} articles in {source} "
            f"(expected {gold_dir / 'claims'}/<id>.jsonl, e.g. {example})",
        )
    return claims, load_gold(gold_dir, "entities")


def _count(score: PRFScore, gold: set, pred: set) -> None:
    score.tp += len(gold & pred)
    score.fp += len(pred - gold)
    score.fn += len(gold - pred)


def score_claims(gold: dict[str, list[Claim]], pred: list[Claim]) -> tuple[dict, dict[str, ArticleDiff]]:
    """Micro P/R/F1 (strict and relaxed), per relation, per article, and date accuracy."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in pred:
        by_article[claim.article].append(claim)
    totals = {"strict": PRFScore(), "relaxed": PRFScore()}
    per_relation: dict[str, dict[str, PRFScore]] = defaultdict(lambda: {"strict": PRFScore(), "relaxed": PRFScore()})
    per_article, diffs = {}, {}
    dated_hits = dated_total = 0
    for article, gold_claims in sorted(gold.items()):
        g, p = claim_set(gold_claims), claim_set(by_article.get(article, []))
        keys = {
            kind: ({keyf(c) for c in g}, {keyf(c) for c in p})
            for kind, keyf in (("strict", strict_key), ("relaxed", relaxed_key))
        }
        art = {"strict": PRFScore(), "relaxed": PRFScore()}
        for kind, (gk, pk) in keys.items():
            for score in (totals[kind], art[kind]):
                _count(score, gk, pk)
            for relation in {c.relation for c in g + p}:
                _count(
                    per_relation[relation][kind],
                    {k for k in gk if k[1] == relation},
                    {k for k in pk if k[1] == relation},
                )
        (gold_strict, pred_strict), (gold_relaxed, pred_relaxed) = keys["strict"], keys["relaxed"]
        relaxed_hits = gold_relaxed & pred_relaxed
        dated_total += len(relaxed_hits)
        dated_hits += len({k[:4] for k in gold_strict & pred_strict} & relaxed_hits)
        per_article[article] = {kind: prf(s) for kind, s in art.items()}
        diffs[article] = ArticleDiff(
            [c for c in p if strict_key(c) not in gold_strict], [c for c in g if strict_key(c) not in pred_strict]
        )
    result = {
        "strict": prf(totals["strict"]),
        "relaxed": prf(totals["relaxed"]),
        "date_accuracy": round(dated_hits / dated_total, 4) if dated_total else None,
        "per_relation": {r: {k: prf(s) for k, s in v.items()} for r, v in sorted(per_relation.items())},
        "per_article": per_article,
        "unscored": sorted(set(by_article) - set(gold)),
    }
    return result, diffs


def _entity_key(e: Entity) -> tuple:
    return (e.start, e.end, e.label, e.value if e.label == "DATE" else norm_code(e.code or ""))


def score_entities(gold: dict[str, list[Entity]], pred: list[Entity]) -> dict:
    """Exact span+label+code/value hits per label; same-label same-code overlaps count as partial."""
    by_article: dict[str, list[Entity]] = defaultdict(list)
    for ent in pred:
        by_article[ent.article].append(ent)
    labels: dict[str, PRFScore] = defaultdict(PRFScore)
    overall, partial, span_hits, value_hits = PRFScore(), 0, 0, 0
    for article, gold_ents in gold.items():
        g, p = {_entity_key(e) for e in gold_ents}, {_entity_key(e) for e in by_article.get(article, [])}
        _count(overall, g, p)
        for label in {k[2] for k in g | p}:
            _count(labels[label], {k for k in g if k[2] == label}, {k for k in p if k[2] == label})
        spans = {k[:3]: k for k in g}
        for k in p:
            if k[:3] in spans:
                span_hits += 1
                value_hits += spans[k[:3]] == k
        partial += sum(
            1 for k in p - g if any(k[2] == o[2] and k[3] == o[3] and k[0] < o[1] and o[0] < k[1] for o in g - p)
        )
    return {
        "exact": prf(overall),
        "per_label": {lab: prf(s) for lab, s in sorted(labels.items())},
        "partial": partial,
        "code_value_accuracy": round(value_hits / span_hits, 4) if span_hits else None,
    }


def score_predictions(gold: tuple[dict, dict], claims: list[Claim], entities: list[Entity] | None) -> tuple[dict, dict]:
    """Claims (and entities, when both sides have them) against gold from ``load_gold_for``."""
    gold_claims, gold_entities = gold
    result, diffs = score_claims(gold_claims, claims)
    if gold_entities and entities is not None:
        result["entities"] = score_entities(gold_entities, entities)
    return result, diffs


def score_files(gold_dir: Path, pred_file: Path) -> tuple[dict, dict[str, ArticleDiff]]:
    """Score ``pred_file`` (claims.jsonl; entities.jsonl beside it, if present) against ``gold_dir``."""
    if not pred_file.is_file():
        raise InputError(pred_file, "predictions file not found")
    claims = load_claims(pred_file)
    ent_file = pred_file.with_name("entities.jsonl")
    entities = load_entities(ent_file) if ent_file.is_file() else None
    gold = load_gold_for(gold_dir, {c.article for c in claims} | {e.article for e in entities or []}, pred_file)
    return score_predictions(gold, claims, entities)
