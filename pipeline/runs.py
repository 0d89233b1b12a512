"""``extract`` and ``run``: the corpus streamed through the cache and an engine into staged outputs,
then (``run``) scored and reported from the JSONL read back.

Records are written as each article's result arrives, in corpus order, so memory does not grow with
the corpus; at most an engine's ``window`` of articles is in flight at once.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .cache import ArticleCache
from .corpus import id_of, read_article, read_bytes
from .engines import Engine, parse_task, triggers_task
from .errors import InputError
from .records import ArticleResult, OutputSet

MAX_QUEUED = 64  # cached results held behind a slow article before the stream waits for it


@dataclass
class Extracted:
    """What a streamed extraction leaves: counts, bad files, and the articles ``run`` reports on."""

    articles: list[tuple[str, Path]] = field(default_factory=list)  # (id, file) of each good article, in order
    errors: list[InputError] = field(default_factory=list)
    entities: int = 0
    claims: int = 0
    cached: int = 0
    parsed: int = 0


class Ready:
    """A result already at hand (from the cache, or a bad file's error), queued like a future."""

    def __init__(self, value):
        self.value = value

    def done(self) -> bool:
        return True

    def result(self):
        return self.value


def in_order(engine: Engine, tasks: Iterable[tuple[object, object]]) -> Iterator[tuple[object, object]]:
    """(tag, result) in the order ``tasks`` gives (tag, future); reads ahead only while fewer than
    ``engine.window`` futures are running, and waits for the oldest when it is not done."""
    queue: deque = deque()
    for tag, future in tasks:
        queue.append((tag, future))
        while queue and (
            queue[0][1].done()
            or len(queue) > MAX_QUEUED
            or (engine.started and sum(not f.done() for _, f in queue) >= engine.window)
        ):
            tag, oldest = queue.popleft()
            yield tag, oldest.result()
    while queue:
        tag, oldest = queue.popleft()
        yield tag, oldest.result()


def planned_parses(files: list[Path], root: Path, cache: ArticleCache | None) -> int:
    """How many articles the cache does not hold (a first, cheap pass: read and hash only), so that
    a rerun with one new article parses it here instead of starting a pool."""
    if cache is None:
        return len(files)
    missing = 0
    for path in files:
        try:
            missing += not cache.has(cache.key(id_of(path, root), read_bytes(path)))
        except InputError:
            pass  # reported by the real pass
    return missing


def _tasks(files: list[Path], root: Path, engine: Engine, cache: ArticleCache | None) -> Iterator[tuple[tuple, object]]:
    """((file, cache key, from the cache?), future) per file; a bad file's future holds its error."""
    for path in files:
        try:
            data = read_bytes(path)
            article_id = id_of(path, root)
            key = cache.key(article_id, data) if cache else None
            cached = cache.get(key, article_id) if cache else None
            if cached is not None:
                yield (path, key, True), Ready(cached)
                continue
            article = read_article(path, root, data)
        except InputError as err:
            yield (path, None, False), Ready(err)
            continue
        yield (path, key, False), engine.submit(parse_task, article)


def extract_corpus(
    root: Path,
    files: list[Path],
    outputs: OutputSet,
    engine: Engine,
    cache: ArticleCache | None,
    progress: bool = False,
) -> Extracted:
    """Write ``entities.jsonl``, ``claims.jsonl`` and ``claims.sqlite`` for ``files`` (of the corpus
    folder ``root``) into ``outputs``' staging folder."""
    from .store import ClaimStore

    engine.size = planned_parses(files, root, cache)
    done = Extracted()
    bar = tqdm(total=len(files), unit="article", file=sys.stderr, disable=not progress)
    with (
        outputs.open("entities.jsonl") as ents,
        outputs.open("claims.jsonl") as claims,
        ClaimStore(outputs.path("claims.sqlite")) as store,
    ):
        for (path, key, from_cache), result in in_order(engine, _tasks(files, root, engine, cache)):
            bar.update(1)
            if isinstance(result, InputError):
                done.errors.append(result)
                tqdm.write(f"error: {result}", file=sys.stderr)
                continue
            bar.set_postfix_str(result.article, refresh=False)
            if from_cache:
                done.cached += 1
            else:
                done.parsed += 1
                if cache:
                    cache.put(key, result)
            _write(result, ents, claims)
            store.add(result)
            done.articles.append((result.article, path))
            done.entities += len(result.entities)
            done.claims += len(result.claims)
    bar.close()
    return done


def _write(result: ArticleResult, ents, claims) -> None:
    ents.writelines(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in result.entities)
    claims.writelines(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in result.claims)


def sentence_triggers(sentences: list[str], engine: Engine, cache: ArticleCache | None) -> dict[str, list]:
    """The report's trigger marks of each sentence: from the cache, else read by the engine's workers."""
    from .report.marks import Trigger

    found = {s: t for s in sentences if cache and (t := cache.get_sentence(s)) is not None}
    todo = [s for s in sentences if s not in found]
    if todo:
        size = max(1, min(32, len(todo) // (4 * engine.jobs) or 1))  # a few chunks per worker
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        if not engine.started:
            engine.size = len(chunks)
        for chunk, results in in_order(engine, ((c, engine.submit(triggers_task, c)) for c in chunks)):
            for sentence, triggers in zip(chunk, results):
                found[sentence] = triggers
                if cache:
                    cache.put_sentence(sentence, triggers)
    return {s: [Trigger(*t) for t in found[s]] for s in sentences}


def report_run(
    root: Path, outputs: OutputSet, engine: Engine, cache: ArticleCache | None, done: Extracted, gold: tuple[dict, dict]
) -> dict:
    """Score the staged claims against ``gold`` and write ``report.md`` and ``report.html`` beside them."""
    from .query import read_conflicts
    from .report import evidence_sentences, write_reports
    from .report.articles import reusing
    from .score import load_claims, load_entities, score_predictions

    claims, entities = load_claims(outputs.path("claims.jsonl")), load_entities(outputs.path("entities.jsonl"))
    scores, diffs = score_predictions(gold, claims, entities)
    scored = set(scores["per_article"])
    unscored = sorted(a for a, _ in done.articles if a not in scored)
    triggers = sentence_triggers(evidence_sentences(diffs, claims), engine, cache)
    articles = [read_article(path, root) for _, path in done.articles]
    write_reports(
        outputs.staging,
        scores,
        diffs,
        entities,
        unscored,
        [str(e) for e in done.errors],
        claims=claims,
        articles=articles,
        triggers=triggers,
        conflicts=read_conflicts(outputs.path("claims.sqlite")),
        render=reusing(cache.get_render, cache.put_render) if cache else None,
    )
    return scores
