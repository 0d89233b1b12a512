"""Run the spaCy pipeline over articles and collect entity and claim records."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from tqdm import tqdm

from .claims import claim_set
from .corpus import Article
from .headlines import article_doc
from .records import ArticleResult, Claim, Entity

LABELS = ("COUNTRY", "ORG", "DATE")


def extract_article(nlp: Language, article: Article) -> ArticleResult:
    """Parse one article; ``published`` rides on the Doc for relative dates. Each article is read on
    its own, so the result does not depend on which articles come before it (cache, workers)."""
    doc = nlp(article_doc(nlp, article.clean, article.published))  # (title-case headlines in sentence case)
    claims = claim_set(
        replace(c, article=article.id, evidence=article.text[c.start : c.end]) for c in doc._.claims or []
    )
    return ArticleResult(article.id, tuple(entity_records(article, doc.ents)), tuple(claims), dict(article.meta))


def extract(nlp: Language, articles: list[Article], progress: bool = False) -> tuple[list[Entity], list[Claim]]:
    """All entity records and the claim set of every article, in memory; ``progress`` draws a bar on
    stderr. ``claims extract`` streams through ``pipeline.runs`` instead."""
    entities: list[Entity] = []
    claims: list[Claim] = []
    bar = tqdm(articles, unit="article", file=sys.stderr, disable=not progress)
    for article in bar:
        bar.set_postfix_str(article.id, refresh=False)
        result = extract_article(nlp, article)
        entities += result.entities
        claims += result.claims
    return entities, claims


def entity_records(article: Article, ents: Iterable) -> list[Entity]:
    return [
        Entity(
            article.id,
            e.start_char,
            e.end_char,
            article.text[e.start_char : e.end_char],
            e.label_,
            e._.code if e.label_ != "DATE" else None,
            e._.value if e.label_ == "DATE" else None,
        )
        for e in ents
        if e.label_ in LABELS
    ]
