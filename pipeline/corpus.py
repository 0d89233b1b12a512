"""Read articles and clean them without shifting offsets.

Cleaning never deletes characters: boilerplate is overwritten with spaces (newlines kept), so every
offset into ``Article.clean`` is also an offset into the whole decoded file, as the spec requires.
``Article.text`` is that decoded file (a byte-order mark, if any, is index 0) with each control
character replaced by one space.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

SUFFIXES = (".txt", ".md")
PUBLISHED = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
# "last year", "next month", a past "December": one year either side must stay a YYYY value.
PUBLISHED_YEARS = (1001, 9998)
FENCE = "---"
BOM = "\ufeff"
# C0/C1 control characters other than tab and line ends (NUL, ESC, form feed, NEL...): each becomes
# one space when the file is read, so offsets stay those of the decoded file and no control
# character reaches an entity, an evidence sentence or a report.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Each pattern marks text that is page furniture, not article prose. Why each one exists:
BOILERPLATE = [
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # markdown images (captions + urls)
    re.compile(r"(?m)^[ \t]*[*\-•][ \t]+\[[^\]]*\]\([^)]*\)[ \t]*$"),  # "related stories" link lists
    re.compile(r"\]\([^)]*\)"),  # link targets; the link text stays
    re.compile(r"https?://\S+"),  # bare urls
    re.compile(r"(?m)^.*\b\d{1,2}:\d{2}[ \t]*$"),  # video titles ending in a duration
    re.compile(r"(?m)^[^\n]*\b_\d{5,}\b[^\n]*$"),  # video slugs
    re.compile(r"(?m)^[ \t]*[^\n.]{0,80}\b(?:Photo|Getty Images|Reuters|AFP)\b[^\n.]{0,60}$"),  # photo credit lines
    re.compile(r"(?m)^This (?:picture|photo|image) (?:taken|shows)[^\n]*$"),  # photo captions
    re.compile(r"(?m)^[ \t]*(?:Read more|Source):[^\n]*$"),  # source / read-more lines
    # Reference lists and comment/share blocks run to the next heading or the end of the file.
    re.compile(r"(?ims)^[#*\s]*(?:to find out more|further reading|references|bibliography)\b.*?(?=^#|\Z)"),
    re.compile(
        r"(?ms)^(?:Leave a Reply|Leave a comment|Share this:|Related Articles|Related Stories|Published by)\b.*\Z"
    ),
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
    """Return (front matter, offset where the body starts), parsed as spec section 1 defines it.

    Not YAML: a value is the rest of its line after the first ": ", one pair of surrounding quotes
    removed. A leading byte-order mark and CRLF line ends are ordinary input.
    """
    start = 1 if text.startswith(BOM) else 0
    lines = _lines(text, start)
    if next(lines, ("",))[0].rstrip() != FENCE:
        return {}, start
    block = []
    for n, (line, end) in enumerate(lines, 2):
        if line.rstrip() == FENCE:
            return _parse_block(block, path), end
        block.append((n, line))
    raise InputError(path, f"front matter opened with {FENCE!r} but never closed", line=1)


def _parse_block(block: list[tuple[int, str]], path: Path) -> dict[str, str]:
    meta: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for n, line in block:
        if not line.strip():
            continue
        key, value = _key_value(line, path, n)
        if key in meta:
            raise InputError(path, f"front matter key {key!r} given twice (first on line {first_line[key]})", line=n)
        meta[key], first_line[key] = value, n
    if "published" in meta:
        check_published(meta["published"], path, line=first_line["published"])
    return meta


def _lines(text: str, pos: int) -> Iterator[tuple[str, int]]:
    """(line without its line end, offset after the line end); only "\\n" ends a line (str.splitlines
    also splits at U+2028 and others, which would shift line numbers)."""
    while pos < len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline + 1
        yield text[pos:end].rstrip("\r\n"), end
        pos = end


def _key_value(line: str, path: Path, n: int) -> tuple[str, str]:
    key, sep, value = line.partition(": ")
    if not sep and line.rstrip().endswith(":"):  # "title:" with nothing after it is an empty value
        key, value = line.rstrip()[:-1], ""
    elif not sep:
        raise InputError(path, f"front matter line is not 'key: value': {line.strip()[:40]!r}", line=n)
    key, value = key.strip(), value.strip()
    if not key:
        raise InputError(path, "front matter line has an empty key", line=n)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return key, value


def check_published(value: str, path: Path, line: int) -> None:
    """``published`` must be YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date, in the supported years."""
    parts = value.split("-")
    try:
        if not PUBLISHED.fullmatch(value):
            raise ValueError
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        raise InputError(path, f"bad published date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)", line=line) from None
    if not PUBLISHED_YEARS[0] <= int(parts[0]) <= PUBLISHED_YEARS[1]:
        raise InputError(
            path,
            f"published year {parts[0]} is outside {PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]}: "
            "dates relative to it would not be four-digit years",
            line=line,
        )


def clean_text(text: str, body_start: int) -> str:
    """Blank front matter, boilerplate and markup; the result has exactly ``len(text)`` chars."""
    # The CR of a CRLF becomes a space so the line patterns ("...$") see the same lines as with LF.
    out = blank(text, 0, body_start).replace("\r\n", " \n")
    for pattern in BOILERPLATE:
        for m in pattern.finditer(out, body_start):
            out = blank(out, m.start(), m.end())
    out = _blank_repeated_lines(out, body_start)
    for m in MARKUP.finditer(out, body_start):
        out = blank(out, m.start(), m.end())
    return _join_wrapped_lines(out, body_start)


WRAP = re.compile(r"(?<=[^\s.:?!\"”’);])\n(?=[ \t]*[^\s\n])")  # a break inside a sentence


def _join_wrapped_lines(text: str, body_start: int) -> str:
    """Text wrapped at a fixed width (wire copy, archive scans) breaks sentences and names at
    every line ("the People's\nRepublic of China"): when no line is long and many are near full,
    a line break that ends no sentence becomes a space (one character for one: offsets hold)."""
    lines = [line for line in text[body_start:].splitlines() if line.strip()]
    if not lines or max(map(len, lines)) > 100 or sum(len(line) >= 40 for line in lines) < 8:
        return text
    return text[:body_start] + WRAP.sub(" ", text[body_start:])


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


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read") from None


def id_of(path: Path, root: Path) -> str:
    """The article id: the path below the corpus folder, without its extension."""
    return path.relative_to(root).with_suffix("").as_posix()


def read_article(path: Path, root: Path, data: bytes | None = None) -> Article:
    """Decode, parse front matter and clean one file (``data``: its bytes, if already read); bad
    input raises InputError."""
    if data is None:
        data = read_bytes(path)
    try:
        text = CONTROL.sub(" ", data.decode("utf-8"))  # a BOM stays: it is index 0 of the decoded file
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"not valid UTF-8 (byte {exc.start})", line=line) from None
    if not text.removeprefix(BOM).strip():
        raise InputError(path, "empty file")
    meta, body = split_front_matter(text, path)
    if not text[body:].strip():
        raise InputError(path, "no article text after the front matter")
    return Article(id_of(path, root), path, text, meta, clean_text(text, body))


def article_path(root: Path, article_id: str) -> Path | None:
    """The corpus file of ``article_id`` (``<id>.txt`` or ``<id>.md``), if there is one."""
    return next((p for p in (root / f"{article_id}{s}" for s in SUFFIXES) if p.is_file()), None)


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
