"""Read articles and clean them without shifting offsets.

Cleaning never deletes characters: boilerplate is overwritten with spaces (newlines kept), so every
offset into ``Article.clean`` is also an offset into the whole decoded file, as the spec requires.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError

SUFFIXES = (".txt", ".md")
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Each pattern marks text that is page furniture, not article prose. Why each one exists:
BOILERPLATE = [
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),                        # markdown images (captions + urls)
    re.compile(r"(?m)^[ \t]*[*\-•][ \t]+\[[^\]]*\]\([^)]*\)[ \t]*$"),  # "related stories" link lists
    re.compile(r"\]\([^)]*\)"),                                 # link targets; the link text stays
    re.compile(r"https?://\S+"),                                # bare urls
    re.compile(r"(?m)^.*\b\d{1,2}:\d{2}[ \t]*$"),               # video titles ending in a duration
    re.compile(r"(?m)^[^\n]*\b_\d{5,}\b[^\n]*$"),               # video slugs
    re.compile(r"(?m)^[ \t]*[^\n.]{0,80}\b(?:Photo|Getty Images|Reuters|AFP)\b[^\n.]{0,60}$"),  # photo credit lines
    re.compile(r"(?m)^This (?:picture|photo|image) (?:taken|shows)[^\n]*$"),  # photo captions
    re.compile(r"(?m)^[ \t]*(?:Read more|Source):[^\n]*$"),   # source / read-more lines
    # Reference lists and comment/share blocks run to the next heading or the end of the file.
    re.compile(r"(?ims)^[#*\s]*(?:to find out more|further reading|references|bibliography)\b.*?(?=^#|\Z)"),
    re.compile(r"(?ms)^(?:Leave a Reply|Leave a comment|Share this:|Related Articles|Published by)\b.*\Z"),
]
MARKUP = re.compile(r"(?m)^[ \t]*#+|\*{1,3}|(?<=\s)_|_(?=\s)|^[ \t]*[•*\-](?=[ \t])|[\[\]]")


@dataclass(frozen=True)
class Article:
    """One corpus file: id, raw text, front matter and the offset-preserving cleaned text."""

    id: str
    path: Path
    text: str
    meta: dict = field(default_factory=dict)
    clean: str = ""

    @property
    def published(self) -> str | None:
        return self.meta.get("published")


def blank(text: str, start: int, end: int) -> str:
    """Overwrite ``text[start:end]`` with spaces, keeping newlines so line structure survives."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def split_front_matter(text: str, path: Path) -> tuple[dict, int]:
    """Return (front matter dict, offset where the body starts); no front matter gives ({}, 0)."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 3)
    if end < 0 or text[end + 4:end + 5] not in ("\n", ""):
        raise InputError(path, "front matter opened with '---' but never closed", line=1)
    block = text[4:end]
    try:
        meta = yaml.load(block, Loader=yaml.BaseLoader) if block.strip() else {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise InputError(path, f"malformed front matter: {getattr(exc, 'problem', exc)}", line=line) from None
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise InputError(path, "front matter must be 'key: value' lines", line=2)
    if "published" in meta:
        check_published(meta["published"], path, line=_key_line(block, "published") + 1)
    return meta, end + 4


def _key_line(block: str, key: str) -> int:
    for n, line in enumerate(block.splitlines(), 1):
        if line.startswith(key + ":"):
            return n
    return 0


def check_published(value: str, path: Path, line: int) -> None:
    """``published`` must be YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date."""
    parts = value.split("-")
    try:
        if not PUBLISHED.match(value):
            raise ValueError
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        raise InputError(path, f"bad published date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)", line=line) from None


def clean_text(text: str, body_start: int) -> str:
    """Blank front matter, boilerplate and markup; the result has exactly ``len(text)`` chars."""
    out = blank(text, 0, body_start)
    for pattern in BOILERPLATE:
        for m in pattern.finditer(out, body_start):
            out = blank(out, m.start(), m.end())
    out = _blank_repeated_lines(out, body_start)
    for m in MARKUP.finditer(out, body_start):
        out = blank(out, m.start(), m.end())
    return out


def _blank_repeated_lines(text: str, body_start: int) -> str:
    """Video captions repeat verbatim; prose lines do not, so a line seen twice is furniture."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"(?m)^.*$", text) if m.start() >= body_start]
    seen: dict[str, int] = {}
    for _, _, s in lines:
        if len(s) > 3:
            seen[s] = seen.get(s, 0) + 1
    for start, end, s in lines:
        if seen.get(s, 0) > 1:
            text = blank(text, start, end)
    return text


def read_article(path: Path, root: Path) -> Article:
    """Decode, parse front matter and clean one file; bad input raises InputError."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError(path, f"not valid UTF-8 (byte {exc.start})", line=line) from None
    if not text.strip():
        raise InputError(path, "empty file")
    meta, body = split_front_matter(text, path)
    if not text[body:].strip():
        raise InputError(path, "no article text after the front matter")
    article_id = path.relative_to(root).with_suffix("").as_posix()
    return Article(article_id, path, text, meta, clean_text(text, body))


def corpus_files(root: Path) -> list[Path]:
    """Article files under ``root`` in a stable order."""
    if not root.is_dir():
        raise InputError(root, "corpus directory not found")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def read_corpus(root: Path) -> tuple[list[Article], list[InputError]]:
    """All readable articles plus one error per unreadable file (the others still load)."""
    articles, errors = [], []
    for path in corpus_files(root):
        try:
            articles.append(read_article(path, root))
        except InputError as err:
            errors.append(err)
    return articles, errors
