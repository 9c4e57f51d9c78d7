"""A comparison whose agencies' cost is the patrols' alone says that its cost per seizure is
the patrols' cost over every seizure, not the enforcement's (sim.experiment.seizure_cost_scope):
beilun-border priced with --set prices no port's staff. Tables only: no run."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from sim.cli_lang import line
from sim.experiment.seizure_cost_scope import patrols_only_notes
from sim.warning_codes import record


def _res(patrols: float, agency: float, per_seizure: float = 900.0) -> SimpleNamespace:
    rows = [("baseline", "agency_cost_patrol_per_year", patrols),
            ("baseline", "agency_cost_per_year", agency),
            ("baseline", "cost_per_seizure", per_seizure),
            ("o", "agency_cost_per_year", agency + 50.0)]  # fmt: skip
    summary = pd.DataFrame(rows, columns=["option", "metric", "mean"])
    return SimpleNamespace(summary=summary, names=["baseline", "o"])


@pytest.mark.parametrize(("patrols", "agency", "noted"), [
    (6000.0, 6000.0, True),     # the patrols' officers alone are priced
    (6000.0, 96000.0, False),   # the ports' staff too: the enforcement's cost per seizure
    (0.0, 96000.0, False),      # no patrols
])  # fmt: skip
def test_the_note_comes_only_where_the_patrols_are_the_whole_cost(patrols, agency, noted):
    notes = patrols_only_notes(_res(patrols, agency))
    assert bool(notes) == noted
    if noted:
        assert record(notes[0])["code"] == "seizure_cost_patrols_only"
        assert "巡查的每次查扣成本" in line(notes[0], "zh")


def test_no_note_where_no_seizure_was_made():
    assert patrols_only_notes(_res(6000.0, 6000.0, float("nan"))) == []
