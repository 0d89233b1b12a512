"""``claims export``: an article and its predicted spans and claims as a JSONL task that Prodigy
(spans + relations) or doccano (entities + relations) imports, for correcting in those tools."""

from __future__ import annotations

from dataclasses import asdict

from .corpus import Article
from .records import Claim, Entity
from .report.articles import tokenizer
from .report.marks import locate


def relation_label(claim: Claim) -> str:
    return claim.relation if claim.polarity == "positive" else f"not_{claim.relation}"


def claim_arguments(claims: list[Claim], entities: list[Entity]) -> list[tuple[Claim, Entity, Entity]]:
    """Claims whose subject and object are both mentioned in the evidence, with those mentions
    (the ones the report marks); the rest ride along in ``meta`` only."""
    by_span = {(e.start, e.end): e for e in entities}
    out = []
    for claim in claims:
        marks = locate(claim, entities, [])
        if marks.subject and marks.object:
            out.append((claim, by_span[marks.subject], by_span[marks.object]))
    return out


def prodigy_task(article: Article, claims: list[Claim], entities: list[Entity]) -> dict:
    """Prodigy's span + relation task: tokens, spans (token_end inclusive), relations by token."""
    doc = tokenizer()(article.text)
    tokens = [
        {"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i, "ws": bool(t.whitespace_)} for t in doc
    ]

    def span(e: Entity) -> dict:
        s = doc.char_span(e.start, e.end, alignment_mode="expand")  # Prodigy spans start and end on tokens
        return {
            "start": s.start_char,
            "end": s.end_char,
            "token_start": s.start,
            "token_end": s.end - 1,
            "label": e.label,
        }

    return {
        "text": article.text,
        "tokens": tokens,
        "spans": [span(e) for e in entities],
        "relations": [
            {
                "head": span(s)["token_end"],
                "child": span(o)["token_end"],
                "head_span": span(s),
                "child_span": span(o),
                "label": relation_label(c),
            }
            for c, s, o in claim_arguments(claims, entities)
        ],
        "meta": meta(article, claims),
    }


def doccano_task(article: Article, claims: list[Claim], entities: list[Entity]) -> dict:
    """doccano's sequence labelling with relations: entities by character offset, relations by id."""
    ids = {(e.start, e.end): n for n, e in enumerate(entities, 1)}
    return {
        "text": article.text,
        "entities": [
            {"id": ids[(e.start, e.end)], "label": e.label, "start_offset": e.start, "end_offset": e.end}
            for e in entities
        ],
        "relations": [
            {"id": n, "from_id": ids[(s.start, s.end)], "to_id": ids[(o.start, o.end)], "type": relation_label(c)}
            for n, (c, s, o) in enumerate(claim_arguments(claims, entities), 1)
        ],
        **meta(article, claims),
    }


def meta(article: Article, claims: list[Claim]) -> dict:
    """What the spans cannot hold: the article id, its front matter, every claim with its date."""
    return {
        "id": article.id,
        "source": {k: str(v) for k, v in article.meta.items()},
        "claims": [{k: v for k, v in asdict(c).items() if k not in ("article", "evidence")} for c in claims],
    }


EXPORTERS = {"prodigy": prodigy_task, "doccano": doccano_task}


def export_task(fmt: str, article: Article, claims: list[Claim], entities: list[Entity]) -> dict:
    return EXPORTERS[fmt](article, claims, entities)
