"""The records that cross module boundaries, their JSONL reading/writing, and staged outputs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TextIO

from .dates_util import valid_value
from .errors import InputError

RELATIONS = {
    "establish_relations": True,
    "sever_relations": True,
    "downgrade_relations": False,
    "expel_diplomats": False,
    "visit": False,
    "recognize": False,
    "sign_agreement": True,
    "alliance": True,
    "impose_sanctions": False,
    "open_mission": False,
    "close_mission": False,
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
        data = _fields_of(self)
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
        return _fields_of(self)


def _fields_of(record) -> dict:
    """``asdict`` for records of plain values, without its deep copy (a tenth of the time: every
    record of every run passes through here)."""
    return {name: getattr(record, name) for name in _names(type(record))}


@cache
def _names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


@dataclass(frozen=True)
class ArticleResult:
    """What one article gives: its records (plain, so they pickle and cache as JSON) and its front matter."""

    article: str
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    meta: dict


def write_jsonl(path: Path, records: Iterable) -> None:
    """Write records atomically: a killed run leaves the previous file whole."""
    write_text(path, jsonl(records))


def jsonl(records: Iterable) -> str:
    return "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` atomically; the file gets the mode a plain ``open(path, "w")`` would give."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp creates 0600 whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


class OutputSet:
    """Output files staged in a hidden folder inside ``folder`` and replaced there together.

    ``with OutputSet(out) as outputs:`` hands out staging paths and handles; leaving the block
    normally replaces every staged file at once, an exception or interrupt discards them all and
    ``folder`` keeps its previous files. ``committed`` tells which happened.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.committed = False
        self._staging: Path | None = None

    def __enter__(self) -> OutputSet:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._staging = Path(tempfile.mkdtemp(dir=self.folder, prefix=".staging-"))
        except OSError as exc:
            raise InputError(self.folder, f"cannot write outputs here: {exc.strerror or exc}") from None
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self.discard()

    @property
    def staging(self) -> Path:
        """The folder files are staged in, for writers that take a folder."""
        if self._staging is None:
            raise RuntimeError("OutputSet used outside its with-block")
        return self._staging

    def path(self, name: str) -> Path:
        """Where to stage the output file ``name`` (a plain file name)."""
        return self.staging / name

    def open(self, name: str) -> TextIO:
        return open(self.path(name), "w", encoding="utf-8")

    def write_text(self, name: str, text: str) -> None:
        self.path(name).write_text(text, encoding="utf-8")

    def write_jsonl(self, name: str, records: Iterable) -> None:
        self.write_text(name, jsonl(records))

    def commit(self) -> None:
        """fsync every staged file, then move them all into ``folder`` with Ctrl-C held off."""
        staged = sorted(p for p in self.staging.iterdir() if p.is_file())
        for p in staged:
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        with interrupts_held():
            for p in staged:
                os.replace(p, self.folder / p.name)
            self.committed = True
            self.discard()

    def discard(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


@contextmanager
def interrupts_held():
    """Defer Ctrl-C until the block ends, so a group of renames is never cut in half."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is None:
        yield  # only the main thread can set handlers; None: a handler from C that Python cannot restore
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        signal.raise_signal(signal.SIGINT)  # now handled as usual (KeyboardInterrupt by default)


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
    if not valid_value(obj.get("date")):
        raise InputError(
            path, f"bad date value {obj['date']!r} (want YYYY, YYYY-MM, YYYY-MM-DD, YYY0s or start/end)", line=line
        )
    _check_optional(
        obj, {"evidence": str, "start": int, "end": int, "pattern": str, "confidence": (int, float)}, path, line
    )
    known = _names(Claim)
    data = {k: v for k, v in obj.items() if k in known and v is not None}  # null: the field's default
    data.setdefault("date", None)
    data.setdefault("evidence", "")
    data.setdefault("start", 0)
    data.setdefault("end", 0)
    return Claim(**data)


def _check_optional(obj: dict, kinds: dict, path: Path, line: int) -> None:
    """Optional fields may be absent or null, else of their type (a bool is not a number here)."""
    for key, kind in kinds.items():
        value = obj.get(key)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise InputError(
                path, f"{key!r} must be {'a number' if isinstance(kind, tuple) else kind.__name__}", line=line
            )


def entity_from_json(obj: dict, path: Path, line: int) -> Entity:
    for key, kind in {"article": str, "start": int, "end": int, "text": str, "label": str}.items():
        if not isinstance(obj.get(key), kind) or isinstance(obj.get(key), bool):
            raise InputError(path, f"entity needs {key!r} ({kind.__name__})", line=line)
    if obj["label"] not in ("COUNTRY", "ORG", "DATE"):
        raise InputError(path, f"unknown entity label {obj['label']!r}", line=line)
    _check_optional(obj, {"code": str, "value": str}, path, line)
    known = _names(Entity)
    return Entity(**{k: v for k, v in obj.items() if k in known})
