"""Claim keys and the spec's set semantics: dedupe, and a dated claim absorbs coarser ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .dates_util import coarser
from .records import RELATIONS, Claim

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def norm_code(code: str) -> str:
    """OTHER: codes compare case-insensitively with typographic quotes folded."""
    return "OTHER:" + code[6:].translate(QUOTES).casefold() if code.startswith("OTHER:") else code


def relaxed_key(claim: Claim) -> tuple:
    subject, obj = norm_code(claim.subject), norm_code(claim.object)
    if RELATIONS[claim.relation]:
        subject, obj = sorted((subject, obj))
    return (subject, claim.relation, obj, claim.polarity)


def strict_key(claim: Claim) -> tuple:
    return relaxed_key(claim) + (claim.date,)


def claim_set(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per strict key, minus those a more precisely dated claim absorbs."""
    by_strict: dict[tuple, Claim] = {}
    for claim in claims:
        by_strict.setdefault(strict_key(claim), claim)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in by_strict.values():
        groups[relaxed_key(claim)].append(claim)
    kept = []
    for group in groups.values():
        kept += [c for c in group if not any(coarser(c.date, other.date) for other in group)]
    return kept
