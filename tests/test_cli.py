import argparse
import functools
import importlib.util
import json
import os
import shutil
import signal
import stat
import sys
from pathlib import Path

import pytest
from tqdm import tqdm

from pipeline.cli import main, parser
from pipeline.records import OutputSet, write_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def run_out(tmp_path_factory):
    """One `claims run` over a copy of the shipped corpus and gold, plus an article with markup."""
    tmp = tmp_path_factory.mktemp("run")
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    shutil.copytree(ROOT / "gold", tmp / "gold")
    (tmp / "corpus" / "zz-script.txt").write_text(
        "Spain expelled the <script>alert(1)</script> North Korean ambassador in 2017."
    )
    code = main(["run", "--corpus", str(tmp / "corpus"), "--gold", str(tmp / "gold"), "--out", str(tmp / "out")])
    return code, tmp


def test_run_writes_four_outputs_and_scores(run_out):
    code, tmp = run_out
    assert code == 0
    for name in ("entities.jsonl", "claims.jsonl", "report.md", "report.html"):
        assert (tmp / "out" / name).stat().st_size > 0
    md = (tmp / "out" / "report.md").read_text()
    assert "## Unscored articles" in md and "zz-script" in md


def test_report_escapes_article_text(run_out):
    _, tmp = run_out
    claims = [json.loads(line) for line in (tmp / "out" / "claims.jsonl").read_text().splitlines()]
    assert any(c["article"] == "zz-script" and c["subject"] == "ESP" for c in claims)
    html = (tmp / "out" / "report.html").read_text()
    assert "<script>" not in html


def test_score_json_keys_and_self_score(run_out, capsys):
    _, tmp = run_out
    gold_claims = tmp / "self" / "claims.jsonl"
    gold_claims.parent.mkdir()
    gold_claims.write_text("".join(p.read_text() for p in sorted((tmp / "gold" / "claims").glob("*.jsonl"))))
    shutil.copy(tmp / "out" / "entities.jsonl", tmp / "self" / "entities.jsonl")
    capsys.readouterr()
    assert main(["score", "--gold", str(tmp / "gold"), "--pred", str(gold_claims), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert {"strict", "relaxed", "per_relation", "per_article"} <= set(res)
    assert res["strict"]["f1"] == res["relaxed"]["f1"] == 1.0


def test_validate_gold_passes_on_shipped_gold(capsys):
    assert main(["validate-gold", "--gold", str(ROOT / "gold"), "--corpus", str(ROOT / "corpus")]) == 0


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "bad JSON"),
        (
            '{"article": "a", "subject": "ESP", "relation": "befriend", "object": "PRK", "polarity": "positive"}',
            "unknown relation",
        ),
        (
            '{"article": "a", "subject": "XYZ", "relation": "visit", "object": "PRK", "polarity": "positive", "evidence": "Spain", "start": 0, "end": 5}',
            "unknown subject code",
        ),
    ],
)
def test_bad_gold_line_exits_2_naming_file_and_line(tmp_path, capsys, line, message):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Spain expelled the envoy.")
    (tmp_path / "gold" / "claims").mkdir(parents=True)
    (tmp_path / "gold" / "claims" / "a.jsonl").write_text("\n" + line + "\n")
    assert main(["validate-gold", "--gold", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus")]) == 2
    err = capsys.readouterr().err.strip()
    assert "a.jsonl:2" in err and message in err and "\n" not in err


@pytest.mark.parametrize(
    "field, message",
    [
        ('"date": "2019-13"', "claims.jsonl:1: bad date value '2019-13'"),  # was a traceback (IllegalMonthError)
        ('"start": "12"', "claims.jsonl:1: 'start' must be int"),
        ('"confidence": true', "claims.jsonl:1: 'confidence' must be a number"),
    ],
)
def test_bad_prediction_field_exits_2(tmp_path, capsys, field, message):
    gold, pred = gold_and_pred(tmp_path)
    pred.write_text(pred.read_text().replace("}", f", {field}}}") + pred.read_text().replace("visit", "recognize"))
    assert main(["score", "--gold", str(gold), "--pred", str(pred)]) == 2
    assert message in one_line_error(capsys)


def test_bad_prediction_line_exits_2(tmp_path, capsys):
    (tmp_path / "gold" / "claims").mkdir(parents=True)
    pred = tmp_path / "claims.jsonl"
    pred.write_text('{"article": "a"}\n')
    assert main(["score", "--gold", str(tmp_path / "gold"), "--pred", str(pred)]) == 2
    assert "claims.jsonl:1" in capsys.readouterr().err


def test_bad_article_reported_others_processed(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "good.txt").write_text("Spain expelled the North Korean ambassador.")
    (tmp_path / "c" / "bad.txt").write_bytes(b"\xff\xfe")
    assert main(["extract", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == 2
    assert "bad.txt" in capsys.readouterr().err
    assert "good" in (tmp_path / "o" / "claims.jsonl").read_text()


def test_missing_model_is_one_line_exit_2(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Text.")
    assert (
        main(["extract", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--model", "no_such_model_xyz"])
        == 2
    )
    err = capsys.readouterr().err
    assert "no_such_model_xyz" in err and "pip install" in err


def test_interrupted_write_leaves_previous_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n")

    def killed(fd):
        raise KeyboardInterrupt  # the run is killed after the data is written, before the replace

    monkeypatch.setattr("pipeline.records.os.fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        write_text(target, "new content\n")
    assert target.read_text() == "previous\n" and list(tmp_path.iterdir()) == [target]


def gold_and_pred(tmp_path, gold_id="a", pred_id="a"):
    """A one-claim gold folder and a predictions file, for scoring tests that need no model."""
    line = json.dumps(
        {"article": gold_id, "subject": "ESP", "relation": "visit", "object": "PRK", "polarity": "positive"}
    )
    (tmp_path / "gold" / "claims").mkdir(parents=True)
    (tmp_path / "gold" / "claims" / f"{gold_id}.jsonl").write_text(line + "\n")
    pred = tmp_path / "out" / "claims.jsonl"
    pred.parent.mkdir()
    pred.write_text(line.replace(f'"{gold_id}"', f'"{pred_id}"') + "\n")
    return tmp_path / "gold", pred


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err
    return err


@pytest.mark.parametrize(
    "gold, message",
    [
        (
            "gold/claims",
            "expected {tmp}/gold/claims/claims/<id>.jsonl); it holds .jsonl files itself: pass its parent {tmp}/gold",
        ),
        ("typo", "typo: gold folder not found (expected {tmp}/typo/claims/<id>.jsonl)"),
        ("out", "no gold claim files (expected {tmp}/out/claims/<id>.jsonl)"),
    ],
)
def test_score_against_a_folder_without_gold_claims_exits_2(tmp_path, capsys, gold, message):
    gold_and_pred(tmp_path)
    assert main(["score", "--gold", str(tmp_path / gold), "--pred", str(tmp_path / "out" / "claims.jsonl")]) == 2
    assert message.format(tmp=tmp_path) in one_line_error(capsys)


def test_score_against_gold_that_names_no_predicted_article_exits_2(tmp_path, capsys):
    gold, pred = gold_and_pred(tmp_path, gold_id="other", pred_id="a")
    assert main(["score", "--gold", str(gold), "--pred", str(pred)]) == 2
    assert f"no gold file names any of the 1 articles in {pred} (expected {gold}/claims/<id>.jsonl" in one_line_error(
        capsys
    )


def test_run_checks_the_gold_folder_before_extracting(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("pipeline.nlp.build_nlp", lambda *a: pytest.fail("extraction started despite bad gold"))
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Spain expelled the envoy.")
    gold_and_pred(tmp_path, gold_id="not-in-corpus")
    for gold, message in [
        ("typo", "typo: gold folder not found"),
        ("gold", "no gold file names any of the 1 articles"),
    ]:
        assert (
            main(
                [
                    "run",
                    "--corpus",
                    str(tmp_path / "corpus"),
                    "--gold",
                    str(tmp_path / gold),
                    "--out",
                    str(tmp_path / "new"),
                ]
            )
            == 2
        )
        err = one_line_error(capsys)
        assert message in err and f"; nothing written to {tmp_path / 'new'}" in err
    assert not (tmp_path / "new").exists()


@pytest.fixture
def small_project(tmp_path):
    """One article, its gold, and an out/ folder holding a previous run's five outputs."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Spain expelled the North Korean ambassador in 2017.\n")
    (tmp_path / "gold" / "claims").mkdir(parents=True)
    (tmp_path / "gold" / "claims" / "a.jsonl").write_text(
        json.dumps(
            {
                "article": "a",
                "subject": "ESP",
                "relation": "expel_diplomats",
                "object": "PRK",
                "date": "2017",
                "polarity": "positive",
                "evidence": "Spain expelled the North Korean ambassador in 2017.",
                "start": 0,
                "end": 51,
            }
        )
        + "\n"
    )
    (tmp_path / "out").mkdir()
    for name in OUTPUTS:
        (tmp_path / "out" / name).write_text("previous run\n")
    return tmp_path


OUTPUTS = ("entities.jsonl", "claims.jsonl", "claims.sqlite", "report.md", "report.html")


def assert_previous_outputs(out: Path) -> None:
    # and no staging folder left behind; cache/ is no output: entries for articles parsed before the
    # failure stay, so that the next run need not parse them again
    assert sorted(p.name for p in out.iterdir() if p.name != "cache") == sorted(OUTPUTS)
    assert all((out / n).read_text() == "previous run\n" for n in OUTPUTS)


def run_args(tmp):
    return ["run", "--corpus", str(tmp / "corpus"), "--gold", str(tmp / "gold"), "--out", str(tmp / "out")]


def test_bad_gold_line_leaves_previous_outputs_whole(small_project, capsys):
    (small_project / "gold" / "claims" / "a.jsonl").write_text("{not json\n")
    assert main(run_args(small_project)) == 2
    err = one_line_error(capsys)
    assert "a.jsonl:1: bad JSON" in err and f"nothing written to {small_project / 'out'}" in err
    assert_previous_outputs(small_project / "out")


def test_interrupt_after_extraction_leaves_previous_outputs_whole(small_project, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.report.write_reports", interrupted)
    assert main(run_args(small_project)) == 130
    assert capsys.readouterr().err.strip().endswith(f"interrupted; nothing written to {small_project / 'out'}")
    assert_previous_outputs(small_project / "out")


def test_a_whole_run_replaces_all_outputs(small_project, capsys):
    assert main(run_args(small_project)) == 0
    assert sorted(p.name for p in (small_project / "out").iterdir()) == sorted(OUTPUTS + ("cache",))  # no staging left
    assert all((small_project / "out" / n).read_bytes() != b"previous run\n" for n in OUTPUTS)
    assert "F1 1.000" in capsys.readouterr().out


def test_output_set_discards_everything_on_error(tmp_path):
    (tmp_path / "claims.jsonl").write_text("old\n")
    with pytest.raises(RuntimeError):
        with OutputSet(tmp_path) as outputs:
            outputs.write_text("claims.jsonl", "new\n")
            with outputs.open("extra.txt") as fh:  # a streamed output
                fh.write("streamed\n")
            raise RuntimeError("scoring failed")
    assert (
        list(tmp_path.iterdir()) == [tmp_path / "claims.jsonl"] and (tmp_path / "claims.jsonl").read_text() == "old\n"
    )
    assert not outputs.committed


def test_interrupt_during_commit_is_held_until_every_file_is_replaced(tmp_path, monkeypatch):
    real_replace = os.replace

    def replace_then_interrupt(src, dst):
        real_replace(src, dst)
        if Path(dst).parent == tmp_path:  # a commit rename, not a staged write
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr("pipeline.records.os.replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        with OutputSet(tmp_path) as outputs:
            for name in OUTPUTS:
                outputs.write_text(name, f"new {name}\n")
    assert outputs.committed
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUTS)
    assert all((tmp_path / n).read_text() == f"new {n}\n" for n in OUTPUTS)


@pytest.fixture
def umask_002():
    old = os.umask(0o002)
    yield 0o664
    os.umask(old)


def test_outputs_get_the_mode_a_plain_write_would(tmp_path, umask_002):
    write_text(tmp_path / "atomic.txt", "x")
    with OutputSet(tmp_path / "out") as outputs:
        outputs.write_text("staged.txt", "x")
        write_text(outputs.path("report.md"), "x")  # how report.py writes into the staging folder
    modes = [
        stat.S_IMODE(p.stat().st_mode)
        for p in (tmp_path / "atomic.txt", tmp_path / "out" / "staged.txt", tmp_path / "out" / "report.md")
    ]
    assert modes == [umask_002] * 3


def test_run_outputs_are_not_private(run_out):
    _, tmp = run_out
    mask = os.umask(0)
    os.umask(mask)
    assert {stat.S_IMODE((tmp / "out" / n).stat().st_mode) for n in OUTPUTS} == {0o666 & ~mask}


def test_unrepresentable_published_year_is_exit_2_others_processed(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "good.txt").write_text("Spain expelled the North Korean ambassador.")
    (tmp_path / "c" / "y1.md").write_text("---\npublished: 0001-01-02\n---\nThey met on Monday.\n")
    (tmp_path / "c" / "y500.md").write_text("---\ntitle: T\npublished: 0500-06-10\n---\nThey met last month.\n")
    assert main(["extract", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "y1.md:2: published year 0001 is outside" in err and "y500.md:3: published year 0500 is outside" in err
    assert "good" in (tmp_path / "o" / "claims.jsonl").read_text()
    assert "500-" not in (tmp_path / "o" / "entities.jsonl").read_text()


def load_build_gold():
    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "tools" / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "ids, message",
    [
        (["no-such-id"], "labels/no-such-id.txt: no label file for id 'no-such-id'"),
        (["x"], "labels/x.txt: no corpus article 'x'"),
    ],
)
def test_build_gold_with_an_unknown_id_exits_2(tmp_path, capsys, monkeypatch, ids, message):
    monkeypatch.setattr("pipeline.nlp.build_nlp", lambda *a: pytest.fail("build_gold started work despite a bad id"))
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "x.txt").write_text("[claims]\n")
    (tmp_path / "corpus").mkdir()
    args = ["--labels", str(tmp_path / "labels"), "--out", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus")]
    assert load_build_gold().main(args + ids) == 2
    assert message in one_line_error(capsys)
    assert not (tmp_path / "gold").exists()


@pytest.mark.parametrize(
    "command",
    [["run"], ["extract", "--corpus", "c", "--out", "o"], ["score", "--gold", "g", "--pred", "p"], ["validate-gold"]],
)
def test_every_command_takes_quiet(command):
    assert parser().parse_args(command + ["--quiet"]).quiet and parser().parse_args(command + ["-q"]).quiet


def test_quiet_silences_status_lines_not_results(tmp_path, capsys):
    assert main(["validate-gold", "--gold", str(ROOT / "gold"), "--corpus", str(ROOT / "corpus"), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Spain expelled the North Korean ambassador.")
    assert main(["extract", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "-q"]) == 0
    assert capsys.readouterr().err == ""
    gold, pred = gold_and_pred(tmp_path / "s")
    assert main(["score", "--gold", str(gold), "--pred", str(pred), "--quiet"]) == 0
    assert "F1 1.000" in capsys.readouterr().out


@pytest.mark.parametrize("tty, quiet, bar", [(True, False, True), (True, True, False), (False, False, False)])
def test_progress_bar_only_on_a_terminal_without_quiet(tmp_path, capsys, monkeypatch, tty, quiet, bar):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Spain expelled the North Korean ambassador.")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    assert (
        main(["extract", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o")] + (["-q"] if quiet else []))
        == 0
    )
    assert ("1/1" in capsys.readouterr().err) == bar


def test_progress_bar_moves_per_article_not_per_batch(nlp, tmp_path, monkeypatch):
    from pipeline.corpus import read_corpus
    from pipeline.extract import extract

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Article {n}: Spain expelled the North Korean ambassador.")
    articles, _ = read_corpus(tmp_path)
    events = []
    make_doc = nlp.make_doc
    monkeypatch.setattr(nlp, "make_doc", lambda text: events.append(f"parse {text.split()[1]}") or make_doc(text))
    monkeypatch.setattr(
        sys, "stderr", type("Spy", (), {"write": lambda self, s: events.append(s), "flush": lambda self: None})()
    )
    monkeypatch.setattr(
        "pipeline.extract.tqdm", functools.partial(tqdm, mininterval=0), raising=False
    )  # draw every update
    extract(nlp, articles, progress=True)
    bar_at_one = next(i for i, e in enumerate(events) if "1/3" in e)
    assert bar_at_one < events.index("parse 2:")  # the bar showed article 1 done before article 3 was read


def test_the_repository_stands_alone_docs_point_inside_it():
    texts = {
        p: p.read_text(encoding="utf-8")
        for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "pipeline").rglob("*.py"))]
    }
    texts["claims --help"] = parser().format_help()
    assert [str(p) for p, t in texts.items() if "../shared" in t or "CLAIMS-SPEC" in t] == []
    assert "docs/reference.md" in texts["claims --help"] and "docs/reference.md" in texts[ROOT / "README.md"]


def test_reference_names_every_relation_label_command_and_option():
    from pipeline.records import POLARITIES, RELATIONS

    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[4].strip()
        for line in reference.splitlines()
        if line.startswith("| `") and line.count("|") == 5
    }
    assert {
        r: ("yes" if sym else "no") for r, sym in RELATIONS.items()
    } == rows  # symmetric column in step with the code
    words = [*POLARITIES, "COUNTRY", "ORG", "DATE"]
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        words += [f"claims {name}"] + [
            o for a in command._actions for o in a.option_strings if o.startswith("--") and o != "--help"
        ]
    assert [w for w in words if w not in reference] == []


def test_a_reader_that_leaves_early_is_no_error(tmp_path):
    """`claims query ... | head -1`: the command stops quietly with status 0, no traceback."""
    import os
    import subprocess
    import sys

    db = Path(__file__).resolve().parents[1] / "out" / "claims.sqlite"
    if not db.is_file():
        pytest.skip("needs out/claims.sqlite from `claims run` (the README's first command)")
    script = (
        "import sys\nfrom pipeline.cli import main\n"
        f"sys.exit(main(['query', 'between', 'PRK', 'KOR', '--db', {str(db)!r}]))"
    )
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is already gone: the first write fails with EPIPE
    try:
        done = subprocess.run([sys.executable, "-c", script], stdout=write_end, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
