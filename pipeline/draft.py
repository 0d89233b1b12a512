"""``claims draft ID``: gold/labels/<ID>.txt pre-filled from the predictions, every line marked
``DRAFT`` for the user to check (the format tools/build_gold.py reads)."""

from __future__ import annotations

import re
from pathlib import Path

from .corpus import Article
from .errors import InputError
from .gold import DRAFT_MARK, find_article
from .records import Claim, Entity, write_text
from .score import load_claims, load_entities

HEADER = """\
# Draft labels for {id}, pre-filled by `claims draft` from {pred}.
# Check every line against the article, the spec and docs/annotation-guide.md: fix it or delete it,
# add what the pipeline missed, then remove the line's leading "DRAFT ". `claims validate-gold` and
# tools/build_gold.py refuse this file while any mark is left. Then:
#   python tools/build_gold.py {id} && claims validate-gold && claims run
# Format: SUBJECT RELATION OBJECT DATE POLARITY | anchor (a unique substring of the evidence sentence)
# DATE "-" means null. Entities: LABEL CODE/VALUE | form | form ...  (every occurrence in the cleaned text)
# Anchors are the evidence as the cleaned text has it (markup blanked to spaces): keep them exact.
"""


def article_predictions(pred_file: Path, corpus: Path, article_id: str) -> tuple[Article, list[Claim], list[Entity]]:
    """The article and its predicted claims and entities (entities.jsonl beside ``pred_file``)."""
    article = find_article(corpus, article_id)
    if article is None:
        raise InputError(corpus, f"no article {article_id!r} (.txt or .md)")
    if not pred_file.is_file():
        raise InputError(pred_file, "predictions file not found: run `claims run` first")
    claims = [c for c in load_claims(pred_file) if c.article == article_id]
    ent_file = pred_file.with_name("entities.jsonl")
    entities = [e for e in load_entities(ent_file) if e.article == article_id] if ent_file.is_file() else []
    if not claims and not entities:
        raise InputError(pred_file, f"no predictions for {article_id!r}: run `claims run` after adding the article")
    return article, sorted(claims, key=lambda c: (c.start, c.subject)), sorted(entities, key=lambda e: e.start)


def anchor(article: Article, claim: Claim) -> str:
    """A piece of the evidence that build_gold.py finds (``str.find`` on the cleaned text) inside
    this sentence: its first line, or where cleaning blanked markup, the longest unmarked run."""
    start, end = claim.start, claim.end
    first = article.clean[start:end].split("\n")[0].strip()
    if article.text[start:end].startswith(first):
        return first
    runs = re.findall(
        r"[^\n]+", "".join(c if c == r else "\n" for c, r in zip(article.clean[start:end], article.text[start:end]))
    )
    for run in sorted((r.strip() for r in runs), key=len, reverse=True):
        if len(run.split()) >= 3 and start <= article.clean.find(run) < end:
            return run
    return first


def claim_lines(article: Article, c: Claim) -> list[str]:
    """The claim's line, and the whole evidence as a comment when the anchor is only part of it."""
    piece, evidence = anchor(article, c), " ".join(c.evidence.split())
    line = f"{DRAFT_MARK}{c.subject} {c.relation} {c.object} {c.date or '-'} {c.polarity} | {piece}"
    return [line] if piece == evidence else [line, f"#   evidence: {evidence}"]


def entity_lines(article: Article, entities: list[Entity]) -> list[str]:
    """One line per (label, code/value) with its forms in order of appearance; a note where a form
    also occurs unlabelled (build_gold.py labels every occurrence unless a [block] phrase covers it)."""
    forms: dict[tuple[str, str], list[str]] = {}
    spans = [(e.start, e.end) for e in entities]
    for e in entities:
        key = (e.label, (e.value if e.label == "DATE" else e.code) or "-")
        form = article.clean[e.start : e.end]
        if form not in forms.setdefault(key, []):
            forms[key].append(form)
    out = []
    for (label, code), names in forms.items():
        out.append(f"{DRAFT_MARK}{label} {code} | " + " | ".join(names))
        for name in names:
            spare = [
                m.start()
                for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", article.clean)
                if not any(s < m.end() and m.start() < e for s, e in spans)
            ]
            if spare:
                where = article.clean[max(0, spare[0] - 30) : spare[0] + len(name) + 30].split()
                out.append(
                    f'#   {name!r} also occurs {len(spare)}x unlabelled, e.g. "{" ".join(where)}": '
                    "[block] the phrase if that is no entity"
                )
    return out


def draft_text(article: Article, claims: list[Claim], entities: list[Entity], pred: str) -> str:
    lines = [HEADER.format(id=article.id, pred=pred).rstrip("\n"), "[claims]"]
    lines += [line for c in claims for line in claim_lines(article, c)]
    lines += ["[entities]", *entity_lines(article, entities), "[block]", ""]
    return "\n".join(lines)


def write_draft(
    article_id: str, pred_file: Path, corpus: Path, gold: Path, force: bool = False
) -> tuple[Path, int, int]:
    """Write gold/labels/<id>.txt; refuses to replace an existing file unless ``force``."""
    target = gold / "labels" / f"{article_id}.txt"
    if target.exists() and not force:
        raise InputError(target, "label file exists; pass --force to replace it with a new draft")
    article, claims, entities = article_predictions(pred_file, corpus, article_id)
    write_text(target, draft_text(article, claims, entities, str(pred_file)))
    return target, len(claims), len({(e.label, e.code, e.value) for e in entities})
