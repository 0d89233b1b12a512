"""The per-article cache: an article whose bytes, model, rules, data and code are unchanged is not parsed again.

Entries are plain JSON (never pickle), one file per key under ``<cache>/<kind>/``. The key hashes the
article's id and bytes with a fingerprint of everything else that shapes its records, so an entry
can only be found by the run it is right for; an entry that does not read back as exactly that
(bad JSON, another key, another schema, malformed records) is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .records import ArticleResult, claim_from_json, entity_from_json

SCHEMA = 1  # bump when an entry's layout or the records' meaning changes
PACKAGE = Path(__file__).resolve().parent
# Libraries whose code or bundled data decide entities, codes and dates (besides spaCy and the model).
DEPENDENCIES = ("spacy", "thinc", "dateparser", "pycountry", "countryinfo", "country_converter", "rapidfuzz", "pyyaml")


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "none"


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))  # length-prefixed: no two part lists hash alike
        h.update(part)
    return h.hexdigest()


def _tree_digest(root: Path, files: list[Path]) -> str:
    return _digest(*(part for p in sorted(files) for part in (p.relative_to(root).as_posix().encode(), p.read_bytes())))


def source_digest(root: Path | None = None) -> str:
    """Every file of the package (``root``, default: this one): code, rules (patterns/), data (data/), templates."""
    root = root or PACKAGE
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    return _tree_digest(root, files)


def model_identity(model: str) -> dict:
    """Name, version and meta of a spaCy pipeline, found without loading it."""
    from .nlp import INSTALL_HINT

    path = Path(model)
    if path.is_dir():  # a pipeline saved with nlp.to_disk: hash its files, weights included
        return {"path": str(path.resolve()), "files": _tree_digest(path, [p for p in path.rglob("*") if p.is_file()])}
    spec = importlib.util.find_spec(model) if model.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        hint = INSTALL_HINT.get(model, f"pip install the package that provides {model!r}")
        raise InputError(model, f"spaCy model not installed; install it with: {hint}")
    meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
    return {"name": model, "version": _version(model), "meta": _digest(meta.read_bytes()) if meta.is_file() else "none"}


def fingerprint(model: str) -> str:
    """One hash of everything besides the article that changes its records."""
    parts = {
        "schema": SCHEMA,
        "claims": _version("claims"),
        "python": platform.python_version(),
        "model": model_identity(model),
        "dependencies": {d: _version(d) for d in DEPENDENCIES},
        "source": source_digest(),
    }
    return _digest(json.dumps(parts, sort_keys=True).encode())


@dataclass
class ArticleCache:
    """Entries under ``folder`` for runs whose fingerprint is ``fingerprint``; ``ignored`` counts the
    bad entries met (each is rebuilt), ``unwritable`` is set when the folder cannot be written."""

    folder: Path
    fingerprint: str
    ignored: int = 0
    unwritable: str | None = None

    def key(self, article_id: str, data: bytes) -> str:
        return _digest(self.fingerprint.encode(), b"article", article_id.encode(), data)

    def sentence_key(self, sentence: str) -> str:
        return _digest(self.fingerprint.encode(), b"sentence", sentence.encode())

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self._path("articles", key).is_file()

    def _load(self, kind: str, key: str) -> dict | None:
        path = self._path(kind, key)
        try:
            entry = json.loads(path.read_bytes())
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, ValueError):  # unreadable, not UTF-8, not JSON
            self.ignored += 1
            return None
        if not isinstance(entry, dict) or [entry.get(k) for k in ("schema", "kind", "key")] != [SCHEMA, kind, key]:
            self.ignored += 1
            return None
        return entry

    def _store(self, kind: str, key: str, entry: dict) -> None:
        """Write atomically (a reader never sees half an entry); no fsync: a torn entry is only rebuilt."""
        if self.unwritable:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"schema": SCHEMA, "kind": kind, "key": key, **entry}, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:
            self.unwritable = f"{self.folder}: {exc.strerror or exc}"  # the run goes on without caching

    def get(self, key: str, article_id: str) -> ArticleResult | None:
        """The cached records of ``article_id``, or None (absent, or bad and so to be rebuilt)."""
        entry = self._load("articles", key)
        if entry is None:
            return None
        try:
            if entry["article"] != article_id or not isinstance(entry["meta"], dict):
                raise ValueError("another article")
            entities = tuple(entity_from_json(e, self.folder, n) for n, e in enumerate(entry["entities"], 1))
            claims = tuple(claim_from_json(c, self.folder, n) for n, c in enumerate(entry["claims"], 1))
            if any(r.article != article_id for r in entities + claims):
                raise ValueError("records of another article")
            if not all(isinstance(v, str) for v in entry["meta"].values()):
                raise ValueError("front matter values are strings")
        except (InputError, KeyError, TypeError, ValueError, AttributeError):
            self.ignored += 1
            return None
        return ArticleResult(article_id, entities, claims, entry["meta"])

    def put(self, key: str, result: ArticleResult) -> None:
        self._store(
            "articles",
            key,
            {
                "article": result.article,
                "meta": result.meta,
                "entities": [e.to_json() for e in result.entities],
                "claims": [c.to_json() for c in result.claims],
            },
        )

    def get_sentence(self, sentence: str) -> list[tuple] | None:
        """What the report marks in ``sentence`` read alone (its rule triggers), or None."""
        key = self.sentence_key(sentence)
        entry = self._load("sentences", key)
        if entry is None:
            return None
        found = entry.get("triggers")
        if entry.get("sentence") != sentence or not isinstance(found, list) or not all(map(_is_trigger, found)):
            self.ignored += 1
            return None
        return [tuple(t) for t in found]

    def get_render(self, inputs: str) -> str | None:
        """A report fragment rendered from ``inputs`` (a text that holds everything it depends on), or None."""
        entry = self._load("renders", self.render_key(inputs))
        if entry is None:
            return None
        if not isinstance(entry.get("html"), str):
            self.ignored += 1
            return None
        return entry["html"]

    def put_render(self, inputs: str, markup: str) -> None:
        self._store("renders", self.render_key(inputs), {"html": markup})

    def render_key(self, inputs: str) -> str:
        return _digest(self.fingerprint.encode(), b"render", inputs.encode())

    def put_sentence(self, sentence: str, triggers: list[tuple]) -> None:
        entry = {"sentence": sentence, "triggers": [list(t) for t in triggers]}
        self._store("sentences", self.sentence_key(sentence), entry)


def _is_trigger(value) -> bool:
    """[rule id, relation, start, end], as ``put_sentence`` writes it."""
    kinds = (str, str, int, int)
    return (
        isinstance(value, list)
        and len(value) == 4
        and all(isinstance(v, k) and not isinstance(v, bool) for v, k in zip(value, kinds))
    )
