import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.records import write_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def run_out(tmp_path_factory):
    """One `claims run` over a copy of the shipped corpus and gold, plus an article with markup."""
    tmp = tmp_path_factory.mktemp("run")
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    shutil.copytree(ROOT / "gold", tmp / "gold")
    (tmp / "corpus" / "zz-script.txt").write_text("Spain expelled the <script>alert(1)</script> North Korean ambassador in 2017.")
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
    claims = [json.loads(l) for l in (tmp / "out" / "claims.jsonl").read_text().splitlines()]
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


@pytest.mark.parametrize("line, message", [
    ("{not json", "bad JSON"),
    ('{"article": "a", "subject": "ESP", "relation": "befriend", "object": "PRK", "polarity": "positive"}', "unknown relation"),
    ('{"article": "a", "subject": "XYZ", "relation": "visit", "object": "PRK", "polarity": "positive", "evidence": "Spain", "start": 0, "end": 5}', "unknown subject code"),
])
def test_bad_gold_line_exits_2_naming_file_and_line(tmp_path, capsys, line, message):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Spain expelled the envoy.")
    (tmp_path / "gold" / "claims").mkdir(parents=True)
    (tmp_path / "gold" / "claims" / "a.jsonl").write_text("\n" + line + "\n")
    assert main(["validate-gold", "--gold", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus")]) == 2
    err = capsys.readouterr().err.strip()
    assert "a.jsonl:2" in err and message in err and "\n" not in err


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
    assert main(["extract", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--model", "no_such_model_xyz"]) == 2
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


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err
    return err


def load_build_gold():
    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "tools" / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("ids, message", [
    (["no-such-id"], "labels/no-such-id.txt: no label file for id 'no-such-id'"),
    (["x"], "labels/x.txt: no corpus article 'x'"),
])
def test_build_gold_with_an_unknown_id_exits_2(tmp_path, capsys, monkeypatch, ids, message):
    monkeypatch.setattr("pipeline.nlp.build_nlp", lambda *a: pytest.fail("build_gold started work despite a bad id"))
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "x.txt").write_text("[claims]\n")
    (tmp_path / "corpus").mkdir()
    args = ["--labels", str(tmp_path / "labels"), "--out", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus")]
    assert load_build_gold().main(args + ids) == 2
    assert message in one_line_error(capsys)
    assert not (tmp_path / "gold").exists()
