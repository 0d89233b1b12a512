"""Run the spaCy pipeline over articles and collect entity and claim records."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Iterable, Iterator

from spacy.language import Language
from tqdm import tqdm

from .claims import claim_set
from .corpus import Article
from .headlines import article_doc
from .records import Claim, Entity

LABELS = ("COUNTRY", "ORG", "DATE")


def docs_for(nlp: Language, articles: list[Article], batch_size: int = 8) -> Iterator:
    """Parse articles with ``nlp.pipe``; ``published`` rides on the Doc for relative dates, and
    title-case headlines are parsed in sentence case (same offsets)."""
    def make():
        for article in articles:
            yield article_doc(nlp, article.clean, article.published)
    yield from nlp.pipe(make(), batch_size=batch_size)


def extract(nlp: Language, articles: list[Article], progress: bool = False) -> tuple[list[Entity], list[Claim]]:
    """All entity records and the claim set of every article; ``progress`` draws a bar on stderr."""
    entities: list[Entity] = []
    claims: list[Claim] = []
    # One article per batch, so the bar moves as each article is done: articles are long, and
    # batching them by 8 made no measurable difference to words/second.
    docs = docs_for(nlp, articles, batch_size=1)
    bar = tqdm(zip(articles, docs), total=len(articles), unit="article", file=sys.stderr, disable=not progress)
    for article, doc in bar:
        bar.set_postfix_str(article.id, refresh=False)
        entities += entity_records(article, doc.ents)
        claims += claim_set(replace(c, article=article.id, evidence=article.text[c.start:c.end]) for c in doc._.claims or [])
    return entities, claims


def entity_records(article: Article, ents: Iterable) -> list[Entity]:
    return [Entity(article.id, e.start_char, e.end_char, article.text[e.start_char:e.end_char], e.label_,
                   e._.code if e.label_ != "DATE" else None, e._.value if e.label_ == "DATE" else None)
            for e in ents if e.label_ in LABELS]
