"""samples/explore.ipynb runs top to bottom on the current code."""
from __future__ import annotations

import pytest

from conftest import SAMPLES

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")


def test_explore_notebook_runs_top_to_bottom():
    nb = nbformat.read(SAMPLES / "explore.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(SAMPLES)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = "".join(str(o.get("data", o.get("text", ""))) for c in nb.cells
                      if c.cell_type == "code" for o in c.outputs)
    assert "45-NQ/TW" in outputs  # the catalog cell
    assert "value: >1200 người" in outputs  # the alignment cell
    assert "k-deadline" in outputs and "k-assignment" in outputs  # the highlighted text
    assert "image/png" in outputs  # the plots
