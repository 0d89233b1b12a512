import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_notebook_runs_on_shipped_corpus(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert main(["extract", "--corpus", str(ROOT / "corpus"), "--out", str(out)]) == 0
    monkeypatch.setenv("CLAIMS_OUT", str(out))
    nb = nbformat.read(ROOT / "notebooks" / "explore_claims.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    printed = "".join(o.get("text", "") for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "dated claims" in printed
    assert os.environ["CLAIMS_OUT"] == str(out)
