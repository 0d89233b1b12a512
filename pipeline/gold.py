"""``claims validate-gold``: every gold line checked against the spec and the article text."""

from __future__ import annotations

from pathlib import Path

from .claims import strict_key
from .corpus import Article, article_path, read_article
from .dates_util import valid_value
from .errors import InputError
from .gazetteer import known_code, load_gazetteer
from .records import claim_from_json, entity_from_json, read_jsonl

DRAFT_MARK = "DRAFT "  # starts every line `claims draft` pre-fills in gold/labels/<id>.txt


def valid_code(code: str) -> bool:
    """COUNTRY code per spec, or an ORG acronym from the project's ORG list."""
    return known_code(code) or code in load_gazetteer().org_codes


def find_article(corpus: Path, article_id: str) -> Article | None:
    """The corpus article with this id, or None."""
    found = article_path(corpus, article_id)
    return read_article(found, corpus) if found is not None else None


def article_text(corpus: Path, article_id: str, path: Path, line: int) -> str:
    if (article := find_article(corpus, article_id)) is None:
        raise InputError(path, f"no corpus article {article_id!r}", line=line)
    return article.text


def check_not_draft(path: Path) -> None:
    """A label file is gold only once every line ``claims draft`` pre-filled has been checked."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(path, "not valid UTF-8") from None
    for n, line in enumerate(lines, 1):
        if line.startswith(DRAFT_MARK):
            raise InputError(
                path, f"draft line not checked yet (fix or delete it, then remove {DRAFT_MARK.strip()!r})", line=n
            )


def validate_file(path: Path, root: Path, kind: str, corpus: Path) -> int:
    """Check one gold file; returns the number of lines, raises InputError on the first bad one."""
    expected_id = path.relative_to(root).with_suffix("").as_posix()
    seen: dict[tuple, int] = {}
    count = 0
    for n, obj in read_jsonl(path):
        count += 1
        if obj.get("article") != expected_id:
            raise InputError(path, f"article {obj.get('article')!r} does not match the file name", line=n)
        text = article_text(corpus, obj["article"], path, n)
        if kind == "claims":
            claim = claim_from_json(obj, path, n)
            for role in ("subject", "object"):
                if not valid_code(getattr(claim, role)):
                    raise InputError(path, f"unknown {role} code {getattr(claim, role)!r}", line=n)
            if not valid_value(claim.date):
                raise InputError(path, f"bad date value {claim.date!r}", line=n)
            if not claim.evidence or claim.evidence not in text[claim.start : claim.end]:
                raise InputError(path, "evidence is not in text[start:end]", line=n)
            key = strict_key(claim)
            if key in seen:
                raise InputError(path, f"duplicate claim (same as line {seen[key]})", line=n)
            seen[key] = n
        else:
            ent = entity_from_json(obj, path, n)
            if text[ent.start : ent.end] != ent.text:
                raise InputError(
                    path, f"text[{ent.start}:{ent.end}] is {text[ent.start : ent.end]!r}, not {ent.text!r}", line=n
                )
            if ent.label == "DATE" and not valid_value(ent.value):
                raise InputError(path, f"bad date value {ent.value!r}", line=n)
            if ent.label != "DATE" and not valid_code(ent.code or ""):
                raise InputError(path, f"unknown code {ent.code!r}", line=n)
            key = (ent.start, ent.end, ent.label)
            if key in seen:
                raise InputError(path, f"duplicate entity (same as line {seen[key]})", line=n)
            seen[key] = n
    return count


def validate_gold(gold_dir: Path, corpus: Path) -> dict[str, int]:
    """Validate every gold file (label files first: none may still be a draft); returns line counts per kind."""
    labels = gold_dir / "labels"
    for path in sorted(labels.rglob("*.txt")) if labels.is_dir() else []:
        check_not_draft(path)
    counts = {}
    for kind in ("claims", "entities"):
        root = gold_dir / kind
        counts[kind] = (
            sum(validate_file(p, root, kind, corpus) for p in sorted(root.rglob("*.jsonl"))) if root.is_dir() else 0
        )
    return counts
