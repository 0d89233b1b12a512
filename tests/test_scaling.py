"""Incremental reruns, worker processes, the Dask engine and streamed outputs, end to end through ``claims``.

The articles are written for these tests (invented sentences), and kept few and short: each engine
test starts real workers, each of which loads the model.
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline import engines, runs
from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = {
    "a-spain": "---\ntitle: Envoys\npublished: 2018-04-02\n---\n"
    "Spain expelled the North Korean ambassador in March 2018.\n\n"
    "Mexico recalled its ambassador from Cuba in 2015.\n\n"
    "Chile has established diplomatic relations with Peru.\n",
    "b-kenya": "---\npublished: 2016\n---\n"
    "Kenya recognised Kosovo in 2015.\n\nSweden closed its embassy in Pyongyang last year.\n",
    "c-lists/tonga": "Tonga restored diplomatic relations with China in 1998. "
    "Italy and Vietnam signed a treaty in 2001.\n",
}
ADDED = ("d-added", "---\npublished: 2020-01-10\n---\nPeru severed diplomatic relations with Cuba in 1962.\n")


def gold_line(sentence: str, subject: str, relation: str, obj: str, date: str | None) -> str:
    text = ARTICLES["a-spain"]
    start = text.index(sentence)
    return json.dumps(
        {
            "article": "a-spain",
            "subject": subject,
            "relation": relation,
            "object": obj,
            "date": date,
            "polarity": "positive",
            "evidence": sentence,
            "start": start,
            "end": start + len(sentence),
        }
    )


GOLD = [  # for a-spain: one claim found, one missed (the report reads the missed one's sentence too)
    gold_line("Spain expelled the North Korean ambassador in March 2018.", "ESP", "expel_diplomats", "PRK", "2018-03"),
    gold_line("Chile has established diplomatic relations with Peru.", "CHL", "sign_agreement", "PER", None),
]
OUTPUTS = ("claims.jsonl", "entities.jsonl", "report.md", "report.html")


def corpus(folder: Path, articles=ARTICLES) -> Path:
    for name, text in articles.items():
        (folder / "corpus" / f"{name}.md").parent.mkdir(parents=True, exist_ok=True)
        (folder / "corpus" / f"{name}.md").write_text(text, encoding="utf-8")
    (folder / "gold" / "claims").mkdir(parents=True, exist_ok=True)
    (folder / "gold" / "claims" / "a-spain.jsonl").write_text("".join(g + "\n" for g in GOLD))
    return folder


def run(folder: Path, *extra: str, command: str = "run", out: str = "out") -> int:
    args = [command, "--corpus", str(folder / "corpus"), "--out", str(folder / out), "--jobs", "1", *extra]
    return main(args + (["--gold", str(folder / "gold")] if command == "run" else []))


def outputs(out: Path, names=OUTPUTS) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in names}


def store_rows(path: Path) -> list[str]:
    return list(sqlite3.connect(path).iterdump())


@pytest.fixture
def parsed(monkeypatch):
    """The ids of the articles the run parses (in this process: --jobs 1)."""
    seen = []
    real = runs.parse_task

    def spy(model, article):
        seen.append(article.id)
        return real(model, article)

    monkeypatch.setattr(runs, "parse_task", spy)
    return seen


def test_warm_and_no_cache_runs_write_the_bytes_of_a_cold_run(tmp_path, capsys, monkeypatch):
    project = corpus(tmp_path)
    assert run(project) == 0
    cold = outputs(project / "out")
    cold_store = store_rows(project / "out" / "claims.sqlite")
    entries = sorted(p.name for p in (project / "out" / "cache").rglob("*.json"))
    assert len([e for e in (project / "out" / "cache" / "articles").rglob("*.json")]) == 3
    capsys.readouterr()

    with monkeypatch.context() as m:
        m.setattr(runs, "parse_task", lambda *a: pytest.fail("parsed although the cache holds it"))
        m.setattr(runs, "triggers_task", lambda *a: pytest.fail("read a sentence the cache holds"))
        m.setattr("pipeline.report.articles.render_article", lambda *a: pytest.fail("drew an article the cache holds"))
        assert run(project) == 0
    assert "3 articles: " in (err := capsys.readouterr().err) and "; 3 from the cache, 0 parsed" in err
    assert outputs(project / "out") == cold and store_rows(project / "out" / "claims.sqlite") == cold_store

    assert run(project, "--no-cache") == 0
    assert outputs(project / "out") == cold and store_rows(project / "out" / "claims.sqlite") == cold_store
    assert "from the cache" not in capsys.readouterr().err
    assert sorted(p.name for p in (project / "out" / "cache").rglob("*.json")) == entries  # neither read nor written


def test_an_added_article_is_the_only_one_parsed_and_the_outputs_match_a_cold_run(tmp_path, parsed):
    project = corpus(tmp_path)
    assert run(project) == 0
    assert sorted(parsed) == sorted(ARTICLES)
    corpus(project, dict([ADDED]))
    parsed.clear()
    assert run(project) == 0
    assert parsed == ["d-added"]
    assert run(project, "--no-cache", out="cold") == 0
    assert outputs(project / "out") == outputs(project / "cold")


def test_a_changed_rule_file_parses_every_article_again(tmp_path, monkeypatch, parsed):
    package = tmp_path / "package"
    shutil.copytree(ROOT / "pipeline", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr("pipeline.cache.PACKAGE", package)  # the source the fingerprint hashes
    project = corpus(tmp_path)
    assert run(project, command="extract") == 0 and run(project, command="extract") == 0
    assert len(parsed) == 3  # the second run parsed nothing
    with open(package / "patterns" / "relations.yml", "a", encoding="utf-8") as fh:
        fh.write("\n# a reviewer's note\n")
    assert run(project, command="extract") == 0
    assert len(parsed) == 6


def test_a_corrupt_entry_is_said_ignored_and_rebuilt(tmp_path, capsys, parsed):
    project = corpus(tmp_path)
    assert run(project, command="extract") == 0
    before = outputs(project / "out", OUTPUTS[:2])
    entry = next((project / "out" / "cache" / "articles").rglob("*.json"))
    entry.write_text(entry.read_text()[:-40])
    capsys.readouterr()
    assert run(project, command="extract") == 0
    assert "cache: 1 bad entries ignored and rebuilt" in capsys.readouterr().err and len(parsed) == 4
    assert outputs(project / "out", OUTPUTS[:2]) == before
    assert run(project, command="extract") == 0 and len(parsed) == 4  # the rebuilt entry is good


def test_records_are_written_as_each_article_is_done_not_at_the_end(tmp_path, monkeypatch):
    project = corpus(tmp_path)
    events = []
    real_parse, real_write = runs.parse_task, runs._write
    monkeypatch.setattr(
        runs, "parse_task", lambda model, article: events.append(f"parse {article.id}") or real_parse(model, article)
    )
    monkeypatch.setattr(
        runs, "_write", lambda result, *files: events.append(f"write {result.article}") or real_write(result, *files)
    )
    assert run(project, "--no-cache", command="extract") == 0
    assert events == [
        "parse a-spain",
        "write a-spain",
        "parse b-kenya",
        "write b-kenya",
        "parse c-lists/tonga",
        "write c-lists/tonga",
    ]


class Slow:
    """A future that is done only once its result is asked for."""

    def __init__(self, value, log):
        self.value, self.log, self._done = value, log, False

    def done(self):
        return self._done

    def result(self):
        self._done = True
        self.log.append(f"result {self.value}")
        return self.value


def test_in_order_keeps_the_order_and_reads_ahead_only_a_window(monkeypatch):
    class Engine:
        started, window = True, 2

    log = []

    def tasks():
        for n in range(6):
            log.append(f"submit {n}")
            yield n, (runs.Ready(n) if n == 3 else Slow(n, log))

    assert [r for _, r in runs.in_order(Engine(), tasks())] == list(range(6))
    # never more than two running: the oldest is waited for before a third is submitted
    assert log[:5] == ["submit 0", "submit 1", "result 0", "submit 2", "result 1"]


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    """The local engine's outputs with one process: what every other engine must write."""
    project = corpus(tmp_path_factory.mktemp("one"))
    assert run(project, "--no-cache", command="extract") == 0
    return project, outputs(project / "out", OUTPUTS[:2])


def test_two_worker_processes_write_what_one_process_writes(tmp_path, one_process, monkeypatch):
    pooled = []
    real_submit = engines.LocalPool.submit
    monkeypatch.setattr(engines.LocalPool, "submit", lambda self, *a: pooled.append(self.jobs) or real_submit(self, *a))
    project = corpus(tmp_path)
    args = ["extract", "--corpus", str(project / "corpus"), "--out", str(project / "out"), "--no-cache", "--jobs", "2"]
    assert main(args) == 0
    assert pooled == [2, 2, 2]  # every article went to the pool of two
    assert outputs(project / "out", OUTPUTS[:2]) == one_process[1]
    articles = [json.loads(line)["article"] for line in (project / "out" / "claims.jsonl").read_text().splitlines()]
    assert articles == sorted(articles)  # corpus order, whichever worker finished first


def test_a_two_worker_dask_cluster_writes_what_the_local_engine_writes(tmp_path, one_process):
    pytest.importorskip("distributed")
    project = corpus(tmp_path)
    args = [
        "extract",
        "--corpus",
        str(project / "corpus"),
        "--out",
        str(project / "out"),
        "--no-cache",
        "--engine",
        "dask",
        "--jobs",
        "2",
    ]
    assert main(args) == 0
    assert outputs(project / "out", OUTPUTS[:2]) == one_process[1]


def test_one_changed_article_with_many_jobs_is_parsed_in_this_process(tmp_path, monkeypatch):
    project = corpus(tmp_path)
    assert run(project, command="extract") == 0
    corpus(project, dict([ADDED]))
    monkeypatch.setattr(engines, "LocalPool", lambda *a: pytest.fail("started a pool for one article"))
    assert main(["extract", "--corpus", str(project / "corpus"), "--out", str(project / "out"), "--jobs", "2"]) == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["--jobs", "0"], "argument --jobs/-j: want a whole number of at least 1, not '0'"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--engine", "spark"], "invalid choice: 'spark'"),
    ],
)
def test_bad_scaling_options_exit_2_with_the_reason(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"), *args])
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_help_explains_each_new_option(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for words in (
        "--jobs N, -j N parse with N worker processes",
        "--engine {local,dask}",
        "--scheduler ADDRESS",
        "--cache DIR per-article cache",
        "--no-cache parse every article",
    ):
        assert words in text
