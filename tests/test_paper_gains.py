"""``bordersim paper-table RESULTS_DIR --gains MEASURE``: who gains and who loses
(``gains.csv``) in a terminal, a row per port and direction and one for all consignments,
each cell the folder's own mean change, interval and shares; a measure the folder lacks is
refused with what it has."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main

_CELL = re.compile(r"^(-?[0-9.,]+) (\[(-?[0-9.,]+), (-?[0-9.,]+)\]|\S+); "
                   r"(<? ?[0-9.]+) % / (<? ?[0-9.]+) %$")


def _table(capsys: pytest.CaptureFixture[str], folder: Path, measure: str) -> dict[str, str]:
    assert main(["paper-table", str(folder), "--gains", measure]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Table: Who gains and who loses, {measure} (")
    assert "| who | doc1 |" in out
    return {cells[1].strip(): cells[2].strip() for line in out.splitlines()
            if (cells := line.split("|")) and len(cells) == 4 and cells[1].strip()
            not in ("who", ":--")}  # fmt: skip


@pytest.mark.parametrize("measure", ["overall_clearance", "clearance"])
def test_every_port_and_direction_has_its_row_with_the_folders_figures(
        capsys, doc1_compare, measure):
    rows = _table(capsys, doc1_compare, measure)
    g = pd.read_csv(doc1_compare / "gains.csv")
    g = g[(g["measure"] == measure) & g["dimension"].isin(["all", "port_direction"])]
    want = {("all consignments" if r["port"] == "all" else f"{r['port']} \u00b7 "
             f"{r['direction']}"): r for r in g.to_dict("records")}  # fmt: skip
    assert set(rows) == set(want) and len(rows) >= 2, rows
    for who, r in want.items():
        found = _CELL.match(rows[who])
        assert found is not None, rows[who]
        assert float(found[1]) == pytest.approx(r["mean_change"], abs=0.01)
        if found[3] is not None:
            assert float(found[3]) == pytest.approx(r["ci_low"], abs=0.01)
            assert float(found[4]) == pytest.approx(r["ci_high"], abs=0.01)
        assert float(found[5].lstrip("< ")) == pytest.approx(100 * r["share_better"], abs=0.1)
        assert float(found[6].lstrip("< ")) == pytest.approx(100 * r["share_worse"], abs=0.1)


def test_a_measure_the_folder_lacks_is_refused_with_those_it_has(capsys, doc1_compare):
    assert main(["paper-table", str(doc1_compare), "--gains", "speed"]) == 2
    err = capsys.readouterr().err
    assert "--gains 'speed': not a measure of" in err and "overall_clearance" in err
