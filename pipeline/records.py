"""The records that cross module boundaries, and their JSONL reading/writing (atomic)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError

RELATIONS = {
    "establish_relations": True, "sever_relations": True, "downgrade_relations": False,
    "expel_diplomats": False, "visit": False, "recognize": False, "sign_agreement": True,
    "alliance": True, "impose_sanctions": False, "open_mission": False, "close_mission": False,
    "join_organization": False,
}  # relation → symmetric?
POLARITIES = ("positive", "negative")


@dataclass(frozen=True)
class Entity:
    article: str
    start: int
    end: int
    text: str
    label: str
    code: str | None = None
    value: str | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("value" if self.label != "DATE" else "code")
        return data


@dataclass(frozen=True)
class Claim:
    article: str
    subject: str
    relation: str
    object: str
    date: str | None
    polarity: str
    evidence: str
    start: int
    end: int
    pattern: str = ""
    confidence: float = 1.0

    def to_json(self) -> dict:
        return asdict(self)


def write_jsonl(path: Path, records: Iterable) -> None:
    """Write records atomically: a killed run leaves the previous file whole."""
    write_text(path, "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records))


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) per non-blank line; a bad line raises InputError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(path, "not valid UTF-8") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"bad JSON: {exc.msg}", line=n) from None
        if not isinstance(obj, dict):
            raise InputError(path, "each line must be a JSON object", line=n)
        yield n, obj


def claim_from_json(obj: dict, path: Path, line: int) -> Claim:
    """Check one claim line's shape (field types, relation, polarity) and build the record."""
    required = {"article": str, "subject": str, "relation": str, "object": str, "polarity": str}
    for key, kind in required.items():
        if not isinstance(obj.get(key), kind):
            raise InputError(path, f"claim needs a string {key!r}", line=line)
    if obj["relation"] not in RELATIONS:
        raise InputError(path, f"unknown relation {obj['relation']!r}", line=line)
    if obj["polarity"] not in POLARITIES:
        raise InputError(path, f"polarity must be positive or negative, not {obj['polarity']!r}", line=line)
    if obj.get("date") is not None and not isinstance(obj["date"], str):
        raise InputError(path, "date must be a string or null", line=line)
    known = {f.name for f in fields(Claim)}
    data = {k: v for k, v in obj.items() if k in known}
    data.setdefault("date", None)
    data.setdefault("evidence", "")
    data.setdefault("start", 0)
    data.setdefault("end", 0)
    return Claim(**data)


def entity_from_json(obj: dict, path: Path, line: int) -> Entity:
    for key, kind in {"article": str, "start": int, "end": int, "text": str, "label": str}.items():
        if not isinstance(obj.get(key), kind):
            raise InputError(path, f"entity needs {key!r} ({kind.__name__})", line=line)
    if obj["label"] not in ("COUNTRY", "ORG", "DATE"):
        raise InputError(path, f"unknown entity label {obj['label']!r}", line=line)
    known = {f.name for f in fields(Entity)}
    return Entity(**{k: v for k, v in obj.items() if k in known})
